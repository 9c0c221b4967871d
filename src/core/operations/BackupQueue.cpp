// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupQueue.h"

#include "jobs/BackupJob.h"

BackupQueue::BackupQueue(const OperationContext &context, int concurrency, QObject *parent)
    : JobQueue(std::max(1, concurrency), parent)
    , m_context(context)
{ }

QString BackupQueue::key(const QString &siteId, Environment env)
{
    return siteId + QLatin1Char('/') + Environments::toString(env);
}

BackupJob *BackupQueue::newJob(const OperationContext &context, const QString &backupId, QObject *parent)
{
    BackupJob::Options options;
    options.workerId = context.workerId;
    options.heartbeatSeconds = context.heartbeatSeconds;
    return new BackupJob(context.catalog, context.store, context.secrets, context.clock, backupId, options, parent);
}

void BackupQueue::enqueueBackup(const BackupRecord &record)
{
    const QString id = record.id;
    emit backupQueued(record);
    enqueue(key(record.siteId, record.environment), id, [this, id]() -> Job * { return newJob(m_context, id, this); });
}
