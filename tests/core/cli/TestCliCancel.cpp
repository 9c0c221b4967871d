// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// `backup cancel` from one process stops a backup another process runs, against the real MariaDB
// (the dump waits on a table lock) and the real S3 test server; on an SQLite and a MariaDB
// catalog.
#include "CliTestEnv.h"
#include "operations/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "util/Clock.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using Result = CliTest::RawResult;

namespace {
// True while a session (the dump) waits on a table lock, e.g. another session's LOCK TABLES.
bool someoneWaitsOnATableLock(QSqlQuery &q)
{
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE LIKE "
                                 "'Waiting for table metadata lock%'"))
        && q.next() && q.value(0).toInt() > 0;
}
/// A connection holding LOCK TABLES ... WRITE on one table for as long as it lives. Whichever
/// way a test function ends, the lock ends with it: the functions share the data database, and a
/// lock left behind by one that failed made the next one's LOCK TABLES wait for the server's
/// lock_wait_timeout (a day) instead of failing on its own.
class TableLock
{
public:
    TableLock(const QString &connectionName, const QString &database, const QString &table)
        : m_name(connectionName)
    {
        QSqlDatabase db = TestServices::openMySql(m_name, database);
        QSqlQuery q(db);
        m_locked = db.isOpen() && q.exec(QStringLiteral("SET SESSION lock_wait_timeout = 30"))
            && q.exec(QStringLiteral("LOCK TABLES %1 WRITE").arg(table));
    }
    ~TableLock()
    {
        {
            QSqlDatabase db = connection();
            if (db.isOpen()) {
                QSqlQuery(db).exec(QStringLiteral("UNLOCK TABLES"));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    TableLock(const TableLock &) = delete;
    TableLock &operator=(const TableLock &) = delete;

    bool isLocked() const { return m_locked; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }
    bool unlock() { return QSqlQuery(connection()).exec(QStringLiteral("UNLOCK TABLES")); }

private:
    QString m_name;
    bool m_locked = false;
};

} // namespace

class TestCliCancel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_catalogDb;
    QString m_dataDb;
    QStringList m_dataDbs; ///< every data database made, dropped at the end
    QString m_customer;
    QString m_pid;

    QString catalogKind() const
    {
        QFETCH_GLOBAL(QString, kind);
        return kind;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CREODROP_HOME"), m_home.path() + QLatin1Char('/') + catalogKind());
        CliTest::insertS3Environment(env);
        // The runner reads cancel requests with its heartbeat: one second keeps the test short.
        env.insert(QStringLiteral("CREODROP_HEARTBEAT_SECONDS"), QStringLiteral("1"));
        env.insert(QStringLiteral("USER"), QStringLiteral("cli-tester"));
        env.insert(QStringLiteral("MYSQL_PWD"), TestServices::mysql().password);
        env.remove(QStringLiteral("CREODROP_DUMP_THROTTLE_KBPS"));
        env.remove(QStringLiteral("CREODROP_CATALOG"));
        env.remove(QStringLiteral("CREODROP_CATALOG_PASSWORD"));
        if (catalogKind() == QLatin1String("mariadb")) {
            const auto m = TestServices::mysql();
            env.insert(QStringLiteral("CREODROP_CATALOG"),
                       QStringLiteral("mysql://%1@%2:%3/%4").arg(m.user, m.host).arg(m.port).arg(m_catalogDb));
            env.insert(QStringLiteral("CREODROP_CATALOG_PASSWORD"), m.password);
        }
        return env;
    }

    void startCli(QProcess &p, const QStringList &args) const
    {
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
    }

    Result cli(const QStringList &args)
    {
        QProcess p;
        QSignalSpy finished(&p, &QProcess::finished);
        startCli(p, args);
        if (!p.waitForStarted())
            return {};
        p.closeWriteChannel();
        // Beyond the longest step a command here waits for (TestServices::kS3StepBudgetMs).
        if (!finished.wait(TestServices::kS3StepBudgetMs + 60000)) {
            p.kill();
            p.waitForFinished();
        }
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                 p.readAllStandardError() };
    }

