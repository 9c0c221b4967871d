// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// BackupService's environment sync block. It lives here, with the operation it runs, because
// core/jobs (where BackupService is) may not depend on core/operations; the console links both.
#include "BackupService.h"
#include "ServiceRuntime.h"
#include "SyncJob.h"
#include "catalog/Catalog.h"

QString BackupService::syncJobId(const QString &siteId, Environment target)
{
    return QStringLiteral("sync-%1-%2").arg(siteId, Environments::toString(target));
}

void BackupService::requestSyncPlan(const QString &requestId, const SyncRequest &request)
{
    callWorker([this, requestId, request](ServiceRuntime *w) {
        if (!w->ensureReady(tr("Sync preflight")))
            return;
        Catalog *catalog = w->context().catalog;
        QString message;
        const SyncJob::Refusal refusal = SyncJob::check(catalog, request, &message);
        w->send(&BackupService::syncPlanReady, requestId, refusal == SyncJob::Refusal::None ? QString() : message,
                refusal == SyncJob::Refusal::Confirmation, SyncJob::steps(catalog, request));
    });
}

void BackupService::syncEnvironments(const SyncRequest &request)
{
    qRegisterMetaType<AuditOutcome>();
    qRegisterMetaType<Environment>();
    callWorker([this, request](ServiceRuntime *w) {
        if (!w->ensureReady(tr("Syncing")))
            return;
        auto *job = new SyncJob(w->context(), request, w);
        const QString jobId = syncJobId(request.siteId, request.to);
        QObject::connect(job, &SyncJob::progressChanged, w, [w, jobId](JobProgress p) {
            p.jobId = jobId;
            w->reportProgress(p);
        });
        QObject::connect(job, &Job::finished, w, [this, w, job, jobId, request] {
            JobOutcome outcome;
            outcome.jobId = jobId;
            outcome.kind = JobKind::Sync;
            outcome.backupId = job->preSyncBackupId();
            outcome.siteId = request.siteId;
            outcome.environment = request.to;
            outcome.success = job->succeeded();
            outcome.cancelled = job->error() == Job::Error::Aborted;
            outcome.message = job->succeeded() ? job->resultText() : job->errorString();
            outcome.finishedAt = QDateTime::currentDateTimeUtc();
            w->finishOperation(jobId, outcome);
            w->send(&BackupService::syncFinished, request.siteId, request.to, job->outcome(), job->rolledBack(),
                    outcome.message);
            refreshBackups(request.siteId);
        });
        JobProgress initial = job->lastProgress();
        initial.jobId = jobId;
        initial.phase = tr("Preparing");
        initial.startedAt = QDateTime::currentDateTimeUtc();
        w->trackOperation(jobId, job, initial);
        job->start();
    });
}
