// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// BackupService's restore block as the console uses it (queued calls and signals only), against
// the real MariaDB (data and catalog) and a local folder store: preflight, a restore into another
// environment with its jobs-panel signals, a refused prod restore, and the rollback on service
// start of a restore a dead process left interrupted.
#include "../mysql/DumpTestSupport.h"
#include "TestServices.h"
#include "catalog/Catalog.h"
#include "jobs/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "util/Clock.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestBackupServiceRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void preflightAndRestore();
    void prodRefusedWithoutConfirmation();
    void interruptedRestoreRolledBackOnStart();
    void definersStrippedForUserWithoutSetUser();

private:
    BackupServiceConfig config() const;
    std::unique_ptr<BackupService> startService();
    bool exec(const QString &database, const QStringList &statements);
    static BackupRecord waitForStatus(QSignalSpy &changes, BackupStatus status);

    QTemporaryDir m_dir;
    QString m_prod;
    QString m_dev;
    QString m_catalogDb;
    QString m_limited; ///< stage: a database its user owns, without SUPER or SET USER
    QString m_limitedUser;
    QString m_site;
    QString m_backup;
    InMemorySecretStore m_secrets;
    SystemClock m_clock;
};

BackupServiceConfig TestBackupServiceRestore::config() const
{
    const auto m = TestServices::mysql();
    BackupServiceConfig c;
    c.catalog.kind = CatalogLocation::Kind::MySql;
    c.catalog.host = m.host;
    c.catalog.port = m.port;
    c.catalog.user = m.user;
    c.catalog.password = m.password;
    c.catalog.database = m_catalogDb;
    c.storageKind = QStringLiteral("local");
    c.localStorePath = m_dir.filePath(QStringLiteral("store"));
    c.actor = QStringLiteral("console-tester");
    c.workerId = QStringLiteral("test-service-%1").arg(QCoreApplication::applicationPid());
    c.heartbeatSeconds = 1;
    c.runSchedules = false;
    return c;
}

bool TestBackupServiceRestore::exec(const QString &database, const QStringList &statements)
{
    bool ok = true;
    {
        QString error;
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("svc-restore-sql"), database, &error);
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!q.exec(s)) {
                qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                ok = false;
                break;
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("svc-restore-sql"));
    return ok;
}

BackupRecord TestBackupServiceRestore::waitForStatus(QSignalSpy &changes, BackupStatus status)
{
    QElapsedTimer timer;
    timer.start();
    int seen = 0;
    while (timer.elapsed() < 60000) {
        for (; seen < changes.size(); ++seen) {
            const auto r = changes.at(seen).at(0).value<BackupRecord>();
            if (r.status == status)
                return r;
        }
        changes.wait(200);
    }
    return {};
}

std::unique_ptr<BackupService> TestBackupServiceRestore::startService()
{
    auto service = std::make_unique<BackupService>(config(), &m_secrets, &m_clock);
    QSignalSpy ready(service.get(), &BackupService::ready);
    service->start();
    if (!ready.wait(30000))
        return nullptr;
    return service;
}

void TestBackupServiceRestore::initTestCase()
{
    CREODROP_REQUIRE_MYSQL();
    QVERIFY(m_dir.isValid());
    m_site = QStringLiteral("svcrestore") + QString::number(QCoreApplication::applicationPid());
    m_prod = TestServices::createScratchDatabase(QStringLiteral("svcrprod"));
    m_dev = TestServices::createScratchDatabase(QStringLiteral("svcrdev"));
    m_catalogDb = TestServices::createScratchDatabase(QStringLiteral("svcrcat"));
    QVERIFY(
        exec(m_prod,
             { QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))"),
               QStringLiteral("INSERT INTO t SELECT seq, CONCAT('row ', seq) FROM seq_1_to_500"),
               QStringLiteral("CREATE VIEW v AS SELECT COUNT(*) AS n FROM t"),
               QStringLiteral("CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 42"),
               QStringLiteral("CREATE DEFINER=`ghost`@`%` SQL SECURITY INVOKER VIEW v_ghost AS SELECT 1 AS one") }));
    QVERIFY(
        exec(m_dev,
             { QStringLiteral("CREATE TABLE only_dev (id INT)"), QStringLiteral("INSERT INTO only_dev VALUES (1)") }));

    auto service = startService();
    QVERIFY(service);
    QSignalSpy sites(service.get(), &BackupService::sitesLoaded);
    service->saveSite(Site{ m_site, QStringLiteral("Restore"), QStringLiteral("acme"), Tier::Developer, {} });
    QVERIFY(sites.wait(10000));
    const auto m = TestServices::mysql();
    for (const auto &[env, db] : { std::pair{ Environment::Prod, m_prod }, std::pair{ Environment::Dev, m_dev } }) {
        EnvironmentConfig config;
        config.siteId = m_site;
        config.environment = env;
        config.endpoint.host = m.host;
        config.endpoint.port = m.port;
        config.endpoint.user = m.user;
        config.endpoint.database = db;
        QSignalSpy envs(service.get(), &BackupService::environmentsLoaded);
        service->saveEnvironment(config, m.password, true);
        QVERIFY(envs.wait(10000));
    }
    QSignalSpy changes(service.get(), &BackupService::backupChanged);
    service->createBackup(m_site, Environment::Prod);
    const BackupRecord done = waitForStatus(changes, BackupStatus::Completed);
    QVERIFY(done.isValid());
    m_backup = done.id;
}

