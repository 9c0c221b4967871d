// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobProgress.h"
#include "catalog/BackupRecord.h"
#include "catalog/Catalog.h"
#include "catalog/Schedule.h"
#include "catalog/Site.h"
#include "operations/RestorePreflight.h"
#include "operations/SyncRequest.h"

#include <QObject>
#include <QUrl>
#include <QVector>

#include <functional>
#include <memory>

class Clock;
class SecretStore;
class ServiceWorker;
class QThread;

/// Everything the service needs to know, resolved by the caller from settings / environment.
struct BackupServiceConfig
{
    CatalogLocation catalog;
    /// Storage: "local" with localStorePath, or "s3" with the S3 fields.
    QString storageKind = QStringLiteral("local");
    QString localStorePath;
    QString s3Endpoint;
    QString s3Region = QStringLiteral("auto");
    QString s3Bucket;
    QString s3AccessKeyId;
    QString s3SecretAccessKey; ///< filled from the secret store / environment; never persisted
    bool s3PathStyle = true;
    QString actor; ///< who acts (user name), recorded as created_by and in the audit log
    QString workerId; ///< unique per process: host:pid:random
    int heartbeatSeconds = 10;
    bool runSchedules = true; ///< the GUI runs due schedules while open
};

/// The application's facade over catalog, storage and the backup/download/verify jobs, for the
/// GUI (and usable by the CLI's worker). It lives in the caller's thread and does every piece of
/// I/O in worker threads it owns; requests are asynchronous and answers come back as queued
/// signals. The GUI thread therefore never touches a database, a file or the network.
class BackupService : public QObject
{
    Q_OBJECT

public:
    BackupService(const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock,
                  QObject *parent = nullptr);
    ~BackupService() override; ///< cancels running jobs, quits and waits for its threads

    /// Opens the catalog in the worker thread, fails interrupted backups, starts the scheduler.
    /// Emits ready() or error().
    void start();

    /// How many of a site's newest backups refreshBackups() sends ahead (backupsFirstPage).
    static constexpr int firstPageSize() { return 200; }

public slots:
    // Queries: answered by sitesLoaded / backupsLoaded / schedulesLoaded.
    void refreshSites();
    /// Answered by backupsLoaded (every backup of the site, newest first). A site with more
    /// than firstPageSize() backups is answered twice: backupsFirstPage with the newest ones at
    /// once, then backupsLoaded with all of them.
    void refreshBackups(const QString &siteId);
    void refreshSchedules(const QString &siteId);
    /// Answered by manifestLoaded(backupId, json, error): the backup's <id>.json from storage.
    void requestManifest(const QString &backupId);
    /// Checks that @p storage (storageKind, localStorePath, s3* fields including the secret) can
    /// be reached with a fresh store, without touching the service's own: one listing of an
    /// unused prefix (R2/S3) or a writable folder (local). Answered by storageTested().
    void testStorage(const QString &requestId, const BackupServiceConfig &storage);

    // Site editing. The passwords go to the secret store, never to the catalog.
    void saveSite(const Site &site);
    void saveEnvironment(const EnvironmentConfig &config, const QString &password, bool passwordChanged);
    void removeSite(const QString &siteId);
    /// Answered by connectionTested(requestId, ok, message).
    void testConnection(const QString &requestId, const MySqlEndpoint &endpoint, const QString &password);

    /// Creates a Pending backup and queues it (one running per environment). Answered by
    /// backupChanged() as it moves Pending -> In Progress -> Completed/Failed/Cancelled.
    void createBackup(const QString &siteId, Environment env, BackupType type = BackupType::Manual);
    void cancelJob(const QString &jobId);
    /// Downloads to @p targetPath (".part" then verified, fsynced, renamed; mode 0600).
    void download(const QString &backupId, const QString &targetPath, bool overwrite = false);
    /// Answered by linkReady() with a fresh 15-minute URL, audited.
    void requestLink(const QString &backupId);
    void verify(const QString &backupId);
    void deleteBackup(const QString &backupId);
    void setPinned(const QString &backupId, bool pinned);

signals:
    void ready();
    void error(const QString &context, const QString &message);
    void sitesLoaded(const QVector<Site> &sites, const QVector<QString> &sitesNeedingAttention);
    void backupsLoaded(const QString &siteId, const QVector<BackupRecord> &backups);
    /// The newest firstPageSize() backups of a large site; backupsLoaded with all follows.
    void backupsFirstPage(const QString &siteId, const QVector<BackupRecord> &newest);
    /// @p error is empty on success; then @p json is the manifest as stored.
    void manifestLoaded(const QString &backupId, const QByteArray &json, const QString &error);
    /// @p message says what was reached, or what is wrong (credentials, bucket, network).
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

