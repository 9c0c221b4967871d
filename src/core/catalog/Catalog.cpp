// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Catalog.h"

#include "util/Clock.h"
#include "util/Counted.h"
#include "util/Logging.h"
#include "util/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <atomic>

// Storage conventions, identical on both backends so one set of statements serves both:
// - times are UTC ISO 8601 text with milliseconds ("2026-11-25T19:52:05.123Z"); fixed width,
//   so string comparison is time comparison and indexes on them work everywhere;
// - enums are their CLI names (Backups::statusToString, Environments::toString, ...);
// - booleans are 0/1 integers.

namespace {

std::atomic<quint64> s_connectionCounter{ 0 };

QString tr(const char *text)
{
    return QCoreApplication::translate("Catalog", text);
}

QVariant ts(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

QDateTime fromTs(const QVariant &v)
{
    if (v.isNull())
        return {};
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    // Our own fixed format "2026-11-25T19:52:05.123Z" is parsed by hand: QDateTime::fromString
    // dominated listing a site with 100,000 backups (four stamps per row). Anything else (rows
    // written by hand, older tools) takes the general parser.
    if (s.size() == 24 && s.at(4) == u'-' && s.at(7) == u'-' && s.at(10) == u'T' && s.at(13) == u':' && s.at(16) == u':'
        && s.at(19) == u'.' && s.at(23) == u'Z') {
        const QChar *c = s.constData();
        bool digits = true;
        auto num = [&](int from, int len) {
            int n = 0;
            for (int i = from; i < from + len; ++i) {
                const char16_t ch = c[i].unicode();
                digits = digits && ch >= u'0' && ch <= u'9';
                n = n * 10 + int(ch - u'0');
            }
            return n;
        };
        const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
        const int hour = num(11, 2), minute = num(14, 2), second = num(17, 2), msec = num(20, 3);
        if (digits && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60) {
            const qint64 secs = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
            return QDateTime::fromMSecsSinceEpoch(secs * 1000 + msec, Qt::UTC);
        }
    }
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    return dt.toUTC();
}

QString statusName(BackupStatus s)
{
    return Backups::statusToString(s);
}

QString envName(Environment e)
{
    return Environments::toString(e);
}

// One migration step per schema version. Tokens are replaced per backend (see dialect()).
// v1: sites, environments, backups (the first release).
// v2: schedules and the audit log; backups gain pinned and heartbeat_at.
// v3: per-environment claim lock rows (serialize claims on MySQL) and the indexes that keep
//     status scans and the "All environments" view fast on large catalogs.
// v4: backups record their runner's heartbeat period (staleness is judged per row, so runners
//     with other periods are never failed early) and the stream size that outgrew the planned
//     multipart part size (the next backup of the environment plans larger parts).
// v5: environments gain the dump connection's TLS mode and CA file; existing rows get
//     "preferred", which encrypts when the server offers TLS, as before the columns existed.
// v6: audit entries record the environment and the outcome (success, failure, refused), and
//     are read newest first by time across sites (audit list --since).
// v7: backups record a cancel request (when and by whom): any process may ask, the runner
//     reads it with its heartbeat and stops itself (backup cancel ID).
// v8: env_restores: the restore or sync that holds an environment, its phase and pre-restore
//     backup, so a killed restore is found, keeps the environment locked and is rolled back.
// v9: a site's custom sanitizing SQL, run on the target after an environment sync loaded it.
// v10: deleted_backups: the ids removeBackup() removed in the last 7 days, so that a storage
//      rescan that read a manifest before a deletion ended does not write back a row whose files
//      are gone.
const QVector<QStringList> &migrationSteps()
{
    static const QVector<QStringList> steps = {
        {
            QStringLiteral("CREATE TABLE sites (id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, "
                           "customer VARCHAR(64) NOT NULL, tier VARCHAR(16) NOT NULL, "
                           "created_at VARCHAR(32) NOT NULL)%ENGINE%"),
            QStringLiteral("CREATE TABLE environments (site_id VARCHAR(64) NOT NULL, env VARCHAR(8) NOT NULL, "
                           "host VARCHAR(255) NOT NULL DEFAULT '', port INTEGER NOT NULL DEFAULT 3306, "
                           "socket VARCHAR(255) NOT NULL DEFAULT '', db_name VARCHAR(64) NOT NULL DEFAULT '', "
                           "db_user VARCHAR(128) NOT NULL DEFAULT '', PRIMARY KEY (site_id, env))%ENGINE%"),
            QStringLiteral("CREATE TABLE backups (id VARCHAR(64) NOT NULL PRIMARY KEY, site_id VARCHAR(64) NOT NULL, "
                           "customer VARCHAR(64) NOT NULL, env VARCHAR(8) NOT NULL, type VARCHAR(16) NOT NULL, "
                           "status VARCHAR(16) NOT NULL, created_at VARCHAR(32) NOT NULL, "
                           "started_at VARCHAR(32) NULL, finished_at VARCHAR(32) NULL, "
                           "created_by VARCHAR(128) NOT NULL DEFAULT '', size_bytes BIGINT NOT NULL DEFAULT -1, "
                           "raw_size_bytes BIGINT NOT NULL DEFAULT -1, sha256 VARCHAR(64) NOT NULL DEFAULT '', "
                           "object_key VARCHAR(512) NOT NULL DEFAULT '', error_text TEXT NULL, "
                           "worker_id VARCHAR(128) NOT NULL DEFAULT '')%ENGINE%"),
            QStringLiteral("CREATE INDEX idx_backups_site_env_created ON backups (site_id, env, created_at)"),
        },
        {
            QStringLiteral("ALTER TABLE backups ADD COLUMN heartbeat_at VARCHAR(32) NULL"),
            QStringLiteral("ALTER TABLE backups ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE schedules (site_id VARCHAR(64) NOT NULL, env VARCHAR(8) NOT NULL, "
                           "frequency VARCHAR(8) NOT NULL, time_utc VARCHAR(8) NOT NULL, "
                           "weekday INTEGER NOT NULL DEFAULT 1, keep_last INTEGER NOT NULL DEFAULT 7, "
                           "keep_days INTEGER NOT NULL DEFAULT 0, enabled INTEGER NOT NULL DEFAULT 1, "
                           "last_run_at VARCHAR(32) NULL, created_at VARCHAR(32) NOT NULL, "
                           "PRIMARY KEY (site_id, env))%ENGINE%"),
            QStringLiteral("CREATE TABLE audit_log (id %PK_AUTO%, at VARCHAR(32) NOT NULL, "
                           "actor VARCHAR(128) NOT NULL DEFAULT '', action VARCHAR(64) NOT NULL, "
                           "site_id VARCHAR(64) NOT NULL DEFAULT '', backup_id VARCHAR(64) NOT NULL DEFAULT '', "
                           "detail TEXT NULL)%ENGINE%"),
            QStringLiteral("CREATE INDEX idx_audit_site ON audit_log (site_id, id)"),
        },
        {
            QStringLiteral("CREATE TABLE env_locks (site_id VARCHAR(64) NOT NULL, env VARCHAR(8) NOT NULL, "
                           "PRIMARY KEY (site_id, env))%ENGINE%"),
            QStringLiteral("CREATE INDEX idx_backups_status ON backups (status, created_at)"),
            QStringLiteral("CREATE INDEX idx_backups_site_created ON backups (site_id, created_at)"),
        },
        {
            QStringLiteral("ALTER TABLE backups ADD COLUMN heartbeat_seconds INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE backups ADD COLUMN outgrown_bytes BIGINT NOT NULL DEFAULT -1"),
        },
        {
            QStringLiteral("ALTER TABLE environments ADD COLUMN tls_mode VARCHAR(16) NOT NULL DEFAULT 'preferred'"),
            QStringLiteral("ALTER TABLE environments ADD COLUMN tls_ca VARCHAR(1024) NOT NULL DEFAULT ''"),
        },
        {
            QStringLiteral("ALTER TABLE audit_log ADD COLUMN env VARCHAR(8) NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE audit_log ADD COLUMN outcome VARCHAR(16) NOT NULL DEFAULT 'success'"),
            QStringLiteral("CREATE INDEX idx_audit_at ON audit_log (at, id)"),
        },
        {
            QStringLiteral("ALTER TABLE backups ADD COLUMN cancel_requested_at VARCHAR(32) NULL"),
            QStringLiteral("ALTER TABLE backups ADD COLUMN cancel_requested_by VARCHAR(128) NOT NULL DEFAULT ''"),
        },
        {
            QStringLiteral("CREATE TABLE env_restores (site_id VARCHAR(64) NOT NULL, env VARCHAR(8) NOT NULL, "
                           "kind VARCHAR(16) NOT NULL, state VARCHAR(16) NOT NULL, phase VARCHAR(16) NOT NULL, "
                           "source TEXT NULL, pre_backup_id VARCHAR(64) NOT NULL DEFAULT '', "
                           "worker_id VARCHAR(128) NOT NULL DEFAULT '', actor VARCHAR(128) NOT NULL DEFAULT '', "
                           "started_at VARCHAR(32) NOT NULL, heartbeat_at VARCHAR(32) NULL, "
                           "heartbeat_seconds INTEGER NOT NULL DEFAULT 0, reason TEXT NULL, "
                           "PRIMARY KEY (site_id, env))%ENGINE%"),
        },
        {
            QStringLiteral("CREATE TABLE site_sanitize_sql (site_id VARCHAR(64) NOT NULL PRIMARY KEY, "
                           "sql_text TEXT NOT NULL, updated_at VARCHAR(32) NOT NULL, "
                           "updated_by VARCHAR(255) NOT NULL)%ENGINE%"),
        },
        {
            QStringLiteral("CREATE TABLE deleted_backups (id VARCHAR(64) NOT NULL PRIMARY KEY, "
                           "removed_at VARCHAR(32) NOT NULL)%ENGINE%"),
            QStringLiteral("CREATE INDEX idx_deleted_backups_removed ON deleted_backups (removed_at)"),
        },
    };
    return steps;
}

QString dialect(QString sql, bool mysql)
{
    sql.replace(QLatin1String("%ENGINE%"),
                mysql ? QLatin1String(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin")
                      : QLatin1String(""));
    sql.replace(QLatin1String("%PK_AUTO%"),
                mysql ? QLatin1String("BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY")
                      : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    return sql;
}

// The MySQL server's UTC time in the catalog's text format: heartbeats are written and judged
// on the server's clock, one clock for every host sharing the catalog.
const char kServerNow[] = "CONCAT(LEFT(DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z')";

const char kBackupColumns[] = "id, site_id, customer, env, type, status, created_at, started_at, finished_at, "
                              "created_by, size_bytes, raw_size_bytes, sha256, object_key, error_text, worker_id, "
                              "heartbeat_at, pinned, heartbeat_seconds, outgrown_bytes, cancel_requested_at, "
                              "cancel_requested_by";

BackupRecord backupFromQuery(const QSqlQuery &q)
{
    BackupRecord r;
    r.id = q.value(0).toString();
    r.siteId = q.value(1).toString();
    r.customer = q.value(2).toString();
    r.environment = Environments::fromString(q.value(3).toString()).value_or(Environment::Prod);
    r.type = Backups::typeFromString(q.value(4).toString()).value_or(BackupType::Manual);
    r.status = Backups::statusFromString(q.value(5).toString()).value_or(BackupStatus::Failed);
    r.createdAt = fromTs(q.value(6));
    r.startedAt = fromTs(q.value(7));
    r.finishedAt = fromTs(q.value(8));
    r.createdBy = q.value(9).toString();
    r.sizeBytes = q.value(10).toLongLong();
    r.rawSizeBytes = q.value(11).toLongLong();
    r.sha256 = q.value(12).toString();
    r.objectKey = q.value(13).toString();
    r.errorText = q.value(14).toString();
    r.workerId = q.value(15).toString();
    r.heartbeatAt = fromTs(q.value(16));
    r.pinned = q.value(17).toInt() != 0;
    r.heartbeatSeconds = q.value(18).toInt();
    r.outgrownBytes = q.value(19).toLongLong();
    r.cancelRequestedAt = fromTs(q.value(20));
    r.cancelRequestedBy = q.value(21).toString();
    return r;
}

Site siteFromQuery(const QSqlQuery &q)
{
    Site s;
    s.id = q.value(0).toString();
    s.name = q.value(1).toString();
    s.customer = q.value(2).toString();
    s.tier = Environments::tierFromString(q.value(3).toString()).value_or(Tier::Basic);
    s.createdAt = fromTs(q.value(4));
    return s;
}

EnvironmentConfig environmentFromQuery(const QSqlQuery &q)
{
    EnvironmentConfig c;
    c.siteId = q.value(0).toString();
    c.environment = Environments::fromString(q.value(1).toString()).value_or(Environment::Prod);
    c.endpoint.host = q.value(2).toString();
    c.endpoint.port = q.value(3).toInt();
    c.endpoint.socket = q.value(4).toString();
    c.endpoint.database = q.value(5).toString();
    c.endpoint.user = q.value(6).toString();
    c.endpoint.tlsMode = MySqlTls::fromString(q.value(7).toString()).value_or(MySqlTlsMode::Preferred);
    c.endpoint.tlsCa = q.value(8).toString();
    return c;
}

Schedule scheduleFromQuery(const QSqlQuery &q)
{
    Schedule s;
    s.siteId = q.value(0).toString();
    s.environment = Environments::fromString(q.value(1).toString()).value_or(Environment::Prod);
    s.frequency
        = q.value(2).toString() == QLatin1String("weekly") ? Schedule::Frequency::Weekly : Schedule::Frequency::Daily;
    s.timeUtc = QTime::fromString(q.value(3).toString(), QStringLiteral("HH:mm"));
    s.weekday = q.value(4).toInt();
    s.keepLast = q.value(5).toInt();
    s.keepDays = q.value(6).toInt();
    s.enabled = q.value(7).toInt() != 0;
    s.lastRunAt = fromTs(q.value(8));
    s.createdAt = fromTs(q.value(9));
    return s;
}

bool isBackupIdSafe(const QString &id)
{
    return Backups::isValidId(id);
}

// MySQL error numbers worth retrying a short transaction for: deadlock, lock wait timeout.
bool isRetryableLockError(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("1213") || code == QLatin1String("1205");
}

const SystemClock s_systemClock;

} // namespace

// --- CatalogLocation

std::optional<CatalogLocation> CatalogLocation::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    CatalogLocation loc;
    if (trimmed.isEmpty()) {
        if (error)
            *error = tr("The catalog location is empty: give a file path or mysql://user@host:port/database.");
        return std::nullopt;
    }
    if (trimmed.startsWith(QLatin1String("mysql://")) || trimmed.startsWith(QLatin1String("mariadb://"))) {
        const QUrl url(trimmed, QUrl::StrictMode);
        const QString db = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || url.userName().isEmpty() || db.isEmpty() || db.contains(u'/')) {
            if (error)
                *error = tr("Invalid catalog location \"%1\": use mysql://user@host:port/database.").arg(trimmed);
            return std::nullopt;
        }
        if (!url.password().isEmpty()) {
            if (error)
                *error = tr("Do not put the catalog password in the location: it is read from the keychain or "
                            "CREODROP_CATALOG_PASSWORD.");
            return std::nullopt;
        }
        loc.kind = Kind::MySql;
        loc.host = url.host();
        loc.port = url.port(3306);
        loc.user = url.userName();
        loc.database = db;
        return loc;
    }
    QString path = trimmed;
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    if (path.startsWith(QLatin1String("//")))
        path = path.mid(2);
    if (path.isEmpty()) {
        if (error)
            *error = tr("Invalid catalog location \"%1\": the file path is empty.").arg(trimmed);
        return std::nullopt;
    }
    loc.kind = Kind::Sqlite;
    loc.sqlitePath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return loc;
}

QString CatalogLocation::toString() const
{
    if (kind == Kind::Sqlite)
        return sqlitePath;
    return QStringLiteral("mysql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString CatalogLocation::secretKey() const
{
    return QStringLiteral("catalog/%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

// --- Catalog: opening and migrations

Catalog::Catalog(const CatalogLocation &location, const Clock *clock)
    : m_location(location)
    , m_clock(clock ? clock : &s_systemClock)
    , m_connectionName(QStringLiteral("creodrop-catalog-%1").arg(++s_connectionCounter))
{ }

Catalog::~Catalog()
{
    {
        QSqlDatabase d = QSqlDatabase::database(m_connectionName, false);
        if (d.isOpen())
            d.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Catalog> Catalog::open(const CatalogLocation &location, const Clock *clock, QString *error)
{
    return openAtVersion(location, clock, latestSchemaVersion(), error);
}

std::unique_ptr<Catalog> Catalog::openAtVersion(const CatalogLocation &location, const Clock *clock, int version,
                                                QString *error)
{
    if (version < 1 || version > latestSchemaVersion()) {
        if (error)
            *error = tr("Cannot open the catalog %1: %2")
                         .arg(location.toString(), tr("Unknown catalog schema version %1.").arg(version));
        return nullptr;
    }
    std::unique_ptr<Catalog> catalog;
    QString why;
    // SQLite answers SQLITE_BUSY at once, without waiting for the busy timeout, in a few cases
    // that happen when several processes open a fresh file together (switching it to WAL, a
    // deferred reader racing a writer). Those are transient: start over, like the busy handler
    // would, until the same 15 s deadline.
    QElapsedTimer sinceFirstTry;
    sinceFirstTry.start();
    for (;;) {
        why.clear();
        catalog.reset(new Catalog(location, clock));
        if (catalog->connect(&why))
            catalog->migrate(version, &why);
        const bool busy = location.kind == CatalogLocation::Kind::Sqlite
            && why.contains(QLatin1String("database is locked"), Qt::CaseInsensitive);
        if (!busy || sinceFirstTry.elapsed() > 15000)
            break;
        catalog.reset();
        QThread::msleep(20 + QRandomGenerator::global()->bounded(100));
    }
    if (!why.isEmpty()) {
        if (error)
            *error = tr("Cannot open the catalog %1: %2").arg(location.toString(), why);
        return nullptr;
    }
    return catalog;
}

int Catalog::latestSchemaVersion()
{
    return int(migrationSteps().size());
}

QSqlDatabase Catalog::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QDateTime Catalog::now() const
{
    return m_clock->nowUtc().toUTC();
}

bool Catalog::connect(QString *error)
{
    if (m_location.kind == CatalogLocation::Kind::Sqlite) {
        const QFileInfo fi(m_location.sqlitePath);
        QString fileError;
        if (!PrivateFiles::mkpath(fi.absolutePath(), &fileError)) {
            *error = tr("cannot create the folder %1.").arg(fi.absolutePath());
            return false;
        }
        // SQLite gives -wal and -shm the main file's mode: a 0600 file made here keeps all three
        // private whatever the umask (an empty file is a valid new database).
        if (!PrivateFiles::exists(m_location.sqlitePath)) {
            QFile file(m_location.sqlitePath);
            if (!PrivateFiles::openForWriting(&file, PrivateFiles::CreateNew, &fileError) && !file.exists()) {
                *error = fileError;
                return false;
            }
        }
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        d.setDatabaseName(m_location.sqlitePath);
        // Several processes (GUI, CLIs, a worker) share the file: wait for locks instead of failing.
        d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
        if (!d.open()) {
            *error = d.lastError().text();
            return false;
        }
        QSqlQuery q(d);
        // WAL lets readers proceed while one process writes.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))
            || !q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
            *error = q.lastError().text();
            return false;
        }
        return true;
    }

    auto configure = [this](QSqlDatabase &d, const QString &database) {
        d.setHostName(m_location.host);
        d.setPort(m_location.port);
        d.setUserName(m_location.user);
        d.setPassword(m_location.password);
        d.setDatabaseName(database);
        // Found (matched) rows, not changed rows: a compare-and-set that writes the same values
        // still counts as one row affected. Reconnect: the GUI keeps its connection for hours,
        // longer than the server's wait_timeout; a reconnected session falls back to the server's
        // isolation level, which claimBackupMySql also handles. Read and write timeouts: the
        // reconnect keeps them, unlike socket options set on the first connection.
        d.setConnectOptions(QStringLiteral("CLIENT_FOUND_ROWS=1;MYSQL_OPT_CONNECT_TIMEOUT=10;MYSQL_OPT_RECONNECT=1;"
                                           "MYSQL_OPT_READ_TIMEOUT=%1;MYSQL_OPT_WRITE_TIMEOUT=%1")
                                .arg(qMax(1, m_location.answerTimeoutSeconds)));
    };
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_connectionName);
    configure(d, m_location.database);
    if (!d.open()) {
        // A team may point at a database that does not exist yet: create it, then retry.
        if (d.lastError().nativeErrorCode() != QLatin1String("1049")) {
            *error = d.lastError().text();
            if (d.lastError().nativeErrorCode() == QLatin1String("1045"))
                *error += tr(". Check the user and the password (keychain or CREODROP_CATALOG_PASSWORD).");
            return false;
        }
        const QString adminName = m_connectionName + QStringLiteral("-create");
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), adminName);
            configure(admin, QString());
            QSqlQuery q(admin);
            if (!admin.open()
                || !q.exec(QStringLiteral("CREATE DATABASE IF NOT EXISTS `%1` CHARACTER SET utf8mb4")
                               .arg(QString(m_location.database).remove(u'`')))) {
                *error = admin.isOpen() ? q.lastError().text() : admin.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(adminName);
        if (!error->isEmpty())
            return false;
        if (!d.open()) {
            *error = d.lastError().text();
            return false;
        }
    }
    QSqlQuery q(d);
    // Every statement sees the latest committed rows; claims rely on it (see claimBackupMySql).
    if (!q.exec(QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

namespace {
// Test hook: stop a migration after this many statements, as if the process died there.
std::atomic<int> s_migrationStopAfter{ -1 };
// Test hook: called between the steps of a migration, when it holds no lock.
std::function<void(int)> s_migrationStepHook;

void runMigrationStepHook(int executed)
{
    const std::function<void(int)> hook = s_migrationStepHook; // a copy: the hook may reset itself
    if (hook)
        hook(executed);
}

// A statement whose effect is already in the schema: on MySQL, where DDL commits on its own, a
// process may die between a statement and the record of it, and the next run repeats it.
bool alreadyApplied(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("1050") || code == QLatin1String("1060") || code == QLatin1String("1061"))
        return true;
    const QString text = error.databaseText();
    return text.contains(QLatin1String("duplicate column name"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("already exists"), Qt::CaseInsensitive);
}
} // namespace

void Catalog::setMigrationStopAfterForTests(int statements)
{
    s_migrationStopAfter = statements;
}

void Catalog::setMigrationStepHookForTests(std::function<void(int)> hook)
{
    s_migrationStepHook = std::move(hook);
}

int Catalog::migrationStatementCount(int version)
{
    int n = 0;
    for (int v = 1; v <= std::min(version, latestSchemaVersion()); ++v)
        n += int(migrationSteps().at(v - 1).size());
    return n;
}

bool Catalog::migrate(int targetVersion, QString *error)
{
    QSqlDatabase d = db();
    QSqlQuery q(d);
    const bool mysql = isMySql();
    auto sqlError = [&](const QString &what) {
        *error = what + QStringLiteral(": ") + q.lastError().text();
        return false;
    };

    // Serialize migrations between processes opening the same catalog at once. On SQLite each
    // statement runs in its own BEGIN IMMEDIATE transaction below, together with its progress
    // record; on MySQL a named lock does it (DDL commits implicitly there).
    if (mysql) {
        if (!q.exec(QStringLiteral("SELECT GET_LOCK('creodrop_catalog_migrate', 60)")) || !q.next()
            || q.value(0).toInt() != 1)
            return sqlError(tr("cannot lock the catalog for migration"));
    }
    bool inTransaction = false;
    auto begin = [&]() {
        if (mysql)
            return true;
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return sqlError(tr("cannot lock the catalog for migration"));
        inTransaction = true;
        return true;
    };
    auto commit = [&]() {
        if (mysql || !inTransaction)
            return true;
        inTransaction = false;
        if (!q.exec(QStringLiteral("COMMIT")))
            return sqlError(tr("cannot commit the migration"));
        return true;
    };

    // Progress is recorded per statement (schema_migration: the version being migrated to and
    // how many of its statements are done), because neither SQLite nor MySQL 8 has ADD COLUMN
    // IF NOT EXISTS: a migration interrupted half-way resumes after its last finished statement.
    bool ok = [&]() {
        if (!begin())
            return false;
        if (!q.exec(dialect(
                QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)%ENGINE%"), mysql)))
            return sqlError(tr("cannot create schema_version"));
        if (!q.exec(dialect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER NOT NULL "
                                           "PRIMARY KEY, statements_done INTEGER NOT NULL)%ENGINE%"),
                            mysql)))
            return sqlError(tr("cannot create schema_migration"));
        if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
            return sqlError(tr("cannot read the schema version"));
        int current = q.next() && !q.value(0).isNull() ? q.value(0).toInt() : -1;
        if (current < 0 && !q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (0)")))
            return sqlError(tr("cannot initialise schema_version"));
        current = std::max(current, 0);
        if (current > latestSchemaVersion()) {
            *error = tr("the catalog has schema version %1, newer than this program understands (%2): "
                        "update Creodrop Backups.")
                         .arg(current)
                         .arg(latestSchemaVersion());
            return false;
        }
        if (!commit())
            return false;
        const QVector<QStringList> &steps = migrationSteps();
        int executed = 0;
        bool firstOfRun = true;
        for (int v = current + 1; v <= targetVersion; ++v) {
            const QStringList &statements = steps.at(v - 1);
            bool announced = false;
            // One statement per step. Every step reads the state again under the lock: on SQLite
            // the lock is held per statement, and another process opening the catalog may have
            // taken the migration further in between.
            for (;;) {
                if (!begin())
                    return false;
                if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
                    return sqlError(tr("cannot read the schema version"));
                if (q.value(0).toInt() >= v) {
                    if (!commit())
                        return false;
                    break;
                }
                q.prepare(QStringLiteral("SELECT statements_done FROM schema_migration WHERE version = ?"));
                q.addBindValue(v);
                if (!q.exec())
                    return sqlError(tr("cannot read the migration progress"));
                int done = 0;
                if (q.next()) {
                    done = q.value(0).toInt();
                } else {
                    q.prepare(QStringLiteral("INSERT INTO schema_migration (version, statements_done) VALUES (?, 0)"));
                    q.addBindValue(v);
                    if (!q.exec())
                        return sqlError(tr("cannot record the migration progress"));
                }
                if (!announced) {
                    if (done > 0)
                        qCInfo(lcCatalog) << "resuming the migration to version" << v << "after statement" << done;
                    qCInfo(lcCatalog).noquote() << "migrating" << m_location.toString() << "to schema version" << v;
                    announced = true;
                }
                if (done < statements.size()) {
                    if (!q.exec(dialect(statements.at(done), mysql))) {
                        if (!(firstOfRun && alreadyApplied(q.lastError())))
                            return sqlError(tr("migration to version %1 failed").arg(v));
                        qCInfo(lcCatalog)
                            << "migration statement" << done + 1 << "of version" << v << "was already applied";
                    }
                    firstOfRun = false;
                    ++done;
                    q.prepare(QStringLiteral("UPDATE schema_migration SET statements_done = ? WHERE version = ?"));
                    q.addBindValue(done);
                    q.addBindValue(v);
                    if (!q.exec())
                        return sqlError(tr("cannot record the migration progress"));
                    ++executed;
                }
                // On SQLite the version is recorded in the transaction of the last statement.
                const bool finished = done >= statements.size();
                if (finished) {
                    q.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
                    q.addBindValue(v);
                    if (!q.exec())
                        return sqlError(tr("cannot record schema version %1").arg(v));
                }
                if (!commit())
                    return false;
                if (executed == s_migrationStopAfter.load()) {
                    *error = QStringLiteral("migration stopped after %1 statements (test hook)").arg(executed);
                    return false;
                }
                if (!mysql)
                    runMigrationStepHook(executed);
                if (finished)
                    break;
            }
        }
        return true;
    }();

    QSqlQuery unlock(d);
    if (mysql)
        unlock.exec(QStringLiteral("SELECT RELEASE_LOCK('creodrop_catalog_migrate')"));
    else if (inTransaction)
        unlock.exec(ok ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
    return ok;
}

int Catalog::schemaVersion() const
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Catalog::fail(const QString &message) const
{
    m_lastError = message;
    return false;
}

QString Catalog::readFailureSince(int failedBefore) const
{
    if (m_failedStatements == failedBefore)
        return {};
    return tr("Cannot read the catalog %1 (%2). Check that it can be reached and try again.")
        .arg(m_location.toString(), m_lastError);
}

QString Catalog::absentReason(int failedBefore, const QString &absent) const
{
    const QString failure = readFailureSince(failedBefore);
    return failure.isEmpty() ? absent : failure;
}

bool Catalog::exec(QSqlQuery &query, const QString &sql, const QVariantList &binds) const
{
    if (!query.prepare(sql)) {
        ++m_failedStatements;
        return fail(tr("Catalog error: %1").arg(query.lastError().text()));
    }
    for (const QVariant &v : binds) {
        // Qt binds a null QString as SQL NULL; an absent text is '' in this schema (explicit
        // NULLs are passed as an invalid QVariant).
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(v);
    }
    if (!query.exec()) {
        ++m_failedStatements;
        return fail(tr("Catalog error: %1").arg(query.lastError().text()));
    }
    return true;
}

// --- sites and environments

namespace {
QString siteValidationError(const Site &site)
{
    QString e = Slug::validationError(site.id, QCoreApplication::translate("Catalog", "site"));
    if (e.isEmpty())
        e = Slug::validationError(site.customer, QCoreApplication::translate("Catalog", "customer"));
    if (e.isEmpty() && site.name.trimmed().isEmpty())
        e = QCoreApplication::translate("Catalog", "The site needs a name.");
    return e;
}
} // namespace

bool Catalog::addSite(const Site &site)
{
    if (const QString e = siteValidationError(site); !e.isEmpty())
        return fail(e);
    if (this->site(site.id))
        return fail(tr("Site \"%1\" already exists.").arg(site.id));
    QSqlQuery q(db());
    const QDateTime created = site.createdAt.isValid() ? site.createdAt : now();
    return exec(q, QStringLiteral("INSERT INTO sites (id, name, customer, tier, created_at) VALUES (?, ?, ?, ?, ?)"),
                { site.id, site.name.trimmed(), site.customer, Environments::tierToString(site.tier), ts(created) });
}

bool Catalog::updateSite(const Site &site)
{
    if (const QString e = siteValidationError(site); !e.isEmpty())
        return fail(e);
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("UPDATE sites SET name = ?, customer = ?, tier = ? WHERE id = ?"),
              { site.name.trimmed(), site.customer, Environments::tierToString(site.tier), site.id }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Site \"%1\" does not exist.").arg(site.id));
    return true;
}

bool Catalog::removeSite(const QString &siteId, bool withBackupRows)
{
    if (!site(siteId))
        return fail(tr("Site \"%1\" does not exist.").arg(siteId));
    QSqlDatabase d = db();
    QSqlQuery q(d);
    if (!withBackupRows) {
        if (!exec(q, QStringLiteral("SELECT COUNT(*) FROM backups WHERE site_id = ?"), { siteId }) || !q.next())
            return false;
        if (const int n = q.value(0).toInt(); n > 0)
            return fail(
                tr("Site \"%1\" still has %2: delete them first.").arg(siteId, Counted::of(n, "backup", "backups")));
    }
    if (!d.transaction())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    const QStringList tables{ QStringLiteral("backups"), QStringLiteral("schedules"), QStringLiteral("environments"),
                              QStringLiteral("env_locks"), QStringLiteral("site_sanitize_sql") };
    for (const QString &table : tables) {
        if (!exec(q, QStringLiteral("DELETE FROM %1 WHERE site_id = ?").arg(table), { siteId })) {
            d.rollback();
            return false;
        }
    }
    if (!exec(q, QStringLiteral("DELETE FROM sites WHERE id = ?"), { siteId })) {
        d.rollback();
        return false;
    }
    if (!d.commit())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    return true;
}

std::optional<Site> Catalog::site(const QString &siteId) const
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("SELECT id, name, customer, tier, created_at FROM sites WHERE id = ?"), { siteId })
        || !q.next())
        return std::nullopt;
    return siteFromQuery(q);
}

QVector<Site> Catalog::sites() const
{
    QVector<Site> result;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT id, name, customer, tier, created_at FROM sites ORDER BY id")))
        return result;
    while (q.next())
        result.append(siteFromQuery(q));
    return result;
}

bool Catalog::setEnvironment(const EnvironmentConfig &config)
{
    const std::optional<Site> s = site(config.siteId);
    if (!s)
        return fail(tr("Site \"%1\" does not exist.").arg(config.siteId));
    if (const QString missing = s->missingEnvironmentReason(config.environment); !missing.isEmpty())
        return fail(missing);
    const MySqlEndpoint &e = config.endpoint;
    QSqlDatabase d = db();
    QSqlQuery q(d);
    if (!d.transaction())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    bool ok = exec(q,
                   QStringLiteral("UPDATE environments SET host = ?, port = ?, socket = ?, db_name = ?, db_user = ?, "
                                  "tls_mode = ?, tls_ca = ? WHERE site_id = ? AND env = ?"),
                   { e.host, e.port, e.socket, e.database, e.user, MySqlTls::toString(e.tlsMode), e.tlsCa,
                     config.siteId, envName(config.environment) });
    if (ok && q.numRowsAffected() == 0) {
        ok = exec(q,
                  QStringLiteral("INSERT INTO environments (site_id, env, host, port, socket, db_name, db_user, "
                                 "tls_mode, tls_ca) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  { config.siteId, envName(config.environment), e.host, e.port, e.socket, e.database, e.user,
                    MySqlTls::toString(e.tlsMode), e.tlsCa });
    }
    if (!ok) {
        d.rollback();
        return false;
    }
    if (!d.commit())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    return true;
}

std::optional<EnvironmentConfig> Catalog::environment(const QString &siteId, Environment env) const
{
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral(
                  "SELECT site_id, env, host, port, socket, db_name, db_user, tls_mode, tls_ca FROM environments "
                  "WHERE site_id = ? AND env = ?"),
              { siteId, envName(env) })
        || !q.next())
        return std::nullopt;
    return environmentFromQuery(q);
}

QVector<EnvironmentConfig> Catalog::environments(const QString &siteId) const
{
    QVector<EnvironmentConfig> result;
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral(
                  "SELECT site_id, env, host, port, socket, db_name, db_user, tls_mode, tls_ca FROM environments "
                  "WHERE site_id = ?"),
              { siteId }))
        return result;
    while (q.next())
        result.append(environmentFromQuery(q));
    // Display order: prod, stage, dev (the enum order).
    std::sort(result.begin(), result.end(), [](const EnvironmentConfig &a, const EnvironmentConfig &b) {
        return int(a.environment) < int(b.environment);
    });
    return result;
}

