// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"
#include "AuditFilter.h"
#include "BackupRecord.h"
#include "EnvironmentFilter.h"
#include "EnvironmentLock.h"
#include "Schedule.h"
#include "Site.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

class Clock;
class QSqlQuery;

/// Where the catalog lives: an SQLite file (the embedded default) or a shared MySQL/MariaDB
/// database ("mysql://user@host:port/db"; the password comes from the secret store).
struct CatalogLocation
{
    enum class Kind { Sqlite, MySql };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 3306;
    QString user;
    QString password; ///< filled from the secret store just before opening; never persisted
    QString database;
    /// MySQL only: how long a statement may wait for the server's answer, or a write for the
    /// network, before the connection counts as lost. A network path that died without closing
    /// then ends in an error (and the next call reconnects) instead of a wait of hours. Longer
    /// than the catalog's own longest wait (GET_LOCK of 60 s, InnoDB's 50 s lock wait).
    int answerTimeoutSeconds = 120;

    /// Parses "mysql://user@host:port/db" or a file path / "sqlite:PATH". Sets @p error on failure.
    static std::optional<CatalogLocation> parse(const QString &text, QString *error = nullptr);
    /// The text form, without the password.
    QString toString() const;
    /// The secret store key of the catalog password ("catalog/user@host:port/db"); MySQL only.
    QString secretKey() const;
};

/// The catalog: sites, environments, backups, schedules and the audit log, over QtSql.
///
/// One Catalog object owns one database connection under a unique name, so it must be used
/// from the thread that opened it (each worker opens its own). Every method is synchronous and
/// short; none holds a transaction open across calls. Status changes are compare-and-set
/// updates (`UPDATE ... WHERE id = ? AND status = ?`, one row affected) so the GUI, CLIs and
/// workers on several hosts can share one catalog safely.
///
/// Methods returning bool set lastError() on failure with a sentence for people.
class Catalog
{
public:
    /// Opens (creating and migrating as needed) the catalog at @p location. Returns null and
    /// sets @p error when it cannot.
    static std::unique_ptr<Catalog> open(const CatalogLocation &location, const Clock *clock, QString *error);
    ~Catalog();

    Catalog(const Catalog &) = delete;
    Catalog &operator=(const Catalog &) = delete;

    QString lastError() const { return m_lastError; }
    /// How many statements the database refused or could not run on this connection so far.
    /// Reads answer "none" when their statement fails (an empty list, no row): a caller that
    /// must tell "none" from "could not read" compares this before and after.
    int failedStatements() const { return m_failedStatements; }
    /// "Cannot read the catalog LOCATION (the database's error). ..." when a statement failed
    /// since @p failedBefore (a failedStatements() value), else empty.
    QString readFailureSince(int failedBefore) const;
    /// Why a read found nothing: readFailureSince(@p failedBefore), or @p absent when the reads
    /// worked (the row is really not there).
    QString absentReason(int failedBefore, const QString &absent) const;
    int schemaVersion() const;
    static int latestSchemaVersion();
    const CatalogLocation &location() const { return m_location; }
    bool isMySql() const { return m_location.kind == CatalogLocation::Kind::MySql; }
    /// The QSqlDatabase connection name this object owns (tests and benchmarks run raw SQL on it).
    QString connectionName() const { return m_connectionName; }

    /// Like open(), but creates or migrates the schema only up to @p version (1 ..
    /// latestSchemaVersion()). For migration tests; the catalog API itself assumes the latest.
    static std::unique_ptr<Catalog> openAtVersion(const CatalogLocation &location, const Clock *clock, int version,
                                                  QString *error);
    /// Migration tests: the next migrations stop (fail, keeping what was done, as a killed
    /// process would) after @p statements statements; -1 turns it off.
    static void setMigrationStopAfterForTests(int statements);
    /// Migration tests: @p hook runs between two statements of a SQLite migration, when the
    /// catalog is not locked, with the number of statements run so far (empty turns it off).
    static void setMigrationStepHookForTests(std::function<void(int)> hook);
    /// How many migration statements lead from an empty catalog to @p version.
    static int migrationStatementCount(int version);

