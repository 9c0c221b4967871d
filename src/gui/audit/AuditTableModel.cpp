// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditTableModel.h"

#include "widgets/Format.h"

#include <QBrush>
#include <QColor>

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AuditTableModel::setEntries(const QVector<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QString AuditTableModel::target(const AuditEntry &entry)
{
    QStringList parts;
    if (!entry.siteId.isEmpty())
        parts << entry.siteId;
    if (entry.environment)
        parts << Format::environment(*entry.environment);
    if (!entry.backupId.isEmpty())
        parts << entry.backupId;
    return parts.join(QStringLiteral(" / "));
}

QString AuditTableModel::outcomeText(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return tr("Success");
    case AuditOutcome::Failure:
        return tr("Failed");
    case AuditOutcome::Refused:
        return tr("Refused");
    }
    return QString();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    if (role == RecordRole)
        return QVariant::fromValue(e);
    if (role == SortRole) {
        switch (index.column()) {
        case Time:
            return e.at.toMSecsSinceEpoch();
        case Outcome:
            return static_cast<int>(e.outcome);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return Format::localTime(e.at);
        case Actor:
            return e.actor;
        case Action:
            return e.action;
        case Target:
            return target(e);
        case Outcome:
            return outcomeText(e.outcome);
        case Detail:
            return e.detail;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Time)
            return Format::exactTime(e.at);
        if (index.column() == Detail || index.column() == Target)
            return data(index, Qt::DisplayRole);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Outcome && e.outcome != AuditOutcome::Success)
        return QBrush(e.outcome == AuditOutcome::Failure ? QColor(0xc0, 0x39, 0x2b) : QColor(0xb3, 0x6b, 0x00));
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case Target:
        return tr("Target");
    case Outcome:
        return tr("Outcome");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}