// --- backups

QString Catalog::objectKey(const QString &customer, const QString &siteId, Environment env, const QString &backupId)
{
    if (!Slug::isValid(customer) || !Slug::isValid(siteId) || !isBackupIdSafe(backupId))
        return {};
    return QStringLiteral("customers/%1/%2/%3/%4.sql.gz").arg(customer, siteId, envName(env), backupId);
}

QString Catalog::manifestKey(const QString &objectKey)
{
    QString key = objectKey;
    if (key.endsWith(QLatin1String(".sql.gz")))
        key.chop(7);
    return key + QStringLiteral(".json");
}

BackupRecord Catalog::createBackup(const QString &siteId, Environment env, BackupType type, const QString &createdBy)
{
    if (!Slug::isValid(siteId)) {
        fail(Slug::validationError(siteId, tr("site")));
        return {};
    }
    const std::optional<Site> s = site(siteId);
    if (!s) {
        fail(tr("Site \"%1\" does not exist.").arg(siteId));
        return {};
    }
    if (const QString missing = s->missingEnvironmentReason(env); !missing.isEmpty()) {
        fail(missing);
        return {};
    }
    if (!Slug::isValid(s->customer)) {
        fail(Slug::validationError(s->customer, tr("customer")));
        return {};
    }
    // A target an interrupted restore or sync left possibly half replaced is not backed up
    // (such a backup would be a trap) until its rollback; a running one only makes backups wait.
    if (const auto lock = environmentLock(siteId, env); lock && lock->state == EnvironmentLock::State::Interrupted
        && type != BackupType::PreRestore && type != BackupType::PreSync) {
        fail(tr("%1/%2 is locked: a %3 of it was interrupted (%4). Start 'creodrop-backupctl worker --once' or the "
                "console to roll it back, then back it up.")
                 .arg(siteId, envName(env), lock->kind, lock->reason));
        return {};
    }
    BackupRecord r;
    r.createdAt = now();
    r.id = Backups::newId(r.createdAt);
    r.siteId = siteId;
    r.customer = s->customer;
    r.environment = env;
    r.type = type;
    r.status = BackupStatus::Pending;
    r.createdBy = createdBy;
    r.objectKey = objectKey(r.customer, siteId, env, r.id);
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("INSERT INTO backups (id, site_id, customer, env, type, status, created_at, created_by, "
                             "object_key, pinned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"),
              { r.id, r.siteId, r.customer, envName(env), Backups::typeToString(type), statusName(r.status),
                ts(r.createdAt), createdBy, r.objectKey }))
        return {};
    return r;
}

