// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RescanCatalogOperation.h"

#include "jobs/RescanJob.h"

#include <QCoreApplication>

RescanCatalogOperation::RescanCatalogOperation(const OperationContext &context)
    : m_context(context)
{ }

RescanJob *RescanCatalogOperation::prepare(QObject *parent)
{
    auto *job = new RescanJob(m_context.catalog, m_context.store, parent);
    const OperationContext context = m_context;
    QObject::connect(job, &Job::finished, job, [context, job] {
        const QString detail = job->succeeded()
            ? QCoreApplication::translate("RescanCatalogOperation", "%1 manifests, %2 rows written, %3 sites created")
                  .arg(job->manifestsSeen())
                  .arg(job->rowsWritten())
                  .arg(job->sitesCreated())
            : job->errorString();
        context.audit(QStringLiteral("catalog.rescan"),
                      job->succeeded() ? AuditOutcome::Success : AuditOutcome::Failure, {}, std::nullopt, {}, detail);
    });
    return job;
}