    // --- sites and environments
    bool addSite(const Site &site);
    bool updateSite(const Site &site);
    /// Removes the site, its environments and schedules. Refuses while it has backups unless
    /// @p withBackupRows (the caller deleted the objects).
    bool removeSite(const QString &siteId, bool withBackupRows = false);
    std::optional<Site> site(const QString &siteId) const;
    QVector<Site> sites() const;
    bool setEnvironment(const EnvironmentConfig &config);
    std::optional<EnvironmentConfig> environment(const QString &siteId, Environment env) const;
    QVector<EnvironmentConfig> environments(const QString &siteId) const;

    // --- backups
    /// Inserts a Pending backup with a new id and its object key; returns it (invalid on error).
    /// Refuses unknown sites, environments the site's tier does not have and invalid slugs.
    /// Writes no audit entry: CreateBackupOperation (core/operations) does.
    BackupRecord createBackup(const QString &siteId, Environment env, BackupType type, const QString &createdBy);
    std::optional<BackupRecord> backup(const QString &id) const;
    /// Whether backup @p id is known to have no row: looked up and not found. False when the
    /// lookup itself failed (a failed read answers "none", which proves nothing).
    bool backupIsGone(const QString &id) const;
    /// When removeBackup() last removed backup @p id from this catalog (heartbeatClockNow()'s
    /// clock), in the last kRemovalMemoryDays; nullopt if it did not (or the read failed: see
    /// failedStatements()).
    std::optional<QDateTime> backupRemovedAt(const QString &id) const;
    /// The site's backups matching @p filter, newest first.
    QVector<BackupRecord> backups(const QString &siteId, const EnvironmentFilter &filter = {}) const;
    /// One page of backups(): at most @p limit rows (-1 = all), newest first, and only those
    /// after @p olderThan in that order when given (keyset paging: pass the last row of the
    /// previous page). Lets a view show the newest rows at once and load the rest after.
    QVector<BackupRecord> backupsPage(const QString &siteId, const EnvironmentFilter &filter, int limit,
                                      const BackupRecord *olderThan = nullptr) const;
    /// The newest backup of @p siteId / @p env of @p type (any when unset) in one of
    /// @p statuses (any when empty): one indexed row, for health checks over many sites.
    std::optional<BackupRecord> newestBackup(const QString &siteId, Environment env,
                                             std::optional<BackupType> type = std::nullopt,
                                             const QVector<BackupStatus> &statuses = {}) const;
    /// Backups in @p status across all sites, oldest first (workers pick up Pending ones).
    QVector<BackupRecord> backupsWithStatus(BackupStatus status) const;
    /// Pending -> In Progress for @p workerId, only if still Pending and no other backup of the
    /// same environment is In Progress. Returns false (no error) if someone else won.
    /// @p heartbeatSeconds is the claimer's heartbeat period, recorded in the row: others judge
    /// its staleness by it.
    bool claimBackup(const QString &id, const QString &workerId, int heartbeatSeconds = 0);
    /// Renews the heartbeat of an In Progress backup owned by @p workerId. The time written is
    /// heartbeatClockNow().
    bool heartbeat(const QString &id, const QString &workerId);
    /// The clock heartbeats are written and judged with: the MySQL server's UTC time (one clock
    /// for every host sharing the catalog), the injected Clock on SQLite (a local file, one
    /// host). Invalid on a catalog error.
    QDateTime heartbeatClockNow() const;
    /// In Progress -> Completed with the final sizes and hash.
    bool completeBackup(const QString &id, const QString &workerId, qint64 sizeBytes, qint64 rawSizeBytes,
                        const QString &sha256);
    /// Gives up an In Progress backup owned by @p workerId without ending it: its worker id is
    /// marked released, so once its heartbeat lapses recovery (in any process, this one too)
    /// fails it and removes what it left in the bucket. For a runner that stopped but could not
    /// confirm the removal of its upload: never Cancelled with parts left behind.
    bool releaseBackup(const QString &id, const QString &workerId);
    /// Pending/In Progress -> Failed or Cancelled with a message.
    bool failBackup(const QString &id, BackupStatus terminalStatus, const QString &errorText);
    /// Pending -> Cancelled (compare-and-set), recording @p requestedBy as the cancel request.
    /// Returns false with an empty lastError() when the backup is no longer Pending.
    bool cancelPendingBackup(const QString &id, const QString &requestedBy, const QString &errorText);
    /// Records a cancel request on an In Progress backup for its runner, which reads it with its
    /// heartbeat and stops itself (the row then ends Cancelled). Returns false with an empty
    /// lastError() when the backup is not In Progress or already has a request.
    bool requestCancel(const QString &id, const QString &requestedBy);
    /// The failed backups that are the newest completed-or-failed backup of their environment
    /// (no later one completed or failed): what still needs a retry. Of @p siteId, or of every
    /// site when empty; newest first. One statement, for the attention view over many sites.
    QVector<BackupRecord> latestFailures(const QString &siteId = {}) const;
    /// In Progress backups whose heartbeat is older than two of their own heartbeat periods
    /// (@p fallbackHeartbeatSeconds for rows that did not record one), judged on
    /// heartbeatClockNow(): candidates for "interrupted". The caller checks the worker is gone,
    /// aborts uploads, then failBackup().
    QVector<BackupRecord> staleBackups(int fallbackHeartbeatSeconds) const;
    /// Remembers that backup @p id failed because its stream outgrew the planned part size at
    /// @p bytes; expectedStreamBytes() plans the next one from it.
    bool setOutgrownBytes(const QString &id, qint64 bytes);
    /// The size to plan a new backup's upload for: the newest completed backup's size, or a
    /// larger stream that outgrew its parts since; -1 when nothing is known.
    qint64 expectedStreamBytes(const QString &siteId, Environment env) const;
    bool setPinned(const QString &id, bool pinned);
    /// Completed, Failed or Cancelled -> Deleting, for a backup that is not pinned; a row already
    /// Deleting stays so. Fails (lastError) for any other row. The deletion's heartbeat is written
    /// into the row (heartbeatClockNow(), period @p heartbeatSeconds; into @p stamp too): while
    /// it is renewed (heartbeatDeletion) a rescan does not list the backup again, since the
    /// deletion may remove its files after the rescan listed them.
    bool markDeleting(const QString &id, int heartbeatSeconds = 0, QDateTime *stamp = nullptr);
    /// Renews the heartbeat of a Deleting row (into @p stamp too). False when the row is not
    /// Deleting any more: removed, or listed again by a rescan after the heartbeat lapsed.
    bool heartbeatDeletion(const QString &id, QDateTime *stamp = nullptr);
    /// A deletion that ends without removing the row lets go of it: the row's heartbeat becomes
    /// the time it ended (period 0), so a rescan that lists the storage after it may list the
    /// backup again. Only while @p stamp is still the row's heartbeat, i.e. no other deletion of
    /// the backup renewed it since.
    bool releaseDeletion(const QString &id, const QDateTime &stamp);
    /// Gives a Deleting row back @p status (Completed, Failed or Cancelled) once a deletion is known
    /// to have removed nothing. False when the row is not Deleting (anymore).
    bool unmarkDeleting(const QString &id, BackupStatus status);
    /// Removes the row and remembers its id (backupRemovedAt()) for kRemovalMemoryDays.
    bool removeBackup(const QString &id);
    static constexpr int kRemovalMemoryDays = 7;
    /// Inserts or repairs a row from a manifest (rescan): a Deleting row whose object is still
    /// there becomes Completed again, unless its deletion may have acted after the listing
    /// (BackupRecord::deletionActiveUntil() after @p unlessRemovedSince, or after now without it):
    /// then nothing is written and lastError() says so. Existing Completed rows are kept; a
    /// repaired row keeps its pin.
    /// With @p unlessRemovedSince (on heartbeatClockNow()'s clock), no row is inserted for a
    /// backup removeBackup() removed at or after it, even one removed while this call runs: a
    /// rescan passes the time it listed the storage, so a manifest it read before a deletion
    /// ended does not bring the backup back, while files restored later still can.
    bool upsertBackup(const BackupRecord &record, const QDateTime &unlessRemovedSince = {});