std::optional<BackupRecord> Catalog::backup(const QString &id) const
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("SELECT %1 FROM backups WHERE id = ?").arg(QLatin1String(kBackupColumns)), { id })
        || !q.next())
        return std::nullopt;
    return backupFromQuery(q);
}

bool Catalog::backupIsGone(const QString &id) const
{
    const int failedBefore = failedStatements();
    return !backup(id) && failedStatements() == failedBefore;
}

QVector<BackupRecord> Catalog::backups(const QString &siteId, const EnvironmentFilter &filter) const
{
    return backupsPage(siteId, filter, -1);
}

QVector<BackupRecord> Catalog::backupsPage(const QString &siteId, const EnvironmentFilter &filter, int limit,
                                           const BackupRecord *olderThan) const
{
    QString sql = QStringLiteral("SELECT %1 FROM backups WHERE site_id = ?").arg(QLatin1String(kBackupColumns));
    QVariantList binds{ siteId };
    if (filter.environment()) {
        sql += QStringLiteral(" AND env = ?");
        binds << envName(*filter.environment());
    }
    if (filter.status()) {
        sql += QStringLiteral(" AND status = ?");
        binds << statusName(*filter.status());
    }
    if (olderThan) {
        // Keyset continuation in the (created_at, id) order: no OFFSET scan, and rows added
        // meanwhile (newer) cannot shift the page boundary.
        const QVariant created = ts(olderThan->createdAt);
        sql += QStringLiteral(" AND (created_at < ? OR (created_at = ? AND id < ?))");
        binds << created << created << olderThan->id;
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC");
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QVector<BackupRecord> result;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!exec(q, sql, binds))
        return result;
    if (limit > 0)
        result.reserve(limit);
    while (q.next())
        result.append(backupFromQuery(q));
    return result;
}

