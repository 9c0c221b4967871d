// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunDueSchedulesOperation.h"

#include "BackupQueue.h"
#include "catalog/Catalog.h"
#include "jobs/Scheduler.h"

RunDueSchedulesOperation::RunDueSchedulesOperation(const OperationContext &context)
    : m_context(context)
{ }

QVector<BackupRecord> RunDueSchedulesOperation::run(BackupQueue *queue)
{
    m_problems.clear();
    const int failedBefore = m_context.catalog->failedStatements();
    Scheduler scheduler(m_context.catalog, m_context.clock, m_context.actor);
    const QVector<BackupRecord> created = scheduler.runDue(&m_problems);
    // A failed read answers "nothing due": say so rather than report a quiet run.
    if (const QString failure = m_context.catalog->readFailureSince(failedBefore);
        !failure.isEmpty() && m_problems.isEmpty())
        m_problems << failure;
    for (const BackupRecord &record : created) {
        m_context.audit(
            QStringLiteral("backup.create"), AuditOutcome::Success, record.siteId, record.environment, record.id,
            Environments::toString(record.environment) + QLatin1Char(' ') + Backups::typeToString(record.type));
        if (queue)
            queue->enqueueBackup(record);
    }
    return created;
}
