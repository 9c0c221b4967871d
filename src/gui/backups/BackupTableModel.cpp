// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupTableModel.h"

#include "widgets/Format.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

#include <memory>
#include <utility>

BackupTableModel::BackupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("BackupTableModel"));
}

void BackupTableModel::reset(const QString &siteId, const QVector<BackupRecord> &backups)
{
    beginResetModel();
    ++m_generation;
    m_mergeQueued = false;
    m_queuedMerge.clear();
    // Live progress survives a reload of the same site (the complete list after the first
    // page); it would otherwise blink until the next progress update.
    if (siteId != m_siteId)
        m_live.clear();
    m_siteId = siteId;
    m_rows = backups;
    m_createdMsecs.resize(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_createdMsecs[i] = m_rows.at(i).createdAt.toMSecsSinceEpoch();
    // The id index is built on the first lookup: opening a site with 100,000 backups
    // should not pay for it before the rows are on screen.
    m_rowById.clear();
    m_indexDirty = true;
    endResetModel();
}

bool BackupTableModel::setFirstPage(const QString &siteId, const QVector<BackupRecord> &newest)
{
    if (siteId == m_siteId && !m_rows.isEmpty() && !m_partial)
        return false;
    reset(siteId, newest);
    m_partial = true;
    return true;
}

void BackupTableModel::setBackups(const QString &siteId, const QVector<BackupRecord> &backups)
{
    if (siteId != m_siteId || m_rows.isEmpty() || m_partial) {
        m_partial = false;
        reset(siteId, backups);
        return;
    }
    // Same site (a periodic refresh): merge in place so views keep selection and scroll
    // position. Comparing 100,000 rows takes tens of milliseconds, so large lists are compared
    // on a pool thread and only the differences are applied here.
    if (m_rows.size() + backups.size() < AsyncMergeThreshold) {
        applyMerge(planMerge(m_rows, backups), false);
        emit merged();
        return;
    }
    if (m_mergeRunning) {
        m_queuedMerge = backups; // the newest answer wins; older queued ones are stale
        m_mergeQueued = true;
        return;
    }
    startMerge(backups);
}

bool BackupTableModel::sameContent(const BackupRecord &a, const BackupRecord &b)
{
    return a.status == b.status && a.sizeBytes == b.sizeBytes && a.rawSizeBytes == b.rawSizeBytes
        && a.pinned == b.pinned && a.type == b.type && a.environment == b.environment && a.createdBy == b.createdBy
        && a.finishedAt == b.finishedAt && a.startedAt == b.startedAt && a.createdAt == b.createdAt
        && a.errorText == b.errorText && a.sha256 == b.sha256 && a.heartbeatAt == b.heartbeatAt
        && a.workerId == b.workerId && a.objectKey == b.objectKey;
}

BackupTableModel::MergePlan BackupTableModel::planMerge(const QVector<BackupRecord> &current,
                                                        const QVector<BackupRecord> &fresh)
{
    MergePlan plan;
    // The usual refresh brings the same backups in the same order: no hashing needed.
    bool sameOrder = current.size() == fresh.size();
    for (int i = 0; sameOrder && i < fresh.size(); ++i)
        sameOrder = current.at(i).id == fresh.at(i).id;
    if (sameOrder) {
        for (int i = 0; i < fresh.size(); ++i) {
            if (!sameContent(current.at(i), fresh.at(i)))
                plan.changed.append(fresh.at(i));
        }
        return plan;
    }
    QHash<QString, int> rowById;
    rowById.reserve(current.size());
    for (int i = 0; i < current.size(); ++i)
        rowById.insert(current.at(i).id, i);
    QSet<QString> freshIds;
    freshIds.reserve(fresh.size());
    for (const BackupRecord &record : fresh) {
        freshIds.insert(record.id);
        const auto it = rowById.constFind(record.id);
        if (it == rowById.constEnd())
            plan.added.append(record);
        else if (!sameContent(current.at(*it), record))
            plan.changed.append(record);
    }
    for (const BackupRecord &record : current) {
        if (!freshIds.contains(record.id))
            plan.removed.append(record.id);
    }
    return plan;
}

void BackupTableModel::startMerge(const QVector<BackupRecord> &fresh)
{
    m_mergeRunning = true;
    m_touched.clear();
    // The snapshot shares the rows' data; a change here meanwhile detaches instead of racing.
    const QVector<BackupRecord> snapshot = m_rows;
    const QPointer<BackupTableModel> self(this);
    const quint64 generation = m_generation;
    QThreadPool::globalInstance()->start([self, snapshot, fresh, generation] {
        auto plan = std::make_shared<MergePlan>(planMerge(snapshot, fresh));
        // Back to the GUI thread through the application object, which outlives the model.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, plan, generation] {
                if (self)
                    self->finishMerge(*plan, generation);
            },
            Qt::QueuedConnection);
    });
}

