// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceWorker.h"

#include "BackupJob.h"
#include "DeleteJob.h"
#include "DownloadJob.h"
#include "JobQueue.h"
#include "RecoveryJob.h"
#include "Scheduler.h"
#include "SecretLookup.h"
#include "StoreFactory.h"
#include "VerifyJob.h"
#include "WorkerIdentity.h"
#include "catalog/SiteHealth.h"
#include "mysql/MySqlConnection.h"
#include "secrets/SecretStore.h"
#include "storage/ObjectStore.h"
#include "storage/S3ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

ServiceWorker::ServiceWorker(const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock)
    : m_config(config)
    , m_secrets(secrets)
    , m_clock(clock)
{
    if (m_config.workerId.isEmpty())
        m_config.workerId = WorkerIdentity::current();
}

ServiceWorker::~ServiceWorker()
{
    shutdown();
}

void ServiceWorker::start()
{
    StoreFactory::resolveSecrets(&m_config, m_secrets, this, [this](bool ok, const QString &message) {
        if (!ok) {
            emit error(tr("Starting"), message);
            return;
        }
        openEverything();
    });
}

void ServiceWorker::openEverything()
{
    QString message;
    m_catalog = Catalog::open(m_config.catalog, m_clock, &message);
    if (!m_catalog) {
        emit error(tr("Opening the catalog"), message);
        return;
    }
    m_network = new QNetworkAccessManager(this);
    m_store = StoreFactory::create(m_config, m_network, &message);
    if (!m_store) {
        emit error(tr("Opening the storage"), message);
        return;
    }
    m_queue = new JobQueue(2, this);
    auto *recovery = new RecoveryJob(m_catalog.get(), m_store.get(), m_config.heartbeatSeconds, this);
    connect(recovery, &Job::finished, this, [this, recovery] {
        for (const QString &id : recovery->recoveredIds())
            emitRecord(id);
        // Recovery again every heartbeat period: a backup whose runner dies while the console
        // is open must not stay In Progress on screen.
        m_recoveryTimer = new QTimer(this);
        m_recoveryTimer->setInterval(std::max(1, m_config.heartbeatSeconds) * 1000);
        connect(m_recoveryTimer, &QTimer::timeout, this, &ServiceWorker::recoverInterrupted);
        m_recoveryTimer->start();
        m_ready = true;
        emit ready();
        if (m_config.runSchedules) {
            m_scheduleTimer = new QTimer(this);
            m_scheduleTimer->setInterval(60 * 1000);
            connect(m_scheduleTimer, &QTimer::timeout, this, &ServiceWorker::runSchedules);
            m_scheduleTimer->start();
            runSchedules();
        }
    });
    recovery->start();
}

void ServiceWorker::recoverInterrupted()
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

void ServiceWorker::beginShutdown()
{
    if (m_stopping || m_shuttingDown) {
        return;
    }
    m_stopping = true;
    if (m_scheduleTimer)
        m_scheduleTimer->stop();
    if (m_recoveryTimer)
        m_recoveryTimer->stop();
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

void ServiceWorker::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (m_scheduleTimer)
        m_scheduleTimer->stop();
    if (m_recoveryTimer)
        m_recoveryTimer->stop();
    delete m_recovery; // it uses the catalog and store released below
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
    delete m_queue;
    m_queue = nullptr;
    m_store.reset();
    m_catalog.reset();
}

bool ServiceWorker::ensureReady(const QString &context)
{
    if (m_ready && !m_shuttingDown)
        return true;
    emit error(context, tr("The backup service is not ready yet; try again in a moment."));
    return false;
}

