// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BackupService.h"
#include "operations/OperationContext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class Job;
class JobQueue;
class ObjectStore;
class QNetworkAccessManager;
class QTimer;

/// BackupService's other half: lives in the service thread and owns everything that does I/O
/// there (its own Catalog connection, the ObjectStore with its QNetworkAccessManager, the job
/// queue and the jobs; dump threads belong to the BackupJobs). BackupService calls it only by
/// queued invocation and hears back only through its queued signals, which mirror the
/// service's. Not part of the public API.
class ServiceWorker : public QObject
{
    Q_OBJECT

public:
    ServiceWorker(const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock);
    ~ServiceWorker() override;

    void start();
    /// Cancels queued and running jobs and releases catalog and store; called in the service
    /// thread before it quits.
    void shutdown();
    /// Cancels the running jobs and waits for them (at most ShutdownGraceMs) in the service
    /// thread's event loop, then shutdown() and quits the thread.
    void beginShutdown();
    static constexpr int ShutdownGraceMs = 10000;

    void refreshSites();
    void refreshBackups(const QString &siteId);
    void refreshSchedules(const QString &siteId);
    void requestManifest(const QString &backupId);
    void testStorage(const QString &requestId, const BackupServiceConfig &storage);
    void saveSite(const Site &site);
    void saveEnvironment(const EnvironmentConfig &config, const QString &password, bool passwordChanged);
    void removeSite(const QString &siteId);
    void testConnection(const QString &requestId, const MySqlEndpoint &endpoint, const QString &password);
    void createBackup(const QString &siteId, Environment env, BackupType type);
    void cancelJob(const QString &jobId);
    void download(const QString &backupId, const QString &targetPath, bool overwrite = false);
    void requestLink(const QString &backupId);
    void verify(const QString &backupId);
    void deleteBackup(const QString &backupId);
    void setPinned(const QString &backupId, bool pinned);
    // --- operations BackupService runs here (restore: operations/BackupServiceRestore.cpp)
    /// The service's catalog, store, secrets, clock, actor and worker id, for an operation.
    OperationContext operationContext() const;
    /// ensureReady() for callers outside: emits error(@p context, ...) and returns false when
    /// the service cannot run anything yet.
    bool readyFor(const QString &context) { return ensureReady(context); }
    /// Tracks @p job (living in this thread) like the service's own jobs: jobStarted(@p initial)
    /// now, cancelJob() reaches it; report its progress with reportProgress() and end it with
    /// finishOperation().
    void trackOperation(const QString &jobId, Job *job, const JobProgress &initial) { trackJob(jobId, job, initial); }
    void reportProgress(const JobProgress &progress) { forwardProgress(progress); }
    void finishOperation(const QString &jobId, const JobOutcome &outcome);

signals:
    void ready();
    void error(const QString &context, const QString &message);
    void sitesLoaded(const QVector<Site> &sites, const QVector<QString> &sitesNeedingAttention);
    void backupsLoaded(const QString &siteId, const QVector<BackupRecord> &backups);
    void backupsFirstPage(const QString &siteId, const QVector<BackupRecord> &newest);
    void manifestLoaded(const QString &backupId, const QByteArray &json, const QString &error);
    void storageTested(const QString &requestId, bool ok, const QString &message);
    void schedulesLoaded(const QString &siteId, const QVector<Schedule> &schedules);
    void environmentsLoaded(const QString &siteId, const QVector<EnvironmentConfig> &environments);
    void backupChanged(const BackupRecord &record);
    void backupRemoved(const QString &backupId);
    void jobStarted(const JobProgress &progress);
    void jobProgress(const JobProgress &progress);
    void jobFinished(const JobOutcome &outcome);
    void linkReady(const QString &backupId, const QUrl &url, const QDateTime &expiresAtUtc);
    void connectionTested(const QString &requestId, bool ok, const QString &message);
    void syncPlanReady(const QString &requestId, const QString &refusal, bool needsConfirmation,
                       const QStringList &plan);

private:
    bool ensureReady(const QString &context);
    void openEverything();
    void enqueueBackup(const BackupRecord &record);
    void runSchedules();
    void recoverInterrupted();
    void emitRecord(const QString &backupId);
    void forwardProgress(const JobProgress &progress);
    void flushProgress();
    void trackJob(const QString &jobId, Job *job, const JobProgress &initial);
    void finishTracked(const QString &jobId, Job *job, JobKind kind, const QString &backupId,
                       const QString &successMessage, const QString &localPath = QString());

    BackupServiceConfig m_config;
    SecretStore *m_secrets;
    const Clock *m_clock;
    std::unique_ptr<Catalog> m_catalog;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<ObjectStore> m_store;
    JobQueue *m_queue = nullptr;
    QTimer *m_scheduleTimer = nullptr;
    QTimer *m_recoveryTimer = nullptr;
    bool m_recovering = false;
    QPointer<Job> m_recovery;
    QHash<QString, QPointer<Job>> m_jobs; ///< jobId -> running job

    /// Progress sent to listeners at most this often per job (see forwardProgress()).
    static constexpr qint64 ProgressIntervalMs = 250;
    struct ThrottledProgress
    {
        qint64 lastSentMs = -1;
        QString sentPhase;
        bool pending = false;
        JobProgress latest;
    };
    QHash<QString, ThrottledProgress> m_progress; ///< jobId -> throttle state
    QElapsedTimer m_progressClock;
    QTimer *m_progressTimer = nullptr;
    bool m_ready = false;
    bool m_shuttingDown = false;
    bool m_stopping = false;
};