std::optional<BackupRecord> Catalog::newestBackup(const QString &siteId, Environment env,
                                                  std::optional<BackupType> type,
                                                  const QVector<BackupStatus> &statuses) const
{
    QString sql
        = QStringLiteral("SELECT %1 FROM backups WHERE site_id = ? AND env = ?").arg(QLatin1String(kBackupColumns));
    QVariantList binds{ siteId, envName(env) };
    if (type) {
        sql += QStringLiteral(" AND type = ?");
        binds << Backups::typeToString(*type);
    }
    if (!statuses.isEmpty()) {
        QStringList marks;
        for (BackupStatus s : statuses) {
            marks << QStringLiteral("?");
            binds << statusName(s);
        }
        sql += QStringLiteral(" AND status IN (%1)").arg(marks.join(QLatin1String(", ")));
    }
    // Walks idx_backups_site_env_created backwards and stops at the first match.
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT 1");
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!exec(q, sql, binds) || !q.next())
        return std::nullopt;
    return backupFromQuery(q);
}

QVector<BackupRecord> Catalog::backupsWithStatus(BackupStatus status) const
{
    QVector<BackupRecord> result;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT %1 FROM backups WHERE status = ? ORDER BY created_at, id")
                  .arg(QLatin1String(kBackupColumns)),
              { statusName(status) }))
        return result;
    while (q.next())
        result.append(backupFromQuery(q));
    return result;
}

