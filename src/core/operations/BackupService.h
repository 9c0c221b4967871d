// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Catalog.h"
#include "catalog/Schedule.h"
#include "catalog/Site.h"
#include "jobs/BackupServiceConfig.h"
#include "jobs/JobProgress.h"

#include <QObject>
#include <QUrl>
#include <QVector>

#include <memory>

class Clock;
class SecretStore;
class QThread;

/// The console's front end to the operations layer. It lives in the caller's (GUI) thread and
/// does every piece of I/O in a service thread it owns: each slot posts a lambda there that runs
/// one operation (CreateBackupOperation, CreateLinkOperation, ...) on the service thread's
/// catalog and store (ServiceRuntime), and the answer is one of the signals below, emitted from
/// that thread and so queued to receivers in the GUI thread. The GUI thread therefore never
/// touches a database, a file or the network, and the console audits, validates and cleans up
/// exactly as the CLI does, because both run the same operations.
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

    // Site editing (audited: site.add/site.edit, env.set, site.remove). The passwords go to the
    // secret store, never to the catalog.
    void saveSite(const Site &site);
    void saveEnvironment(const EnvironmentConfig &config, const QString &password, bool passwordChanged);
    /// Removes the site and its passwords from the secret store; refused (error()) while it has
    /// backups.
    void removeSite(const QString &siteId);
    /// Removes the site with every backup (objects, manifests, rows) and its passwords, when
    /// @p confirmation repeats the site id exactly (refused otherwise, nothing touched).
    /// Answered by siteRemoved() or error().
    void removeSiteWithBackups(const QString &siteId, const QString &confirmation);
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

    // Schedules and retention (audited: schedule.set, schedule.remove, retention.apply,
    // catalog.rescan). Schedules are answered by schedulesLoaded, the others by
    // operationFinished.
    void setSchedule(const Schedule &schedule);
    void removeSchedule(const QString &siteId, Environment env);
    void applyRetention();
    void rescanCatalog();

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
    /// removeSite / removeSiteWithBackups succeeded; @p deletedBackups backups went with it.
    void siteRemoved(const QString &siteId, int deletedBackups);
    /// applyRetention / rescanCatalog ended; @p message says what was done or what went wrong.
    void operationFinished(const QString &action, bool ok, const QString &message);

private:
    class Private;
    std::unique_ptr<Private> d;
};
