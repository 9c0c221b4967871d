// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupService.h"

#include "ServiceWorker.h"

#include <QThread>

class BackupService::Private
{
public:
    QThread thread;
    ServiceWorker *worker = nullptr;
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
}
} // namespace

BackupService::BackupService(const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock,
                             QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    registerMetaTypes();
    d->thread.setObjectName(QStringLiteral("backup-service"));
    d->worker = new ServiceWorker(config, secrets, clock);
    d->worker->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);

    // Worker -> service: queued (different threads), re-emitted as the service's own signals.
    connect(d->worker, &ServiceWorker::ready, this, &BackupService::ready);
    connect(d->worker, &ServiceWorker::error, this, &BackupService::error);
    connect(d->worker, &ServiceWorker::sitesLoaded, this, &BackupService::sitesLoaded);
    connect(d->worker, &ServiceWorker::backupsLoaded, this, &BackupService::backupsLoaded);
    connect(d->worker, &ServiceWorker::backupsFirstPage, this, &BackupService::backupsFirstPage);
    connect(d->worker, &ServiceWorker::manifestLoaded, this, &BackupService::manifestLoaded);
    connect(d->worker, &ServiceWorker::storageTested, this, &BackupService::storageTested);
    connect(d->worker, &ServiceWorker::schedulesLoaded, this, &BackupService::schedulesLoaded);
    connect(d->worker, &ServiceWorker::environmentsLoaded, this, &BackupService::environmentsLoaded);
    connect(d->worker, &ServiceWorker::backupChanged, this, &BackupService::backupChanged);
    connect(d->worker, &ServiceWorker::backupRemoved, this, &BackupService::backupRemoved);
    connect(d->worker, &ServiceWorker::jobStarted, this, &BackupService::jobStarted);
    connect(d->worker, &ServiceWorker::jobProgress, this, &BackupService::jobProgress);
    connect(d->worker, &ServiceWorker::jobFinished, this, &BackupService::jobFinished);
    connect(d->worker, &ServiceWorker::linkReady, this, &BackupService::linkReady);
    connect(d->worker, &ServiceWorker::connectionTested, this, &BackupService::connectionTested);
    d->thread.start();
}

BackupService::~BackupService()
{
    // Jobs are cancelled in the service thread (where they live), then the thread stops; the
    // worker is deleted there by deleteLater before the loop exits.
    ServiceWorker *worker = d->worker;
    // Running backups are cancelled in the service thread and get up to
    // ServiceWorker::ShutdownGraceMs to stop their dumps and confirm the removal of their
    // uploads; the service thread's loop runs meanwhile and quits when done. This thread only
    // waits (no nested loop).
    QMetaObject::invokeMethod(
        worker, [worker] { worker->beginShutdown(); }, Qt::QueuedConnection);
    if (!d->thread.wait(QDeadlineTimer(ServiceWorker::ShutdownGraceMs + 5000))) {
        QMetaObject::invokeMethod(
            worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait();
    }
}

#define CREODROP_CALL_WORKER(...)                                                                                      \
    do {                                                                                                               \
        ServiceWorker *w = d->worker;                                                                                  \
        QMetaObject::invokeMethod(                                                                                     \
            w, [=] { w->__VA_ARGS__; }, Qt::QueuedConnection);                                                         \
    } while (false)

void BackupService::start()
{
    CREODROP_CALL_WORKER(start());
}
void BackupService::refreshSites()
{
    CREODROP_CALL_WORKER(refreshSites());
}
void BackupService::refreshBackups(const QString &siteId)
{
    CREODROP_CALL_WORKER(refreshBackups(siteId));
}
void BackupService::requestManifest(const QString &backupId)
{
    CREODROP_CALL_WORKER(requestManifest(backupId));
}
void BackupService::testStorage(const QString &requestId, const BackupServiceConfig &storage)
{
    CREODROP_CALL_WORKER(testStorage(requestId, storage));
}
void BackupService::refreshSchedules(const QString &siteId)
{
    CREODROP_CALL_WORKER(refreshSchedules(siteId));
}
void BackupService::saveSite(const Site &site)
{
    CREODROP_CALL_WORKER(saveSite(site));
}
void BackupService::saveEnvironment(const EnvironmentConfig &config, const QString &password, bool passwordChanged)
{
    CREODROP_CALL_WORKER(saveEnvironment(config, password, passwordChanged));
}
void BackupService::removeSite(const QString &siteId)
{
    CREODROP_CALL_WORKER(removeSite(siteId));
}
void BackupService::testConnection(const QString &requestId, const MySqlEndpoint &endpoint, const QString &password)
{
    CREODROP_CALL_WORKER(testConnection(requestId, endpoint, password));
}
void BackupService::createBackup(const QString &siteId, Environment env, BackupType type)
{
    CREODROP_CALL_WORKER(createBackup(siteId, env, type));
}
void BackupService::cancelJob(const QString &jobId)
{
    CREODROP_CALL_WORKER(cancelJob(jobId));
}
void BackupService::download(const QString &backupId, const QString &targetPath, bool overwrite)
{
    CREODROP_CALL_WORKER(download(backupId, targetPath, overwrite));
}
void BackupService::requestLink(const QString &backupId)
{
    CREODROP_CALL_WORKER(requestLink(backupId));
}
void BackupService::verify(const QString &backupId)
{
    CREODROP_CALL_WORKER(verify(backupId));
}
void BackupService::deleteBackup(const QString &backupId)
{
    CREODROP_CALL_WORKER(deleteBackup(backupId));
}
void BackupService::setPinned(const QString &backupId, bool pinned)
{
    CREODROP_CALL_WORKER(setPinned(backupId, pinned));
}

void BackupService::callWorker(std::function<void(ServiceWorker *)> call)
{
    ServiceWorker *w = d->worker;
    QMetaObject::invokeMethod(
        w, [w, call] { call(w); }, Qt::QueuedConnection);
}
