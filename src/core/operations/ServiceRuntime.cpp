// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceRuntime.h"

#include "AutomaticRetention.h"
#include "BackupQueue.h"
#include "BackupService.h"
#include "CancelBackupOperation.h"
#include "RetentionJob.h"
#include "RunDueSchedulesOperation.h"
#include "jobs/BackupJob.h"
#include "jobs/RecoveryJob.h"
#include "jobs/StoreFactory.h"
#include "jobs/WorkerIdentity.h"
#include "storage/ObjectStore.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

ServiceRuntime::ServiceRuntime(BackupService *service, const BackupServiceConfig &config, SecretStore *secrets,
                               const Clock *clock)
    : m_service(service)
    , m_config(config)
    , m_secrets(secrets)
    , m_clock(clock)
{
    if (m_config.workerId.isEmpty())
        m_config.workerId = WorkerIdentity::current();
}

ServiceRuntime::~ServiceRuntime()
{
    shutdown();
}

OperationContext ServiceRuntime::context() const
{
    OperationContext c;
    c.catalog = m_catalog.get();
    c.secrets = m_secrets;
    c.store = m_store.get();
    c.clock = m_clock;
    c.actor = m_config.actor;
    c.workerId = m_config.workerId;
    c.heartbeatSeconds = m_config.heartbeatSeconds;
    return c;
}

void ServiceRuntime::start()
{
    StoreFactory::resolveSecrets(&m_config, m_secrets, this, [this](bool ok, const QString &message) {
        if (!ok) {
            send(&BackupService::error, tr("Starting"), message);
            return;
        }
        openEverything();
    });
}

void ServiceRuntime::openEverything()
{
    QString message;
    m_catalog = Catalog::open(m_config.catalog, m_clock, &message);
    if (!m_catalog) {
        send(&BackupService::error, tr("Opening the catalog"), message);
        return;
    }
    m_network = new QNetworkAccessManager(this);
    m_store = StoreFactory::create(m_config, m_network, &message);
    if (!m_store) {
        send(&BackupService::error, tr("Opening the storage"), message);
        return;
    }
    // "Backups running at once" from the settings, as the CLI's worker honours it.
    m_queue = new BackupQueue(context(), m_config.concurrency, this);
    connect(m_queue, &BackupQueue::backupQueued, this, &ServiceRuntime::onBackupQueued);
    connect(m_queue, &JobQueue::jobStarted, this, &ServiceRuntime::onBackupStarted);
    connect(m_queue, &JobQueue::jobFinished, this, &ServiceRuntime::onBackupFinished);
    auto *recovery = new RecoveryJob(m_catalog.get(), m_store.get(), m_config.heartbeatSeconds, this);
    connect(recovery, &Job::finished, this, [this, recovery] {
        for (const QString &id : recovery->recoveredIds())
            emitRecord(id);
        // Recovery again every heartbeat period: a backup whose runner dies while the console
        // is open must not stay In Progress on screen.
        m_recoveryTimer = new QTimer(this);
        m_recoveryTimer->setInterval(std::max(1, m_config.heartbeatSeconds) * 1000);
        connect(m_recoveryTimer, &QTimer::timeout, this, &ServiceRuntime::recoverInterrupted);
        m_recoveryTimer->start();
        m_ready = true;
        send(&BackupService::ready);
        if (m_config.runSchedules) {
            // Whoever runs the schedules keeps their retention too, as the worker does.
            m_retention = new AutomaticRetention(context(), this);
            connect(m_retention, &AutomaticRetention::finished, this, &ServiceRuntime::onRetentionApplied);
            m_scheduleTimer = new QTimer(this);
            m_scheduleTimer->setInterval(60 * 1000);
            connect(m_scheduleTimer, &QTimer::timeout, this, &ServiceRuntime::runSchedules);
            m_scheduleTimer->start();
            runSchedules();
        }
    });
    recovery->start();
}