    // --- restore (defined in operations/BackupServiceRestore.cpp; the console calls them)
public:
    /// Computes what a restore of @p backupId (or of the file @p filePath) into @p target of
    /// @p siteId would do; answered by restorePreflightReady(requestId, ...).
    void preflightRestore(const QString &requestId, const QString &siteId, Environment target, const QString &backupId,
                          const QString &filePath = {});
    /// Restores a backup into @p target of its own site (RestoreJob: verify, pre-restore backup,
    /// replace, check, rollback on failure or cancelJob()). A prod target needs @p confirmation
    /// "SITE/prod". Progress comes as jobStarted/jobProgress/jobFinished (JobKind::Restore, job
    /// id "restore-SITE-ENV"); the end also as restoreFinished().
    void restoreBackup(const QString &backupId, Environment target, const QString &confirmation = {});
    /// The same for an external .sql or .sql.gz file.
    void restoreFromFile(const QString &filePath, const QString &siteId, Environment target,
                         const QString &confirmation = {});
    /// Rolls back the restores and syncs a dead process left interrupted (the console calls it
    /// once the service is ready); answered by interruptedRestoresRolledBack().
    void rollbackInterruptedRestores();
    /// Answered by environmentLocksLoaded(): the restores and syncs holding environments of
    /// @p siteId (all sites when empty), with why an interrupted one keeps its environment locked.
    void refreshEnvironmentLocks(const QString &siteId = {});
    /// The job id restoreBackup() and restoreFromFile() use (for cancelJob()).
    static QString restoreJobId(const QString &siteId, Environment target);
signals:
    void restorePreflightReady(const QString &requestId, const RestorePreflight &preflight, const QString &error);
    /// @p outcome: Success, Refused (nothing touched) or Failure (then @p rolledBack says whether
    /// the target is back as it was). @p message is for people.
    void restoreFinished(const QString &siteId, Environment target, AuditOutcome outcome, bool rolledBack,
                         const QString &message);
    /// One message per environment; @p ok false when a rollback failed (it stays locked).
    void interruptedRestoresRolledBack(bool ok, const QStringList &messages);
    void environmentLocksLoaded(const QString &siteId, const QVector<EnvironmentLock> &locks);

    // --- environment sync (defined in operations/BackupServiceSync.cpp; the console's sync dialog)
public:
    /// Whether @p request may run and what it will do, answered by syncPlanReady(requestId, ...):
    /// @p refusal empty when it may run, else why not (nothing is touched by asking);
    /// @p needsConfirmation when only the typed confirmation "SITE/ENV" is missing or wrong;
    /// @p plan the preflight's lines (steps, sanitizing, the site's custom SQL).
    void requestSyncPlan(const QString &requestId, const SyncRequest &request);
    /// Runs a SyncJob (lock, pre-sync backup, streamed copy, sanitize, check; rollback on failure
    /// or cancelJob(syncJobId(...))). Progress comes as jobStarted/jobProgress/jobFinished
    /// (JobKind::Sync); the end also as syncFinished().
    void syncEnvironments(const SyncRequest &request);
    static QString syncJobId(const QString &siteId, Environment target);
signals:
    void syncPlanReady(const QString &requestId, const QString &refusal, bool needsConfirmation,
                       const QStringList &plan);
    /// @p outcome: Success, Refused (nothing touched) or Failure (then @p rolledBack says whether
    /// the target is back as it was).
    void syncFinished(const QString &siteId, Environment target, AuditOutcome outcome, bool rolledBack,
                      const QString &message);

private:
    /// Runs @p call in the service thread with its worker (for the blocks defined elsewhere).
    void callWorker(std::function<void(ServiceWorker *)> call);

    class Private;
    std::unique_ptr<Private> d;
};
