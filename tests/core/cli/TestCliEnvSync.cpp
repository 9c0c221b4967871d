// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// `env sync` end to end through the real CLI, MariaDB and S3 server: equality with the source,
// sanitizing of the demo's data, refusals (basic tier, same environment, prod confirmation) with
// the target untouched, and a load whose connection is killed midway rolled back.
#include "../mysql/DumpTestSupport.h"
#include "CliTestEnv.h"
#include "TestServices.h"
#include "catalog/Catalog.h"

#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace DumpTestSupport;

class TestCliEnvSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_prod, m_dev, m_stage, m_devRef;
    QStringList m_scratch;

    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CREODROP_HOME"), m_home.path());
        env.remove(QStringLiteral("CREODROP_CATALOG"));
        env.remove(QStringLiteral("CREODROP_CATALOG_PASSWORD"));
        CliTest::insertS3Environment(env);
        env.insert(QStringLiteral("MYSQL_PWD"), TestServices::mysql().password);
        env.insert(QStringLiteral("USER"), QStringLiteral("sync-tester"));
        return env;
    }

    // Runs the CLI through the event loop; @p whileRunning is called every 20 ms until it exits.
    Result cli(const QStringList &args, const std::function<void()> &whileRunning = {})
    {
        QProcess p;
        QSignalSpy finished(&p, &QProcess::finished);
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        Result r;
        if (!p.waitForStarted(10000))
            return r;
        p.closeWriteChannel();
        QTimer poll;
        if (whileRunning) {
            QObject::connect(&poll, &QTimer::timeout, whileRunning);
            poll.start(20);
        }
        if (!finished.wait(240000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        poll.stop();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        if (r.err.contains(TestServices::mysql().password) || r.out.contains(TestServices::mysql().password))
            qFatal("a secret reached the output");
        return r;
    }

    QString scratch(const QString &tag)
    {
        const QString name = TestServices::createScratchDatabase(tag);
        m_scratch << name;
        return name;
    }

    bool addSite(const QString &site, const QString &tier, const QList<QPair<QString, QString>> &envs)
    {
        Result r = cli({ QStringLiteral("site"), QStringLiteral("add"), site, QStringLiteral("--name"), site,
                         QStringLiteral("--customer"), QStringLiteral("acme"), QStringLiteral("--tier"), tier });
        if (r.exitCode != 0) {
            qWarning("site add: %s", qPrintable(r.err));
            return false;
        }
        const auto m = TestServices::mysql();
        for (const auto &e : envs) {
            r = cli({ QStringLiteral("env"), QStringLiteral("set"), site, e.first, QStringLiteral("--host"), m.host,
                      QStringLiteral("--port"), QString::number(m.port), QStringLiteral("--database"), e.second,
                      QStringLiteral("--user"), m.user });
            if (r.exitCode != 0) {
                qWarning("env set: %s", qPrintable(r.err));
                return false;
            }
        }
        return true;
    }

    static bool generateDemoData(const QString &database, int sizeMib, int seed)
    {
        const TestServices::MySql m = TestServices::mysql();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MYSQL_PWD"), m.password);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_SOURCE_DIR "/scripts/generate-sample-data"),
                { QStringLiteral("--host"), m.host, QStringLiteral("--port"), QString::number(m.port),
                  QStringLiteral("--user"), m.user, QStringLiteral("--database"), database,
                  QStringLiteral("--size-mib"), QString::number(sizeMib), QStringLiteral("--seed"),
                  QString::number(seed) });
        if (!p.waitForFinished(300000) || p.exitCode() != 0) {
            qWarning("generate-sample-data: %s", p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    QVector<AuditEntry> syncAudits(const QString &site)
    {
        CatalogLocation location;
        location.kind = CatalogLocation::Kind::Sqlite;
        location.sqlitePath = m_home.filePath(QStringLiteral("catalog.sqlite"));
        QString error;
        auto catalog = Catalog::open(location, nullptr, &error);
        QVector<AuditEntry> out;
        if (!catalog)
            return out;
        for (const AuditEntry &e : catalog->auditLog(site, 100)) {
            if (e.action == QLatin1String("env.sync"))
                out << e;
        }
        return out;
    }

    QVector<BackupRecord> preSyncBackups(const QString &site)
    {
        CatalogLocation location;
        location.kind = CatalogLocation::Kind::Sqlite;
        location.sqlitePath = m_home.filePath(QStringLiteral("catalog.sqlite"));
        QString error;
        auto catalog = Catalog::open(location, nullptr, &error);
        QVector<BackupRecord> out;
        if (!catalog)
            return out;
        for (const BackupRecord &b : catalog->backups(site)) {
            if (b.type == BackupType::PreSync)
                out << b;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_home.isValid());
        m_prod = scratch(QStringLiteral("syprod"));
        m_dev = scratch(QStringLiteral("sydev"));
        m_stage = scratch(QStringLiteral("systage"));
        QString err = loadWithClient(m_prod, readFile(fixturePath()));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        err = loadWithClient(m_dev,
                             "CREATE TABLE dev_only (id INT PRIMARY KEY); INSERT INTO dev_only VALUES (1);"
                             "CREATE VIEW dev_view AS SELECT id FROM dev_only;");
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QVERIFY(addSite(QStringLiteral("shop"), QStringLiteral("developer"),
                        { { QStringLiteral("prod"), m_prod },
                          { QStringLiteral("dev"), m_dev },
                          { QStringLiteral("stage"), m_stage } }));
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_scratch))
            TestServices::dropDatabase(db);
    }

    void syncProdToDevEqualsProd()
    {
        const Result r
            = cli({ QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("shop"), QStringLiteral("--from"),
                    QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("dev") });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(QLatin1String("Synced shop from prod to dev")), qPrintable(r.out));
        // Checked against what was copied: a sync has no manifest.
        QVERIFY2(r.out.contains(QLatin1String("(row counts checked against the source snapshot)")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("manifest")), qPrintable(r.out));
        const QString diff = compareDatabases(m_prod, m_dev);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const auto backups = preSyncBackups(QStringLiteral("shop"));
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().status, BackupStatus::Completed);
        QCOMPARE(backups.first().environment, Environment::Dev);
        const auto audits = syncAudits(QStringLiteral("shop"));
        QCOMPARE(audits.size(), 1);
        QCOMPARE(audits.first().outcome, AuditOutcome::Success);
        QCOMPARE(audits.first().actor, QStringLiteral("sync-tester"));
        QCOMPARE(audits.first().environment, std::optional<Environment>(Environment::Dev));
        QVERIFY2(audits.first().detail.contains(QLatin1String("shop/prod")), qPrintable(audits.first().detail));
    }

    void refusalsTouchNothing()
    {
        const QStringList before = queryRows(m_prod,
                                             QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                                            "TABLE_SCHEMA = DATABASE()"));
        const int backupsBefore = preSyncBackups(QStringLiteral("shop")).size();
        const int auditsBefore = syncAudits(QStringLiteral("shop")).size();
        QString err
            = loadWithClient(m_stage, "CREATE TABLE stage_marker (id INT); INSERT INTO stage_marker VALUES (7);");
        QVERIFY2(err.isEmpty(), qPrintable(err));

        const QStringList base{ QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("shop") };
        // Into prod without, and with a wrong, confirmation: exit 1.
        Result r = cli(base
                       + QStringList{ QStringLiteral("--from"), QStringLiteral("stage"), QStringLiteral("--to"),
                                      QStringLiteral("prod") });
        CLI_EXPECT(r, 1);
        QVERIFY2(r.err.contains(QLatin1String("--confirm shop/prod")), qPrintable(r.err));
        r = cli(base
                + QStringList{ QStringLiteral("--from"), QStringLiteral("stage"), QStringLiteral("--to"),
                               QStringLiteral("prod"), QStringLiteral("--confirm"), QStringLiteral("shop/dev") });
        CLI_EXPECT(r, 1);
        r = cli(base
                + QStringList{ QStringLiteral("--from"), QStringLiteral("stage"), QStringLiteral("--to"),
                               QStringLiteral("prod"), QStringLiteral("--confirm"), QStringLiteral("Shop/prod") });
        CLI_EXPECT(r, 1);
        // Sanitizing into prod, the same environment twice: exit 2.
        r = cli(base
                + QStringList{ QStringLiteral("--from"), QStringLiteral("stage"), QStringLiteral("--to"),
                               QStringLiteral("prod"), QStringLiteral("--confirm"), QStringLiteral("shop/prod"),
                               QStringLiteral("--sanitize"), QStringLiteral("wordpress") });
        CLI_EXPECT(r, 2);
        r = cli(base
                + QStringList{ QStringLiteral("--from"), QStringLiteral("dev"), QStringLiteral("--to"),
                               QStringLiteral("dev") });
        CLI_EXPECT(r, 2);
        r = cli(base
                + QStringList{ QStringLiteral("--from"), QStringLiteral("dev"), QStringLiteral("--to"),
                               QStringLiteral("stage"), QStringLiteral("--sanitize"), QStringLiteral("joomla") });
        CLI_EXPECT(r, 2);

        QCOMPARE(queryRows(m_prod,
                           QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                          "DATABASE()")),
                 before);
        QCOMPARE(queryRows(m_prod,
                           QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME = "
                                          "'stage_marker' AND TABLE_SCHEMA = DATABASE()")),
                 QStringList{ QStringLiteral("0") });
        QCOMPARE(preSyncBackups(QStringLiteral("shop")).size(), backupsBefore);
        // Every refusal after parsing is audited (the unknown profile is a parse error).
        const auto audits = syncAudits(QStringLiteral("shop"));
        QCOMPARE(audits.size(), auditsBefore + 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(audits.at(i).outcome, AuditOutcome::Refused);
    }

    void basicTierCannotSync()
    {
        const QString db = scratch(QStringLiteral("sybasic"));
        QVERIFY(addSite(QStringLiteral("blog"), QStringLiteral("basic"), { { QStringLiteral("prod"), db } }));
        const Result r
            = cli({ QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("blog"), QStringLiteral("--from"),
                    QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("dev") });
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(QLatin1String("basic tier")), qPrintable(r.err));
    }

    void sanitizeWordPressLeavesNoOriginalEmail()
    {
        const QString prod = scratch(QStringLiteral("swprod"));
        const QString dev = scratch(QStringLiteral("swdev"));
        QVERIFY(generateDemoData(prod, 2, 3));
        QVERIFY(addSite(QStringLiteral("wp"), QStringLiteral("developer"),
                        { { QStringLiteral("prod"), prod }, { QStringLiteral("dev"), dev } }));
        const Result r
            = cli({ QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("wp"), QStringLiteral("--from"),
                    QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("dev"), QStringLiteral("--sanitize"),
                    QStringLiteral("wordpress"), QStringLiteral("--skip-cache-data") });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(QLatin1String("Sanitized:")), qPrintable(r.out));
        // Every e-mail of prod, in any text column of dev: none left.
        const QStringList emails = queryRows(prod,
                                             QStringLiteral("SELECT user_email FROM wp_users UNION SELECT "
                                                            "comment_author_email FROM wp_comments"));
        QVERIFY(emails.size() > 10);
        const QStringList columns
            = queryRows(dev,
                        QStringLiteral("SELECT CONCAT(TABLE_NAME, '|', COLUMN_NAME) FROM information_schema.COLUMNS "
                                       "WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('varchar', 'char', 'text', "
                                       "'tinytext', 'mediumtext', 'longtext')"));
        for (const QString &tc : columns) {
            const QStringList hits = queryRows(
                dev,
                QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 REGEXP "
                               "'@example\\\\.(com|org)'")
                    .arg(quote(tc.section(QLatin1Char('|'), 0, 0)), quote(tc.section(QLatin1Char('|'), 1))));
            QVERIFY2(hits == QStringList{ QStringLiteral("0") }, qPrintable(tc));
        }
        QCOMPARE(queryRows(dev, QStringLiteral("SELECT COUNT(*) FROM wp_users")),
                 queryRows(prod, QStringLiteral("SELECT COUNT(*) FROM wp_users")));
        // The source keeps its data.
        QCOMPARE(queryRows(prod, QStringLiteral("SELECT user_email FROM wp_users WHERE ID = 1")),
                 QStringList{ QStringLiteral("user1@example.com") });
    }

    void customSanitizingSqlIsShownAndRun()
    {
        QFile file(m_home.filePath(QStringLiteral("custom.sql")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("CREATE TABLE custom_marker (id INT);\nDELIMITER //\nINSERT INTO custom_marker VALUES (42) //\n"
                   "DELIMITER ;\n");
        file.close();
        Result r = cli({ QStringLiteral("env"), QStringLiteral("sanitize-sql"), QStringLiteral("shop"),
                         QStringLiteral("--file"), file.fileName() });
        CLI_EXPECT(r, 0);
        r = cli({ QStringLiteral("env"), QStringLiteral("sanitize-sql"), QStringLiteral("shop") });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(QLatin1String("INSERT INTO custom_marker")), qPrintable(r.out));
        r = cli({ QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("shop"), QStringLiteral("--from"),
                  QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("stage") });
        CLI_EXPECT(r, 0);
        // The plan shows the custom SQL before anything runs.
        QVERIFY2(r.out.contains(QLatin1String("custom sanitizing SQL"))
                     && r.out.contains(QLatin1String("custom_marker")),
                 qPrintable(r.out));
        QCOMPARE(queryRows(m_stage, QStringLiteral("SELECT id FROM custom_marker")),
                 QStringList{ QStringLiteral("42") });
        QCOMPARE(queryRows(m_stage,
                           QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME = "
                                          "'stage_marker' AND TABLE_SCHEMA = DATABASE()")),
                 QStringList{ QStringLiteral("0") });
        r = cli({ QStringLiteral("env"), QStringLiteral("sanitize-sql"), QStringLiteral("shop"),
                  QStringLiteral("--clear") });
        CLI_EXPECT(r, 0);
        r = cli({ QStringLiteral("env"), QStringLiteral("sanitize-sql"), QStringLiteral("shop") });
        QCOMPARE(r.out, QString());
    }

    void killedLoadLeavesTheTargetAsBefore()
    {
        const QString prod = scratch(QStringLiteral("skprod"));
        const QString dev = scratch(QStringLiteral("skdev"));
        const QString devRef = scratch(QStringLiteral("skref"));
        QVERIFY(generateDemoData(prod, 12, 5));
        for (const QString &db : { dev, devRef }) {
            QVERIFY(generateDemoData(db, 1, 9));
            QVERIFY(loadWithClient(db,
                                   "CREATE TABLE dev_notes (id INT PRIMARY KEY, note TEXT);"
                                   "INSERT INTO dev_notes VALUES (1, 'work in progress');")
                        .isEmpty());
        }
        QVERIFY(addSite(QStringLiteral("kill"), QStringLiteral("developer"),
                        { { QStringLiteral("prod"), prod }, { QStringLiteral("dev"), dev } }));

        // Kill the first connection that loads rows into dev (the pre-sync backup only reads it).
        bool killed = false;
        const auto killer = [&] {
            if (killed)
                return;
            const QStringList ids = queryRows(
                dev,
                QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '%1' AND INFO LIKE "
                               "'INSERT INTO%'")
                    .arg(dev));
            if (ids.isEmpty() || ids.first().startsWith(QLatin1Char('<')))
                return;
            queryRows(dev, QStringLiteral("KILL CONNECTION %1").arg(ids.first()));
            killed = true;
        };
        const Result r
            = cli({ QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("kill"), QStringLiteral("--from"),
                    QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("dev") },
                  killer);
        QVERIFY2(killed, "the load finished before its connection could be killed");
        CLI_EXPECT(r, 1);
        QVERIFY2(r.err.contains(QLatin1String("is back as it was before the sync")), qPrintable(r.err));
        const QString diff = compareDatabases(devRef, dev);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const auto audits = syncAudits(QStringLiteral("kill"));
        QCOMPARE(audits.size(), 1);
        QCOMPARE(audits.first().outcome, AuditOutcome::Failure);
    }

    // SIGTERM while the sync waits on a table another session holds: the rollback waits for that
    // lock too, longer than a backup's 14 s grace, and must still finish before the process exits.
    void sigtermWaitsForTheRollback()
    {
        const QString prod = scratch(QStringLiteral("stprod"));
        const QString dev = scratch(QStringLiteral("stdev"));
        const QString devRef = scratch(QStringLiteral("stref"));
        QVERIFY(generateDemoData(prod, 1, 5));
        for (const QString &db : { dev, devRef }) {
            QVERIFY(generateDemoData(db, 1, 9));
            QVERIFY(loadWithClient(db, "CREATE TABLE dev_notes (id INT PRIMARY KEY); INSERT INTO dev_notes VALUES (1);")
                        .isEmpty());
        }
        QVERIFY(addSite(QStringLiteral("held"), QStringLiteral("developer"),
                        { { QStringLiteral("prod"), prod }, { QStringLiteral("dev"), dev } }));
        const auto m = TestServices::mysql();
        QProcess holder;
        QProcessEnvironment holderEnv = QProcessEnvironment::systemEnvironment();
        holderEnv.insert(QStringLiteral("MYSQL_PWD"), m.password);
        holder.setProcessEnvironment(holderEnv);
        holder.start(QStringLiteral("mariadb"),
                     { QStringLiteral("--no-defaults"), QStringLiteral("--host=%1").arg(m.host),
                       QStringLiteral("--port=%1").arg(m.port), QStringLiteral("--user=%1").arg(m.user), dev,
                       QStringLiteral("-e"), QStringLiteral("LOCK TABLES dev_notes READ; SELECT SLEEP(20);") });
        QVERIFY(holder.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            !queryRows(dev,
                       QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT "
                                      "SLEEP(20)%'"))
                 .isEmpty(),
            10000);

        QProcess p;
        QSignalSpy finished(&p, &QProcess::finished);
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(CREODROP_CLI_PATH),
                { QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("held"), QStringLiteral("--from"),
                  QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("dev") });
        QVERIFY(p.waitForStarted());
        // The sync replaces dev's tables until it meets the held one.
        QTRY_VERIFY_WITH_TIMEOUT(
            !queryRows(dev,
                       QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '%1' AND STATE "
                                      "LIKE 'Waiting for table metadata lock%'")
                           .arg(dev))
                 .isEmpty(),
            60000);
        p.terminate();
        QVERIFY(finished.wait(120000));
        holder.waitForFinished(30000);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 143, qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("is back as it was before the sync")), qPrintable(err));
        const QString diff = compareDatabases(devRef, dev);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestCliEnvSync)
#include "TestCliEnvSync.moc"
