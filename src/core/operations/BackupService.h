// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Catalog.h"
#include "catalog/Schedule.h"
#include "catalog/Site.h"
#include "jobs/BackupServiceConfig.h"
#include "jobs/JobProgress.h"
#include "operations/AttentionItem.h"
#include "operations/RestorePreflight.h"
#include "operations/SyncRequest.h"

#include <QObject>
#include <QUrl>
#include <QVector>

#include <functional>
#include <memory>

class Clock;
class SecretStore;
class ServiceRuntime;
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

    // Cancel through the catalog and attention across sites.
    /// Cancels backup @p backupId whichever process runs it (CancelBackupOperation): a Pending
    /// one at once, a running one at its runner's next heartbeat (at once when it runs here).
    /// Answered by backupCancelRequested(), or error() when refused; backupChanged() follows.
    void cancelBackup(const QString &backupId);
    /// Answered by attentionLoaded(): failed, interrupted and overdue backups of every site.
    void refreshAttention();
    // --- Schedules page and audit view (one block).
    /// Answered by scheduleOverviewLoaded: the site's schedules and, per environment that has
    /// one, its newest scheduled backup (the schedule's last result).
    void refreshScheduleOverview(const QString &siteId);
    /// Answered by auditLoaded(requestId, entries): the entries @p filter accepts, newest first.
    void refreshAudit(const QString &requestId, const AuditFilter &filter);
    // Schedules and retention (audited: schedule.set, schedule.remove, retention.apply,
    // catalog.rescan). Schedules are answered by schedulesLoaded, the others by
    // operationFinished.
    void setSchedule(const Schedule &schedule);
    void removeSchedule(const QString &siteId, Environment env);
    /// Answered by retentionPreviewed(): what applyRetention() would delete now, on every site.
    /// Changes nothing.
    void previewRetention();
    /// Deletes those of @p backupIds (the preview's, as confirmed) that retention still does not
    /// keep; any other backup stays, even one retention would delete now.
    void applyRetention(const QStringList &backupIds);
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
    /// applyRetention / rescanCatalog ended; @p message says what was done or what went wrong, and
    /// @p warnings what went wrong along the way (a backup retention could not delete, a manifest
    /// the rescan skipped, a backup whose file is missing), as the command line prints them.
    void operationFinished(const QString &action, bool ok, const QString &message, const QStringList &warnings);
    /// previewRetention()'s answer: @p candidates in the order an apply deletes them, or @p error
    /// (then none).
    void retentionPreviewed(const QVector<BackupRecord> &candidates, const QString &error);

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
    /// @p message says what was done (cancelled, or asked the runner to stop).
    void backupCancelRequested(const QString &backupId, const QString &message);
    void attentionLoaded(const QVector<AttentionItem> &items);

    // --- Schedules page and audit view (one block).
    void scheduleOverviewLoaded(const QString &siteId, const QVector<Schedule> &schedules,
                                const QVector<BackupRecord> &lastScheduled);
    void auditLoaded(const QString &requestId, const QVector<AuditEntry> &entries);

    // --- environment sync (defined in operations/BackupServiceSync.cpp; the console's sync dialog)
public:
    /// Whether @p request may run and what it will do, answered by syncPlanReady(requestId, ...):
    /// @p refusal empty when it may run, else why not (nothing is touched by asking);
    /// @p needsConfirmation when only the typed confirmation "SITE/ENV" is missing or wrong;
    /// @p plan the steps it will take (SyncJob::steps()).
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
    void environmentLocksLoaded(const QString &siteId, const QVector<EnvironmentLock> &locks);

private:
    /// Runs @p call in the service thread with its runtime (for the blocks in
    /// BackupServiceRestore.cpp and BackupServiceSync.cpp).
    void callWorker(std::function<void(ServiceRuntime *)> call);

    class Private;
    std::unique_ptr<Private> d;
};
