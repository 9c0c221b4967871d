// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "jobs/JobProgress.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVector>

/// The backups of one site, one row per backup (cf. Vorta's ArchiveTableModel, qBittorrent's
/// TransferListModel).
///
/// Rows are keyed by backup id: setBackups() merges a fresh catalog answer into the rows in
/// place (changed rows emit dataChanged, new ones are inserted, vanished ones removed), so a
/// periodic refresh keeps the view's selection and scroll position. Only a different site
/// resets the model. Live progress of running backups arrives through setProgress().
class BackupTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        EnvironmentColumn,
        TypeColumn,
        StatusColumn,
        CreatedColumn,
        SizeColumn,
        CreatedByColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw values: QDateTime, qint64, enum ints
        RecordRole, ///< the whole BackupRecord
        IdRole, ///< the backup id
        ProgressRole, ///< 0..1000 for In Progress rows with a known total, -1 when unknown
        ProgressTextRole, ///< "Dumping · 12.3 MiB" for the progress bar
    };

    explicit BackupTableModel(QObject *parent = nullptr);

    QString siteId() const { return m_siteId; }
    /// Replaces (other site, or after a first page) or merges (same site) the rows.
    void setBackups(const QString &siteId, const QVector<BackupRecord> &backups);
    /// Shows the newest backups of a site while the rest are still loading; setBackups() with
    /// the complete list replaces them. Ignored (returns false) when the model already holds
    /// the complete list of @p siteId: a refresh then only merges the complete answer.
    bool setFirstPage(const QString &siteId, const QVector<BackupRecord> &newest);
    /// True between setFirstPage() and the complete list.
    bool isPartial() const { return m_partial; }
    /// Lists at least this long (old + new rows) are compared off the GUI thread, so
    /// setBackups() of the same site returns before the rows are merged; merged() says when.
    static constexpr int AsyncMergeThreshold = 20000;
    /// GUI-thread milliseconds the last merge spent applying its differences (bench/gui.sh).
    qint64 lastMergeApplyMsec() const { return m_lastMergeApplyMsec; }
    /// Inserts or updates one backup of the current site; others are ignored.
    void updateBackup(const BackupRecord &record);
    void removeBackup(const QString &backupId);
    void setProgress(const JobProgress &progress);
    void clear();

    int rowOf(const QString &backupId) const;
    const BackupRecord &recordAt(int row) const { return m_rows.at(row); }
    /// Fast access for the proxy, which compares many rows while sorting.
    qint64 createdMsecs(int row) const { return m_createdMsecs.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// A same-site setBackups() has been merged into the rows.
    void merged();

private:
    /// What a fresh catalog answer changes, computed from a snapshot of the rows (any thread).
    struct MergePlan
    {
        QVector<BackupRecord> changed;
        QVector<BackupRecord> added;
        QStringList removed;
    };
    static bool sameContent(const BackupRecord &a, const BackupRecord &b);
    /// The type, and whether the backup is pinned, in words (the tooltip and the screen reader's
    /// text of the Type column, where the pin is an icon).
    static QString typeText(const BackupRecord &r);
    static MergePlan planMerge(const QVector<BackupRecord> &current, const QVector<BackupRecord> &fresh);
    void startMerge(const QVector<BackupRecord> &fresh);
    void finishMerge(const MergePlan &plan, quint64 generation);
    void applyMerge(const MergePlan &plan, bool skipTouched);

private:
    struct Live
    {
        QString phase;
        qint64 bytesDone = 0;
        qint64 bytesTotal = -1;
    };

    void rebuildIndex();
    void reset(const QString &siteId, const QVector<BackupRecord> &backups);
    void setRow(int row, const BackupRecord &record);

    QString m_siteId;
    QVector<BackupRecord> m_rows;
    QVector<qint64> m_createdMsecs;
    mutable QHash<QString, int> m_rowById; ///< built on first lookup after a reset
    mutable bool m_indexDirty = false;
    bool m_partial = false;
    quint64 m_generation = 0; ///< bumped by every reset: a merge planned before it is stale
    bool m_mergeRunning = false;
    bool m_mergeQueued = false;
    QVector<BackupRecord> m_queuedMerge;
    QSet<QString> m_touched; ///< ids changed here while a merge was being planned
    qint64 m_lastMergeApplyMsec = -1;
    QHash<QString, Live> m_live; ///< by backup id
};
