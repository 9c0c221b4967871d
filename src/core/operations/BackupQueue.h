// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "catalog/BackupRecord.h"
#include "jobs/JobQueue.h"

class BackupJob;

/// The one queue of backups, for the console's service and the CLI's worker alike: at most
/// "Backups running at once" (AppSettings::JobConcurrency) across sites, one at a time per
/// environment (queue key "<site>/<env>"), each run as a BackupJob under the context's worker
/// id and heartbeat. JobQueue's signals report starts and ends.
class BackupQueue : public JobQueue
{
    Q_OBJECT

public:
    BackupQueue(const OperationContext &context, int concurrency, QObject *parent = nullptr);

    /// The queue key of an environment: its backups never run side by side.
    static QString key(const QString &siteId, Environment env);
    /// A BackupJob for the Pending backup @p backupId, run by this process (@p context's worker
    /// id and heartbeat). Also for front ends that run one backup without a queue.
    static BackupJob *newJob(const OperationContext &context, const QString &backupId, QObject *parent = nullptr);

    /// Queues the Pending backup @p record under its id. Its BackupJob is made when its turn
    /// comes; jobStarted() hands it out before it starts (to connect progress).
    void enqueueBackup(const BackupRecord &record);

signals:
    /// @p record was queued (before its job may start).
    void backupQueued(const BackupRecord &record);

private:
    OperationContext m_context;
};