void ServiceWorker::refreshSites()
{
    if (!ensureReady(tr("Loading sites")))
        return;
    const QVector<Site> sites = m_catalog->sites();
    // Attention per core's SiteHealth: for every enabled schedule, the last finished scheduled
    // backup failed, or the newest completed one is older than the schedule allows. Two
    // one-row lookups per schedule instead of every backup of every site.
    QHash<QString, QVector<Schedule>> schedulesBySite;
    for (const Schedule &schedule : m_catalog->schedules()) {
        if (schedule.enabled)
            schedulesBySite[schedule.siteId].append(schedule);
    }
    const QDateTime now = m_clock->nowUtc();
    const QVector<BackupStatus> finished{ BackupStatus::Completed, BackupStatus::Failed, BackupStatus::Cancelled };
    QVector<QString> attention;
    for (const Site &site : sites) {
        const QVector<Schedule> schedules = schedulesBySite.value(site.id);
        if (schedules.isEmpty())
            continue;
        QVector<BackupRecord> relevant;
        for (const Schedule &schedule : schedules) {
            if (auto r = m_catalog->newestBackup(site.id, schedule.environment, BackupType::Scheduled, finished))
                relevant.append(*r);
            if (auto r
                = m_catalog->newestBackup(site.id, schedule.environment, std::nullopt, { BackupStatus::Completed }))
                relevant.append(*r);
        }
        if (SiteHealth::needsAttention(schedules, relevant, now))
            attention.append(site.id);
    }
    emit sitesLoaded(sites, attention);
}

void ServiceWorker::refreshBackups(const QString &siteId)
{
    if (!ensureReady(tr("Loading backups")))
        return;
    // The newest rows go out first so a large site's page fills at once; the rest (keyset
    // continuation, same order) follows in one complete list.
    const int pageSize = BackupService::firstPageSize();
    QVector<BackupRecord> all = m_catalog->backupsPage(siteId, EnvironmentFilter(), pageSize);
    if (all.size() == pageSize) {
        emit backupsFirstPage(siteId, all);
        const BackupRecord last = all.constLast();
        const QVector<BackupRecord> rest = m_catalog->backupsPage(siteId, EnvironmentFilter(), -1, &last);
        all.reserve(all.size() + rest.size());
        all.append(rest);
    }
    emit backupsLoaded(siteId, all);
    emit environmentsLoaded(siteId, m_catalog->environments(siteId));
}

void ServiceWorker::requestManifest(const QString &backupId)
{
    if (!ensureReady(tr("Loading the manifest")))
        return;
    const auto record = m_catalog->backup(backupId);
    if (!record) {
        emit manifestLoaded(backupId, {}, tr("Backup %1 is not in the catalog.").arg(backupId));
        return;
    }
    if (record->status != BackupStatus::Completed) {
        emit manifestLoaded(backupId, {}, tr("The manifest is written when the backup completes."));
        return;
    }
    StoreJob *job = m_store->getData(Catalog::manifestKey(record->objectKey));
    connect(job, &Job::finished, this, [this, job, backupId] {
        if (job->succeeded())
            emit manifestLoaded(backupId, job->result().data, QString());
        else
            emit manifestLoaded(backupId, {}, job->errorString());
    });
    job->start();
}

void ServiceWorker::testStorage(const QString &requestId, const BackupServiceConfig &storage)
{
    // A fresh store (and network manager) of its own, so the test neither disturbs the
    // service's store nor depends on it; deleted when the answer is out. The request runs
    // asynchronously in this (service) thread.
    QString message;
    auto *network = new QNetworkAccessManager(this);
    std::unique_ptr<ObjectStore> created = StoreFactory::create(storage, network, &message);
    if (!created) {
        network->deleteLater();
        emit storageTested(requestId, false, message);
        return;
    }
    ObjectStore *store = created.release();
    store->setParent(network);
    if (auto *s3 = qobject_cast<S3ObjectStore *>(store)) {
        // An interactive check: answer within seconds instead of retrying for a minute.
        S3TransferOptions options = s3->transferOptions();
        options.timeoutMs = 15000;
        options.maxAttempts = 2;
        options.retryBaseDelayMs = 200;
        s3->setTransferOptions(options);
    }
    // A prefix nothing lives under: one small answer, whatever the bucket holds.
    const QString prefix = QStringLiteral(".creodrop-connection-test/%1")
                               .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    StoreJob *job = store->list(prefix);
    const QString where = store->describe();
    connect(job, &Job::finished, this, [this, job, network, requestId, where] {
        const bool ok = job->succeeded();
        emit storageTested(requestId, ok, ok ? tr("Connected: %1 answered.").arg(where) : job->errorString());
        network->deleteLater();
    });
    job->start();
}

