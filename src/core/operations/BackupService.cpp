// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupService.h"

#include "AttentionQuery.h"
#include "BackupQueue.h"
#include "CreateBackupOperation.h"
#include "CreateLinkOperation.h"
#include "DeleteBackupOperation.h"
#include "DownloadBackupOperation.h"
#include "PinBackupOperation.h"
#include "RemoveScheduleOperation.h"
#include "RemoveSiteJob.h"
#include "RescanCatalogOperation.h"
#include "RetentionJob.h"
#include "SaveSiteOperation.h"
#include "ServiceRuntime.h"
#include "SetEnvironmentJob.h"
#include "SetScheduleOperation.h"
#include "VerifyBackupOperation.h"
#include "catalog/SiteHealth.h"
#include "jobs/BackupJob.h"
#include "jobs/DeleteJob.h"
#include "jobs/DownloadJob.h"
#include "jobs/RescanJob.h"
#include "jobs/StoreFactory.h"
#include "jobs/VerifyJob.h"
#include "mysql/MySqlConnection.h"
#include "storage/ObjectStore.h"
#include "storage/S3ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Clock.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QThread>

class BackupService::Private
{
public:
    QThread thread;
    ServiceRuntime *runtime = nullptr;

    /// Runs @p call in the service thread once the service is ready (else error(@p context)).
    template <typename Call>
    void post(const QString &context, Call call)
    {
        ServiceRuntime *rt = runtime;
        QMetaObject::invokeMethod(
            rt,
            [rt, context, call] {
                if (rt->ensureReady(context))
                    call(*rt);
            },
            Qt::QueuedConnection);
    }
    /// Runs @p call in the service thread, ready or not (checks that need no catalog).
    template <typename Call>
    void postAlways(Call call)
    {
        ServiceRuntime *rt = runtime;
        QMetaObject::invokeMethod(
            rt, [rt, call] { call(*rt); }, Qt::QueuedConnection);
    }
};

namespace {
void registerMetaTypes()
{
    qRegisterMetaType<Site>();
    qRegisterMetaType<QVector<Site>>();
    qRegisterMetaType<BackupRecord>();
    qRegisterMetaType<QVector<BackupRecord>>();
    qRegisterMetaType<Schedule>();
    qRegisterMetaType<QVector<Schedule>>();
    qRegisterMetaType<EnvironmentConfig>();
    qRegisterMetaType<QVector<EnvironmentConfig>>();
    qRegisterMetaType<Environment>();
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobOutcome>();
    qRegisterMetaType<QVector<QString>>();
    qRegisterMetaType<AttentionItem>();
    qRegisterMetaType<QVector<AttentionItem>>();
    qRegisterMetaType<AuditFilter>();
    qRegisterMetaType<AuditEntry>();
    qRegisterMetaType<QVector<AuditEntry>>();
}

/// The Schedules page's view of a site: its schedules and, per environment that has one, the
/// newest scheduled backup (the schedule's last result).
void sendScheduleOverview(ServiceRuntime &rt, const QString &siteId, const QString &context)
{
    Catalog *catalog = rt.context().catalog;
    const int failedBefore = catalog->failedStatements();
    const QVector<Schedule> schedules = catalog->schedules(siteId);
    QVector<BackupRecord> last;
    for (const Schedule &schedule : schedules) {
        if (auto r = catalog->newestBackup(siteId, schedule.environment, BackupType::Scheduled))
            last.append(*r);
    }
    if (rt.catalogReadFailed(failedBefore, context))
        return;
    rt.send(&BackupService::scheduleOverviewLoaded, siteId, schedules, last);
}

// The site's schedules (schedulesLoaded), then its schedule overview.
void sendSchedules(ServiceRuntime &rt, const QString &siteId, const QString &context)
{
    const int failedBefore = rt.context().catalog->failedStatements();
    const QVector<Schedule> schedules = rt.context().catalog->schedules(siteId);
    if (rt.catalogReadFailed(failedBefore, context))
        return;
    rt.send(&BackupService::schedulesLoaded, siteId, schedules);
    sendScheduleOverview(rt, siteId, context);
}

JobProgress initialProgress(const QString &jobId, JobKind kind, const QString &backupId, const QString &phase,
                            const QDateTime &now)
{
    JobProgress p;
    p.jobId = jobId;
    p.kind = kind;
    p.backupId = backupId;
    p.phase = phase;
    p.startedAt = now;
    return p;
}
} // namespace

