// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupFilterProxyModel.h"

#include "BackupTableModel.h"

BackupFilterProxyModel::BackupFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setObjectName(QStringLiteral("BackupFilterProxyModel"));
    setSortRole(BackupTableModel::SortRole);
    setDynamicSortFilter(true);
}

void BackupFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_backups = qobject_cast<BackupTableModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void BackupFilterProxyModel::setFilter(const EnvironmentFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    // invalidate(), not invalidateFilter(): the latter removes and inserts every changed row
    // range one by one, and an environment filter over interleaved rows yields tens of
    // thousands of ranges (seconds for 100,000 backups). A layout change rebuilds the mapping
    // in one pass and still keeps the selection.
    invalidate();
}

void BackupFilterProxyModel::setEnvironment(std::optional<Environment> environment)
{
    EnvironmentFilter f = m_filter;
    f.setEnvironment(environment);
    setFilter(f);
}

void BackupFilterProxyModel::setStatus(std::optional<BackupStatus> status)
{
    EnvironmentFilter f = m_filter;
    f.setStatus(status);
    setFilter(f);
}

bool BackupFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_backups)
        return m_filter.accepts(m_backups->recordAt(sourceRow));
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_filter.accepts(index.data(BackupTableModel::RecordRole).value<BackupRecord>());
}

bool BackupFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Sorting 100,000 rows compares ~2 million pairs: read the records directly instead of
    // building QVariants, and break ties by creation time then id so the order is stable.
    if (!m_backups)
        return QSortFilterProxyModel::lessThan(left, right);
    const BackupRecord &a = m_backups->recordAt(left.row());
    const BackupRecord &b = m_backups->recordAt(right.row());
    const qint64 ca = m_backups->createdMsecs(left.row());
    const qint64 cb = m_backups->createdMsecs(right.row());
    auto tieBreak = [&] { return ca != cb ? ca < cb : a.id < b.id; };
    switch (static_cast<BackupTableModel::Column>(left.column())) {
    case BackupTableModel::EnvironmentColumn:
        return a.environment != b.environment ? a.environment < b.environment : tieBreak();
    case BackupTableModel::TypeColumn:
        return a.type != b.type ? a.type < b.type : tieBreak();
    case BackupTableModel::StatusColumn:
        return a.status != b.status ? a.status < b.status : tieBreak();
    case BackupTableModel::SizeColumn:
        return a.sizeBytes != b.sizeBytes ? a.sizeBytes < b.sizeBytes : tieBreak();
    case BackupTableModel::CreatedByColumn: {
        const int c = a.createdBy.localeAwareCompare(b.createdBy);
        return c != 0 ? c < 0 : tieBreak();
    }
    case BackupTableModel::CreatedColumn:
    case BackupTableModel::ColumnCount:
        break;
    }
    return tieBreak();
}