void ServiceWorker::refreshSchedules(const QString &siteId)
{
    if (!ensureReady(tr("Loading schedules")))
        return;
    emit schedulesLoaded(siteId, m_catalog->schedules(siteId));
}

void ServiceWorker::saveSite(const Site &site)
{
    if (!ensureReady(tr("Saving the site")))
        return;
    const bool ok = m_catalog->site(site.id) ? m_catalog->updateSite(site) : m_catalog->addSite(site);
    if (!ok) {
        emit error(tr("Saving site %1").arg(site.id), m_catalog->lastError());
        return;
    }
    refreshSites();
}

void ServiceWorker::saveEnvironment(const EnvironmentConfig &config, const QString &password, bool passwordChanged)
{
    if (!ensureReady(tr("Saving the environment")))
        return;
    EnvironmentConfig clean = config;
    clean.endpoint.password.clear();
    if (!m_catalog->setEnvironment(clean)) {
        emit error(tr("Saving %1/%2").arg(config.siteId, Environments::toString(config.environment)),
                   m_catalog->lastError());
        return;
    }
    if (passwordChanged && m_secrets) {
        SecretJob *job
            = password.isEmpty() ? m_secrets->remove(clean.secretKey()) : m_secrets->write(clean.secretKey(), password);
        connect(job, &Job::finished, this, [this, job, clean] {
            if (!job->succeeded())
                emit error(
                    tr("Saving the password of %1/%2").arg(clean.siteId, Environments::toString(clean.environment)),
                    job->errorString());
        });
        job->start();
    }
    emit environmentsLoaded(clean.siteId, m_catalog->environments(clean.siteId));
}

void ServiceWorker::removeSite(const QString &siteId)
{
    if (!ensureReady(tr("Removing the site")))
        return;
    if (!m_catalog->removeSite(siteId)) {
        emit error(tr("Removing site %1").arg(siteId), m_catalog->lastError());
        return;
    }
    refreshSites();
}

void ServiceWorker::testConnection(const QString &requestId, const MySqlEndpoint &endpoint, const QString &password)
{
    // Short and bounded by the driver's connect timeout; runs here, never in the GUI thread.
    MySqlEndpoint withPassword = endpoint;
    withPassword.password = password;
    QString message;
    bool ok = false;
    {
        // The dumper's kind of connection, so the test applies the environment's TLS mode too.
        MySqlConnection connection(withPassword);
        ok = connection.open(&message);
        if (ok) {
            const QString cipher = connection.tlsCipher();
            message = cipher.isEmpty() ? tr("Connected to %1 (not encrypted).").arg(endpoint.describe())
                                       : tr("Connected to %1 (TLS, %2).").arg(endpoint.describe(), cipher);
        }
    }
    emit connectionTested(requestId, ok, message);
}

void ServiceWorker::createBackup(const QString &siteId, Environment env, BackupType type)
{
    if (!ensureReady(tr("Creating a backup")))
        return;
    const BackupRecord record = m_catalog->createBackup(siteId, env, type, m_config.actor);
    if (!record.isValid()) {
        emit error(tr("Creating a backup of %1/%2").arg(siteId, Environments::toString(env)), m_catalog->lastError());
        return;
    }
    emit backupChanged(record);
    enqueueBackup(record);
}

