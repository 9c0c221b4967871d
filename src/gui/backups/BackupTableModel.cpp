// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupTableModel.h"

#include "widgets/Format.h"

#include <QSet>

BackupTableModel::BackupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("BackupTableModel"));
}

void BackupTableModel::setBackups(const QString &siteId, const QVector<BackupRecord> &backups)
{
    if (siteId != m_siteId || m_rows.isEmpty()) {
        beginResetModel();
        m_siteId = siteId;
        m_rows = backups;
        m_live.clear();
        m_createdMsecs.resize(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_createdMsecs[i] = m_rows.at(i).createdAt.toMSecsSinceEpoch();
        // The id index is built on the first lookup: opening a site with 100,000 backups
        // should not pay for it before the rows are on screen.
        m_rowById.clear();
        m_indexDirty = true;
        endResetModel();
        return;
    }

    // Same site: merge in place so views keep selection and scroll position.
    QSet<QString> fresh;
    fresh.reserve(backups.size());
    for (const BackupRecord &record : backups)
        fresh.insert(record.id);
    for (int row = m_rows.size() - 1; row >= 0; --row) {
        if (!fresh.contains(m_rows.at(row).id)) {
            beginRemoveRows(QModelIndex(), row, row);
            m_live.remove(m_rows.at(row).id);
            m_rows.remove(row);
            m_createdMsecs.remove(row);
            endRemoveRows();
        }
    }
    rebuildIndex();
    QVector<BackupRecord> added;
    for (const BackupRecord &record : backups) {
        const int row = rowOf(record.id);
        if (row < 0)
            added.append(record);
        else
            setRow(row, record);
    }
    if (!added.isEmpty()) {
        const int first = m_rows.size();
        beginInsertRows(QModelIndex(), first, first + added.size() - 1);
        for (const BackupRecord &record : qAsConst(added)) {
            m_rows.append(record);
            m_createdMsecs.append(record.createdAt.toMSecsSinceEpoch());
            m_rowById.insert(record.id, m_rows.size() - 1);
        }
        endInsertRows();
    }
}

void BackupTableModel::setRow(int row, const BackupRecord &record)
{
    const BackupRecord &old = m_rows.at(row);
    const bool same = old.status == record.status && old.sizeBytes == record.sizeBytes && old.pinned == record.pinned
        && old.finishedAt == record.finishedAt && old.startedAt == record.startedAt && old.errorText == record.errorText
        && old.sha256 == record.sha256 && old.heartbeatAt == record.heartbeatAt;
    if (same)
        return;
    m_rows[row] = record;
    m_createdMsecs[row] = record.createdAt.toMSecsSinceEpoch();
    if (record.status != BackupStatus::InProgress)
        m_live.remove(record.id);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void BackupTableModel::updateBackup(const BackupRecord &record)
{
    if (record.siteId != m_siteId || m_siteId.isEmpty())
        return;
    const int row = rowOf(record.id);
    if (row >= 0) {
        setRow(row, record);
        return;
    }
    const int first = m_rows.size();
    beginInsertRows(QModelIndex(), first, first);
    m_rows.append(record);
    m_createdMsecs.append(record.createdAt.toMSecsSinceEpoch());
    m_rowById.insert(record.id, first);
    endInsertRows();
}

void BackupTableModel::removeBackup(const QString &backupId)
{
    const int row = rowOf(backupId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.remove(row);
    m_createdMsecs.remove(row);
    m_live.remove(backupId);
    rebuildIndex();
    endRemoveRows();
}

void BackupTableModel::setProgress(const JobProgress &progress)
{
    if (progress.kind != JobKind::Backup || progress.backupId.isEmpty())
        return;
    const int row = rowOf(progress.backupId);
    if (row < 0)
        return;
    Live &live = m_live[progress.backupId];
    live.phase = progress.phase;
    live.bytesDone = progress.bytesDone;
    live.bytesTotal = progress.bytesTotal;
    emit dataChanged(index(row, StatusColumn), index(row, StatusColumn),
                     { ProgressRole, ProgressTextRole, Qt::DisplayRole, Qt::ToolTipRole });
}

void BackupTableModel::clear()
{
    beginResetModel();
    m_siteId.clear();
    m_rows.clear();
    m_createdMsecs.clear();
    m_rowById.clear();
    m_indexDirty = false;
    m_live.clear();
    endResetModel();
}

int BackupTableModel::rowOf(const QString &backupId) const
{
    if (m_indexDirty) {
        m_indexDirty = false;
        m_rowById.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_rowById.insert(m_rows.at(i).id, i);
    }
    return m_rowById.value(backupId, -1);
}

void BackupTableModel::rebuildIndex()
{
    m_indexDirty = false;
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).id, i);
}

int BackupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int BackupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupRecord &r = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());

    switch (role) {
    case RecordRole:
        return QVariant::fromValue(r);
    case IdRole:
        return r.id;
    case ProgressRole: {
        if (r.status != BackupStatus::InProgress)
            return -1;
        const auto it = m_live.constFind(r.id);
        if (it == m_live.constEnd() || it->bytesTotal <= 0)
            return -1;
        return static_cast<int>(qBound<qint64>(0, it->bytesDone * 1000 / it->bytesTotal, qint64(1000)));
    }
    case ProgressTextRole: {
        const auto it = m_live.constFind(r.id);
        if (r.status != BackupStatus::InProgress || it == m_live.constEnd())
            return Format::status(r.status);
        const QString phase = it->phase.isEmpty() ? Format::status(r.status) : it->phase;
        return it->bytesDone > 0 ? QStringLiteral("%1 · %2").arg(phase, Format::size(it->bytesDone)) : phase;
    }
    case SortRole:
        switch (column) {
        case EnvironmentColumn:
            return static_cast<int>(r.environment);
        case TypeColumn:
            return static_cast<int>(r.type);
        case StatusColumn:
            return static_cast<int>(r.status);
        case CreatedColumn:
            return r.createdAt;
        case SizeColumn:
            return r.sizeBytes;
        case CreatedByColumn:
            return r.createdBy;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case EnvironmentColumn:
            return Format::environment(r.environment);
        case TypeColumn:
            return r.pinned ? tr("%1 (pinned)").arg(Format::type(r.type)) : Format::type(r.type);
        case StatusColumn:
            return data(index, ProgressTextRole);
        case CreatedColumn:
            return Format::localTime(r.createdAt);
        case SizeColumn:
            return r.status == BackupStatus::Completed ? Format::size(r.sizeBytes) : QStringLiteral("—");
        case CreatedByColumn:
            return r.createdBy;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return Format::statusIcon(r.status);
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case CreatedColumn:
            return Format::exactTime(r.createdAt);
        case StatusColumn:
            if (r.status == BackupStatus::Failed && !r.errorText.isEmpty())
                return r.errorText;
            return Format::status(r.status);
        case SizeColumn:
            if (r.status == BackupStatus::Completed)
                return tr("%1 compressed, %2 of SQL").arg(Format::size(r.sizeBytes), Format::size(r.rawSizeBytes));
            return tr("The size is known once the backup has completed.");
        default:
            return {};
        }
        break;
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::AccessibleTextRole:
        if (column == StatusColumn)
            return Format::status(r.status);
        return {};
    default:
        return {};
    }
}

QVariant BackupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case EnvironmentColumn:
        return tr("Environment");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case SizeColumn:
        return tr("Size");
    case CreatedByColumn:
        return tr("Created by");
    case ColumnCount:
        break;
    }
    return {};
}
