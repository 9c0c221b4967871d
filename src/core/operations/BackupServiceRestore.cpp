// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// BackupService's restore block. It lives here, with the operations it runs, because core/jobs
// (where BackupService is) may not depend on core/operations; the console links both.
#include "BackupRestoreSource.h"
#include "BackupService.h"
#include "FileRestoreSource.h"
#include "RestoreJob.h"
#include "RestorePreflightJob.h"
#include "RollbackInterruptedJob.h"
#include "ServiceRuntime.h"
#include "catalog/Catalog.h"

namespace {

void registerRestoreMetaTypes()
{
    qRegisterMetaType<RestorePreflight>();
    qRegisterMetaType<AuditOutcome>();
    qRegisterMetaType<Environment>();
    qRegisterMetaType<EnvironmentLock>();
    qRegisterMetaType<QVector<EnvironmentLock>>();
}

} // namespace

QString BackupService::restoreJobId(const QString &siteId, Environment target)
{
    return QStringLiteral("restore-%1-%2").arg(siteId, Environments::toString(target));
}

void BackupService::preflightRestore(const QString &requestId, const QString &siteId, Environment target,
                                     const QString &backupId, const QString &filePath)
{
    registerRestoreMetaTypes();
    callWorker([this, requestId, siteId, target, backupId, filePath](ServiceRuntime *w) {
        if (!w->ensureReady(tr("Restore preflight")))
            return;
        auto *job = new RestorePreflightJob(w->context(), siteId, target, backupId, filePath, w);
        QObject::connect(job, &Job::finished, w, [w, job, requestId] {
            w->send(&BackupService::restorePreflightReady, requestId, job->result(),
                    job->succeeded() ? QString() : job->errorString());
        });
        job->start();
    });
}

namespace {

// Runs @p job as a tracked job of the service and reports its end through @p done.
void runRestore(ServiceRuntime *w, RestoreJob *job, const std::function<void(RestoreJob *)> &done)
{
    const RestoreRequest &request = job->request();
    const QString jobId = BackupService::restoreJobId(request.siteId, request.target);
    QObject::connect(job, &RestoreJob::progressChanged, w, [w, jobId](JobProgress p) {
        p.jobId = jobId;
        w->reportProgress(p);
    });
    QObject::connect(job, &Job::finished, w, [w, job, jobId, done] {
        JobOutcome outcome;
        outcome.jobId = jobId;
        outcome.kind = JobKind::Restore;
        outcome.backupId = job->request().sourceBackupId;
        outcome.siteId = job->request().siteId;
        outcome.environment = job->request().target;
        outcome.success = job->succeeded();
        outcome.cancelled = job->error() == Job::Error::Aborted;
        outcome.message = job->message().isEmpty() ? job->errorString() : job->message();
        outcome.finishedAt = QDateTime::currentDateTimeUtc();
        w->finishOperation(jobId, outcome);
        done(job);
    });
    JobProgress initial = job->lastProgress();
    initial.jobId = jobId;
    initial.phase = RestoreJob::phaseName(RestoreJob::Phase::Verify);
    initial.startedAt = QDateTime::currentDateTimeUtc();
    w->trackOperation(jobId, job, initial);
    job->start();
}

} // namespace

void BackupService::restoreBackup(const QString &backupId, Environment target, const QString &confirmation)
{
    registerRestoreMetaTypes();
    callWorker([this, backupId, target, confirmation](ServiceRuntime *w) {
        if (!w->ensureReady(tr("Restoring backup %1").arg(backupId)))
            return;
        const OperationContext context = w->context();
        const int failedBefore = context.catalog->failedStatements();
        const auto record = context.catalog->backup(backupId);
        if (!record) {
            w->send(
                &BackupService::restoreFinished, QString(), target, AuditOutcome::Refused, false,
                context.catalog->absentReason(failedBefore, tr("There is no backup %1 in the catalog.").arg(backupId)));
            return;
        }
        RestoreRequest request;
        request.siteId = record->siteId;
        request.target = target;
        request.sourceBackupId = backupId;
        request.confirmation = confirmation;
        auto *job
            = new RestoreJob(context, request, new BackupRestoreSource(context.catalog, context.store, backupId), w);
        runRestore(w, job, [w](RestoreJob *j) {
            w->send(&BackupService::restoreFinished, j->request().siteId, j->request().target, j->outcome(),
                    j->rolledBack(), j->message());
        });
    });
}

void BackupService::restoreFromFile(const QString &filePath, const QString &siteId, Environment target,
                                    const QString &confirmation)
{
    registerRestoreMetaTypes();
    callWorker([this, filePath, siteId, target, confirmation](ServiceRuntime *w) {
        if (!w->ensureReady(tr("Restoring %1").arg(filePath)))
            return;
        const OperationContext context = w->context();
        const auto config = context.catalog->environment(siteId, target);
        RestoreRequest request;
        request.siteId = siteId;
        request.target = target;
        request.confirmation = confirmation;
        auto *job = new RestoreJob(context, request,
                                   new FileRestoreSource(filePath, config ? config->endpoint.database : QString()), w);
        runRestore(w, job, [w](RestoreJob *j) {
            w->send(&BackupService::restoreFinished, j->request().siteId, j->request().target, j->outcome(),
                    j->rolledBack(), j->message());
        });
    });
}

void BackupService::rollbackInterruptedRestores()
{
    callWorker([this](ServiceRuntime *w) {
        if (!w->ensureReady(tr("Rolling back interrupted restores")))
            return;
        auto *job = new RollbackInterruptedJob(w->context(), w);
        QObject::connect(job, &Job::finished, w, [w, job] {
            w->send(&BackupService::interruptedRestoresRolledBack, job->succeeded(), job->messages());
        });
        job->start();
    });
}

void BackupService::refreshEnvironmentLocks(const QString &siteId)
{
    registerRestoreMetaTypes();
    callWorker([this, siteId](ServiceRuntime *w) {
        if (!w->ensureReady(tr("Loading environment locks")))
            return;
        const int failedBefore = w->context().catalog->failedStatements();
        const QVector<EnvironmentLock> locks = w->context().catalog->environmentLocks(siteId);
        if (w->catalogReadFailed(failedBefore, tr("Loading environment locks")))
            return;
        w->send(&BackupService::environmentLocksLoaded, siteId, locks);
    });
}