void BackupTableModel::finishMerge(const MergePlan &plan, quint64 generation)
{
    m_mergeRunning = false;
    if (generation == m_generation) // else the model was reset (another site) meanwhile
        applyMerge(plan, true);
    m_touched.clear();
    if (m_mergeQueued) {
        m_mergeQueued = false;
        const QVector<BackupRecord> next = std::exchange(m_queuedMerge, {});
        startMerge(next);
        return;
    }
    emit merged();
}

void BackupTableModel::applyMerge(const MergePlan &plan, bool skipTouched)
{
    QElapsedTimer timer;
    timer.start();
    // Rows changed here after the snapshot (a backupChanged from a running job) hold newer
    // data than the catalog answer that was being compared: keep them.
    auto skip = [&](const QString &id) { return skipTouched && m_touched.contains(id); };
    for (const QString &id : plan.removed) {
        if (skip(id))
            continue;
        const int row = rowOf(id);
        if (row < 0)
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_live.remove(id);
        m_rows.remove(row);
        m_createdMsecs.remove(row);
        rebuildIndex();
        endRemoveRows();
    }
    for (const BackupRecord &record : plan.changed) {
        if (skip(record.id))
            continue;
        const int row = rowOf(record.id);
        if (row >= 0)
            setRow(row, record);
    }
    QVector<BackupRecord> added;
    for (const BackupRecord &record : plan.added) {
        if (!skip(record.id) && rowOf(record.id) < 0)
            added.append(record);
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
    m_lastMergeApplyMsec = timer.elapsed();
}

void BackupTableModel::setRow(int row, const BackupRecord &record)
{
    const BackupRecord &old = m_rows.at(row);
    if (sameContent(old, record))
        return;
    // Announce only the columns that changed: a dynamically sorted proxy re-sorts (a layout
    // change over every row) when the sort column is among them, and the usual sort column,
    // Created, never changes.
    int first = ColumnCount, last = -1;
    auto touch = [&](int column, bool changed) {
        if (changed) {
            first = qMin(first, column);
            last = qMax(last, column);
        }
    };
    touch(TypeColumn, old.pinned != record.pinned || old.type != record.type);
    touch(StatusColumn, old.status != record.status || old.errorText != record.errorText);
    touch(SizeColumn,
          old.status != record.status || old.sizeBytes != record.sizeBytes || old.rawSizeBytes != record.rawSizeBytes);
    touch(CreatedByColumn, old.createdBy != record.createdBy);
    touch(EnvironmentColumn, old.environment != record.environment);
    touch(CreatedColumn, old.createdAt != record.createdAt);
    m_rows[row] = record;
    m_createdMsecs[row] = record.createdAt.toMSecsSinceEpoch();
    if (record.status != BackupStatus::InProgress)
        m_live.remove(record.id);
    // Fields no column shows (hash, times, worker) still change RecordRole: announce one cell.
    if (last < 0)
        first = last = StatusColumn;
    emit dataChanged(index(row, first), index(row, last));
}

void BackupTableModel::updateBackup(const BackupRecord &record)
{
    if (record.siteId != m_siteId || m_siteId.isEmpty())
        return;
    if (m_mergeRunning)
        m_touched.insert(record.id);
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
    if (m_mergeRunning)
        m_touched.insert(backupId);
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
    ++m_generation;
    m_mergeQueued = false;
    m_queuedMerge.clear();
    m_partial = false;
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
            return Format::type(r.type); // a pin shows as an icon, so that the column stays narrow
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
        if (column == TypeColumn)
            return r.pinned ? Format::pinIcon() : Format::blankIcon();
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case TypeColumn:
            return typeText(r);
        case CreatedByColumn:
            return r.createdBy;
        case CreatedColumn:
            return Format::exactTime(r.createdAt);
        case StatusColumn:
            if (r.status == BackupStatus::Failed && !r.errorText.isEmpty())
                return r.errorText;
            if (r.status == BackupStatus::Deleting)
                return tr("Its deletion has not finished, so its file may be gone. If no deletion is running, "
                          "delete it again to finish.");
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
        if (column == TypeColumn)
            return typeText(r);
        return {};
    default:
        return {};
    }
}

QString BackupTableModel::typeText(const BackupRecord &r)
{
    return r.pinned ? tr("%1 (pinned)").arg(Format::type(r.type)) : Format::type(r.type);
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
