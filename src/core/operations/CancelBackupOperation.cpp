// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CancelBackupOperation.h"

#include "catalog/Catalog.h"
#include "util/Clock.h"

#include <algorithm>

CancelBackupOperation::CancelBackupOperation(const OperationContext &context)
    : m_context(context)
{ }

OperationResult CancelBackupOperation::run(const QString &backupId)
{
    m_finishedAtOnce = false;
    QString siteId;
    std::optional<Environment> env;
    const OperationResult result = decide(backupId, &siteId, &env);
    AuditEntry entry;
    entry.at = m_context.clock ? m_context.clock->nowUtc() : QDateTime();
    entry.actor = m_context.actor;
    entry.action = QStringLiteral("backup.cancel");
    entry.siteId = siteId;
    entry.backupId = backupId;
    entry.detail = result.message;
    entry.environment = env;
    entry.outcome = result.outcome;
    m_context.catalog->audit(entry);
    return result;
}

OperationResult CancelBackupOperation::decide(const QString &backupId, QString *siteId, std::optional<Environment> *env)
{
    Catalog *catalog = m_context.catalog;
    // The row can move between the read and the write (a worker claims it, the runner ends it):
    // each write is a compare-and-set, and a lost race reads the row again. Three rounds cover
    // Pending -> In Progress -> terminal.
    for (int round = 0; round < 3; ++round) {
        const int failedBefore = catalog->failedStatements();
        const std::optional<BackupRecord> record = catalog->backup(backupId);
        if (!record) {
            return OperationResult::refused(catalog->absentReason(
                failedBefore,
                tr("There is no backup %1 in the catalog; check the id with 'creodrop-backupctl backup list SITE'.")
                    .arg(backupId)));
        }
        *siteId = record->siteId;
        *env = record->environment;
        switch (record->status) {
        case BackupStatus::Pending:
            if (catalog->cancelPendingBackup(backupId, m_context.actor,
                                             tr("Cancelled by %1 before it started.").arg(m_context.actor))) {
                m_finishedAtOnce = true;
                return OperationResult::success(tr("Cancelled backup %1; it had not started.").arg(backupId));
            }
            break;
        case BackupStatus::InProgress:
            if (record->cancelRequestedAt.isValid())
                return OperationResult::success(
                    tr("Cancelling backup %1 was already requested by %2; the process running it stops it.")
                        .arg(backupId, record->cancelRequestedBy));
            if (catalog->requestCancel(backupId, m_context.actor))
                return OperationResult::success(
                    tr("Asked the process running backup %1 (%2) to cancel it; it stops within about %3 seconds "
                       "and removes what it uploaded.")
                        .arg(backupId, record->workerId)
                        .arg(2
                             * std::max(1,
                                        record->heartbeatSeconds > 0 ? record->heartbeatSeconds
                                                                     : m_context.heartbeatSeconds)));
            break;
        case BackupStatus::Completed:
            return OperationResult::refused(
                tr("Backup %1 is already completed; there is nothing to cancel. Delete it with "
                   "'creodrop-backupctl backup delete %1' if it is not wanted.")
                    .arg(backupId));
        case BackupStatus::Failed:
        case BackupStatus::Cancelled:
        case BackupStatus::Deleting:
            return OperationResult::refused(tr("Backup %1 has already ended (%2); there is nothing to cancel.")
                                                .arg(backupId, Backups::statusToString(record->status)));
        }
        if (!catalog->lastError().isEmpty())
            return OperationResult::failure(tr("Could not cancel backup %1: %2").arg(backupId, catalog->lastError()));
    }
    return OperationResult::failure(
        tr("Backup %1 kept changing while it was being cancelled; try again.").arg(backupId));
}
