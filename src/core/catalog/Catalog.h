// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"
#include "BackupRecord.h"
#include "EnvironmentFilter.h"
#include "Schedule.h"
#include "Site.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <QVector>

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
    bool removeBackup(const QString &id);
    /// Inserts or repairs a row from a manifest (rescan). Existing Completed rows are kept.
    bool upsertBackup(const BackupRecord &record);

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
    QVector<AuditEntry> auditLog(const QString &siteId = {}, int limit = 100) const;

    /// The object key of a backup: customers/<customer>/<site>/<env>/<id>.sql.gz (+ ".json"
    /// for the manifest). Built only from validated slugs.
    static QString objectKey(const QString &customer, const QString &siteId, Environment env, const QString &backupId);
    static QString manifestKey(const QString &objectKey);

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
};