bool Catalog::claimBackup(const QString &id, const QString &workerId, int heartbeatSeconds)
{
    const std::optional<BackupRecord> r = backup(id);
    if (!r)
        return fail(tr("Backup %1 does not exist.").arg(id));
    if (r->status != BackupStatus::Pending) {
        m_lastError.clear();
        return false;
    }
    if (isMySql())
        return claimBackupMySql(id, workerId, heartbeatSeconds, *r);

    // SQLite runs one writer at a time and a statement is atomic, so the check and the update
    // in one statement cannot interleave with another claim.
    const QVariant at = ts(now());
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral(
                  "UPDATE backups SET status = 'in_progress', worker_id = ?, started_at = ?, heartbeat_at = ?, "
                  "heartbeat_seconds = ? WHERE id = ? AND status = 'pending' AND NOT EXISTS (SELECT 1 FROM "
                  "backups AS other WHERE other.site_id = ? AND other.env = ? AND other.status = "
                  "'in_progress') AND NOT EXISTS (SELECT 1 FROM env_restores AS r WHERE r.site_id = ? AND "
                  "r.env = ? AND r.pre_backup_id <> ?)"),
              { workerId, at, at, std::max(0, heartbeatSeconds), id, r->siteId, envName(r->environment), r->siteId,
                envName(r->environment), id }))
        return false;
    m_lastError.clear();
    return q.numRowsAffected() == 1;
}

bool Catalog::claimBackupMySql(const QString &id, const QString &workerId, int heartbeatSeconds,
                               const BackupRecord &record)
{
    // MySQL cannot read the updated table in an UPDATE's subquery, and a plain read would not
    // see a concurrent claim. So claims of one environment are serialized on its env_locks row
    // (SELECT ... FOR UPDATE). The check after the lock sees every claim committed before it:
    // under READ COMMITTED each statement reads the latest commits, and under REPEATABLE READ
    // (after a reconnect) the snapshot starts at the first plain read, which follows the lock.
    QSqlDatabase d = db();
    const QString env = envName(record.environment);
    for (int attempt = 0; attempt < 5; ++attempt) {
        QSqlQuery q(d);
        if (!d.transaction())
            return fail(tr("Catalog error: %1").arg(d.lastError().text()));
        bool retry = false;
        auto step = [&](const QString &sql, const QVariantList &binds) {
            if (exec(q, sql, binds))
                return true;
            retry = isRetryableLockError(q.lastError());
            return false;
        };
        bool ok
            = step(QStringLiteral("INSERT IGNORE INTO env_locks (site_id, env) VALUES (?, ?)"), { record.siteId, env })
            && step(QStringLiteral("SELECT site_id FROM env_locks WHERE site_id = ? AND env = ? FOR UPDATE"),
                    { record.siteId, env })
            && step(QStringLiteral(
                        "SELECT COUNT(*) FROM backups WHERE site_id = ? AND env = ? AND status = 'in_progress'"),
                    { record.siteId, env });
        bool claimed = false;
        bool free = ok && q.next() && q.value(0).toInt() == 0;
        // A restore or sync holds the environment: only its own pre-restore backup runs.
        if (free)
            free = (ok = step(QStringLiteral("SELECT COUNT(*) FROM env_restores WHERE site_id = ? AND env = ? AND "
                                             "pre_backup_id <> ?"),
                              { record.siteId, env, id }))
                && q.next() && q.value(0).toInt() == 0;
        if (free) {
            const QVariant at = ts(now());
            ok = step(QStringLiteral("UPDATE backups SET status = 'in_progress', worker_id = ?, started_at = ?, "
                                     "heartbeat_at = %1, heartbeat_seconds = ? WHERE id = ? AND status = 'pending'")
                          .arg(QLatin1String(kServerNow)),
                      { workerId, at, std::max(0, heartbeatSeconds), id });
            claimed = ok && q.numRowsAffected() == 1;
        }
        if (ok && d.commit()) {
            m_lastError.clear();
            return claimed;
        }
        d.rollback();
        if (!retry)
            return false;
    }
    return false;
}

bool Catalog::heartbeat(const QString &id, const QString &workerId)
{
    QSqlQuery q(db());
    const QString sql
        = QStringLiteral("UPDATE backups SET heartbeat_at = %1 WHERE id = ? AND worker_id = ? AND status = "
                         "'in_progress'")
              .arg(isMySql() ? QLatin1String(kServerNow) : QLatin1String("?"));
    QVariantList binds{ id, workerId };
    if (!isMySql())
        binds.prepend(ts(now()));
    if (!exec(q, sql, binds))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 is no longer in progress for this worker.").arg(id));
    return true;
}

QDateTime Catalog::heartbeatClockNow() const
{
    if (!isMySql())
        return now();
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("SELECT %1").arg(QLatin1String(kServerNow))) || !q.next())
        return {};
    return fromTs(q.value(0));
}

bool Catalog::completeBackup(const QString &id, const QString &workerId, qint64 sizeBytes, qint64 rawSizeBytes,
                             const QString &sha256)
{
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("UPDATE backups SET status = 'completed', finished_at = ?, size_bytes = ?, "
                             "raw_size_bytes = ?, sha256 = ?, error_text = NULL "
                             "WHERE id = ? AND worker_id = ? AND status = 'in_progress'"),
              { ts(now()), sizeBytes, rawSizeBytes, sha256, id, workerId }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 is no longer in progress for this worker; not marked completed.").arg(id));
    return true;
}

bool Catalog::releaseBackup(const QString &id, const QString &workerId)
{
    QSqlQuery q(db());
    // A fourth ':' field makes WorkerIdentity::isGone() true on every host.
    if (!exec(q,
              QStringLiteral("UPDATE backups SET worker_id = ? WHERE id = ? AND worker_id = ? AND status = "
                             "'in_progress'"),
              { QString(workerId + QStringLiteral(":released")), id, workerId }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 is no longer in progress for this worker.").arg(id));
    return true;
}

bool Catalog::failBackup(const QString &id, BackupStatus terminalStatus, const QString &errorText)
{
    if (terminalStatus != BackupStatus::Failed && terminalStatus != BackupStatus::Cancelled)
        return fail(tr("failBackup takes Failed or Cancelled."));
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("UPDATE backups SET status = ?, finished_at = ?, error_text = ? "
                             "WHERE id = ? AND status IN ('pending', 'in_progress')"),
              { statusName(terminalStatus), ts(now()), errorText, id }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 has already finished or does not exist.").arg(id));
    return true;
}

bool Catalog::cancelPendingBackup(const QString &id, const QString &requestedBy, const QString &errorText)
{
    const QVariant at = ts(now());
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("UPDATE backups SET status = 'cancelled', finished_at = ?, error_text = ?, "
                             "cancel_requested_at = ?, cancel_requested_by = ? WHERE id = ? AND status = 'pending'"),
              { at, errorText, at, requestedBy, id }))
        return false;
    m_lastError.clear();
    return q.numRowsAffected() == 1;
}