void TestBackupServiceRestore::cleanupTestCase()
{
    if (!m_limitedUser.isEmpty())
        exec(QString(), { QStringLiteral("DROP USER IF EXISTS '%1'@'%'").arg(m_limitedUser) });
    for (const QString &db : { m_prod, m_dev, m_catalogDb, m_limited }) {
        if (!db.isEmpty())
            TestServices::dropDatabase(db);
    }
}

void TestBackupServiceRestore::preflightAndRestore()
{
    auto service = startService();
    QVERIFY(service);
    QSignalSpy preflight(service.get(), &BackupService::restorePreflightReady);
    service->preflightRestore(QStringLiteral("req-1"), m_site, Environment::Dev, m_backup);
    QVERIFY(preflight.wait(30000));
    QCOMPARE(preflight.first().at(0).toString(), QStringLiteral("req-1"));
    const auto p = preflight.first().at(1).value<RestorePreflight>();
    QVERIFY2(preflight.first().at(2).toString().isEmpty(), qPrintable(preflight.first().at(2).toString()));
    QVERIFY2(p.targetReachable, qPrintable(p.targetError));
    QCOMPARE(p.targetTables, 1);
    QVERIFY(p.backup);
    QCOMPARE(p.backup->environment, Environment::Prod);
    QCOMPARE(p.backup->createdBy, QStringLiteral("console-tester"));
    QVERIFY(p.requiredConfirmation.isEmpty());
    QVERIFY(p.canRun());
    QCOMPARE(p.steps.size(), 5);

    QSignalSpy started(service.get(), &BackupService::jobStarted);
    QSignalSpy finishedJobs(service.get(), &BackupService::jobFinished);
    QSignalSpy finished(service.get(), &BackupService::restoreFinished);
    service->restoreBackup(m_backup, Environment::Dev);
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().at(2).value<AuditOutcome>() == AuditOutcome::Success,
             qPrintable(finished.first().at(4).toString()));
    QVERIFY(!started.isEmpty());
    QCOMPARE(started.first().at(0).value<JobProgress>().kind, JobKind::Restore);
    QCOMPARE(started.first().at(0).value<JobProgress>().jobId, BackupService::restoreJobId(m_site, Environment::Dev));
    QVERIFY(finishedJobs.size() >= 1 || finishedJobs.wait(5000));
    QVERIFY(finishedJobs.last().at(0).value<JobOutcome>().success);
    const QString diff = DumpTestSupport::compareDatabases(m_prod, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestBackupServiceRestore::prodRefusedWithoutConfirmation()
{
    auto service = startService();
    QVERIFY(service);
    QSignalSpy finished(service.get(), &BackupService::restoreFinished);
    service->restoreBackup(m_backup, Environment::Prod, m_site + QStringLiteral("/dev"));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(2).value<AuditOutcome>(), AuditOutcome::Refused);
    QVERIFY(finished.first().at(4).toString().contains(m_site + QStringLiteral("/prod")));
}