BackupService::BackupService(const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock,
                             QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    registerMetaTypes();
    d->thread.setObjectName(QStringLiteral("backup-service"));
    d->runtime = new ServiceRuntime(this, config, secrets, clock);
    d->runtime->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->runtime, &QObject::deleteLater);
    d->thread.start();
}

BackupService::~BackupService()
{
    // Running backups are cancelled in the service thread and get up to
    // ServiceRuntime::ShutdownGraceMs to stop their dumps and confirm the removal of their
    // uploads; the service thread's loop runs meanwhile and quits when done. This thread only
    // waits (no nested loop). The runtime is deleted there by deleteLater before the loop exits,
    // so nothing emits this object's signals once the wait is over.
    ServiceRuntime *runtime = d->runtime;
    QMetaObject::invokeMethod(
        runtime, [runtime] { runtime->beginShutdown(); }, Qt::QueuedConnection);
    if (!d->thread.wait(QDeadlineTimer(ServiceRuntime::ShutdownGraceMs + 5000))) {
        QMetaObject::invokeMethod(
            runtime, [runtime] { runtime->shutdown(); }, Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
    }
}

void BackupService::start()
{
    d->postAlways([](ServiceRuntime &rt) { rt.start(); });
}

void BackupService::refreshSites()
{
    d->post(tr("Loading sites"), [this](ServiceRuntime &rt) {
        Catalog *catalog = rt.context().catalog;
        const int failedBefore = catalog->failedStatements();
        const QVector<Site> sites = catalog->sites();
        // Attention per core's SiteHealth: for every enabled schedule, the last finished
        // scheduled backup failed, or the newest completed one is older than the schedule
        // allows. Two one-row lookups per schedule instead of every backup of every site.
        QHash<QString, QVector<Schedule>> schedulesBySite;
        for (const Schedule &schedule : catalog->schedules()) {
            if (schedule.enabled)
                schedulesBySite[schedule.siteId].append(schedule);
        }
        const QDateTime now = rt.context().clock->nowUtc();
        const QVector<BackupStatus> finished{ BackupStatus::Completed, BackupStatus::Failed, BackupStatus::Cancelled };
        QVector<QString> attention;
        for (const Site &site : sites) {
            const QVector<Schedule> schedules = schedulesBySite.value(site.id);
            if (schedules.isEmpty())
                continue;
            QVector<BackupRecord> relevant;
            for (const Schedule &schedule : schedules) {
                if (auto r = catalog->newestBackup(site.id, schedule.environment, BackupType::Scheduled, finished))
                    relevant.append(*r);
                if (auto r
                    = catalog->newestBackup(site.id, schedule.environment, std::nullopt, { BackupStatus::Completed }))
                    relevant.append(*r);
            }
            if (SiteHealth::needsAttention(schedules, relevant, now))
                attention.append(site.id);
        }
        if (rt.catalogReadFailed(failedBefore, tr("Loading sites")))
            return;
        rt.send(&BackupService::sitesLoaded, sites, attention);
    });
}

void BackupService::refreshBackups(const QString &siteId)
{
    d->post(tr("Loading backups"), [this, siteId](ServiceRuntime &rt) {
        Catalog *catalog = rt.context().catalog;
        // The newest rows go out first so a large site's page fills at once; the rest (keyset
        // continuation, same order) follows in one complete list.
        const int failedBefore = catalog->failedStatements();
        const int pageSize = firstPageSize();
        QVector<BackupRecord> all = catalog->backupsPage(siteId, EnvironmentFilter(), pageSize);
        if (rt.catalogReadFailed(failedBefore, tr("Loading backups")))
            return;
        if (all.size() == pageSize) {
            rt.send(&BackupService::backupsFirstPage, siteId, all);
            const BackupRecord last = all.constLast();
            const QVector<BackupRecord> rest = catalog->backupsPage(siteId, EnvironmentFilter(), -1, &last);
            all.reserve(all.size() + rest.size());
            all.append(rest);
        }
        const QVector<EnvironmentConfig> environments = catalog->environments(siteId);
        if (rt.catalogReadFailed(failedBefore, tr("Loading backups")))
            return;
        rt.send(&BackupService::backupsLoaded, siteId, all);
        rt.send(&BackupService::environmentsLoaded, siteId, environments);
    });
}

void BackupService::refreshSchedules(const QString &siteId)
{
    d->post(tr("Loading schedules"),
            [siteId](ServiceRuntime &rt) { sendSchedules(rt, siteId, tr("Loading schedules")); });
}

void BackupService::requestManifest(const QString &backupId)
{
    d->post(tr("Loading the manifest"), [this, backupId](ServiceRuntime &rt) {
        const OperationContext context = rt.context();
        const int failedBefore = context.catalog->failedStatements();
        const auto record = context.catalog->backup(backupId);
        if (!record) {
            rt.send(&BackupService::manifestLoaded, backupId, QByteArray(),
                    context.catalog->absentReason(failedBefore, tr("Backup %1 is not in the catalog.").arg(backupId)));
            return;
        }
        if (record->status != BackupStatus::Completed) {
            rt.send(&BackupService::manifestLoaded, backupId, QByteArray(),
                    tr("The manifest is written when the backup completes."));
            return;
        }
        StoreJob *job = context.store->getData(Catalog::manifestKey(record->objectKey));
        connect(job, &Job::finished, &rt, [job, backupId, &rt] {
            if (job->succeeded())
                rt.send(&BackupService::manifestLoaded, backupId, job->result().data, QString());
            else
                rt.send(&BackupService::manifestLoaded, backupId, QByteArray(), job->errorString());
        });
        job->start();
    });
}

void BackupService::testStorage(const QString &requestId, const BackupServiceConfig &storage)
{
    d->postAlways([this, requestId, storage](ServiceRuntime &rt) {
        // A fresh store (and network manager) of its own, so the test neither disturbs the
        // service's store nor depends on it; deleted when the answer is out.
        QString message;
        auto *network = new QNetworkAccessManager(&rt);
        std::unique_ptr<ObjectStore> created = StoreFactory::create(storage, network, &message);
        if (!created) {
            network->deleteLater();
            rt.send(&BackupService::storageTested, requestId, false, message);
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
        connect(job, &Job::finished, &rt, [job, network, requestId, where, &rt] {
            const bool ok = job->succeeded();
            rt.send(&BackupService::storageTested, requestId, ok,
                    ok ? tr("Connected: %1 answered.").arg(where) : job->errorString());
            network->deleteLater();
        });
        job->start();
    });
}

void BackupService::saveSite(const Site &site)
{
    d->post(tr("Saving the site"), [this, site](ServiceRuntime &rt) {
        const OperationResult result = SaveSiteOperation(rt.context()).run(site, SaveSiteOperation::Mode::AddOrEdit);
        if (!result.succeeded()) {
            rt.send(&BackupService::error, tr("Saving site %1").arg(site.id), result.message);
            return;
        }
        refreshSites();
    });
}

void BackupService::saveEnvironment(const EnvironmentConfig &config, const QString &password, bool passwordChanged)
{
    d->post(tr("Saving the environment"), [this, config, password, passwordChanged](ServiceRuntime &rt) {
        auto *job = new SetEnvironmentJob(rt.context(), config,
                                          passwordChanged ? std::optional<QString>(password) : std::nullopt, &rt);
        connect(job, &Job::finished, &rt, [job, config, &rt] {
            if (!job->succeeded())
                rt.send(&BackupService::error,
                        tr("Saving %1/%2").arg(config.siteId, Environments::toString(config.environment)),
                        job->errorString());
            if (job->endpointSaved())
                rt.send(&BackupService::environmentsLoaded, config.siteId,
                        rt.context().catalog->environments(config.siteId));
        });
        job->start();
    });
}

namespace {
void startSiteRemoval(BackupService *service, ServiceRuntime &rt, const QString &siteId, bool deleteBackups,
                      const QString &confirmation)
{
    auto *job = new RemoveSiteJob(rt.context(), siteId, deleteBackups, confirmation, &rt);
    QObject::connect(job, &Job::finished, &rt, [service, job, siteId, rt = &rt] {
        if (!job->succeeded()) {
            rt->send(&BackupService::error, BackupService::tr("Removing site %1").arg(siteId), job->errorString());
            return;
        }
        for (const QString &warning : job->warnings())
            rt->send(&BackupService::error, BackupService::tr("Removing site %1").arg(siteId), warning);
        rt->send(&BackupService::siteRemoved, siteId, job->deletedBackups());
        service->refreshSites();
    });
    job->start();
}
} // namespace

void BackupService::removeSite(const QString &siteId)
{
    d->post(tr("Removing the site"),
            [this, siteId](ServiceRuntime &rt) { startSiteRemoval(this, rt, siteId, false, QString()); });
}

void BackupService::removeSiteWithBackups(const QString &siteId, const QString &confirmation)
{
    d->post(tr("Removing the site"), [this, siteId, confirmation](ServiceRuntime &rt) {
        startSiteRemoval(this, rt, siteId, true, confirmation);
    });
}

void BackupService::testConnection(const QString &requestId, const MySqlEndpoint &endpoint, const QString &password)
{
    d->postAlways([requestId, endpoint, password](ServiceRuntime &rt) {
        // Short and bounded by the driver's connect timeout; runs in the service thread.
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
        rt.send(&BackupService::connectionTested, requestId, ok, message);
    });
}

void BackupService::createBackup(const QString &siteId, Environment env, BackupType type)
{
    d->post(tr("Creating a backup"), [this, siteId, env, type](ServiceRuntime &rt) {
        // Queued on the runtime's BackupQueue, which reports it (backupChanged, jobStarted).
        const OperationResult result = CreateBackupOperation(rt.context()).run(siteId, env, type, rt.queue());
        if (!result.succeeded())
            rt.send(&BackupService::error, tr("Creating a backup of %1/%2").arg(siteId, Environments::toString(env)),
                    result.message);
    });
}

void BackupService::cancelJob(const QString &jobId)
{
    d->postAlways([jobId](ServiceRuntime &rt) { rt.cancelJob(jobId); });
}

void BackupService::download(const QString &backupId, const QString &targetPath, bool overwrite)
{
    d->post(tr("Downloading"), [this, backupId, targetPath, overwrite](ServiceRuntime &rt) {
        DownloadBackupOperation operation(rt.context());
        DownloadJob *job = operation.prepare(backupId, targetPath, overwrite, &rt);
        if (!job) {
            rt.send(&BackupService::error, tr("Downloading"), operation.refusal().message);
            return;
        }
        connect(job, &DownloadJob::progressChanged, &rt, &ServiceRuntime::forwardProgress);
        rt.runTracked(
            job, job->lastProgress(), [job] { return tr("Downloaded to %1.").arg(job->targetPath()); },
            [job] { return job->targetPath(); });
    });
}

void BackupService::requestLink(const QString &backupId)
{
    d->post(tr("Creating a download link"), [this, backupId](ServiceRuntime &rt) {
        CreateLinkOperation operation(rt.context());
        const OperationResult result = operation.run(backupId);
        if (!result.succeeded()) {
            rt.send(&BackupService::error, tr("Creating a download link"), result.message);
            return;
        }
        rt.send(&BackupService::linkReady, backupId, operation.url(), operation.expiresAtUtc());
    });
}

void BackupService::verify(const QString &backupId)
{
    d->post(tr("Verifying"), [this, backupId](ServiceRuntime &rt) {
        VerifyBackupOperation operation(rt.context());
        VerifyJob *job = operation.prepare(backupId, &rt);
        if (!job) {
            rt.send(&BackupService::error, tr("Verifying"), operation.refusal().message);
            return;
        }
        rt.runTracked(job,
                      initialProgress(QStringLiteral("verify-%1").arg(backupId), JobKind::Verify, backupId,
                                      tr("Verifying"), rt.context().clock->nowUtc()),
                      [job] { return job->resultText(); });
    });
}

void BackupService::deleteBackup(const QString &backupId)
{
    d->post(tr("Deleting"), [this, backupId](ServiceRuntime &rt) {
        DeleteBackupOperation operation(rt.context());
        DeleteJob *job = operation.prepare(backupId, &rt);
        if (!job) {
            rt.send(&BackupService::error, tr("Deleting"), operation.refusal().message);
            return;
        }
        connect(job, &Job::finished, &rt, [job, backupId, &rt] {
            if (job->succeeded())
                rt.send(&BackupService::backupRemoved, backupId);
            else
                rt.emitRecord(backupId); // Deleting now, or as it was if nothing was deleted
        });
        rt.runTracked(job,
                      initialProgress(QStringLiteral("delete-%1").arg(backupId), JobKind::Delete, backupId,
                                      tr("Deleting"), rt.context().clock->nowUtc()),
                      [backupId] { return tr("Backup %1 deleted.").arg(backupId); });
        // The job marked the row Deleting as it started: the table shows it at once.
        if (!job->isFinished())
            rt.emitRecord(backupId);
    });
}

void BackupService::setPinned(const QString &backupId, bool pinned)
{
    d->post(tr("Pinning"), [this, backupId, pinned](ServiceRuntime &rt) {
        const OperationResult result = PinBackupOperation(rt.context()).run(backupId, pinned);
        if (!result.succeeded()) {
            rt.send(&BackupService::error, tr("Pinning backup %1").arg(backupId), result.message);
            return;
        }
        rt.emitRecord(backupId);
    });
}

void BackupService::setSchedule(const Schedule &schedule)
{
    d->post(tr("Saving the schedule"), [this, schedule](ServiceRuntime &rt) {
        const OperationResult result = SetScheduleOperation(rt.context()).run(schedule);
        if (!result.succeeded())
            rt.send(
                &BackupService::error,
                tr("Saving the schedule of %1/%2").arg(schedule.siteId, Environments::toString(schedule.environment)),
                result.message);
        sendSchedules(rt, schedule.siteId, tr("Loading schedules"));
    });
}

void BackupService::removeSchedule(const QString &siteId, Environment env)
{
    d->post(tr("Removing the schedule"), [this, siteId, env](ServiceRuntime &rt) {
        const OperationResult result = RemoveScheduleOperation(rt.context()).run(siteId, env);
        if (!result.succeeded())
            rt.send(&BackupService::error,
                    tr("Removing the schedule of %1/%2").arg(siteId, Environments::toString(env)), result.message);
        sendSchedules(rt, siteId, tr("Loading schedules"));
    });
}

void BackupService::previewRetention()
{
    // Answered whatever happens, not ready included: the console's action waits for it.
    d->postAlways([](ServiceRuntime &rt) {
        if (!rt.isReady()) {
            rt.send(&BackupService::retentionPreviewed, QVector<BackupRecord>(), ServiceRuntime::notReadyMessage());
            return;
        }
        auto *job = new RetentionJob(rt.context(), true, &rt);
        connect(job, &Job::finished, &rt, [job, &rt] {
            rt.send(&BackupService::retentionPreviewed, job->succeeded() ? job->candidates() : QVector<BackupRecord>(),
                    job->succeeded() ? QString() : job->errorString());
        });
        job->start();
    });
}

void BackupService::applyRetention(const QStringList &backupIds)
{
    // Answered by operationFinished whatever happens, not ready included: the console's action
    // waits for it.
    d->postAlways([backupIds](ServiceRuntime &rt) {
        if (!rt.isReady()) {
            rt.reportRetention({}, {}, ServiceRuntime::notReadyMessage());
            return;
        }
        auto *job = new RetentionJob(rt.context(), false, &rt);
        job->limitTo(backupIds);
        connect(job, &Job::finished, &rt, [job, &rt] {
            rt.reportRetention(job->deletedIds(), job->failures(), job->succeeded() ? QString() : job->errorString());
        });
        job->start();
    });
}

void BackupService::rescanCatalog()
{
    // Answered by operationFinished whatever happens, not ready included (as applyRetention).
    d->postAlways([this](ServiceRuntime &rt) {
        if (!rt.isReady()) {
            rt.send(&BackupService::operationFinished, QStringLiteral("catalog.rescan"), false,
                    ServiceRuntime::notReadyMessage(), QStringList());
            return;
        }
        RescanJob *job = RescanCatalogOperation(rt.context()).prepare(&rt);
        connect(job, &Job::finished, &rt, [job, &rt] {
            rt.send(&BackupService::operationFinished, QStringLiteral("catalog.rescan"), job->succeeded(),
                    job->succeeded() ? RescanCatalogOperation::summary(*job) + QLatin1Char('.') : job->errorString(),
                    job->warnings());
        });
        job->start();
    });
}

void BackupService::cancelBackup(const QString &backupId)
{
    d->postAlways([backupId](ServiceRuntime &rt) { rt.cancelBackup(backupId); });
}

void BackupService::refreshAttention()
{
    d->post(tr("Loading what needs attention"), [](ServiceRuntime &rt) {
        const OperationContext context = rt.context();
        const int failedBefore = context.catalog->failedStatements();
        const QVector<AttentionItem> items = AttentionQuery(context).run(AttentionFilter(), context.clock->nowUtc());
        if (rt.catalogReadFailed(failedBefore, tr("Loading what needs attention")))
            return;
        rt.send(&BackupService::attentionLoaded, items);
    });
}

void BackupService::refreshScheduleOverview(const QString &siteId)
{
    d->post(tr("Loading schedules"),
            [siteId](ServiceRuntime &rt) { sendScheduleOverview(rt, siteId, tr("Loading schedules")); });
}

void BackupService::refreshAudit(const QString &requestId, const AuditFilter &filter)
{
    d->post(tr("Loading the audit log"), [requestId, filter](ServiceRuntime &rt) {
        const int failedBefore = rt.context().catalog->failedStatements();
        const QVector<AuditEntry> entries = rt.context().catalog->auditLog(filter);
        if (rt.catalogReadFailed(failedBefore, tr("Loading the audit log")))
            return;
        rt.send(&BackupService::auditLoaded, requestId, entries);
    });
}

void BackupService::callWorker(std::function<void(ServiceRuntime *)> call)
{
    d->postAlways([call](ServiceRuntime &rt) { call(&rt); });
}