void ServiceRuntime::recoverInterrupted()
{
    if (!m_ready || m_shuttingDown || m_recovering)
        return;
    m_recovering = true;
    auto *recovery = new RecoveryJob(m_catalog.get(), m_store.get(), m_config.heartbeatSeconds, this);
    m_recovery = recovery;
    connect(recovery, &Job::finished, this, [this, recovery] {
        m_recovering = false;
        if (m_shuttingDown)
            return;
        for (const QString &id : recovery->recoveredIds())
            emitRecord(id);
    });
    recovery->start();
}

void ServiceRuntime::beginShutdown()
{
    if (m_stopping || m_shuttingDown) {
        return;
    }
    m_stopping = true;
    if (m_scheduleTimer)
        m_scheduleTimer->stop();
    if (m_recoveryTimer)
        m_recoveryTimer->stop();
    if (m_retention)
        m_retention->stop(); // at once: the deletion under way is abandoned, its row stays Deleting
    // Running backups are cancelled like with Cancel: the dump is stopped (KILL QUERY when it
    // waits in the server), the upload removed and that confirmed, then the row is Cancelled.
    // Whatever has not finished after ShutdownGraceMs is aborted by shutdown(), which leaves
    // unconfirmed rows to recovery. Either way the service thread quits after that.
    auto finishIfIdle = [this] {
        for (const QPointer<Job> &job : std::as_const(m_jobs)) {
            if (job && !job->isFinished())
                return;
        }
        shutdown();
        QThread::currentThread()->quit();
    };
    if (m_queue)
        m_queue->dropWaiting(); // they stay Pending, as with a worker that stops
    for (const QPointer<Job> &job : std::as_const(m_jobs)) {
        if (!job)
            continue;
        connect(job, &Job::finished, this, finishIfIdle, Qt::QueuedConnection);
        if (auto *backup = qobject_cast<BackupJob *>(job.data()))
            backup->cancel();
        else
            job->abort();
    }
    QTimer::singleShot(ShutdownGraceMs, this, [this] {
        qCWarning(lcJobs) << "jobs did not stop within" << ShutdownGraceMs << "ms; aborting them";
        shutdown();
        QThread::currentThread()->quit();
    });
    finishIfIdle();
}

void ServiceRuntime::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (m_scheduleTimer)
        m_scheduleTimer->stop();
    if (m_recoveryTimer)
        m_recoveryTimer->stop();
    delete m_recovery; // it uses the catalog and store released below
    delete m_retention;
    m_retention = nullptr;
    if (m_queue)
        m_queue->cancelAll();
    // Whatever is still running is aborted synchronously: rows become Cancelled, uploads are
    // aborted, so nothing is left In Progress for the next start's recovery to find.
    const auto jobs = m_jobs;
    for (const QPointer<Job> &job : jobs) {
        if (job)
            job->abort();
    }
    m_jobs.clear();
    // So is what runs untracked (an Apply Retention or a rescan asked from the console): it
    // stops, and says how far it got, before the catalog and store it uses go.
    const auto untracked = findChildren<Job *>(QString(), Qt::FindDirectChildrenOnly);
    for (Job *job : untracked) {
        if (job->isStarted() && !job->isFinished())
            job->abort();
    }
    delete m_queue;
    m_queue = nullptr;
    m_store.reset();
    m_catalog.reset();
}

bool ServiceRuntime::ensureReady(const QString &context)
{
    if (isReady())
        return true;
    send(&BackupService::error, context, notReadyMessage());
    return false;
}

QString ServiceRuntime::notReadyMessage()
{
    return tr("The backup service is not ready yet; try again in a moment.");
}

bool ServiceRuntime::catalogReadFailed(int failedBefore, const QString &context)
{
    const QString failure = m_catalog->readFailureSince(failedBefore);
    if (failure.isEmpty())
        return false;
    send(&BackupService::error, context, failure);
    return true;
}

void ServiceRuntime::emitRecord(const QString &backupId)
{
    if (const auto record = m_catalog->backup(backupId))
        send(&BackupService::backupChanged, *record);
}

