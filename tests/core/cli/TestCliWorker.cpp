// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// The headless side of creodrop-backupctl: `worker --once`, `schedules run`, `retention apply`
// and `catalog rescan`, against the real MariaDB and S3 test server, on an SQLite catalog.
// Every test function has its own CREODROP_HOME and site, so they pass in any order and alone.
#include "CliTestEnv.h"
#include "catalog/Catalog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/types.h>

using Result = CliTest::RawResult;

class TestCliWorker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    QString m_dataDb;
    QString m_customer;
    QString m_site;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CREODROP_HOME"), m_home->path());
        CliTest::insertS3Environment(env);
        env.insert(QStringLiteral("MYSQL_PWD"), TestServices::mysql().password);
        env.insert(QStringLiteral("USER"), QStringLiteral("worker-tester"));
        env.remove(QStringLiteral("CREODROP_CATALOG"));
        env.remove(QStringLiteral("CREODROP_DUMP_THROTTLE_KBPS"));
        return env;
    }

    void start(QProcess &p, const QStringList &args) const
    {
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        p.closeWriteChannel();
    }

    Result cli(const QStringList &args) const
    {
        QProcess p;
        start(p, args);
        if (!p.waitForFinished(120000))
            p.kill(), p.waitForFinished();
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                 p.readAllStandardError() };
    }

    QJsonObject show(const QString &id) const
    {
        return QJsonDocument::fromJson(
                   cli({ QStringLiteral("backup"), QStringLiteral("show"), id, QStringLiteral("--json") }).out)
            .object();
    }

    QJsonArray list() const
    {
        return QJsonDocument::fromJson(
                   cli({ QStringLiteral("backup"), QStringLiteral("list"), m_site, QStringLiteral("--json") }).out)
            .array();
    }

    QStringList ids(const QString &type = {}) const
    {
        QStringList result;
        for (const QJsonValue &v : list()) {
            if (type.isEmpty() || v.toObject().value(QStringLiteral("type")).toString() == type)
                result << v.toObject().value(QStringLiteral("id")).toString();
        }
        return result;
    }

    QStringList storedKeys(const QString &prefix) const
    {
        return CliTest::awsKeys(QStringLiteral("list-objects-v2"), prefix);
    }

    /// Runs @p sql with @p binds on the test's own catalog file; the rows it changed, or -1.
    int catalogSql(const QString &sql, const QVariantList &binds = {}) const
    {
        const QString name = QStringLiteral("catalog-sql-%1").arg(QCoreApplication::applicationPid());
        int changed = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_home->filePath(QStringLiteral("catalog.sqlite")));
            if (!db.open()) {
                qWarning() << db.lastError().text();
            } else {
                QSqlQuery q(db);
                q.prepare(sql);
                for (const QVariant &b : binds)
                    q.addBindValue(b);
                if (q.exec())
                    changed = q.numRowsAffected();
                else
                    qWarning() << q.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return changed;
    }

    /// Makes the site's schedule due now: as if created long ago and never run. (Raw SQL on the
    /// test's own catalog file: the CLI has no clock to turn.)
    bool makeScheduleDue() const
    {
        return catalogSql(QStringLiteral("UPDATE schedules SET created_at = '2020-01-01T00:00:00.000Z', last_run_at = "
                                         "NULL WHERE site_id = ?"),
                          { m_site })
            == 1;
    }

    /// Sets a daily schedule keeping @p keep and runs it @p count times with `schedules run`;
    /// the ids it printed, oldest first (fewer when a run failed).
    QStringList runScheduledBackups(int count, int keep)
    {
        QStringList created;
        const Result set = cli({ QStringLiteral("schedule"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                                 QStringLiteral("--daily"), QStringLiteral("03:00"), QStringLiteral("--keep"),
                                 QString::number(keep) });
        for (int i = 0; i < count && set.exitCode == 0 && makeScheduleDue(); ++i) {
            const Result r = cli({ QStringLiteral("schedules"), QStringLiteral("run") });
            if (r.exitCode != 0)
                break;
            created << QString::fromUtf8(r.out).trimmed();
        }
        return created;
    }

    QString prefix() const { return QStringLiteral("customers/%1/%2/").arg(m_customer, m_site); }

    /// Raw SQL on the test's own SQLite catalog file.
    bool runCatalogSql(const QString &sql) const
    {
        const QString name = QStringLiteral("raw-%1").arg(QCoreApplication::applicationPid());
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_home->filePath(QStringLiteral("catalog.sqlite")));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql) && q.numRowsAffected() == 1;
                if (!ok)
                    qWarning() << q.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    /// A database whose first table holds more than one multipart part (17 MiB of random bytes,
    /// so the upload is running) and whose second table @p lock locks for writing: the dump
    /// then waits inside the server until the lock ends. The lock is held until @p lock closes.
    QString lockedDatabase(QSqlDatabase *lock)
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("locked"));
        QByteArray err;
        if (TestServices::runMariaDbClient({ db },
                                           "CREATE TABLE a_blobs (id INT PRIMARY KEY, b BLOB);"
                                           "INSERT INTO a_blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_17408;"
                                           "CREATE TABLE b_locked (id INT PRIMARY KEY);"
                                           "INSERT INTO b_locked VALUES (1);",
                                           nullptr, &err)
            != 0) {
            qWarning("%s", err.constData());
            return {};
        }
        *lock = TestServices::openMySql(QStringLiteral("lock-holder"), db);
        QSqlQuery q(*lock);
        // Held for as long as the test needs (the other session held it for 300 s).
        if (!q.exec(QStringLiteral("LOCK TABLES b_locked WRITE"))) {
            qWarning() << q.lastError().text();
            return {};
        }
        const auto m = TestServices::mysql();
        const Result r = cli({ QStringLiteral("env"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                               QStringLiteral("--host"), m.host, QStringLiteral("--port"), QString::number(m.port),
                               QStringLiteral("--database"), db, QStringLiteral("--user"), m.user });
        if (r.exitCode != 0)
            qWarning("%s", r.err.constData());
        return db;
    }

    /// Whether a connection to @p db waits for a metadata lock (our dump on b_locked).
    static bool dumpWaitsOnLock(const QString &db)
    {
        QSqlDatabase admin = QSqlDatabase::database(QStringLiteral("lock-holder"));
        QSqlQuery q(admin);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND "
                                 "STATE LIKE 'Waiting for table metadata lock%'"));
        q.addBindValue(db);
        return q.exec() && q.next() && q.value(0).toInt() > 0;
    }

    /// Runs @p args until the dump waits on the lock with an upload running, sends @p signal,
    /// and checks the process ends well before the lock does, with nothing left behind.
    void stopWhileDumpWaitsOnLock(const QStringList &args, int signal, int expectedExit, bool queueFirst)
    {
        QSqlDatabase lock;
        const QString db = lockedDatabase(&lock);
        QVERIFY(!db.isEmpty());
        QString id;
        if (queueFirst) {
            const Result r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod"),
                                   QStringLiteral("--no-wait") });
            QVERIFY2(r.exitCode == 0, r.err.constData());
            id = QString::fromUtf8(r.out).trimmed();
        }
        QProcess p;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CREODROP_WORKER_POLL_SECONDS"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        p.closeWriteChannel();
        QVERIFY(p.waitForStarted());
        if (id.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 30000);
            id = QString::fromUtf8(p.readLine()).trimmed();
        }
        QTRY_VERIFY_WITH_TIMEOUT(dumpWaitsOnLock(db) || p.state() == QProcess::NotRunning,
                                 TestServices::kS3StepBudgetMs);
        QVERIFY2(p.state() == QProcess::Running, p.readAllStandardError().constData());
        bool listed = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            !CliTest::awsKeys(QStringLiteral("list-multipart-uploads"), prefix(), &listed).isEmpty(), 30000);
        QCOMPARE(show(id).value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));

        QElapsedTimer sinceSignal;
        sinceSignal.start();
        ::kill(static_cast<pid_t>(p.processId()), signal);
        // Generous: a hang is what this catches (the lock is held until the test ends).
        QVERIFY2(p.waitForFinished(30000), "the process did not stop while its dump waited on a lock");
        qInfo("stopped %lld ms after the signal", sinceSignal.elapsed()); // reported, not asserted
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == expectedExit, err.constData());
        QVERIFY(lock.isOpen()); // still locked: the dump was stopped, not released
        const QJsonObject b = show(id);
        QVERIFY2(b.value(QStringLiteral("status")).toString() == QLatin1String("cancelled"),
                 qPrintable(QJsonDocument(b).toJson()));
        const QStringList uploads = CliTest::awsKeys(QStringLiteral("list-multipart-uploads"), prefix(), &listed);
        QVERIFY(listed);
        QVERIFY2(uploads.isEmpty(), qPrintable(uploads.join(QLatin1Char(' '))));
        QVERIFY(!storedKeys(prefix()).contains(b.value(QStringLiteral("object_key")).toString()));
        lock.close();
        lock = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("lock-holder"));
        TestServices::dropDatabase(db);
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        m_customer = QStringLiteral("wk") + QString::number(QCoreApplication::applicationPid());
        m_dataDb = TestServices::createScratchDatabase(QStringLiteral("worker"));
        QCOMPARE(TestServices::runMariaDbClient({ m_dataDb },
                                                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40));"
                                                "INSERT INTO t SELECT seq, MD5(seq) FROM seq_1_to_500;"),
                 0);
    }

    void cleanupTestCase() { TestServices::dropDatabase(m_dataDb); }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_site = QString::fromLatin1(QTest::currentTestFunction()).toLower().left(12) + QLatin1Char('-') + m_customer;
        const auto m = TestServices::mysql();
        Result r = cli({ QStringLiteral("site"), QStringLiteral("add"), m_site, QStringLiteral("--name"),
                         QStringLiteral("Worker"), QStringLiteral("--customer"), m_customer, QStringLiteral("--tier"),
                         QStringLiteral("basic") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({ QStringLiteral("env"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                  QStringLiteral("--host"), m.host, QStringLiteral("--port"), QString::number(m.port),
                  QStringLiteral("--database"), m_dataDb, QStringLiteral("--user"), m.user });
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void workerStopsOnSigtermWhileDumpWaitsOnLock()
    {
        stopWhileDumpWaitsOnLock({ QStringLiteral("worker") }, SIGTERM, 0, true);
    }

    void schedulesRunStopsOnSigtermWhileDumpWaitsOnLock()
    {
        const Result r = cli({ QStringLiteral("schedule"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                               QStringLiteral("--daily"), QStringLiteral("03:00"), QStringLiteral("--keep"),
                               QStringLiteral("3") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(makeScheduleDue());
        stopWhileDumpWaitsOnLock({ QStringLiteral("schedules"), QStringLiteral("run") }, SIGTERM, 143, false);
    }

    void backupCreateStopsOnSigintWhileDumpWaitsOnLock()
    {
        stopWhileDumpWaitsOnLock({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") },
                                 SIGINT, 130, false);
    }

    void verboseWorkerLogsButNoSecrets()
    {
        // A backup whose runner died (another host, lapsed heartbeat) and a pending one: the
        // verbose worker logs the recovery, the backup and its aborts/heartbeats to stderr,
        // never a password or key.
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod"),
                         QStringLiteral("--no-wait") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString dead = QString::fromUtf8(r.out).trimmed();
        QVERIFY(runCatalogSql(QStringLiteral("UPDATE backups SET status = 'in_progress', worker_id = "
                                             "'gone-host:4242:deadbeef', heartbeat_at = '2020-01-01T00:00:00.000Z', "
                                             "heartbeat_seconds = 5 WHERE id = '%1'")
                                  .arg(dead)));
        r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("creodrop."), r.err.constData()); // quiet without --verbose
        r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod"),
                  QStringLiteral("--no-wait") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Dead again (after the create: it would recover it first).
        QVERIFY(runCatalogSql(QStringLiteral("UPDATE backups SET status = 'in_progress', error_text = NULL, "
                                             "finished_at = NULL WHERE id = '%1'")
                                  .arg(dead)));
        QProcess p;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CREODROP_HEARTBEAT_SECONDS"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_CLI_PATH),
                { QStringLiteral("worker"), QStringLiteral("--once"), QStringLiteral("--verbose") });
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(120000));
        const QByteArray err = p.readAllStandardError();
        const QByteArray out = p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(err.contains("creodrop.jobs: recovered interrupted backup"), err.constData());
        QVERIFY2(err.contains("creodrop.catalog") || err.contains("creodrop.jobs"), err.constData());
        const QByteArray mysqlPassword = TestServices::mysql().password.toUtf8();
        const QByteArray s3Secret = TestServices::s3().secretAccessKey.toUtf8();
        QVERIFY(mysqlPassword.size() >= 8 && s3Secret.size() >= 8);
        for (const QByteArray &text : { err, out }) {
            QVERIFY2(!text.contains(mysqlPassword), "the MySQL password was logged");
            QVERIFY2(!text.contains(s3Secret), "the S3 secret key was logged");
            QVERIFY(!text.contains("X-Amz-Signature"));
        }
    }

    void workerOncePicksUpPendingBackup()
    {
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod"),
                         QStringLiteral("--no-wait") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString id = QString::fromUtf8(r.out).trimmed();
        QCOMPARE(show(id).value(QStringLiteral("status")).toString(), QStringLiteral("pending"));

        r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains(id.toUtf8()));
        const QJsonObject b = show(id);
        QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY(!b.value(QStringLiteral("worker_id")).toString().isEmpty());
        QVERIFY(storedKeys(b.value(QStringLiteral("object_key")).toString())
                    .contains(b.value(QStringLiteral("object_key")).toString()));
        // Nothing left to do: the next pass is a no-op.
        r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(ids().size(), 1);
    }

    void schedulesRunOncePerDueTime()
    {
        Result r = cli({ QStringLiteral("schedule"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                         QStringLiteral("--daily"), QStringLiteral("03:00"), QStringLiteral("--keep"),
                         QStringLiteral("3") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Not due yet: created just now, next 03:00 is in the future.
        r = cli({ QStringLiteral("schedules"), QStringLiteral("run") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(ids().size(), 0);

        QVERIFY(makeScheduleDue());
        r = cli({ QStringLiteral("schedules"), QStringLiteral("run") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList first = ids(QStringLiteral("scheduled"));
        QCOMPARE(first.size(), 1);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), first.first());
        QCOMPARE(show(first.first()).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

        // Same due time again: nothing.
        r = cli({ QStringLiteral("schedules"), QStringLiteral("run") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(ids(QStringLiteral("scheduled")).size(), 1);

        // A new due time seen by three runners at once: exactly one backup (compare-and-set).
        QVERIFY(makeScheduleDue());
        QProcess a, b, c;
        for (QProcess *p : { &a, &b, &c })
            start(*p, { QStringLiteral("schedules"), QStringLiteral("run"), QStringLiteral("--no-wait") });
        for (QProcess *p : { &a, &b, &c }) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        QCOMPARE(ids(QStringLiteral("scheduled")).size(), 2);
    }

    // `schedules run` keeps the schedule's retention after its backups, as the worker does: the
    // deletion is said on stderr, and stdout stays the list of created backups.
    void schedulesRunAppliesRetention()
    {
        const QStringList first = runScheduledBackups(1, 1);
        QCOMPARE(first.size(), 1);
        QVERIFY(makeScheduleDue());
        const Result r = cli({ QStringLiteral("schedules"), QStringLiteral("run") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList scheduled = ids(QStringLiteral("scheduled"));
        QCOMPARE(scheduled.size(), 1);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), scheduled.first()); // only the new id
        QVERIFY(scheduled.first() != first.first());
        QVERIFY2(r.err.contains(QStringLiteral("retention deleted %1").arg(first.first()).toUtf8()), r.err.constData());
    }

    void retentionDeletesExactlyWhatDryRunListed()
    {
        QStringList scheduled = runScheduledBackups(3, 3); // oldest first
        QCOMPARE(scheduled.size(), 3);
        // Keep 1 from now on: the apply below has something to delete.
        Result r = cli({ QStringLiteral("schedule"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                         QStringLiteral("--daily"), QStringLiteral("03:00"), QStringLiteral("--keep"),
                         QStringLiteral("1") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(ids(QStringLiteral("scheduled")).size(), 3);
        r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString manual = QString::fromUtf8(r.out).trimmed();
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("pin"), scheduled.at(0) }).exitCode, 0);

        // keep 1: the newest scheduled stays, the pinned oldest stays, the manual one stays.
        r = cli({ QStringLiteral("retention"), QStringLiteral("apply"), QStringLiteral("--dry-run") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString dry = QString::fromUtf8(r.out);
        QVERIFY2(dry.contains(scheduled.at(1)), qPrintable(dry));
        for (const QString &kept : { scheduled.at(0), scheduled.at(2), manual })
            QVERIFY2(!dry.contains(kept), qPrintable(dry));
        QCOMPARE(ids().size(), 4); // a dry run changes nothing
        const QString doomedKey = show(scheduled.at(1)).value(QStringLiteral("object_key")).toString();
        QVERIFY(storedKeys(doomedKey).contains(doomedKey));

        r = cli({ QStringLiteral("retention"), QStringLiteral("apply") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains(scheduled.at(1).toUtf8()));
        QStringList expected{ scheduled.at(0), scheduled.at(2), manual };
        QStringList remaining = ids();
        expected.sort();
        remaining.sort();
        QCOMPARE(remaining, expected);
        const QString doomedStem = doomedKey.left(doomedKey.size() - 7);
        QCOMPARE(storedKeys(doomedStem), QStringList()); // object and manifest
        for (const QString &id : expected) {
            const QString key = show(id).value(QStringLiteral("object_key")).toString();
            QVERIFY(storedKeys(key).contains(key));
        }
    }

    // The worker keeps a schedule's retention without `retention apply`: once its scheduled
    // backup completes, the oldest scheduled one past "keep 2" goes; the manual one stays.
    void workerAppliesRetentionAfterAScheduledBackup()
    {
        const QStringList scheduled = runScheduledBackups(2, 2); // oldest first
        QCOMPARE(scheduled.size(), 2);
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString manual = QString::fromUtf8(r.out).trimmed();
        const QString oldestKey = show(scheduled.first()).value(QStringLiteral("object_key")).toString();

        // Keep 2 of 2: a pass deletes nothing and says nothing of retention.
        r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.out.contains("retention"), r.out.constData());
        QCOMPARE(ids().size(), 3);

        QVERIFY(makeScheduleDue());
        r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList newest = ids(QStringLiteral("scheduled"));
        QCOMPARE(newest.size(), 2);
        QVERIFY(!newest.contains(scheduled.first()));
        QVERIFY(newest.contains(scheduled.last()));
        QVERIFY(ids().contains(manual));
        QVERIFY2(r.out.contains(QStringLiteral("retention deleted %1").arg(scheduled.first()).toUtf8()),
                 r.out.constData());
        QCOMPARE(storedKeys(oldestKey.left(oldestKey.size() - 7)), QStringList()); // object and manifest
    }

    // A worker whose catalog cannot be read says so instead of idling as if nothing were
    // pending: `--once` exits 1; the daemon warns once per outage, keeps polling, and runs the
    // waiting backup when the catalog is whole again.
    void workerSaysWhenTheCatalogCannotBeRead()
    {
        const Result made = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod"),
                                  QStringLiteral("--no-wait") });
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QString id = QString::fromUtf8(made.out).trimmed();
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups RENAME TO backups_away")) >= 0);

        const Result once = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
        QCOMPARE(once.exitCode, 1);
        QVERIFY2(once.err.contains("Cannot read the catalog"), once.err.constData());

        QProcess p;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CREODROP_WORKER_POLL_SECONDS"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_CLI_PATH), { QStringLiteral("worker") });
        p.closeWriteChannel();
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("Cannot read the catalog"), 30000);
        QTest::qWait(2500); // two more polls, still failing
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups_away RENAME TO backups")) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += p.readAllStandardOutput()).contains(QStringLiteral("backup %1 completed").arg(id).toUtf8())
                || p.state() == QProcess::NotRunning,
            TestServices::kS3StepBudgetMs);
        QVERIFY2(out.contains("the catalog can be read again"), out.constData());
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        err += p.readAllStandardError();
        QCOMPARE(err.count("Cannot read the catalog"), 1);
        QCOMPARE(show(id).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }

    // A catalog that cannot be read stops the rescan with the reason (exit 1, nothing on
    // stdout) instead of reading "no rows" into it: at the start (the sites cannot be read, so
    // vanished objects would go unreported) and on the way (a backup row cannot be read, so it
    // would be written over unseen). Once the catalog is whole again the rescan completes it.
    void rescanStopsOnAnUnreadableCatalog()
    {
        const Result made = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") });
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QString id = QString::fromUtf8(made.out).trimmed();
        for (const QString &suffix : { QStringLiteral(""), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(m_home->filePath(QStringLiteral("catalog.sqlite") + suffix));
        QCOMPARE(cli({ QStringLiteral("site"), QStringLiteral("list") }).exitCode, 0); // a new, empty catalog

        const auto expectUnreadable = [this](const char *table) {
            const Result r = cli({ QStringLiteral("catalog"), QStringLiteral("rescan") });
            QVERIFY2(r.exitCode == 1, table);
            QVERIFY2(r.err.contains("Cannot read the catalog"), r.err.constData());
            QVERIFY2(r.out.isEmpty(), r.out.constData());
        };
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE sites RENAME TO sites_away")) >= 0);
        expectUnreadable("sites");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE sites_away RENAME TO sites")) >= 0);
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups RENAME TO backups_away")) >= 0);
        expectUnreadable("backups");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups_away RENAME TO backups")) >= 0);

        const Result r = cli({ QStringLiteral("catalog"), QStringLiteral("rescan") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("written to the catalog"), r.out.constData());
        // The bucket is the test server's, shared with other tests: this site's row is the one to check.
        QCOMPARE(show(id).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    }

    void rescanRebuildsDeletedCatalog()
    {
        QStringList made;
        QMap<QString, QString> shas;
        for (int i = 0; i < 2; ++i) {
            const Result r
                = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") });
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QString id = QString::fromUtf8(r.out).trimmed();
            made << id;
            shas.insert(id, show(id).value(QStringLiteral("sha256")).toString());
        }
        for (const QString &suffix : { QStringLiteral(""), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(m_home->filePath(QStringLiteral("catalog.sqlite") + suffix));
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("list"), m_site }).exitCode, 1); // no such site

        const Result r = cli({ QStringLiteral("catalog"), QStringLiteral("rescan") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray rows = list();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &v : rows) {
            const QJsonObject b = v.toObject();
            const QString id = b.value(QStringLiteral("id")).toString();
            QVERIFY(made.contains(id));
            QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            QCOMPARE(b.value(QStringLiteral("sha256")).toString(), shas.value(id));
            QCOMPARE(b.value(QStringLiteral("customer")).toString(), m_customer);
        }
        // The rebuilt rows are real backups: verify re-reads one from the bucket.
        const Result v = cli({ QStringLiteral("backup"), QStringLiteral("verify"), made.first() });
        QVERIFY2(v.exitCode == 0, v.err.constData());
    }

    // A completed backup whose file vanished from the bucket is named, with what to do, and so is
    // its manifest the rescan skipped: on stderr, and in the audit entry the console points to.
    // The row is left as it is (deleting is the engineer's decision).
    void rescanNamesABackupWhoseFileIsGone()
    {
        const Result made = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") });
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QString id = QString::fromUtf8(made.out).trimmed();
        const QString key = show(id).value(QStringLiteral("object_key")).toString();
        const Result rm = cli({ QStringLiteral("storage"), QStringLiteral("rm"), key });
        QVERIFY2(rm.exitCode == 0, rm.err.constData());

        const Result r = cli({ QStringLiteral("catalog"), QStringLiteral("rescan") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString missing = QStringLiteral("Backup %1 is in the catalog but its object %2 is missing from the "
                                               "bucket; delete the backup if its file is gone for good.")
                                    .arg(id, key);
        const QString skipped = QStringLiteral("Skipped %1: its dump object is missing or has the wrong size.")
                                    .arg(Catalog::manifestKey(key));
        QVERIFY2(r.err.contains(missing.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains(skipped.toUtf8()), r.err.constData());
        QCOMPARE(show(id).value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

        const Result audit = cli({ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--limit"), QStringLiteral("1") });
        QVERIFY2(audit.exitCode == 0, audit.err.constData());
        const QJsonObject entry = QJsonDocument::fromJson(audit.out).array().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("catalog.rescan"));
        const QString detail = entry.value(QStringLiteral("detail")).toString();
        // The bucket is shared with earlier runs, which may have left warnings of their own.
        QVERIFY2(detail.contains(QRegularExpression(QStringLiteral("; [0-9]+ warnings: "))), qPrintable(detail));
        QVERIFY2(detail.contains(missing) && detail.contains(skipped), qPrintable(detail));
    }
};

QTEST_GUILESS_MAIN(TestCliWorker)
#include "TestCliWorker.moc"
