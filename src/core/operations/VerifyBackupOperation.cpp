// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerifyBackupOperation.h"

#include "catalog/Catalog.h"
#include "jobs/VerifyJob.h"

#include <QCoreApplication>

VerifyBackupOperation::VerifyBackupOperation(const OperationContext &context)
    : m_context(context)
{ }

VerifyJob *VerifyBackupOperation::prepare(const QString &backupId, QObject *parent)
{
    const QString action = QStringLiteral("backup.verify");
    const int failedBefore = m_context.catalog->failedStatements();
    const auto record = m_context.catalog->backup(backupId);
    if (!record) {
        m_refusal = OperationResult::refused(m_context.catalog->absentReason(
            failedBefore,
            QCoreApplication::translate("VerifyBackupOperation", "There is no backup %1 in the catalog.")
                .arg(backupId)));
        m_context.audit(action, AuditOutcome::Refused, {}, std::nullopt, backupId, m_refusal.message);
        return nullptr;
    }
    auto *job = new VerifyJob(m_context.catalog, m_context.store, backupId, parent);
    const OperationContext context = m_context;
    const BackupRecord r = *record;
    QObject::connect(job, &Job::finished, job, [context, job, r, action] {
        context.audit(action, job->succeeded() ? AuditOutcome::Success : AuditOutcome::Failure, r.siteId, r.environment,
                      r.id, job->succeeded() ? job->resultText() : job->errorString());
    });
    return job;
}