void ServiceRuntime::cancelJob(const QString &jobId)
{
    const QPointer<Job> job = m_jobs.value(jobId);
    if (qobject_cast<BackupJob *>(job.data())) {
        // Through the catalog like a cancel from another process: audited, one code path.
        cancelBackup(jobId);
        return;
    }
    // Jobs with a graceful cancel of their own (a restore rolls back) get it instead of abort().
    if (job && job->metaObject()->indexOfMethod("cancel()") >= 0) {
        QMetaObject::invokeMethod(job, "cancel");
        return;
    }
    if (job) {
        job->abort();
        return;
    }
    if (m_queue && m_queue->cancel(jobId)) {
        // Dropped before it started: the row is still Pending.
        m_catalog->failBackup(jobId, BackupStatus::Cancelled, tr("Cancelled."));
        emitRecord(jobId);
        JobOutcome outcome;
        outcome.jobId = jobId;
        outcome.backupId = jobId;
        outcome.cancelled = true;
        outcome.message = tr("Cancelled.");
        outcome.finishedAt = m_clock->nowUtc();
        send(&BackupService::jobFinished, outcome);
    }
}

void ServiceRuntime::cancelBackup(const QString &backupId)
{
    const QString what = tr("Cancelling backup %1").arg(backupId);
    if (!ensureReady(what))
        return;
    const OperationResult result = CancelBackupOperation(context()).run(backupId);
    if (!result.succeeded()) {
        send(&BackupService::error, what, result.message);
        emitRecord(backupId);
        return;
    }
    // The runner may be this process: stop it now rather than at its next heartbeat. A
    // backup queued here and cancelled while Pending leaves the queue.
    const QPointer<Job> job = m_jobs.value(backupId);
    if (auto *backup = qobject_cast<BackupJob *>(job.data())) {
        backup->cancel();
    } else if (m_queue && m_queue->cancel(backupId)) {
        JobOutcome outcome;
        outcome.jobId = backupId;
        outcome.backupId = backupId;
        outcome.cancelled = true;
        outcome.message = result.message;
        outcome.finishedAt = m_clock->nowUtc();
        send(&BackupService::jobFinished, outcome);
    }
    send(&BackupService::backupCancelRequested, backupId, result.message);
    emitRecord(backupId);
}

void ServiceRuntime::trackOperation(const QString &jobId, Job *job, const JobProgress &initial)
{
    m_jobs.insert(jobId, job);
    send(&BackupService::jobStarted, initial);
}

void ServiceRuntime::finishOperation(const QString &jobId, const JobOutcome &outcome)
{
    m_jobs.remove(jobId);
    m_progress.remove(jobId);
    send(&BackupService::jobFinished, outcome);
}

void ServiceRuntime::forwardProgress(const JobProgress &progress)
{
    // Jobs report per chunk (hundreds of times a second for a fast dump or download); the GUI
    // needs a few updates a second. A new phase goes out at once, bytes at most every
    // ProgressIntervalMs, and the latest held-back snapshot is sent when the interval is over.
    if (!m_progressClock.isValid())
        m_progressClock.start();
    ThrottledProgress &slot = m_progress[progress.jobId];
    const qint64 now = m_progressClock.elapsed();
    if (slot.lastSentMs < 0 || slot.sentPhase != progress.phase || now - slot.lastSentMs >= ProgressIntervalMs) {
        slot.lastSentMs = now;
        slot.sentPhase = progress.phase;
        slot.pending = false;
        send(&BackupService::jobProgress, progress);
        return;
    }
    slot.latest = progress;
    slot.pending = true;
    if (!m_progressTimer) {
        m_progressTimer = new QTimer(this);
        m_progressTimer->setInterval(ProgressIntervalMs / 2);
        connect(m_progressTimer, &QTimer::timeout, this, &ServiceRuntime::flushProgress);
    }
    if (!m_progressTimer->isActive())
        m_progressTimer->start();
}

void ServiceRuntime::flushProgress()
{
    const qint64 now = m_progressClock.elapsed();
    bool waiting = false;
    for (auto it = m_progress.begin(); it != m_progress.end(); ++it) {
        if (!it->pending)
            continue;
        if (now - it->lastSentMs < ProgressIntervalMs) {
            waiting = true;
            continue;
        }
        it->pending = false;
        it->lastSentMs = now;
        send(&BackupService::jobProgress, it->latest);
    }
    if (!waiting)
        m_progressTimer->stop();
}

