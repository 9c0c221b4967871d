// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobProgress.h"
#include "catalog/BackupRecord.h"
#include "catalog/Catalog.h"
#include "catalog/Schedule.h"
#include "catalog/Site.h"

#include <QObject>
#include <QUrl>
#include <QVector>

#include <memory>

class Clock;
class SecretStore;
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

    // --- Schedules page and audit view (one block).
    /// Answered by scheduleOverviewLoaded: the site's schedules and, per environment that has
    /// one, its newest scheduled backup (the schedule's last result).
    void refreshScheduleOverview(const QString &siteId);
    /// Writes the row `schedule set` writes (an existing schedule keeps its run history) and one
    /// "schedule.set" audit entry with the environment and the outcome. Answered by
    /// scheduleOverviewLoaded, and error() when it fails.
    void setSchedule(const Schedule &schedule);
    /// What `schedule rm` does, audited as "schedule.remove"; answered like setSchedule().
    void removeSchedule(const QString &siteId, Environment env);
    /// Answered by auditLoaded(requestId, entries): the entries @p filter accepts, newest first.
    void refreshAudit(const QString &requestId, const AuditFilter &filter);

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

    // --- Schedules page and audit view (one block).
    void scheduleOverviewLoaded(const QString &siteId, const QVector<Schedule> &schedules,
                                const QVector<BackupRecord> &lastScheduled);
    void auditLoaded(const QString &requestId, const QVector<AuditEntry> &entries);

private:
    class Private;
    std::unique_ptr<Private> d;
};
