// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeleteBackupOperation.h"

#include "catalog/Catalog.h"
#include "jobs/DeleteJob.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DeleteBackupOperation", text);
}
} // namespace

DeleteBackupOperation::DeleteBackupOperation(const OperationContext &context)
    : m_context(context)
{ }

DeleteJob *DeleteBackupOperation::prepare(const QString &backupId, QObject *parent)
{
    const QString action = QStringLiteral("backup.delete");
    const int failedBefore = m_context.catalog->failedStatements();
    const auto record = m_context.catalog->backup(backupId);
    QString refusal;
    if (!record)
        refusal
            = m_context.catalog->absentReason(failedBefore, tr("There is no backup %1 in the catalog.").arg(backupId));
    else if (record->status == BackupStatus::Pending || record->status == BackupStatus::InProgress)
        refusal = tr("Backup %1 is %2; cancel it or wait until it ends before deleting it.")
                      .arg(backupId, Backups::statusToString(record->status));
    else if (record->pinned)
        refusal = tr("Backup %1 is pinned; unpin it first ('creodrop-backupctl backup unpin %1').").arg(backupId);
    if (!refusal.isEmpty()) {
        m_refusal = OperationResult::refused(refusal);
        m_context.audit(action, AuditOutcome::Refused, record ? record->siteId : QString(),
                        record ? std::optional<Environment>(record->environment) : std::nullopt, backupId, refusal);
        return nullptr;
    }
    auto *job = new DeleteJob(m_context.catalog, m_context.store, backupId, m_context.heartbeatSeconds, parent);
    const OperationContext context = m_context;
    const BackupRecord r = *record;
    QObject::connect(job, &Job::finished, job, [context, job, r, action] {
        context.audit(action, job->succeeded() ? AuditOutcome::Success : AuditOutcome::Failure, r.siteId, r.environment,
                      r.id, job->succeeded() ? QString() : job->errorString());
    });
    return job;
}