    QJsonObject backupJson(const QString &id)
    {
        const Result r = cli({ QStringLiteral("backup"), QStringLiteral("show"), id, QStringLiteral("--json") });
        return QJsonDocument::fromJson(r.out).object();
    }

    /// Makes m_dataDb a database of its own for the functions that lock a table in it, so no
    /// function can be held up by what another one left behind. 20 MiB of random bytes are
    /// dumped before the locked table: the upload has parts in flight when the dump blocks, so
    /// the cancel must abort a real multipart upload.
    bool useFreshDataDb(const QString &tag)
    {
        m_dataDb = TestServices::createScratchDatabase(tag + QString::number(m_dataDbs.size()));
        m_dataDbs << m_dataDb;
        QByteArray err;
        const int code = TestServices::runMariaDbClient(
            { m_dataDb },
            "CREATE TABLE a_blobs (id INT PRIMARY KEY, b BLOB);"
            "INSERT INTO a_blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_20480;"
            "CREATE TABLE z_locked (id INT PRIMARY KEY);INSERT INTO z_locked VALUES (1);",
            nullptr, &err);
        if (code != 0)
            qWarning("cannot fill %s: %s", qPrintable(m_dataDb), err.constData());
        return code == 0;
    }

    /// The server's sessions, one line each: what the dump was doing when a wait failed.
    static QByteArray sessions(QSqlQuery &q)
    {
        QByteArray lines;
        if (q.exec(QStringLiteral("SELECT ID, DB, COMMAND, TIME, STATE, LEFT(INFO, 100) FROM "
                                  "information_schema.PROCESSLIST ORDER BY ID"))) {
            while (q.next()) {
                QStringList fields;
                for (int i = 0; i < 6; ++i)
                    fields << q.value(i).toString();
                lines += fields.join(QLatin1String(" | ")).toUtf8() + '\n';
            }
        }
        return lines;
    }

    /// Waits until the runner's dump waits on the locked table. False when the runner ended or
    /// the budget ran out, with what the runner said and the server's sessions in @p why. (A
    /// plain loop: QTRY's own report on a late success would leave them out.)
    static bool waitForTheDumpOnTheLock(QProcess &runner, QSignalSpy &runnerDone, QSqlQuery &q, QByteArray *why)
    {
        QElapsedTimer waited;
        waited.start();
        while (!someoneWaitsOnATableLock(q) && runnerDone.isEmpty() && waited.elapsed() < TestServices::kS3StepBudgetMs)
            QTest::qWait(50);
        if (someoneWaitsOnATableLock(q) && runnerDone.isEmpty())
            return true;
        *why = "after " + QByteArray::number(waited.elapsed()) + " ms, runner "
            + (runnerDone.isEmpty() ? "running" : "ended") + ", its stderr:\n" + runner.readAllStandardError()
            + "sessions:\n" + sessions(q);
        return false;
    }

