// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoreService.h"

#include "BackupRestoreSource.h"
#include "FileRestoreSource.h"
#include "OperationContext.h"
#include "RestoreJob.h"
#include "RestorePreflightJob.h"
#include "RollbackInterruptedJob.h"
#include "SyncJob.h"
#include "catalog/Catalog.h"
#include "jobs/RecoveryJob.h"
#include "jobs/StoreFactory.h"
#include "storage/ObjectStore.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>
#include <QThread>

/// The service thread's half: owns catalog, store and the running jobs. Talks back only by
/// queued calls on the facade (which drops them once the facade is gone).
class RestoreService::Worker : public QObject
{
public:
    Worker(RestoreService *facade, const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock)
        : m_facade(facade)
        , m_config(config)
        , m_secrets(secrets)
        , m_clock(clock)
    { }

    template <typename F>
    void post(F f)
    {
        RestoreService *facade = m_facade;
        QMetaObject::invokeMethod(
            facade, [facade, f] { f(facade); }, Qt::QueuedConnection);
    }

    static QString tr(const char *text) { return QCoreApplication::translate("RestoreService", text); }

    OperationContext context() const
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

    bool ensureOpen(const QString &context)
    {
        if (m_catalog)
            return true;
        post([context](RestoreService *s) {
            emit s->error(context, tr("The catalog is not open; check Settings > Catalog, then try again."));
        });
        return false;
    }

    void start()
    {
        QString message;
        m_catalog = Catalog::open(m_config.catalog, m_clock, &message);
        if (!m_catalog) {
            post([message](RestoreService *s) { emit s->error(tr("Catalog"), message); });
            return;
        }
        m_network = new QNetworkAccessManager(this);
        m_store = StoreFactory::create(m_config, m_network, &message);
        // Restores of a process that died stay locked until someone holding the secrets rolls
        // them back: mark them, then roll them back (the console is such a process).
        auto *recovery = new RecoveryJob(m_catalog.get(), m_store.get(), m_config.heartbeatSeconds, this);
        connect(recovery, &Job::finished, this, [this] {
            if (!m_store) {
                post([](RestoreService *s) { emit s->ready(); });
                return;
            }
            auto *rollback = new RollbackInterruptedJob(context(), this);
            connect(rollback, &Job::finished, this, [this, rollback] {
                const QStringList lines = rollback->messages();
                const bool ok = rollback->succeeded();
                post([lines, ok](RestoreService *s) {
                    if (!ok)
                        emit s->error(tr("Restore"), lines.join(QLatin1Char('\n')));
                    emit s->ready();
                });
            });
            rollback->start();
        });
        recovery->start();
    }

    void requestPreflight(const QString &requestId, const QString &siteId, Environment target, const QString &backupId,
                          const QString &filePath)
    {
        if (!ensureOpen(tr("Restore")))
            return;
        auto *job = new RestorePreflightJob(context(), siteId, target, backupId, filePath, this);
        connect(job, &Job::finished, this, [this, job, requestId] {
            const RestorePreflight result = job->result();
            const QString error = job->succeeded() ? QString() : job->errorString();
            post([requestId, result, error](RestoreService *s) { emit s->preflightReady(requestId, result, error); });
        });
        job->start();
    }

    void requestSyncPreflight(const QString &requestId, const SyncRequest &request)
    {
        if (!ensureOpen(tr("Sync")))
            return;
        // The target's side is what a restore preflight shows; source and plan are the sync's.
        auto *job = new RestorePreflightJob(context(), request.siteId, request.to, QString(), QString(), this);
        connect(job, &Job::finished, this, [this, job, requestId, request] {
            RestorePreflight r = job->result();
            QString error = job->succeeded() ? QString() : job->errorString();
            r.filePath.clear();
            r.fileSizeBytes = -1;
            r.collationsMapped.clear();
            r.collationsUnsupported.clear();
            r.sourceDescription = tr("%1/%2 (streamed, no file and no bucket)")
                                      .arg(request.siteId, Environments::toString(request.from));
            r.steps = SyncJob::plan(m_catalog.get(), request);
            r.problems.clear();
            const QString where = request.siteId + QLatin1Char('/') + Environments::toString(request.to);
            if (r.lock)
                r.problems << (r.lock->state == EnvironmentLock::State::Interrupted
                                   ? tr("%1 is locked: an interrupted %2 must be rolled back first (%3)")
                                         .arg(where, r.lock->kind, r.lock->reason)
                                   : tr("%1 is locked: a %2 by %3 is running").arg(where, r.lock->kind, r.lock->actor));
            QString refusal;
            // The confirmation is typed in the dialog after the preflight: judge the rest.
            SyncRequest probe = request;
            probe.confirmation = RestoreRequest::requiredConfirmation(request.siteId, request.to);
            if (SyncJob::check(m_catalog.get(), probe, &refusal) != SyncJob::Refusal::None)
                r.problems << refusal;
            post([requestId, r, error](RestoreService *s) { emit s->preflightReady(requestId, r, error); });
        });
        job->start();
    }

