// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadBackupOperation.h"

#include "catalog/Catalog.h"
#include "jobs/DownloadJob.h"

#include <QCoreApplication>

DownloadBackupOperation::DownloadBackupOperation(const OperationContext &context)
    : m_context(context)
{ }

DownloadJob *DownloadBackupOperation::prepare(const QString &backupId, const QString &targetPath, bool overwrite,
                                              QObject *parent)
{
    const QString action = QStringLiteral("backup.download");
    const int failedBefore = m_context.catalog->failedStatements();
    const auto record = m_context.catalog->backup(backupId);
    if (!record || record->status != BackupStatus::Completed) {
        m_refusal = OperationResult::refused(
            record ? QCoreApplication::translate("DownloadBackupOperation",
                                                 "Backup %1 is %2; only completed backups can be downloaded.")
                         .arg(backupId, Backups::statusToString(record->status))
                   : m_context.catalog->absentReason(
                       failedBefore,
                       QCoreApplication::translate("DownloadBackupOperation", "There is no backup %1 in the catalog.")
                           .arg(backupId)));
        m_context.audit(action, AuditOutcome::Refused, record ? record->siteId : QString(),
                        record ? std::optional<Environment>(record->environment) : std::nullopt, backupId,
                        m_refusal.message);
        return nullptr;
    }
    auto *job = new DownloadJob(m_context.catalog, m_context.store, m_context.clock, backupId, targetPath, parent);
    job->setOverwrite(overwrite);
    const OperationContext context = m_context;
    const BackupRecord r = *record;
    QObject::connect(job, &Job::finished, job, [context, job, r, action] {
        const AuditOutcome outcome = job->succeeded() ? AuditOutcome::Success
            : job->targetExisted()                    ? AuditOutcome::Refused
                                                      : AuditOutcome::Failure;
        context.audit(action, outcome, r.siteId, r.environment, r.id,
                      job->succeeded() ? job->targetPath() : job->errorString());
    });
    return job;
}