bool Catalog::requestCancel(const QString &id, const QString &requestedBy)
{
    QSqlQuery q(db());
    // The first request stands: its time and author are what the runner reports.
    if (!exec(q,
              QStringLiteral("UPDATE backups SET cancel_requested_at = ?, cancel_requested_by = ? WHERE id = ? "
                             "AND status = 'in_progress' AND cancel_requested_at IS NULL"),
              { ts(now()), requestedBy, id }))
        return false;
    m_lastError.clear();
    return q.numRowsAffected() == 1;
}

QVector<BackupRecord> Catalog::latestFailures(const QString &siteId) const
{
    // Walks the failed rows (idx_backups_status) and probes each one's environment for a later
    // decisive row (idx_backups_site_env_created): no per-environment round trips.
    QString sql
        = QStringLiteral("SELECT %1 FROM backups b WHERE b.status = 'failed'").arg(QLatin1String(kBackupColumns));
    QVariantList binds;
    if (!siteId.isEmpty()) {
        sql += QStringLiteral(" AND b.site_id = ?");
        binds << siteId;
    }
    sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM backups c WHERE c.site_id = b.site_id AND c.env = b.env "
                          "AND c.status IN ('completed', 'failed') AND (c.created_at > b.created_at OR "
                          "(c.created_at = b.created_at AND c.id > b.id))) ORDER BY b.created_at DESC, b.id DESC");
    QVector<BackupRecord> result;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!exec(q, sql, binds))
        return result;
    while (q.next())
        result.append(backupFromQuery(q));
    return result;
}

QVector<BackupRecord> Catalog::staleBackups(int fallbackHeartbeatSeconds) const
{
    QVector<BackupRecord> result;
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("SELECT %1 FROM backups WHERE status = 'in_progress' ORDER BY created_at")
                  .arg(QLatin1String(kBackupColumns))))
        return result;
    QVector<BackupRecord> running;
    while (q.next())
        running.append(backupFromQuery(q));
    if (running.isEmpty())
        return result;
    // Judged on the clock the heartbeats were written with, against each row's own period:
    // a host with a skewed clock or a longer period never fails another's healthy backup.
    const QDateTime at = heartbeatClockNow();
    if (!at.isValid())
        return result;
    for (const BackupRecord &r : std::as_const(running)) {
        const int period = r.heartbeatSeconds > 0 ? r.heartbeatSeconds : std::max(1, fallbackHeartbeatSeconds);
        if (!r.heartbeatAt.isValid() || r.heartbeatAt < at.addSecs(-2 * qint64(period)))
            result.append(r);
    }
    return result;
}

bool Catalog::setOutgrownBytes(const QString &id, qint64 bytes)
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("UPDATE backups SET outgrown_bytes = ? WHERE id = ?"), { bytes, id }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 does not exist.").arg(id));
    return true;
}

qint64 Catalog::expectedStreamBytes(const QString &siteId, Environment env) const
{
    const std::optional<BackupRecord> last = newestBackup(siteId, env, std::nullopt, { BackupStatus::Completed });
    qint64 bytes = last ? last->sizeBytes : -1;
    // A stream that outgrew its parts since the last completed backup counts too: otherwise
    // the next run would plan the same parts and fail the same way.
    QSqlQuery q(db());
    if (exec(
            q,
            QStringLiteral("SELECT MAX(outgrown_bytes) FROM backups WHERE site_id = ? AND env = ? AND created_at >= ?"),
            { siteId, envName(env), last ? ts(last->createdAt) : QVariant(QStringLiteral("")) })
        && q.next() && !q.value(0).isNull())
        bytes = std::max(bytes, q.value(0).toLongLong());
    return bytes;
}

bool Catalog::setPinned(const QString &id, bool pinned)
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("UPDATE backups SET pinned = ? WHERE id = ?"), { pinned ? 1 : 0, id }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 does not exist.").arg(id));
    return true;
}

bool Catalog::markDeleting(const QString &id, int heartbeatSeconds, QDateTime *stamp)
{
    // An explicit time, not the server's NOW(): releaseDeletion() compares it with the row's.
    const QDateTime at = heartbeatClockNow();
    if (!at.isValid())
        return false;
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("UPDATE backups SET status = 'deleting', heartbeat_at = ?, heartbeat_seconds = ? "
                             "WHERE id = ? AND pinned = 0 AND status IN ('completed', 'failed', 'cancelled', "
                             "'deleting')"),
              { ts(at), std::max(0, heartbeatSeconds), id }))
        return false;
    if (q.numRowsAffected() == 1) {
        if (stamp)
            *stamp = at;
        return true;
    }
    const int failedBefore = failedStatements();
    const std::optional<BackupRecord> row = backup(id);
    if (failedStatements() != failedBefore)
        return false;
    if (!row)
        return fail(tr("Backup %1 does not exist.").arg(id));
    if (row->pinned)
        return fail(tr("Backup %1 is pinned.").arg(id));
    return fail(tr("Backup %1 is %2.").arg(id, statusName(row->status)));
}

bool Catalog::heartbeatDeletion(const QString &id, QDateTime *stamp)
{
    const QDateTime at = heartbeatClockNow();
    if (!at.isValid())
        return false;
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("UPDATE backups SET heartbeat_at = ? WHERE id = ? AND status = 'deleting'"),
              { ts(at), id }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 is no longer being deleted.").arg(id));
    if (stamp)
        *stamp = at;
    return true;
}

bool Catalog::releaseDeletion(const QString &id, const QDateTime &stamp)
{
    const QDateTime at = heartbeatClockNow();
    if (!at.isValid() || !stamp.isValid())
        return false;
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("UPDATE backups SET heartbeat_at = ?, heartbeat_seconds = 0 WHERE id = ? AND "
                             "status = 'deleting' AND heartbeat_at = ?"),
              { ts(at), id, ts(stamp) }))
        return false;
    m_lastError.clear();
    return q.numRowsAffected() == 1;
}

bool Catalog::unmarkDeleting(const QString &id, BackupStatus status)
{
    if (status != BackupStatus::Completed && status != BackupStatus::Failed && status != BackupStatus::Cancelled)
        return fail(tr("A deletion can only give a backup back the status completed, failed or cancelled."));
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("UPDATE backups SET status = ? WHERE id = ? AND status = 'deleting'"),
              { statusName(status), id }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 is not being deleted.").arg(id));
    return true;
}

bool Catalog::removeBackup(const QString &id)
{
    // The row goes and its id is remembered in one transaction: a rescan's insert of the row
    // (upsertBackup) lands either before, and is removed here, or after, and sees the record.
    QSqlDatabase d = db();
    QSqlQuery q(d);
    if (!d.transaction())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    bool ok = exec(q, QStringLiteral("DELETE FROM backups WHERE id = ?"), { id });
    if (ok && q.numRowsAffected() != 1) {
        d.rollback();
        return fail(tr("Backup %1 does not exist.").arg(id));
    }
    // On heartbeatClockNow()'s clock, the one a rescan on any host compares it with. Records
    // older than a week are dropped: they matter only to a rescan that began before them.
    const QDateTime removedAt = heartbeatClockNow();
    ok = ok && removedAt.isValid()
        && exec(q, QStringLiteral("DELETE FROM deleted_backups WHERE id = ? OR removed_at < ?"),
                { id, ts(removedAt.addDays(-kRemovalMemoryDays)) })
        && exec(q, QStringLiteral("INSERT INTO deleted_backups (id, removed_at) VALUES (?, ?)"), { id, ts(removedAt) });
    if (!ok) {
        d.rollback();
        return false;
    }
    if (!d.commit())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    return true;
}

std::optional<QDateTime> Catalog::backupRemovedAt(const QString &id) const
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("SELECT removed_at FROM deleted_backups WHERE id = ?"), { id }) || !q.next())
        return std::nullopt;
    return fromTs(q.value(0));
}