void TestBackupServiceRestore::interruptedRestoreRolledBackOnStart()
{
    // dev as it is now (equal to prod after preflightAndRestore) is what a rollback must give
    // back: a completed pre-restore backup of it, then a "dead" restore that got halfway.
    auto service = startService();
    QVERIFY(service);
    QSignalSpy changes(service.get(), &BackupService::backupChanged);
    service->createBackup(m_site, Environment::Dev, BackupType::PreRestore);
    const BackupRecord pre = waitForStatus(changes, BackupStatus::Completed);
    QVERIFY(pre.isValid());
    {
        QString error;
        CatalogLocation location = config().catalog;
        auto catalog = Catalog::open(location, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        EnvironmentLock lock;
        lock.siteId = m_site;
        lock.environment = Environment::Dev;
        lock.kind = QStringLiteral("restore");
        lock.source = QStringLiteral("backup x");
        lock.workerId = QStringLiteral("dead-host:1:x");
        lock.heartbeatSeconds = 1;
        QVERIFY2(catalog->lockEnvironment(lock), qPrintable(catalog->lastError()));
        QVERIFY(catalog->updateEnvironmentLock(m_site, Environment::Dev, lock.workerId, EnvironmentLock::Phase::Replace,
                                               pre.id));
        QVERIFY(catalog->interruptEnvironmentLock(m_site, Environment::Dev, lock.workerId, QStringLiteral("killed")));
    }
    QVERIFY(exec(m_dev,
                 { QStringLiteral("DROP VIEW v"), QStringLiteral("DELETE FROM t WHERE id > 10"),
                   QStringLiteral("CREATE TABLE half (id INT)") }));
    QVERIFY(!DumpTestSupport::compareDatabases(m_prod, m_dev).isEmpty());

    QSignalSpy locks(service.get(), &BackupService::environmentLocksLoaded);
    service->refreshEnvironmentLocks(m_site);
    QVERIFY(locks.wait(10000));
    const auto held = locks.first().at(1).value<QVector<EnvironmentLock>>();
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.first().state, EnvironmentLock::State::Interrupted);
    QCOMPARE(held.first().reason, QStringLiteral("killed"));

    QSignalSpy rolledBack(service.get(), &BackupService::interruptedRestoresRolledBack);
    service->rollbackInterruptedRestores();
    QVERIFY(rolledBack.wait(120000));
    QVERIFY2(rolledBack.first().at(0).toBool(), qPrintable(rolledBack.first().at(1).toStringList().join('\n')));
    QCOMPARE(rolledBack.first().at(1).toStringList().size(), 1);
    const QString diff = DumpTestSupport::compareDatabases(m_prod, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QString error;
    auto catalog = Catalog::open(config().catalog, &m_clock, &error);
    QVERIFY(catalog);
    QVERIFY(!catalog->environmentLock(m_site, Environment::Dev));
}

void TestBackupServiceRestore::definersStrippedForUserWithoutSetUser()
{
    const auto m = TestServices::mysql();
    m_limited = TestServices::createScratchDatabase(QStringLiteral("svcrlim"));
    m_limitedUser = QStringLiteral("rlim%1").arg(QCoreApplication::applicationPid());
    QVERIFY(exec(QString(),
                 { QStringLiteral("CREATE USER '%1'@'%' IDENTIFIED BY '%2'").arg(m_limitedUser, m.password),
                   QStringLiteral("GRANT ALL PRIVILEGES ON `%1`.* TO '%2'@'%'").arg(m_limited, m_limitedUser) }));
    auto service = startService();
    QVERIFY(service);
    EnvironmentConfig config;
    config.siteId = m_site;
    config.environment = Environment::Stage;
    config.endpoint.host = m.host;
    config.endpoint.port = m.port;
    config.endpoint.user = m_limitedUser;
    config.endpoint.database = m_limited;
    QSignalSpy envs(service.get(), &BackupService::environmentsLoaded);
    service->saveEnvironment(config, m.password, true);
    QVERIFY(envs.wait(10000));

    QSignalSpy preflight(service.get(), &BackupService::restorePreflightReady);
    service->preflightRestore(QStringLiteral("req-2"), m_site, Environment::Stage, m_backup);
    QVERIFY(preflight.wait(30000));
    const auto p = preflight.first().at(1).value<RestorePreflight>();
    QVERIFY2(p.targetReachable, qPrintable(p.targetError));
    QVERIFY(p.definersStripped);
    QVERIFY(p.toText(QDateTime::currentDateTimeUtc()).contains(QLatin1String("stripped")));

    QSignalSpy finished(service.get(), &BackupService::restoreFinished);
    service->restoreBackup(m_backup, Environment::Stage);
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().at(2).value<AuditOutcome>() == AuditOutcome::Success,
             qPrintable(finished.first().at(4).toString()));
    QVERIFY(finished.first().at(4).toString().contains(QLatin1String("DEFINER clauses were stripped")));
    const QString data
        = DumpTestSupport::compareQueries(m_prod, m_limited,
                                          { QStringLiteral("SELECT COUNT(*), SUM(id) FROM t"),
                                            QStringLiteral("SELECT * FROM v"), QStringLiteral("SELECT f()") });
    QVERIFY2(data.isEmpty(), qPrintable(data));
    // The view of a user that does not exist now belongs to the loading user, and works.
    {
        QString error;
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("svc-restore-lim"), m_limited, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QCOMPARE(DumpTestSupport::rowsOf(db, QStringLiteral("SELECT * FROM v_ghost")),
                 QStringList{ QStringLiteral("1") });
        const QStringList create = DumpTestSupport::rowsOf(db, QStringLiteral("SHOW CREATE VIEW v_ghost"));
        QVERIFY2(create.value(0).contains(QStringLiteral("DEFINER=`%1`@`%`").arg(m_limitedUser)),
                 qPrintable(create.join(QLatin1Char('\n'))));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("svc-restore-lim"));
}

QTEST_GUILESS_MAIN(TestBackupServiceRestore)
#include "TestBackupServiceRestore.moc"