    void track(Job *job, const JobProgress &initial, std::function<JobOutcome()> outcome)
    {
        const QString jobId = initial.jobId;
        m_jobs.insert(jobId, job);
        post([initial](RestoreService *s) { emit s->jobStarted(initial); });
        connect(job, &Job::finished, this, [this, jobId, outcome] {
            m_jobs.remove(jobId);
            const JobOutcome result = outcome();
            post([result](RestoreService *s) { emit s->jobFinished(result); });
        });
    }

    void restore(const RestoreRequest &request, const QString &filePath)
    {
        if (!ensureOpen(tr("Restore")))
            return;
        RestoreSource *source = nullptr;
        if (filePath.isEmpty()) {
            source = new BackupRestoreSource(m_catalog.get(), m_store.get(), request.sourceBackupId);
        } else {
            const auto config = m_catalog->environment(request.siteId, request.target);
            source = new FileRestoreSource(filePath, config ? config->endpoint.database : QString());
        }
        auto *job = new RestoreJob(context(), request, source, this);
        JobProgress initial = job->lastProgress();
        initial.phase = RestoreJob::phaseName(RestoreJob::Phase::Verify);
        if (!initial.startedAt.isValid())
            initial.startedAt = m_clock ? m_clock->nowUtc() : QDateTime::currentDateTimeUtc();
        connect(job, &RestoreJob::progressChanged, this,
                [this](const JobProgress &p) { post([p](RestoreService *s) { emit s->jobProgress(p); }); });
        track(job, initial, [this, job, initial] {
            JobOutcome o;
            o.jobId = initial.jobId;
            o.kind = initial.kind;
            o.backupId = job->request().sourceBackupId;
            o.siteId = job->request().siteId;
            o.environment = job->request().target;
            o.success = job->succeeded();
            o.cancelled = m_cancelled.remove(initial.jobId) && !o.success;
            o.message = job->message().isEmpty() ? job->errorString() : job->message();
            o.finishedAt = m_clock ? m_clock->nowUtc() : QDateTime::currentDateTimeUtc();
            return o;
        });
        job->start();
    }

    void sync(const SyncRequest &request)
    {
        if (!ensureOpen(tr("Sync")))
            return;
        auto *job = new SyncJob(context(), request, this);
        JobProgress initial = job->lastProgress();
        if (initial.phase.isEmpty())
            initial.phase = tr("Waiting");
        if (!initial.startedAt.isValid())
            initial.startedAt = m_clock ? m_clock->nowUtc() : QDateTime::currentDateTimeUtc();
        connect(job, &SyncJob::progressChanged, this,
                [this](const JobProgress &p) { post([p](RestoreService *s) { emit s->jobProgress(p); }); });
        track(job, initial, [this, job, initial, request] {
            JobOutcome o;
            o.jobId = initial.jobId;
            o.kind = JobKind::Sync;
            o.backupId = job->preSyncBackupId();
            o.siteId = request.siteId;
            o.environment = request.to;
            o.success = job->succeeded();
            o.cancelled = m_cancelled.remove(initial.jobId) && !o.success;
            o.message = o.success ? job->resultText() : job->errorString();
            o.finishedAt = m_clock ? m_clock->nowUtc() : QDateTime::currentDateTimeUtc();
            return o;
        });
        job->start();
    }

