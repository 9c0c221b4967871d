// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RescanCatalogOperation.h"

#include "jobs/RescanJob.h"
#include "util/Counted.h"

#include <QCoreApplication>

RescanCatalogOperation::RescanCatalogOperation(const OperationContext &context)
    : m_context(context)
{ }

RescanJob *RescanCatalogOperation::prepare(QObject *parent)
{
    auto *job = new RescanJob(m_context.catalog, m_context.store, parent);
    const OperationContext context = m_context;
    QObject::connect(job, &Job::finished, job, [context, job] {
        QString detail = job->succeeded() ? summary(*job) : job->errorString();
        // The audit log is where the console sends an engineer for what the banner had no room for.
        if (!job->warnings().isEmpty())
            detail += QStringLiteral("; ")
                + QCoreApplication::translate("RescanCatalogOperation", "%1: %2")
                      .arg(Counted::of(job->warnings().size(), "warning", "warnings"),
                           job->warnings().join(QLatin1Char(' ')));
        context.audit(QStringLiteral("catalog.rescan"),
                      job->succeeded() ? AuditOutcome::Success : AuditOutcome::Failure, {}, std::nullopt, {}, detail);
    });
    return job;
}

QString RescanCatalogOperation::summary(const RescanJob &job)
{
    return QCoreApplication::translate("RescanCatalogOperation", "%1 read, %2 written to the catalog, %3 recreated")
        .arg(Counted::of(job.manifestsSeen(), "manifest", "manifests"),
             Counted::of(job.rowsWritten(), "backup", "backups"), Counted::of(job.sitesCreated(), "site", "sites"));
}