void ServiceWorker::enqueueBackup(const BackupRecord &record)
{
    const QString id = record.id;
    JobProgress waiting;
    waiting.jobId = id;
    waiting.kind = JobKind::Backup;
    waiting.backupId = id;
    waiting.siteId = record.siteId;
    waiting.environment = record.environment;
    waiting.phase = tr("Queued");
    waiting.startedAt = m_clock->nowUtc();
    emit jobStarted(waiting);
    const QString key = record.siteId + QLatin1Char('/') + Environments::toString(record.environment);
    m_queue->enqueue(key, id, [this, id]() -> Job * {
        BackupJob::Options options;
        options.workerId = m_config.workerId;
        options.heartbeatSeconds = m_config.heartbeatSeconds;
        auto *job = new BackupJob(m_catalog.get(), m_store.get(), m_secrets, m_clock, id, options, this);
        connect(job, &BackupJob::progressChanged, this, &ServiceWorker::forwardProgress);
        connect(job, &BackupJob::recordChanged, this, &ServiceWorker::backupChanged);
        m_jobs.insert(id, job);
        connect(job, &Job::finished, this, [this, job, id] {
            m_jobs.remove(id);
            m_progress.remove(id);
            JobOutcome outcome;
            outcome.jobId = id;
            outcome.kind = JobKind::Backup;
            outcome.backupId = id;
            outcome.siteId = job->record().siteId;
            outcome.environment = job->record().environment;
            outcome.success = job->succeeded();
            outcome.cancelled = job->error() == Job::Error::Aborted;
            outcome.message = job->succeeded() ? tr("Backup %1 completed.").arg(id) : job->errorString();
            outcome.finishedAt = m_clock->nowUtc();
            emit jobFinished(outcome);
        });
        return job;
    });
}

void ServiceWorker::runSchedules()
{
    if (!m_ready || m_shuttingDown)
        return;
    QStringList problems;
    Scheduler scheduler(m_catalog.get(), m_clock, m_config.actor);
    for (const BackupRecord &record : scheduler.runDue(&problems)) {
        emit backupChanged(record);
        enqueueBackup(record);
    }
    for (const QString &problem : problems)
        emit error(tr("Running schedules"), problem);
}

void ServiceWorker::emitRecord(const QString &backupId)
{
    if (const auto record = m_catalog->backup(backupId))
        emit backupChanged(*record);
}

void ServiceWorker::cancelJob(const QString &jobId)
{
    const QPointer<Job> job = m_jobs.value(jobId);
    if (auto *backup = qobject_cast<BackupJob *>(job.data())) {
        backup->cancel();
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
        emit jobFinished(outcome);
    }
}

void ServiceWorker::forwardProgress(const JobProgress &progress)
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
        emit jobProgress(progress);
        return;
    }
    slot.latest = progress;
    slot.pending = true;
    if (!m_progressTimer) {
        m_progressTimer = new QTimer(this);
        m_progressTimer->setInterval(ProgressIntervalMs / 2);
        connect(m_progressTimer, &QTimer::timeout, this, &ServiceWorker::flushProgress);
    }
    if (!m_progressTimer->isActive())
        m_progressTimer->start();
}

void ServiceWorker::flushProgress()
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
        emit jobProgress(it->latest);
    }
    if (!waiting)
        m_progressTimer->stop();
}

void ServiceWorker::trackJob(const QString &jobId, Job *job, const JobProgress &initial)
{
    m_jobs.insert(jobId, job);
    emit jobStarted(initial);
}

void ServiceWorker::finishTracked(const QString &jobId, Job *job, JobKind kind, const QString &backupId,
                                  const QString &successMessage, const QString &localPath)
{
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
    outcome.message = job->succeeded() ? successMessage : job->errorString();
    outcome.localPath = job->succeeded() ? localPath : QString();
    outcome.finishedAt = m_clock->nowUtc();
    emit jobFinished(outcome);
}

void ServiceWorker::download(const QString &backupId, const QString &targetPath, bool overwrite)
{
    if (!ensureReady(tr("Downloading")))
        return;
    auto *job = new DownloadJob(m_catalog.get(), m_store.get(), m_clock, backupId, targetPath, m_config.actor, this);
    job->setOverwrite(overwrite);
    const QString jobId = QStringLiteral("download-%1").arg(backupId);
    connect(job, &DownloadJob::progressChanged, this, &ServiceWorker::forwardProgress);
    connect(job, &Job::finished, this, [this, job, jobId, backupId] {
        finishTracked(jobId, job, JobKind::Download, backupId, tr("Downloaded to %1.").arg(job->targetPath()),
                      job->targetPath());
    });
    trackJob(jobId, job, job->lastProgress());
    job->start();
}

