// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttentionModel.h"

#include "widgets/Format.h"

AttentionModel::AttentionModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AttentionModel::setItems(const QVector<AttentionItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

QString AttentionModel::kindText(AttentionKind kind)
{
    switch (kind) {
    case AttentionKind::Failed:
        return tr("Failed");
    case AttentionKind::Interrupted:
        return tr("Interrupted");
    case AttentionKind::Overdue:
        return tr("Overdue");
    }
    return {};
}

QString AttentionModel::actionText(AttentionAction action)
{
    return action == AttentionAction::RetryBackup ? tr("Retry Backup") : tr("Open Site");
}

int AttentionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int AttentionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttentionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttentionItem &item = m_items.at(index.row());
    if (role == RecordRole)
        return QVariant::fromValue(item);
    if (role == SortRole) {
        switch (index.column()) {
        case SiteColumn:
            return item.siteName.isEmpty() ? item.siteId : item.siteName;
        case EnvironmentColumn:
            return int(item.environment);
        case ProblemColumn:
            return int(item.kind);
        case SinceColumn:
            return item.at;
        case DetailsColumn:
            return item.reason;
        case ActionColumn:
            return int(item.action);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SiteColumn:
            return item.siteName.isEmpty() ? item.siteId : item.siteName;
        case EnvironmentColumn:
            return Format::environment(item.environment);
        case ProblemColumn:
            return kindText(item.kind);
        case SinceColumn:
            return Format::localTime(item.at);
        case DetailsColumn:
            return item.reason;
        case ActionColumn:
            return actionText(item.action);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case SiteColumn:
            return tr("%1 (%2), customer %3").arg(item.siteName, item.siteId, item.customer);
        case SinceColumn:
            return Format::exactTime(item.at);
        case DetailsColumn:
            return item.backup.isValid() ? tr("%1\nBackup %2").arg(item.reason, item.backup.id) : item.reason;
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == ProblemColumn)
        return item.kind == AttentionKind::Overdue ? Format::attentionIcon() : Format::statusIcon(BackupStatus::Failed);
    return {};
}

QVariant AttentionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SiteColumn:
        return tr("Site");
    case EnvironmentColumn:
        return tr("Environment");
    case ProblemColumn:
        return tr("Problem");
    case SinceColumn:
        return tr("Since");
    case DetailsColumn:
        return tr("What Is Wrong");
    case ActionColumn:
        return tr("Action");
    }
    return {};
}