    QString addSite(const QString &tag)
    {
        const QString site = tag + m_pid + QLatin1Char('-') + catalogKind();
        const auto m = TestServices::mysql();
        Result r = cli({ QStringLiteral("site"), QStringLiteral("add"), site, QStringLiteral("--name"),
                         QStringLiteral("Cancel"), QStringLiteral("--customer"), m_customer, QStringLiteral("--tier"),
                         QStringLiteral("basic") });
        if (r.exitCode != 0)
            return {};
        r = cli({ QStringLiteral("env"), QStringLiteral("set"), site, QStringLiteral("prod"), QStringLiteral("--host"),
                  m.host, QStringLiteral("--port"), QString::number(m.port), QStringLiteral("--database"), m_dataDb,
                  QStringLiteral("--user"), m.user });
        return r.exitCode == 0 ? site : QString();
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }

    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_home.isValid());
        m_pid = QString::number(QCoreApplication::applicationPid());
        m_customer = QStringLiteral("cn") + m_pid;
        m_catalogDb = TestServices::createScratchDatabase(QStringLiteral("cancelcat"));
        QVERIFY(useFreshDataDb(QStringLiteral("cdata")));
    }

    void cleanupTestCase()
    {
        TestServices::dropDatabase(m_catalogDb);
        for (const QString &db : std::as_const(m_dataDbs))
            TestServices::dropDatabase(db);
    }

    void cancelsABackupAnotherProcessRuns()
    {
        QVERIFY(useFreshDataDb(QStringLiteral("crun")));
        const QString site = addSite(QStringLiteral("run"));
        QVERIFY(!site.isEmpty());
        {
            TableLock lock(QStringLiteral("cancel-lock-") + catalogKind(), m_dataDb, QStringLiteral("z_locked"));
            QVERIFY(lock.isLocked());
            QSqlQuery q(lock.connection());

            QProcess runner;
            QSignalSpy runnerDone(&runner, &QProcess::finished);
            startCli(runner, { QStringLiteral("backup"), QStringLiteral("create"), site, QStringLiteral("prod") });
            QTRY_VERIFY_WITH_TIMEOUT(runner.canReadLine() || runnerDone.count() > 0, 30000);
            const QString id = QString::fromUtf8(runner.readLine()).trimmed();
            QVERIFY(!id.isEmpty());
            QByteArray why;
            QVERIFY2(waitForTheDumpOnTheLock(runner, runnerDone, q, &why), why.constData());
            QCOMPARE(backupJson(id).value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));

            // Another process asks, and waits until the runner has stopped the backup.
            const Result cancel
                = cli({ QStringLiteral("backup"), QStringLiteral("cancel"), id, QStringLiteral("--wait"),
                        QStringLiteral("--timeout"), QString::number(TestServices::kS3StepBudgetMs / 1000) });
            QVERIFY2(cancel.exitCode == 0, cancel.err.constData());
            QVERIFY2(cancel.out.contains("is cancelled"), cancel.out.constData());

            // The runner exits on its own, saying who cancelled; the lock is still held, so only a
            // killed dump query lets it end.
            QVERIFY(runnerDone.count() > 0 || runnerDone.wait(30000));
            QCOMPARE(runner.exitStatus(), QProcess::NormalExit);
            QCOMPARE(runner.exitCode(), 1);
            const QByteArray runnerErr = runner.readAllStandardError();
            QVERIFY2(runnerErr.contains("Cancelled by cli-tester"), runnerErr.constData());

            const QJsonObject b = backupJson(id);
            QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
            QCOMPARE(b.value(QStringLiteral("cancel_requested_by")).toString(), QStringLiteral("cli-tester"));
            QVERIFY(!b.value(QStringLiteral("cancel_requested_at")).isNull());
            QVERIFY(lock.unlock());

            // Nothing of it in the bucket: no object, no manifest, no unfinished upload.
            const QString prefix = QStringLiteral("customers/%1/%2/").arg(m_customer, site);
            QVERIFY(CliTest::awsKeys(QStringLiteral("list-objects-v2"), prefix).isEmpty());
            bool listed = false;
            const QStringList uploads = CliTest::awsKeys(QStringLiteral("list-multipart-uploads"), prefix, &listed);
            if (listed)
                QVERIFY2(uploads.isEmpty(), qPrintable(uploads.join(u' ')));
            else
                qWarning("The S3 test server cannot list multipart uploads (NotImplemented): not checked.");

            // Asking again is refused with the reason; the audit log has both answers.
            const Result again = cli({ QStringLiteral("backup"), QStringLiteral("cancel"), id });
            QCOMPARE(again.exitCode, 1);
            QVERIFY2(again.err.contains("already ended"), again.err.constData());
        }
    }

    void consoleCancelsABackupTheCliRuns()
    {
        // The console's Cancel (BackupService::cancelBackup) on a backup that a CLI process runs.
        QVERIFY(useFreshDataDb(QStringLiteral("cgui")));
        const QString site = addSite(QStringLiteral("gui"));
        QVERIFY(!site.isEmpty());
        {
            TableLock lock(QStringLiteral("cancel-lock-gui-") + catalogKind(), m_dataDb, QStringLiteral("z_locked"));
            QVERIFY(lock.isLocked());
            QSqlQuery q(lock.connection());
            QProcess runner;
            QSignalSpy runnerDone(&runner, &QProcess::finished);
            startCli(runner, { QStringLiteral("backup"), QStringLiteral("create"), site, QStringLiteral("prod") });
            QTRY_VERIFY_WITH_TIMEOUT(runner.canReadLine() || runnerDone.count() > 0, 30000);
            const QString id = QString::fromUtf8(runner.readLine()).trimmed();
            QVERIFY(!id.isEmpty());
            // Running (claimed); where the dump is does not matter: the lock keeps the backup from
            // completing, and the runner reads the cancel request with its heartbeat wherever it is.
            QTRY_VERIFY_WITH_TIMEOUT(backupJson(id).value(QStringLiteral("status")).toString()
                                             == QLatin1String("in_progress")
                                         || runnerDone.count() > 0,
                                     30000);
            QVERIFY2(runnerDone.isEmpty(), runner.readAllStandardError().constData());

            BackupServiceConfig config;
            if (catalogKind() == QLatin1String("mariadb")) {
                const auto m = TestServices::mysql();
                config.catalog.kind = CatalogLocation::Kind::MySql;
                config.catalog.host = m.host;
                config.catalog.port = m.port;
                config.catalog.user = m.user;
                config.catalog.password = m.password;
                config.catalog.database = m_catalogDb;
            } else {
                config.catalog.sqlitePath = m_home.filePath(catalogKind() + QStringLiteral("/catalog.sqlite"));
            }
            const auto s3 = TestServices::s3();
            config.storageKind = StorageKind::S3;
            config.s3Endpoint = s3.endpoint;
            config.s3Region = s3.region;
            config.s3Bucket = s3.bucket;
            config.s3AccessKeyId = s3.accessKeyId;
            config.actor = QStringLiteral("console-tester");
            config.heartbeatSeconds = 1;
            config.runSchedules = false;
            InMemorySecretStore secrets;
            secrets.insert(SecretStore::s3SecretKey(), s3.secretAccessKey);
            SystemClock clock;
            BackupService service(config, &secrets, &clock);
            QSignalSpy ready(&service, &BackupService::ready);
            QSignalSpy errors(&service, &BackupService::error);
            service.start();
            QVERIFY(ready.wait(30000));

            QSignalSpy requested(&service, &BackupService::backupCancelRequested);
            service.cancelBackup(id);
            QVERIFY(requested.wait(10000));
            QCOMPARE(requested.first().at(0).toString(), id);
            QVERIFY(errors.isEmpty());

            QVERIFY(runnerDone.count() > 0 || runnerDone.wait(TestServices::kS3StepBudgetMs));
            QCOMPARE(runner.exitStatus(), QProcess::NormalExit);
            const QByteArray runnerErr = runner.readAllStandardError();
            QVERIFY2(runnerErr.contains("Cancelled by console-tester"), runnerErr.constData());
            QCOMPARE(backupJson(id).value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
            QVERIFY(lock.unlock());
            QVERIFY(CliTest::awsKeys(QStringLiteral("list-objects-v2"),
                                     QStringLiteral("customers/%1/%2/").arg(m_customer, site))
                        .isEmpty());

            // Cancelling it again is refused with the reason, as an error of the service.
            service.cancelBackup(id);
            QVERIFY(errors.wait(10000));
            QVERIFY2(errors.first().at(1).toString().contains(QLatin1String("already ended")),
                     qPrintable(errors.first().at(1).toString()));
        }
    }

    void cancelsAPendingBackupAtOnce()
    {
        const QString site = addSite(QStringLiteral("pend"));
        QVERIFY(!site.isEmpty());
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("create"), site, QStringLiteral("prod"),
                         QStringLiteral("--no-wait") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString id = QString::fromUtf8(r.out).trimmed();
        r = cli({ QStringLiteral("backup"), QStringLiteral("cancel"), id, QStringLiteral("--wait") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("had not started"), r.out.constData());
        QCOMPARE(backupJson(id).value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        // A worker finds nothing to run.
        r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(backupJson(id).value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    }

    void refusalsAndUsage()
    {
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("cancel"), QStringLiteral("20261125T194512123Z-0") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no backup"), r.err.constData());
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("cancel") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("cancel"), QStringLiteral("../x") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("cancel"), QStringLiteral("20261125T194512123Z-0"),
                       QStringLiteral("--timeout"), QStringLiteral("0") })
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCancel)
#include "TestCliCancel.moc"