void ServiceWorker::requestLink(const QString &backupId)
{
    if (!ensureReady(tr("Creating a download link")))
        return;
    const auto record = m_catalog->backup(backupId);
    if (!record || record->status != BackupStatus::Completed) {
        emit error(tr("Creating a download link"), tr("Backup %1 is not a completed backup.").arg(backupId));
        return;
    }
    if (!m_store->canPresign()) {
        emit error(tr("Creating a download link"),
                   tr("The local folder store cannot make download links; download the backup instead."));
        return;
    }
    QString message;
    const QDateTime now = m_clock->nowUtc();
    const QUrl url = m_store->presignedGetUrl(record->objectKey, 900, &message);
    if (url.isEmpty()) {
        emit error(tr("Creating a download link"), message);
        return;
    }
    m_catalog->audit(AuditEntry{ now, m_config.actor, QStringLiteral("backup.link"), record->siteId, backupId,
                                 tr("15-minute link"), record->environment, AuditOutcome::Success });
    emit linkReady(backupId, url, now.addSecs(900));
}

void ServiceWorker::verify(const QString &backupId)
{
    if (!ensureReady(tr("Verifying")))
        return;
    auto *job = new VerifyJob(m_catalog.get(), m_store.get(), backupId, this);
    const QString jobId = QStringLiteral("verify-%1").arg(backupId);
    connect(job, &Job::finished, this,
            [this, job, jobId, backupId] { finishTracked(jobId, job, JobKind::Verify, backupId, job->resultText()); });
    JobProgress p;
    p.jobId = jobId;
    p.kind = JobKind::Verify;
    p.backupId = backupId;
    p.phase = tr("Verifying");
    p.startedAt = m_clock->nowUtc();
    trackJob(jobId, job, p);
    job->start();
}

void ServiceWorker::deleteBackup(const QString &backupId)
{
    if (!ensureReady(tr("Deleting")))
        return;
    auto *job = new DeleteJob(m_catalog.get(), m_store.get(), m_clock, backupId, m_config.actor, QString(), this);
    const QString jobId = QStringLiteral("delete-%1").arg(backupId);
    connect(job, &Job::finished, this, [this, job, jobId, backupId] {
        if (job->succeeded())
            emit backupRemoved(backupId);
        finishTracked(jobId, job, JobKind::Delete, backupId, tr("Backup %1 deleted.").arg(backupId));
    });
    JobProgress p;
    p.jobId = jobId;
    p.kind = JobKind::Delete;
    p.backupId = backupId;
    p.phase = tr("Deleting");
    p.startedAt = m_clock->nowUtc();
    trackJob(jobId, job, p);
    job->start();
}

void ServiceWorker::setPinned(const QString &backupId, bool pinned)
{
    if (!ensureReady(tr("Pinning")))
        return;
    if (!m_catalog->setPinned(backupId, pinned)) {
        emit error(tr("Pinning backup %1").arg(backupId), m_catalog->lastError());
        return;
    }
    emitRecord(backupId);
}

OperationContext ServiceWorker::operationContext() const
{
    OperationContext context;
    context.catalog = m_catalog.get();
    context.secrets = m_secrets;
    context.store = m_store.get();
    context.clock = m_clock;
    context.actor = m_config.actor;
    context.workerId = m_config.workerId;
    context.heartbeatSeconds = m_config.heartbeatSeconds;
    return context;
}

void ServiceWorker::finishOperation(const QString &jobId, const JobOutcome &outcome)
{
    m_jobs.remove(jobId);
    m_progress.remove(jobId);
    emit jobFinished(outcome);
}