bool Catalog::upsertBackup(const BackupRecord &r, const QDateTime &unlessRemovedSince)
{
    if (!Slug::isValid(r.siteId) || !Slug::isValid(r.customer) || !isBackupIdSafe(r.id))
        return fail(
            tr("Refusing backup row with invalid site, customer or id (%1/%2/%3).").arg(r.customer, r.siteId, r.id));
    const int failedBefore = failedStatements();
    const std::optional<BackupRecord> existing = backup(r.id);
    if (failedStatements() != failedBefore)
        return false;
    if (existing && existing->status == BackupStatus::Completed)
        return true;
    const QString key = r.objectKey.isEmpty() ? objectKey(r.customer, r.siteId, r.environment, r.id) : r.objectKey;
    // A pin is the catalog's alone (manifests do not carry it).
    const bool pinned = existing ? existing->pinned : r.pinned;
    const QVariantList values{ r.siteId,
                               r.customer,
                               envName(r.environment),
                               Backups::typeToString(r.type),
                               statusName(r.status),
                               ts(r.createdAt.isValid() ? r.createdAt : now()),
                               ts(r.startedAt),
                               ts(r.finishedAt),
                               r.createdBy,
                               r.sizeBytes,
                               r.rawSizeBytes,
                               r.sha256,
                               key,
                               r.errorText.isEmpty() ? QVariant() : QVariant(r.errorText),
                               r.workerId,
                               ts(r.heartbeatAt),
                               pinned ? 1 : 0,
                               r.id };
    QSqlQuery q(db());
    if (existing) {
        // The status and heartbeat as stored (whatever format an older version wrote the time
        // in): the deletion check below and the update's compare-and-set both go by them, so a
        // deletion that began or renewed its heartbeat since then is seen by one or the other.
        QSqlQuery read(db());
        if (!exec(read,
                  QStringLiteral("SELECT status, COALESCE(heartbeat_at, ''), heartbeat_seconds FROM backups WHERE "
                                 "id = ?"),
                  { r.id }))
            return false;
        if (!read.next() || read.value(0).toString() != statusName(existing->status))
            return fail(tr("Backup %1 changed while its row was written back; rescan again.").arg(r.id));
        BackupRecord stored = *existing;
        stored.heartbeatAt = fromTs(read.value(1));
        stored.heartbeatSeconds = read.value(2).toInt();
        // A deletion that may have removed files after they were listed: the listing proves nothing.
        if (stored.deletionActiveUntil().isValid()) {
            const QDateTime listedAt = unlessRemovedSince.isValid() ? unlessRemovedSince : heartbeatClockNow();
            if (!listedAt.isValid())
                return false;
            if (stored.deletionActiveAfter(listedAt))
                return fail(tr("Backup %1 was being deleted after the storage was listed; its row is not written back.")
                                .arg(r.id));
        }
        QVariantList updateValues = values;
        updateValues << read.value(0) << read.value(1);
        if (!exec(q,
                  QStringLiteral("UPDATE backups SET site_id = ?, customer = ?, env = ?, type = ?, status = ?, "
                                 "created_at = ?, started_at = ?, finished_at = ?, created_by = ?, size_bytes = ?, "
                                 "raw_size_bytes = ?, sha256 = ?, object_key = ?, error_text = ?, worker_id = ?, "
                                 "heartbeat_at = ?, pinned = ? WHERE id = ? AND status = ? AND "
                                 "COALESCE(heartbeat_at, '') = ?"),
                  updateValues))
            return false;
        if (q.numRowsAffected() != 1)
            return fail(tr("Backup %1 changed while its row was written back; rescan again.").arg(r.id));
        return true;
    }
    // Not the row of a backup removeBackup() removed since then (its files are gone): checked in
    // the insert itself, which a removal's transaction either precedes or follows.
    QString unlessRemoved;
    QVariantList insertValues = values;
    if (unlessRemovedSince.isValid()) {
        unlessRemoved = QStringLiteral("%1 WHERE NOT EXISTS (SELECT 1 FROM deleted_backups WHERE id = ? AND "
                                       "removed_at >= ?)")
                            .arg(isMySql() ? QLatin1String(" FROM DUAL") : QLatin1String());
        insertValues << r.id << ts(unlessRemovedSince);
    }
    if (!exec(q,
              QStringLiteral("INSERT INTO backups (site_id, customer, env, type, status, created_at, started_at, "
                             "finished_at, created_by, size_bytes, raw_size_bytes, sha256, object_key, error_text, "
                             "worker_id, heartbeat_at, pinned, id) "
                             "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")
                  + unlessRemoved,
              insertValues))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("Backup %1 was deleted meanwhile; its row is not written back.").arg(r.id));
    return true;
}

// --- schedules

bool Catalog::setSchedule(const Schedule &schedule)
{
    const std::optional<Site> s = site(schedule.siteId);
    if (!s)
        return fail(tr("Site \"%1\" does not exist.").arg(schedule.siteId));
    if (const QString missing = s->missingEnvironmentReason(schedule.environment); !missing.isEmpty())
        return fail(missing);
    if (!schedule.timeUtc.isValid())
        return fail(tr("The schedule needs a valid time of day."));
    if (schedule.frequency == Schedule::Frequency::Weekly && (schedule.weekday < 1 || schedule.weekday > 7))
        return fail(tr("The weekday must be 1 (Monday) to 7 (Sunday)."));
    if (schedule.keepLast < 1 || schedule.keepDays < 0)
        return fail(tr("Keep at least one scheduled backup (--keep N with N >= 1; --keep-days D with D >= 0)."));
    const QString env = envName(schedule.environment);
    const QString freq
        = schedule.frequency == Schedule::Frequency::Weekly ? QStringLiteral("weekly") : QStringLiteral("daily");
    const QString time = schedule.timeUtc.toString(QStringLiteral("HH:mm"));
    QSqlDatabase d = db();
    QSqlQuery q(d);
    if (!d.transaction())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    bool ok = exec(q,
                   QStringLiteral("UPDATE schedules SET frequency = ?, time_utc = ?, weekday = ?, keep_last = ?, "
                                  "keep_days = ?, enabled = ? WHERE site_id = ? AND env = ?"),
                   { freq, time, schedule.weekday, schedule.keepLast, schedule.keepDays, schedule.enabled ? 1 : 0,
                     schedule.siteId, env });
    if (ok && q.numRowsAffected() == 0) {
        ok = exec(q,
                  QStringLiteral("INSERT INTO schedules (site_id, env, frequency, time_utc, weekday, keep_last, "
                                 "keep_days, enabled, last_run_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  { schedule.siteId, env, freq, time, schedule.weekday, schedule.keepLast, schedule.keepDays,
                    schedule.enabled ? 1 : 0, ts(schedule.lastRunAt),
                    ts(schedule.createdAt.isValid() ? schedule.createdAt : now()) });
    }
    if (!ok) {
        d.rollback();
        return false;
    }
    if (!d.commit())
        return fail(tr("Catalog error: %1").arg(d.lastError().text()));
    return true;
}

bool Catalog::removeSchedule(const QString &siteId, Environment env)
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("DELETE FROM schedules WHERE site_id = ? AND env = ?"), { siteId, envName(env) }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("%1/%2 has no schedule.").arg(siteId, envName(env)));
    return true;
}

QVector<Schedule> Catalog::schedules(const QString &siteId) const
{
    QVector<Schedule> result;
    QString sql = QStringLiteral("SELECT site_id, env, frequency, time_utc, weekday, keep_last, keep_days, enabled, "
                                 "last_run_at, created_at FROM schedules");
    QVariantList binds;
    if (!siteId.isEmpty()) {
        sql += QStringLiteral(" WHERE site_id = ?");
        binds << siteId;
    }
    sql += QStringLiteral(" ORDER BY site_id, env");
    QSqlQuery q(db());
    if (!exec(q, sql, binds))
        return result;
    while (q.next())
        result.append(scheduleFromQuery(q));
    return result;
}

bool Catalog::markScheduleRun(const QString &siteId, Environment env, const QDateTime &atUtc)
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("UPDATE schedules SET last_run_at = ? WHERE site_id = ? AND env = ?"),
              { ts(atUtc), siteId, envName(env) }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("%1/%2 has no schedule.").arg(siteId, envName(env)));
    return true;
}

bool Catalog::claimScheduleRun(const Schedule &seen, const QDateTime &atUtc)
{
    const QVariant previous = ts(seen.lastRunAt);
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("UPDATE schedules SET last_run_at = ? WHERE site_id = ? AND env = ? "
                             "AND (last_run_at = ? OR (last_run_at IS NULL AND ? IS NULL))"),
              { ts(atUtc), seen.siteId, envName(seen.environment), previous, previous }))
        return false;
    m_lastError.clear();
    return q.numRowsAffected() == 1;
}

// --- environment sync: a site's custom sanitizing SQL

QString Catalog::sanitizeSql(const QString &siteId) const
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("SELECT sql_text FROM site_sanitize_sql WHERE site_id = ?"), { siteId }) || !q.next())
        return {};
    return q.value(0).toString();
}

bool Catalog::setSanitizeSql(const QString &siteId, const QString &sql, const QString &updatedBy)
{
    if (!site(siteId))
        return fail(tr("Site \"%1\" does not exist.").arg(siteId));
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("DELETE FROM site_sanitize_sql WHERE site_id = ?"), { siteId }))
        return false;
    if (sql.trimmed().isEmpty())
        return true;
    return exec(q,
                QStringLiteral("INSERT INTO site_sanitize_sql (site_id, sql_text, updated_at, updated_by) "
                               "VALUES (?, ?, ?, ?)"),
                { siteId, sql, ts(now()), updatedBy });
}

// --- audit

bool Catalog::audit(const AuditEntry &entry)
{
    QSqlQuery q(db());
    return exec(q,
                QStringLiteral("INSERT INTO audit_log (at, actor, action, site_id, backup_id, detail, env, outcome) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                { ts(entry.at.isValid() ? entry.at : now()), entry.actor, entry.action, entry.siteId, entry.backupId,
                  entry.detail, entry.environment ? envName(*entry.environment) : QString(),
                  AuditOutcomes::toString(entry.outcome) });
}

QVector<AuditEntry> Catalog::auditLog(const QString &siteId, int limit) const
{
    AuditFilter filter;
    filter.setSiteId(siteId);
    filter.setLimit(qMax(1, limit));
    return auditLog(filter);
}