    void refreshLocks(const QString &siteId)
    {
        if (!m_catalog)
            return;
        const QVector<EnvironmentLock> locks = m_catalog->environmentLocks(siteId);
        post([siteId, locks](RestoreService *s) { emit s->locksLoaded(siteId, locks); });
    }

    void cancelJob(const QString &jobId)
    {
        Job *job = m_jobs.value(jobId);
        if (!job)
            return;
        m_cancelled.insert(jobId);
        if (auto *restore = qobject_cast<RestoreJob *>(job))
            restore->cancel();
        else if (auto *sync = qobject_cast<SyncJob *>(job))
            sync->cancel();
    }

    /// Before the thread quits: a running restore is cancelled (it rolls back, which may take a
    /// while; the thread's loop runs meanwhile).
    void shutdown()
    {
        for (const QPointer<Job> &job : std::as_const(m_jobs)) {
            if (auto *restore = qobject_cast<RestoreJob *>(job.data()))
                restore->cancel();
            else if (auto *sync = qobject_cast<SyncJob *>(job.data()))
                sync->cancel();
        }
    }

    bool idle() const
    {
        for (const QPointer<Job> &job : m_jobs) {
            if (job && !job->isFinished())
                return false;
        }
        return true;
    }

    void release()
    {
        qDeleteAll(children());
        m_store.reset();
        m_catalog.reset();
    }

private:
    RestoreService *m_facade;
    BackupServiceConfig m_config;
    SecretStore *m_secrets;
    const Clock *m_clock;
    std::unique_ptr<Catalog> m_catalog;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<ObjectStore> m_store;
    QHash<QString, QPointer<Job>> m_jobs;
    QSet<QString> m_cancelled;
};

RestoreService::RestoreService(const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock,
                               QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
{
    qRegisterMetaType<RestorePreflight>();
    qRegisterMetaType<EnvironmentLock>();
    qRegisterMetaType<QVector<EnvironmentLock>>();
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobOutcome>();
    m_thread->setObjectName(QStringLiteral("restore-service"));
    m_worker = new Worker(this, config, secrets, clock);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
}

RestoreService::~RestoreService()
{
    // A restore cancelled here rolls the target back before its job finishes: give it the time
    // a rollback needs (bounded), with the service thread's loop running, then stop.
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    QDeadlineTimer deadline(10 * 60 * 1000);
    bool idle = false;
    while (!idle && !deadline.hasExpired()) {
        QMetaObject::invokeMethod(
            worker, [worker, &idle] { idle = worker->idle(); }, Qt::BlockingQueuedConnection);
        if (!idle)
            QThread::msleep(50);
    }
    QMetaObject::invokeMethod(
        worker, [worker] { worker->release(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

#define CREODROP_CALL_RESTORE_WORKER(...)                                                                              \
    do {                                                                                                               \
        Worker *w = m_worker;                                                                                          \
        QMetaObject::invokeMethod(                                                                                     \
            w, [=] { w->__VA_ARGS__; }, Qt::QueuedConnection);                                                         \
    } while (false)

void RestoreService::start()
{
    CREODROP_CALL_RESTORE_WORKER(start());
}
void RestoreService::requestPreflight(const QString &requestId, const QString &siteId, Environment target,
                                      const QString &backupId, const QString &filePath)
{
    CREODROP_CALL_RESTORE_WORKER(requestPreflight(requestId, siteId, target, backupId, filePath));
}
void RestoreService::requestSyncPreflight(const QString &requestId, const SyncRequest &request)
{
    CREODROP_CALL_RESTORE_WORKER(requestSyncPreflight(requestId, request));
}
void RestoreService::restore(const RestoreRequest &request, const QString &filePath)
{
    CREODROP_CALL_RESTORE_WORKER(restore(request, filePath));
}
void RestoreService::sync(const SyncRequest &request)
{
    CREODROP_CALL_RESTORE_WORKER(sync(request));
}
void RestoreService::refreshLocks(const QString &siteId)
{
    CREODROP_CALL_RESTORE_WORKER(refreshLocks(siteId));
}
void RestoreService::cancelJob(const QString &jobId)
{
    CREODROP_CALL_RESTORE_WORKER(cancelJob(jobId));
}