void ServiceRuntime::runSchedules()
{
    if (!m_ready || m_shuttingDown)
        return;
    RunDueSchedulesOperation operation(context());
    operation.run(m_queue);
    for (const QString &problem : operation.problems())
        send(&BackupService::error, tr("Running schedules"), problem);
    if (m_retention)
        m_retention->requestIfDue();
}

void ServiceRuntime::onBackupQueued(const BackupRecord &record)
{
    send(&BackupService::backupChanged, record);
    JobProgress waiting;
    waiting.jobId = record.id;
    waiting.kind = JobKind::Backup;
    waiting.backupId = record.id;
    waiting.siteId = record.siteId;
    waiting.environment = record.environment;
    waiting.phase = tr("Queued");
    waiting.startedAt = m_clock->nowUtc();
    send(&BackupService::jobStarted, waiting);
}

void ServiceRuntime::onBackupStarted(const QString &id, Job *job)
{
    auto *backup = qobject_cast<BackupJob *>(job);
    if (!backup)
        return;
    connect(backup, &BackupJob::progressChanged, this, &ServiceRuntime::forwardProgress);
    connect(backup, &BackupJob::recordChanged, m_service, &BackupService::backupChanged, Qt::QueuedConnection);
    m_jobs.insert(id, job);
}

void ServiceRuntime::onBackupFinished(const QString &id, Job *job)
{
    auto *backup = qobject_cast<BackupJob *>(job);
    m_jobs.remove(id);
    m_progress.remove(id);
    JobOutcome outcome;
    outcome.jobId = id;
    outcome.kind = JobKind::Backup;
    outcome.backupId = id;
    if (backup) {
        outcome.siteId = backup->record().siteId;
        outcome.environment = backup->record().environment;
    }
    outcome.success = job->succeeded();
    outcome.cancelled = job->error() == Job::Error::Aborted;
    outcome.message = job->succeeded() ? tr("Backup %1 completed.").arg(id) : job->errorString();
    outcome.finishedAt = m_clock->nowUtc();
    send(&BackupService::jobFinished, outcome);
    if (m_retention)
        m_retention->backupFinished(job);
}

void ServiceRuntime::onRetentionApplied(const QStringList &deletedIds, const QStringList &failures,
                                        const QString &error)
{
    if (deletedIds.isEmpty() && error.isEmpty())
        return; // an automatic apply with nothing to delete: nothing to say
    reportRetention(deletedIds, failures, error);
}

void ServiceRuntime::reportRetention(const QStringList &deletedIds, const QStringList &failures, const QString &error)
{
    for (const QString &id : deletedIds)
        send(&BackupService::backupRemoved, id);
    const bool ok = error.isEmpty();
    send(&BackupService::operationFinished, QStringLiteral("retention.apply"), ok,
         ok ? RetentionJob::summary(deletedIds) : error, failures);
}

void ServiceRuntime::runTracked(Job *job, const JobProgress &initial, std::function<QString()> successMessage,
                                std::function<QString()> localPath)
{
    const QString jobId = initial.jobId;
    const JobKind kind = initial.kind;
    const QString backupId = initial.backupId;
    connect(job, &Job::finished, this, [this, job, jobId, kind, backupId, successMessage, localPath] {
        m_jobs.remove(jobId);
        m_progress.remove(jobId);
        JobOutcome outcome;
        outcome.jobId = jobId;
        outcome.kind = kind;
        outcome.backupId = backupId;
        if (m_catalog) {
            if (const auto record = m_catalog->backup(backupId)) {
                outcome.siteId = record->siteId;
                outcome.environment = record->environment;
            }
        }
        outcome.success = job->succeeded();
        outcome.cancelled = job->error() == Job::Error::Aborted;
        outcome.message = job->succeeded() ? successMessage() : job->errorString();
        outcome.localPath = job->succeeded() && localPath ? localPath() : QString();
        outcome.finishedAt = m_clock->nowUtc();
        send(&BackupService::jobFinished, outcome);
    });
    m_jobs.insert(jobId, job);
    send(&BackupService::jobStarted, initial);
    job->start();
}