QVector<AuditEntry> Catalog::auditLog(const AuditFilter &filter) const
{
    QVector<AuditEntry> result;
    QString sql = QStringLiteral("SELECT at, actor, action, site_id, backup_id, detail, env, outcome FROM audit_log");
    QStringList where;
    QVariantList binds;
    if (!filter.siteId().isEmpty()) {
        where << QStringLiteral("site_id = ?");
        binds << filter.siteId();
    }
    // Stamps are fixed-width UTC text ("2026-11-25T19:52:05.123Z"), so text order is time order.
    if (filter.since().isValid()) {
        where << QStringLiteral("at >= ?");
        binds << ts(filter.since());
    }
    if (filter.outcome()) {
        where << QStringLiteral("outcome = ?");
        binds << AuditOutcomes::toString(*filter.outcome());
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY at DESC, id DESC");
    // The text criterion is matched here, not in SQL (LIKE folds case differently on SQLite and
    // MySQL), so the limit can only go to SQL without one.
    const bool textFilter = !filter.text().isEmpty();
    if (filter.limit() > 0 && !textFilter)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit());
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!exec(q, sql, binds))
        return result;
    while (q.next()) {
        AuditEntry entry{ fromTs(q.value(0)),    q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toString(), q.value(5).toString(), std::nullopt,          AuditOutcome::Success };
        entry.environment = Environments::fromString(q.value(6).toString());
        entry.outcome = AuditOutcomes::fromString(q.value(7).toString()).value_or(AuditOutcome::Failure);
        if (textFilter && !filter.acceptsTextAndOutcome(entry))
            continue;
        result.append(entry);
        if (filter.limit() > 0 && result.size() >= filter.limit())
            break;
    }
    return result;
}

// --- environment locks

namespace {
const char kLockColumns[] = "site_id, env, kind, state, phase, source, pre_backup_id, worker_id, actor, started_at, "
                            "heartbeat_at, heartbeat_seconds, reason";

EnvironmentLock lockFromQuery(const QSqlQuery &q)
{
    EnvironmentLock l;
    l.siteId = q.value(0).toString();
    l.environment = Environments::fromString(q.value(1).toString()).value_or(Environment::Prod);
    l.kind = q.value(2).toString();
    l.state = EnvironmentLock::stateFromString(q.value(3).toString());
    l.phase = EnvironmentLock::phaseFromString(q.value(4).toString());
    l.source = q.value(5).toString();
    l.preBackupId = q.value(6).toString();
    l.workerId = q.value(7).toString();
    l.actor = q.value(8).toString();
    l.startedAt = fromTs(q.value(9));
    l.heartbeatAt = fromTs(q.value(10));
    l.heartbeatSeconds = q.value(11).toInt();
    l.reason = q.value(12).toString();
    return l;
}
} // namespace

bool Catalog::lockEnvironment(const EnvironmentLock &lock)
{
    QSqlQuery q(db());
    const QString nowSql = isMySql() ? QLatin1String(kServerNow) : QStringLiteral("?");
    QVariantList binds{ lock.siteId,
                        envName(lock.environment),
                        lock.kind,
                        EnvironmentLock::stateToString(EnvironmentLock::State::Running),
                        EnvironmentLock::phaseToString(EnvironmentLock::Phase::PreBackup),
                        lock.source,
                        lock.workerId,
                        lock.actor,
                        ts(now()) };
    if (!isMySql())
        binds << ts(now());
    binds << std::max(0, lock.heartbeatSeconds);
    // The primary key makes the insert the compare-and-set: one holder per environment.
    if (exec(q,
             QStringLiteral("INSERT INTO env_restores (site_id, env, kind, state, phase, source, worker_id, actor, "
                            "started_at, heartbeat_at, heartbeat_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %1, ?)")
                 .arg(nowSql),
             binds)) {
        m_lastError.clear();
        return true;
    }
    const QString sqlError = q.lastError().text();
    if (const auto holder = environmentLock(lock.siteId, lock.environment)) {
        if (holder->state == EnvironmentLock::State::Interrupted)
            return fail(tr("%1/%2 is locked: a %3 of it was interrupted (%4) and must be rolled back first; start "
                           "'creodrop-backupctl worker --once' or the console, which roll it back.")
                            .arg(lock.siteId, envName(lock.environment), holder->kind, holder->reason));
        return fail(tr("%1/%2 is locked: a %3 by %4 (%5) has been running since %6. Wait until it ends.")
                        .arg(lock.siteId, envName(lock.environment), holder->kind, holder->actor, holder->source,
                             holder->startedAt.toString(Qt::ISODate)));
    }
    return fail(tr("Catalog error: %1").arg(sqlError));
}

std::optional<EnvironmentLock> Catalog::environmentLock(const QString &siteId, Environment env) const
{
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("SELECT %1 FROM env_restores WHERE site_id = ? AND env = ?")
                  .arg(QLatin1String(kLockColumns)),
              { siteId, envName(env) })
        || !q.next())
        return std::nullopt;
    return lockFromQuery(q);
}

QVector<EnvironmentLock> Catalog::environmentLocks(const QString &siteId) const
{
    QVector<EnvironmentLock> result;
    QSqlQuery q(db());
    QString sql = QStringLiteral("SELECT %1 FROM env_restores").arg(QLatin1String(kLockColumns));
    QVariantList binds;
    if (!siteId.isEmpty()) {
        sql += QStringLiteral(" WHERE site_id = ?");
        binds << siteId;
    }
    sql += QStringLiteral(" ORDER BY site_id, env");
    if (!exec(q, sql, binds))
        return result;
    while (q.next())
        result.append(lockFromQuery(q));
    return result;
}

bool Catalog::updateEnvironmentLock(const QString &siteId, Environment env, const QString &workerId,
                                    EnvironmentLock::Phase phase, const QString &preBackupId)
{
    QSqlQuery q(db());
    QVariantList binds{ EnvironmentLock::phaseToString(phase), preBackupId };
    if (!isMySql())
        binds << ts(now());
    binds << siteId << envName(env) << workerId;
    if (!exec(
            q,
            QStringLiteral("UPDATE env_restores SET phase = ?, pre_backup_id = ?, heartbeat_at = %1 WHERE site_id = ? "
                           "AND env = ? AND worker_id = ? AND state = 'running'")
                .arg(isMySql() ? QLatin1String(kServerNow) : QLatin1String("?")),
            binds))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The lock of %1/%2 is no longer held by this process.").arg(siteId, envName(env)));
    return true;
}

bool Catalog::heartbeatEnvironmentLock(const QString &siteId, Environment env, const QString &workerId)
{
    QSqlQuery q(db());
    QVariantList binds;
    if (!isMySql())
        binds << ts(now());
    binds << siteId << envName(env) << workerId;
    if (!exec(
            q,
            QStringLiteral("UPDATE env_restores SET heartbeat_at = %1 WHERE site_id = ? AND env = ? AND worker_id = ? "
                           "AND state = 'running'")
                .arg(isMySql() ? QLatin1String(kServerNow) : QLatin1String("?")),
            binds))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The lock of %1/%2 is no longer held by this process.").arg(siteId, envName(env)));
    return true;
}

bool Catalog::interruptEnvironmentLock(const QString &siteId, Environment env, const QString &workerId,
                                       const QString &reason)
{
    QSqlQuery q(db());
    if (!exec(q,
              QStringLiteral("UPDATE env_restores SET state = 'interrupted', reason = ? WHERE site_id = ? AND env = ? "
                             "AND worker_id = ? AND state = 'running'"),
              { reason, siteId, envName(env), workerId }))
        return false;
    m_lastError.clear();
    return q.numRowsAffected() == 1;
}

bool Catalog::takeOverEnvironmentLock(const QString &siteId, Environment env, const QString &oldWorkerId,
                                      const QString &newWorkerId, int heartbeatSeconds)
{
    QSqlQuery q(db());
    QVariantList binds{ newWorkerId, std::max(0, heartbeatSeconds) };
    if (!isMySql())
        binds << ts(now());
    binds << siteId << envName(env) << oldWorkerId;
    if (!exec(q,
              QStringLiteral("UPDATE env_restores SET state = 'running', worker_id = ?, heartbeat_seconds = ?, "
                             "heartbeat_at = %1 WHERE site_id = ? AND env = ? AND worker_id = ? AND state = "
                             "'interrupted'")
                  .arg(isMySql() ? QLatin1String(kServerNow) : QLatin1String("?")),
              binds))
        return false;
    m_lastError.clear();
    return q.numRowsAffected() == 1;
}

bool Catalog::unlockEnvironment(const QString &siteId, Environment env, const QString &workerId)
{
    QSqlQuery q(db());
    if (!exec(q, QStringLiteral("DELETE FROM env_restores WHERE site_id = ? AND env = ? AND worker_id = ?"),
              { siteId, envName(env), workerId }))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The lock of %1/%2 is no longer held by this process.").arg(siteId, envName(env)));
    return true;
}

QVector<EnvironmentLock> Catalog::staleEnvironmentLocks(int fallbackHeartbeatSeconds) const
{
    QVector<EnvironmentLock> result;
    const QDateTime now = heartbeatClockNow();
    if (!now.isValid())
        return result;
    for (const EnvironmentLock &lock : environmentLocks()) {
        if (lock.state != EnvironmentLock::State::Running)
            continue;
        const int period = lock.heartbeatSeconds > 0 ? lock.heartbeatSeconds : std::max(1, fallbackHeartbeatSeconds);
        if (!lock.heartbeatAt.isValid() || lock.heartbeatAt.addSecs(2 * period) < now)
            result.append(lock);
    }
    return result;
}