    // --- schedules
    bool setSchedule(const Schedule &schedule);
    bool removeSchedule(const QString &siteId, Environment env);
    QVector<Schedule> schedules(const QString &siteId = {}) const;
    bool markScheduleRun(const QString &siteId, Environment env, const QDateTime &atUtc);
    /// Compare-and-set form of markScheduleRun() for schedule runners sharing the catalog: sets
    /// last_run_at to @p atUtc only if it still is @p seen.lastRunAt (as read before deciding the
    /// run was due). Returns false with an empty lastError() when another process ran it first.
    bool claimScheduleRun(const Schedule &seen, const QDateTime &atUtc);

    // --- audit
    bool audit(const AuditEntry &entry);
    /// A site's custom sanitizing SQL for environment syncs ("" when it has none).
    QString sanitizeSql(const QString &siteId) const;
    /// Replaces it; an empty @p sql removes it.
    bool setSanitizeSql(const QString &siteId, const QString &sql, const QString &updatedBy);
    QVector<AuditEntry> auditLog(const QString &siteId = {}, int limit = 100) const;
    /// The entries @p filter accepts, newest first (by time, then by insertion), at most
    /// filter.limit() of them (0 = all).
    QVector<AuditEntry> auditLog(const AuditFilter &filter) const;

    /// The object key of a backup: customers/<customer>/<site>/<env>/<id>.sql.gz (+ ".json"
    /// for the manifest). Built only from validated slugs.
    static QString objectKey(const QString &customer, const QString &siteId, Environment env, const QString &backupId);
    static QString manifestKey(const QString &objectKey);

    // --- environment locks: the restore or sync that holds an environment (schema v8)
    /// Takes @p lock.siteId / environment for a restore or sync (kind, source, workerId, actor,
    /// heartbeatSeconds are recorded; state Running, phase PreBackup). Returns false when another
    /// restore or sync holds it, with lastError() saying which, since when and why.
    bool lockEnvironment(const EnvironmentLock &lock);
    std::optional<EnvironmentLock> environmentLock(const QString &siteId, Environment env) const;
    /// Every lock (of @p siteId when given), Running and Interrupted.
    QVector<EnvironmentLock> environmentLocks(const QString &siteId = {}) const;
    /// Records the phase and pre-restore backup of @p workerId's running lock and renews its
    /// heartbeat; false when the lock is not (any more) this worker's.
    bool updateEnvironmentLock(const QString &siteId, Environment env, const QString &workerId,
                               EnvironmentLock::Phase phase, const QString &preBackupId);
    bool heartbeatEnvironmentLock(const QString &siteId, Environment env, const QString &workerId);
    /// Running -> Interrupted (compare-and-set on @p workerId): the environment stays locked with
    /// @p reason until a rollback on start removes the lock.
    bool interruptEnvironmentLock(const QString &siteId, Environment env, const QString &workerId,
                                  const QString &reason);
    /// Interrupted -> Running under @p newWorkerId in phase Rollback, only if still held by
    /// @p oldWorkerId: exactly one process rolls a target back.
    bool takeOverEnvironmentLock(const QString &siteId, Environment env, const QString &oldWorkerId,
                                 const QString &newWorkerId, int heartbeatSeconds);
    /// Removes @p workerId's lock.
    bool unlockEnvironment(const QString &siteId, Environment env, const QString &workerId);
    /// Running locks whose heartbeat is older than two of their periods (@p fallbackHeartbeatSeconds
    /// when none was recorded), judged on heartbeatClockNow().
    QVector<EnvironmentLock> staleEnvironmentLocks(int fallbackHeartbeatSeconds) const;

private:
    Catalog(const CatalogLocation &location, const Clock *clock);
    bool fail(const QString &message) const;
    bool connect(QString *error);
    bool migrate(int targetVersion, QString *error);
    QSqlDatabase db() const;
    QDateTime now() const;
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &binds = {}) const;
    bool claimBackupMySql(const QString &id, const QString &workerId, int heartbeatSeconds, const BackupRecord &record);

    CatalogLocation m_location;
    const Clock *m_clock;
    QString m_connectionName;
    mutable QString m_lastError;
    mutable int m_failedStatements = 0;
};
