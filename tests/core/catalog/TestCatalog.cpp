// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeClock.h"
#include "FreezingProxy.h"
#include "TestServices.h"
#include "catalog/Catalog.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

// Every test runs twice, on an SQLite file and on a scratch MariaDB database: the catalog must
// behave identically on both backends.
class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void locationParsing();
    void openCreatesSchemaAndFolder();
    void connectionNamesAreUniqueAndRemoved();
    void sitesAndEnvironments();
    void createBackupValidatesAndBuildsKey();
    void statusChangesAreCompareAndSet();
    void claimRefusesWhileEnvironmentBusy();
    void racingClaimsFromTwoConnections();
    void concurrentWritersAllSucceed();
    void staleBackupsFollowHeartbeat();
    void stalenessUsesEachRowsPeriod();
    void outgrownStreamRaisesTheNextPlan();
    void heartbeatsUseTheCatalogClock();
    void backupsFilterAndOrder();
    void pinRemoveUpsert();
    void markDeletingOnlyFromEndedUnpinnedBackups();
    void deletionHeartbeatHoldsOffRescans();
    void backupIsGoneOnlyWhenLookedUpAndNotFound();
    void removedBackupIsNotWrittenBackByAnOlderRescan();
    void schedules();
    void auditLog();
    void auditFilter();
    void migratesFromEveryEarlierVersion();
    void refusesNewerSchema();
    void migrationResumesAfterEveryStatement();
    void migrationToleratesAnUnrecordedStatement();
    void migrationContinuedByAnotherProcess();
    void backupListUsesAnIndex();
    void environmentLockHoldsBackupsAndRestores();
    void deadNetworkPathEndsInAnError();

private:
    /// A fresh, empty catalog location for the current backend.
    CatalogLocation freshLocation();
    std::unique_ptr<Catalog> openFresh(const Clock *clock = nullptr);
    void addDeveloperSite(Catalog &catalog, const QString &id = QStringLiteral("shop"));
    /// Sets a backup's heartbeat @p seconds before now on the catalog's heartbeat clock.
    static bool ageHeartbeat(Catalog &catalog, const QString &id, int seconds);
    /// Tables, columns and indexes, for comparing schemas.
    static QString schemaOf(Catalog &catalog);

    QTemporaryDir m_dir;
    QStringList m_scratchDatabases;
    int m_counter = 0;
    FakeClock m_clock;
};

void TestCatalog::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
}

void TestCatalog::init()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend == QLatin1String("mariadb"))
        CREODROP_REQUIRE_MYSQL();
    m_clock.set(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC));
}

void TestCatalog::cleanup()
{
    for (const QString &db : std::as_const(m_scratchDatabases))
        TestServices::dropDatabase(db);
    m_scratchDatabases.clear();
}

CatalogLocation TestCatalog::freshLocation()
{
    QFETCH_GLOBAL(QString, backend);
    CatalogLocation loc;
    ++m_counter;
    if (backend == QLatin1String("sqlite")) {
        loc.kind = CatalogLocation::Kind::Sqlite;
        loc.sqlitePath = m_dir.filePath(QStringLiteral("c%1/catalog.sqlite").arg(m_counter));
        return loc;
    }
    const TestServices::MySql m = TestServices::mysql();
    loc.kind = CatalogLocation::Kind::MySql;
    loc.host = m.host;
    loc.port = m.port;
    loc.user = m.user;
    loc.password = m.password;
    loc.database = TestServices::createScratchDatabase(QStringLiteral("cat%1").arg(m_counter));
    m_scratchDatabases << loc.database;
    return loc;
}

std::unique_ptr<Catalog> TestCatalog::openFresh(const Clock *clock)
{
    QString error;
    auto catalog = Catalog::open(freshLocation(), clock ? clock : &m_clock, &error);
    if (!catalog)
        qWarning("%s", qPrintable(error));
    return catalog;
}

void TestCatalog::addDeveloperSite(Catalog &catalog, const QString &id)
{
    Site site;
    site.id = id;
    site.name = QStringLiteral("Shop of ") + id;
    site.customer = QStringLiteral("acme");
    site.tier = Tier::Developer;
    QVERIFY2(catalog.addSite(site), qPrintable(catalog.lastError()));
}

void TestCatalog::locationParsing()
{
    QString error;
    auto mysql = CatalogLocation::parse(QStringLiteral("mysql://backup@db.example.com:3307/creodrop"), &error);
    QVERIFY(mysql);
    QCOMPARE(mysql->kind, CatalogLocation::Kind::MySql);
    QCOMPARE(mysql->user, QStringLiteral("backup"));
    QCOMPARE(mysql->host, QStringLiteral("db.example.com"));
    QCOMPARE(mysql->port, 3307);
    QCOMPARE(mysql->database, QStringLiteral("creodrop"));
    QCOMPARE(mysql->toString(), QStringLiteral("mysql://backup@db.example.com:3307/creodrop"));
    QCOMPARE(mysql->secretKey(), QStringLiteral("catalog/backup@db.example.com:3307/creodrop"));
    QCOMPARE(CatalogLocation::parse(QStringLiteral("mysql://u@h/db"))->port, 3306);

    QVERIFY(!CatalogLocation::parse(QStringLiteral("mysql://u:secret@h/db"), &error));
    QVERIFY(!error.contains(QLatin1String("secret")));
    QVERIFY(!CatalogLocation::parse(QStringLiteral("mysql://h:3306/db"), &error)); // no user
    QVERIFY(!CatalogLocation::parse(QStringLiteral("mysql://u@h:3306/"), &error)); // no database
    QVERIFY(!CatalogLocation::parse(QString(), &error));

    auto file = CatalogLocation::parse(QStringLiteral("sqlite:/tmp/x/../c.sqlite"));
    QVERIFY(file);
    QCOMPARE(file->kind, CatalogLocation::Kind::Sqlite);
    QCOMPARE(file->sqlitePath, QStringLiteral("/tmp/c.sqlite"));
    QCOMPARE(CatalogLocation::parse(QStringLiteral("/var/lib/c.sqlite"))->sqlitePath,
             QStringLiteral("/var/lib/c.sqlite"));
}

void TestCatalog::openCreatesSchemaAndFolder()
{
    const CatalogLocation loc = freshLocation();
    QString error;
    auto catalog = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(catalog, qPrintable(error));
    QCOMPARE(catalog->schemaVersion(), Catalog::latestSchemaVersion());
    QVERIFY(Catalog::latestSchemaVersion() >= 3);
    if (loc.kind == CatalogLocation::Kind::Sqlite) {
        QVERIFY(QFileInfo::exists(loc.sqlitePath));
        QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    // Opening again (a second process) finds the schema in place.
    auto again = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->schemaVersion(), Catalog::latestSchemaVersion());
}

void TestCatalog::connectionNamesAreUniqueAndRemoved()
{
    const CatalogLocation loc = freshLocation();
    QString error;
    auto a = Catalog::open(loc, &m_clock, &error);
    auto b = Catalog::open(loc, &m_clock, &error);
    QVERIFY(a && b);
    QVERIFY(a->connectionName() != b->connectionName());
    const QString name = a->connectionName();
    QVERIFY(QSqlDatabase::contains(name));
    a.reset();
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestCatalog::sitesAndEnvironments()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog, QStringLiteral("zeta"));
    addDeveloperSite(*catalog, QStringLiteral("alpha"));

    Site basic{ QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("acme"), Tier::Basic, {} };
    QVERIFY(catalog->addSite(basic));
    QVERIFY(!catalog->addSite(basic));
    QVERIFY(catalog->lastError().contains(QLatin1String("already exists")));

    Site bad = basic;
    bad.id = QStringLiteral("Bad_Slug");
    QVERIFY(!catalog->addSite(bad));
    QVERIFY(catalog->lastError().contains(QLatin1String("Bad_Slug")));
    bad.id = QStringLiteral("ok");
    bad.customer = QStringLiteral("../etc");
    QVERIFY(!catalog->addSite(bad));
    QVERIFY(!catalog->site(QStringLiteral("ok")));

    const QVector<Site> sites = catalog->sites();
    QCOMPARE(sites.size(), 3);
    QCOMPARE(sites.at(0).id, QStringLiteral("alpha"));
    QCOMPARE(sites.at(2).id, QStringLiteral("zeta"));
    QCOMPARE(catalog->site(QStringLiteral("blog"))->tier, Tier::Basic);
    QCOMPARE(catalog->site(QStringLiteral("blog"))->createdAt, m_clock.nowUtc());

    EnvironmentConfig env;
    env.siteId = QStringLiteral("blog");
    env.environment = Environment::Dev;
    env.endpoint.host = QStringLiteral("10.0.0.5");
    env.endpoint.database = QStringLiteral("blog_dev");
    env.endpoint.user = QStringLiteral("blog");
    QVERIFY(!catalog->setEnvironment(env)); // basic tier: prod only
    QVERIFY(catalog->lastError().contains(QLatin1String("no dev environment")));
    env.environment = Environment::Prod;
    QVERIFY2(catalog->setEnvironment(env), qPrintable(catalog->lastError()));
    env.endpoint.port = 3307;
    env.endpoint.socket = QStringLiteral("/run/mysqld.sock");
    QVERIFY(catalog->setEnvironment(env)); // update in place
    const auto stored = catalog->environment(QStringLiteral("blog"), Environment::Prod);
    QVERIFY(stored);
    QCOMPARE(stored->endpoint.port, 3307);
    QCOMPARE(stored->endpoint.socket, QStringLiteral("/run/mysqld.sock"));
    QCOMPARE(stored->endpoint.database, QStringLiteral("blog_dev"));
    QCOMPARE(catalog->environments(QStringLiteral("blog")).size(), 1);

    basic.name = QStringLiteral("The Blog");
    QVERIFY(catalog->updateSite(basic));
    QCOMPARE(catalog->site(QStringLiteral("blog"))->name, QStringLiteral("The Blog"));

    QVERIFY(catalog->createBackup(QStringLiteral("blog"), Environment::Prod, BackupType::Manual, QStringLiteral("me"))
                .isValid());
    QVERIFY(!catalog->removeSite(QStringLiteral("blog")));
    QVERIFY(catalog->lastError().contains(QLatin1String("backup")));
    QVERIFY(catalog->removeSite(QStringLiteral("blog"), true));
    QVERIFY(!catalog->site(QStringLiteral("blog")));
    QVERIFY(catalog->environments(QStringLiteral("blog")).isEmpty());
    QVERIFY(catalog->backups(QStringLiteral("blog")).isEmpty());
}

void TestCatalog::createBackupValidatesAndBuildsKey()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const BackupRecord r = catalog->createBackup(QStringLiteral("shop"), Environment::Stage, BackupType::Manual,
                                                 QStringLiteral("alice"));
    QVERIFY2(r.isValid(), qPrintable(catalog->lastError()));
    QCOMPARE(r.status, BackupStatus::Pending);
    QCOMPARE(r.objectKey, QStringLiteral("customers/acme/shop/stage/%1.sql.gz").arg(r.id));
    QCOMPARE(Catalog::manifestKey(r.objectKey), QStringLiteral("customers/acme/shop/stage/%1.json").arg(r.id));
    const auto stored = catalog->backup(r.id);
    QVERIFY(stored);
    QCOMPARE(stored->objectKey, r.objectKey);
    QCOMPARE(stored->createdBy, QStringLiteral("alice"));
    QCOMPARE(stored->customer, QStringLiteral("acme"));
    QCOMPARE(stored->createdAt, m_clock.nowUtc());
    QCOMPARE(stored->sizeBytes, -1);

    QVERIFY(!catalog->createBackup(QStringLiteral("nope"), Environment::Prod, BackupType::Manual, {}).isValid());
    QVERIFY(!catalog->createBackup(QStringLiteral("../x"), Environment::Prod, BackupType::Manual, {}).isValid());
    QVERIFY(catalog->lastError().contains(QLatin1String("Invalid site")));

    QVERIFY(Catalog::objectKey(QStringLiteral("ACME"), QStringLiteral("shop"), Environment::Prod, r.id).isEmpty());
    QVERIFY(Catalog::objectKey(QStringLiteral("acme"), QStringLiteral("sh/op"), Environment::Prod, r.id).isEmpty());
    QVERIFY(
        Catalog::objectKey(QStringLiteral("acme"), QStringLiteral("shop"), Environment::Prod, QStringLiteral("../x"))
            .isEmpty());

    // The audit entry belongs to the operation (CreateBackupOperation, tested in
    // tests/core/operations): one per operation, never a second one from the catalog.
    QVERIFY(catalog->auditLog(QStringLiteral("shop")).isEmpty());
}

void TestCatalog::statusChangesAreCompareAndSet()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const QString id
        = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, QStringLiteral("me")).id;
    const QString w1 = QStringLiteral("host-a:1"), w2 = QStringLiteral("host-b:2");

    QVERIFY(!catalog->heartbeat(id, w1)); // not in progress yet
    QVERIFY(!catalog->completeBackup(id, w1, 1, 2, QStringLiteral("ab")));
    QVERIFY(catalog->claimBackup(id, w1));
    QVERIFY(!catalog->claimBackup(id, w2));
    QVERIFY(catalog->lastError().isEmpty()); // losing a claim is not an error
    auto r = catalog->backup(id);
    QCOMPARE(r->status, BackupStatus::InProgress);
    QCOMPARE(r->workerId, w1);
    QCOMPARE(r->startedAt, m_clock.nowUtc());

    QVERIFY(catalog->heartbeat(id, w1));
    QVERIFY(catalog->heartbeat(id, w1)); // same timestamp again: still one row matched
    QVERIFY(!catalog->heartbeat(id, w2));
    QVERIFY(!catalog->completeBackup(id, w2, 10, 20, QStringLiteral("ff")));
    m_clock.advance(30);
    QVERIFY(catalog->completeBackup(id, w1, 10, 20, QStringLiteral("ff")));
    r = catalog->backup(id);
    QCOMPARE(r->status, BackupStatus::Completed);
    QCOMPARE(r->sizeBytes, 10);
    QCOMPARE(r->rawSizeBytes, 20);
    QCOMPARE(r->sha256, QStringLiteral("ff"));
    QCOMPARE(r->finishedAt, m_clock.nowUtc());

    QVERIFY(!catalog->failBackup(id, BackupStatus::Failed, QStringLiteral("late")));
    QVERIFY(!catalog->completeBackup(id, w1, 10, 20, QStringLiteral("ff")));
    QCOMPARE(catalog->backup(id)->status, BackupStatus::Completed);

    const QString pending
        = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, QStringLiteral("me")).id;
    QVERIFY(!catalog->failBackup(pending, BackupStatus::Completed, QString()));
    QVERIFY(catalog->failBackup(pending, BackupStatus::Cancelled, QStringLiteral("Cancelled by me")));
    QVERIFY(!catalog->claimBackup(pending, w1));
    QCOMPARE(catalog->backup(pending)->status, BackupStatus::Cancelled);
    QCOMPARE(catalog->backup(pending)->errorText, QStringLiteral("Cancelled by me"));
}

void TestCatalog::claimRefusesWhileEnvironmentBusy()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    auto create = [&](Environment env) {
        return catalog->createBackup(QStringLiteral("shop"), env, BackupType::Manual, QStringLiteral("me")).id;
    };
    const QString a = create(Environment::Prod), b = create(Environment::Prod), c = create(Environment::Dev);
    QVERIFY(catalog->claimBackup(a, QStringLiteral("w1")));
    QVERIFY(!catalog->claimBackup(b, QStringLiteral("w2"))); // prod busy
    QCOMPARE(catalog->backup(b)->status, BackupStatus::Pending);
    QVERIFY(catalog->claimBackup(c, QStringLiteral("w2"))); // dev is free
    QVERIFY(catalog->failBackup(a, BackupStatus::Failed, QStringLiteral("boom")));
    QVERIFY(catalog->claimBackup(b, QStringLiteral("w2")));
}

void TestCatalog::racingClaimsFromTwoConnections()
{
    const CatalogLocation loc = freshLocation();
    QString error;
    auto setup = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(setup, qPrintable(error));
    addDeveloperSite(*setup);

    // Each round: two Pending backups of one environment; two threads, each with its own
    // connection, claim "their" backup at the same moment. Exactly one may win.
    const int rounds = 30;
    for (int round = 0; round < rounds; ++round) {
        const QString ids[2] = {
            setup->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id,
            setup->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id,
        };
        std::atomic<int> ready{ 0 };
        std::atomic<int> wins{ 0 };
        std::atomic<int> errors{ 0 };
        auto racer = [&](int i) {
            QString openError;
            auto catalog = Catalog::open(loc, &m_clock, &openError);
            if (!catalog) {
                ++errors;
                ++ready;
                return;
            }
            ++ready;
            while (ready.load() < 2) {
            }
            if (catalog->claimBackup(ids[i], QStringLiteral("worker-%1").arg(i)))
                ++wins;
            else if (!catalog->lastError().isEmpty())
                ++errors;
        };
        std::thread t0(racer, 0), t1(racer, 1);
        t0.join();
        t1.join();
        QCOMPARE(errors.load(), 0);
        QCOMPARE(wins.load(), 1);
        const auto inProgress = setup->backupsWithStatus(BackupStatus::InProgress);
        QCOMPARE(inProgress.size(), 1);
        QVERIFY(setup->failBackup(inProgress.at(0).id, BackupStatus::Failed, QStringLiteral("round over")));
        for (const QString &id : ids)
            setup->failBackup(id, BackupStatus::Cancelled, QStringLiteral("round over"));
    }

    // Both threads on the same backup: one wins.
    const QString same = setup->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Manual, {}).id;
    std::atomic<int> ready{ 0 };
    std::atomic<int> wins{ 0 };
    auto racer = [&](int i) {
        QString openError;
        auto catalog = Catalog::open(loc, &m_clock, &openError);
        ++ready;
        while (ready.load() < 2) {
        }
        if (catalog && catalog->claimBackup(same, QStringLiteral("worker-%1").arg(i)))
            ++wins;
    };
    std::thread t0(racer, 0), t1(racer, 1);
    t0.join();
    t1.join();
    QCOMPARE(wins.load(), 1);
}

void TestCatalog::concurrentWritersAllSucceed()
{
    // Several connections (as several processes would) insert at once; busy timeout / InnoDB
    // locking must make every write succeed.
    const CatalogLocation loc = freshLocation();
    QString error;
    auto setup = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(setup, qPrintable(error));
    addDeveloperSite(*setup);
    std::atomic<int> failures{ 0 };
    auto writer = [&] {
        QString openError;
        auto catalog = Catalog::open(loc, &m_clock, &openError);
        if (!catalog) {
            ++failures;
            return;
        }
        for (int i = 0; i < 40; ++i) {
            if (!catalog->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Scheduled, {}).isValid())
                ++failures;
        }
    };
    std::thread t0(writer), t1(writer), t2(writer);
    t0.join();
    t1.join();
    t2.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(setup->backups(QStringLiteral("shop")).size(), 120);
}

bool TestCatalog::ageHeartbeat(Catalog &catalog, const QString &id, int seconds)
{
    QSqlQuery q(QSqlDatabase::database(catalog.connectionName()));
    q.prepare(QStringLiteral("UPDATE backups SET heartbeat_at = ? WHERE id = ?"));
    q.addBindValue(catalog.heartbeatClockNow().addSecs(-seconds).toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    return q.exec() && q.numRowsAffected() == 1;
}

void TestCatalog::staleBackupsFollowHeartbeat()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const QString a = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    const QString b = catalog->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Manual, {}).id;
    QVERIFY(catalog->claimBackup(a, QStringLiteral("w1"), 30));
    QVERIFY(catalog->claimBackup(b, QStringLiteral("w2"), 30));
    QCOMPARE(catalog->backup(a)->heartbeatSeconds, 30);
    QVERIFY(catalog->staleBackups(30).isEmpty());
    QVERIFY(ageHeartbeat(*catalog, a, 90));
    QVERIFY(ageHeartbeat(*catalog, b, 45));
    const auto stale = catalog->staleBackups(30);
    QCOMPARE(stale.size(), 1);
    QCOMPARE(stale.at(0).id, a);
    QCOMPARE(stale.at(0).workerId, QStringLiteral("w1"));
    QVERIFY(catalog->heartbeat(b, QStringLiteral("w2")));
    QVERIFY(catalog->failBackup(a, BackupStatus::Failed, QStringLiteral("interrupted")));
    QVERIFY(catalog->staleBackups(30).isEmpty());
    QVERIFY(!catalog->heartbeat(a, QStringLiteral("w1"))); // its worker learns it lost the backup
}

void TestCatalog::stalenessUsesEachRowsPeriod()
{
    // A runner with a long period is judged by its own period, not the judge's.
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const QString fast = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    const QString slow = catalog->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Manual, {}).id;
    const QString old = catalog->createBackup(QStringLiteral("shop"), Environment::Stage, BackupType::Manual, {}).id;
    QVERIFY(catalog->claimBackup(fast, QStringLiteral("w1"), 5));
    QVERIFY(catalog->claimBackup(slow, QStringLiteral("w2"), 120));
    QVERIFY(catalog->claimBackup(old, QStringLiteral("w3"))); // a client that records no period
    for (const QString &id : { fast, slow, old })
        QVERIFY(ageHeartbeat(*catalog, id, 60));
    QStringList ids;
    for (const BackupRecord &r : catalog->staleBackups(10))
        ids << r.id;
    ids.sort();
    QStringList expected{ fast, old }; // old: judged by the fallback period (10 s)
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(catalog->staleBackups(40).size(), 1); // old is fresh for a 40 s fallback
}

void TestCatalog::outgrownStreamRaisesTheNextPlan()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    QCOMPARE(catalog->expectedStreamBytes(QStringLiteral("shop"), Environment::Prod), -1);
    const QString done = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    QVERIFY(catalog->claimBackup(done, QStringLiteral("w"), 5));
    QVERIFY(catalog->completeBackup(done, QStringLiteral("w"), 1000, 5000, QStringLiteral("ab")));
    QCOMPARE(catalog->expectedStreamBytes(QStringLiteral("shop"), Environment::Prod), 1000);
    m_clock.advance(10);
    const QString grown = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    QVERIFY(catalog->claimBackup(grown, QStringLiteral("w"), 5));
    QVERIFY(catalog->setOutgrownBytes(grown, 50000));
    QVERIFY(catalog->failBackup(grown, BackupStatus::Failed, QStringLiteral("outgrew")));
    QCOMPARE(catalog->backup(grown)->outgrownBytes, 50000);
    QCOMPARE(catalog->expectedStreamBytes(QStringLiteral("shop"), Environment::Prod), 50000);
    QCOMPARE(catalog->expectedStreamBytes(QStringLiteral("shop"), Environment::Dev), -1);
}

void TestCatalog::heartbeatsUseTheCatalogClock()
{
    QFETCH_GLOBAL(QString, backend);
    // Two clients whose clocks are a minute apart share one catalog. A heartbeat written by
    // either is fresh for the other. On MySQL both use the server's clock; an SQLite catalog
    // is a local file (one host, one clock), so there the injected clock is the clock.
    const CatalogLocation loc = freshLocation();
    FakeClock ahead(m_clock.nowUtc().addSecs(60));
    QString error;
    auto a = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(a, qPrintable(error));
    auto b = Catalog::open(loc, &ahead, &error);
    QVERIFY2(b, qPrintable(error));
    addDeveloperSite(*a);
    const QString ofA = a->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    const QString ofB = b->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Manual, {}).id;
    QVERIFY(a->claimBackup(ofA, QStringLiteral("other-host:1:a"), 5));
    QVERIFY(b->claimBackup(ofB, QStringLiteral("other-host:2:b"), 5));
    QVERIFY(a->heartbeat(ofA, QStringLiteral("other-host:1:a")));
    QVERIFY(b->heartbeat(ofB, QStringLiteral("other-host:2:b")));
    if (backend == QLatin1String("mariadb")) {
        QVERIFY(a->staleBackups(5).isEmpty());
        QVERIFY(b->staleBackups(5).isEmpty());
        // The server's clock, not the injected one, stamps heartbeats.
        const QDateTime server = a->heartbeatClockNow();
        QVERIFY(qAbs(a->backup(ofA)->heartbeatAt.secsTo(server)) < 30);
        QVERIFY(qAbs(b->backup(ofB)->heartbeatAt.secsTo(server)) < 30);
    } else {
        QCOMPARE(a->backup(ofA)->heartbeatAt, m_clock.nowUtc());
    }
}

void TestCatalog::backupsFilterAndOrder()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    addDeveloperSite(*catalog, QStringLiteral("other"));
    QStringList ids;
    const Environment envs[] = { Environment::Prod, Environment::Dev, Environment::Dev, Environment::Stage };
    for (Environment env : envs) {
        ids << catalog->createBackup(QStringLiteral("shop"), env, BackupType::Manual, {}).id;
        m_clock.advance(60);
    }
    catalog->createBackup(QStringLiteral("other"), Environment::Dev, BackupType::Manual, {});
    QVERIFY(catalog->claimBackup(ids.at(1), QStringLiteral("w")));
    QVERIFY(catalog->completeBackup(ids.at(1), QStringLiteral("w"), 1, 1, QStringLiteral("aa")));

    const auto all = catalog->backups(QStringLiteral("shop"));
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.at(0).id, ids.at(3)); // newest first
    QCOMPARE(all.at(3).id, ids.at(0));
    const auto dev = catalog->backups(QStringLiteral("shop"), EnvironmentFilter(Environment::Dev));
    QCOMPARE(dev.size(), 2);
    QCOMPARE(dev.at(0).id, ids.at(2));
    const auto devDone
        = catalog->backups(QStringLiteral("shop"), EnvironmentFilter(Environment::Dev, BackupStatus::Completed));
    QCOMPARE(devDone.size(), 1);
    QCOMPARE(devDone.at(0).id, ids.at(1));
    const auto pending
        = catalog->backups(QStringLiteral("shop"), EnvironmentFilter(std::nullopt, BackupStatus::Pending));
    QCOMPARE(pending.size(), 3);
    const auto allPending = catalog->backupsWithStatus(BackupStatus::Pending);
    QCOMPARE(allPending.size(), 4);
    QCOMPARE(allPending.at(0).id, ids.at(0)); // oldest first
}

void TestCatalog::pinRemoveUpsert()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const BackupRecord r = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {});
    QVERIFY(!catalog->backup(r.id)->pinned);
    QVERIFY(catalog->setPinned(r.id, true));
    QVERIFY(catalog->backup(r.id)->pinned);
    QVERIFY(catalog->setPinned(r.id, false));
    QVERIFY(!catalog->backup(r.id)->pinned);
    QVERIFY(!catalog->setPinned(QStringLiteral("missing"), true));
    QVERIFY(catalog->removeBackup(r.id));
    QVERIFY(!catalog->backup(r.id));
    QVERIFY(!catalog->removeBackup(r.id));

    // Rescan: a row from a manifest is inserted, a non-completed row is repaired, a completed
    // one is kept as it is.
    BackupRecord m = r;
    m.status = BackupStatus::Completed;
    m.sizeBytes = 123;
    m.rawSizeBytes = 456;
    m.sha256 = QStringLiteral("abc");
    m.finishedAt = m_clock.nowUtc();
    QVERIFY2(catalog->upsertBackup(m), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(r.id)->sizeBytes, 123);
    QCOMPARE(catalog->backup(r.id)->objectKey, r.objectKey);
    m.sizeBytes = 999;
    QVERIFY(catalog->upsertBackup(m));
    QCOMPARE(catalog->backup(r.id)->sizeBytes, 123);

    const BackupRecord failed
        = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {});
    QVERIFY(catalog->failBackup(failed.id, BackupStatus::Failed, QStringLiteral("x")));
    BackupRecord repaired = *catalog->backup(failed.id);
    repaired.status = BackupStatus::Completed;
    repaired.errorText.clear();
    repaired.sizeBytes = 7;
    QVERIFY(catalog->upsertBackup(repaired));
    QCOMPARE(catalog->backup(failed.id)->status, BackupStatus::Completed);
    QCOMPARE(catalog->backup(failed.id)->sizeBytes, 7);

    BackupRecord evil = repaired;
    evil.id = QStringLiteral("new-one");
    evil.customer = QStringLiteral("../../etc");
    QVERIFY(!catalog->upsertBackup(evil));
}

// A deletion marks the row Deleting before any object goes; only an ended, unpinned backup can
// be marked, a Deleting row stays so, and a rescan that finds the object again makes it
// Completed with its pin kept.
// Another process's deletion is told from a catalog that could not answer: only a lookup that
// worked and found nothing says the backup is gone.
void TestCatalog::backupIsGoneOnlyWhenLookedUpAndNotFound()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const QString id = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    QVERIFY(!catalog->backupIsGone(id));
    QVERIFY(catalog->removeBackup(id));
    QVERIFY(catalog->backupIsGone(id));
    QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
    QVERIFY2(q.exec(QStringLiteral("ALTER TABLE backups RENAME TO backups_away")), qPrintable(q.lastError().text()));
    QVERIFY(!catalog->backupIsGone(id)); // the lookup failed: nothing is known
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE backups_away RENAME TO backups")));
}

// A rescan that listed the storage before a deletion ended must not write the deleted backup's
// row back from its manifest; one that listed it after (files restored) may.
void TestCatalog::removedBackupIsNotWrittenBackByAnOlderRescan()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    BackupRecord r = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {});
    QVERIFY(!catalog->backupRemovedAt(r.id));
    const QDateTime listedAt = catalog->heartbeatClockNow(); // the rescan's listing
    QVERIFY(listedAt.isValid());
    // One clock for both: the MySQL server's moves by itself, the fake one is moved.
    m_clock.advance(1);
    QTest::qWait(5);
    QVERIFY(catalog->removeBackup(r.id));
    const std::optional<QDateTime> removedAt = catalog->backupRemovedAt(r.id);
    QVERIFY(removedAt);
    QVERIFY2(*removedAt > listedAt, qPrintable(removedAt->toString(Qt::ISODateWithMs)));

    r.status = BackupStatus::Completed;
    r.sizeBytes = 10;
    QVERIFY(!catalog->upsertBackup(r, listedAt));
    QVERIFY2(catalog->lastError().contains(QLatin1String("was deleted meanwhile")), qPrintable(catalog->lastError()));
    QVERIFY(catalog->backupIsGone(r.id));

    m_clock.advance(1);
    QTest::qWait(5);
    const QDateTime laterListing = catalog->heartbeatClockNow();
    QVERIFY2(catalog->upsertBackup(r, laterListing), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(r.id)->status, BackupStatus::Completed);
    // Deleted again: the newer removal is the one remembered.
    m_clock.advance(1);
    QTest::qWait(5);
    QVERIFY2(catalog->removeBackup(r.id), qPrintable(catalog->lastError()));
    QVERIFY(*catalog->backupRemovedAt(r.id) > laterListing);
    QVERIFY(!catalog->upsertBackup(r, laterListing));

    // A removal is remembered for a week (no rescan runs longer), not for ever.
    QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO deleted_backups (id, removed_at) VALUES ('long-ago', '%1')")
                        .arg(catalog->heartbeatClockNow()
                                 .addDays(-Catalog::kRemovalMemoryDays)
                                 .addSecs(-1)
                                 .toString(Qt::ISODateWithMs))),
             qPrintable(q.lastError().text()));
    QVERIFY(catalog->backupRemovedAt(QStringLiteral("long-ago")));
    const QString next = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    QVERIFY(catalog->removeBackup(next));
    QVERIFY(!catalog->backupRemovedAt(QStringLiteral("long-ago")));
    QVERIFY(catalog->backupRemovedAt(r.id)); // younger than a week
    QVERIFY(catalog->backupRemovedAt(next));
}

void TestCatalog::markDeletingOnlyFromEndedUnpinnedBackups()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    auto create
        = [&] { return catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id; };
    const QString pending = create();
    QVERIFY(!catalog->markDeleting(pending));
    QVERIFY2(catalog->lastError().contains(QLatin1String("pending")), qPrintable(catalog->lastError()));
    QVERIFY(catalog->claimBackup(pending, QStringLiteral("w")));
    QVERIFY(!catalog->markDeleting(pending));
    QCOMPARE(catalog->backup(pending)->status, BackupStatus::InProgress);

    const QString completed = create();
    QVERIFY(catalog->failBackup(pending, BackupStatus::Failed, QStringLiteral("x")));
    QVERIFY(catalog->claimBackup(completed, QStringLiteral("w")));
    QVERIFY(catalog->completeBackup(completed, QStringLiteral("w"), 10, 20, QString(64, u'a')));
    QVERIFY(catalog->setPinned(completed, true));
    QVERIFY(!catalog->markDeleting(completed));
    QVERIFY2(catalog->lastError().contains(QLatin1String("pinned")), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(completed)->status, BackupStatus::Completed);
    QVERIFY(catalog->setPinned(completed, false));
    QVERIFY2(catalog->markDeleting(completed), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(completed)->status, BackupStatus::Deleting);
    QVERIFY2(catalog->markDeleting(completed), qPrintable(catalog->lastError())); // again: stays
    QCOMPARE(catalog->backup(completed)->status, BackupStatus::Deleting);
    QCOMPARE(catalog->backups(QStringLiteral("shop"), EnvironmentFilter(std::nullopt, BackupStatus::Deleting)).size(),
             1);

    QVERIFY(catalog->markDeleting(pending)); // failed
    QCOMPARE(catalog->backup(pending)->status, BackupStatus::Deleting);
    // A deletion that removed nothing gives the row its status back, once, and never a running one.
    QVERIFY(!catalog->unmarkDeleting(pending, BackupStatus::InProgress));
    QCOMPARE(catalog->backup(pending)->status, BackupStatus::Deleting);
    QVERIFY2(catalog->unmarkDeleting(pending, BackupStatus::Failed), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(pending)->status, BackupStatus::Failed);
    QVERIFY(!catalog->unmarkDeleting(pending, BackupStatus::Failed));
    QVERIFY2(catalog->lastError().contains(QLatin1String("not being deleted")), qPrintable(catalog->lastError()));
    QVERIFY(!catalog->unmarkDeleting(QStringLiteral("missing"), BackupStatus::Completed));
    QVERIFY(catalog->markDeleting(pending));
    const QString cancelled = create();
    QVERIFY(catalog->failBackup(cancelled, BackupStatus::Cancelled, QStringLiteral("c")));
    QVERIFY(catalog->markDeleting(cancelled));
    QVERIFY(!catalog->markDeleting(QStringLiteral("missing")));
    QVERIFY2(catalog->lastError().contains(QLatin1String("does not exist")), qPrintable(catalog->lastError()));

    // The deletion was stopped before the object went: a rescan finds it and lists it again.
    QVERIFY(catalog->setPinned(completed, true));
    BackupRecord fromManifest = *catalog->backup(completed);
    fromManifest.status = BackupStatus::Completed;
    fromManifest.pinned = false;
    QVERIFY2(catalog->upsertBackup(fromManifest), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(completed)->status, BackupStatus::Completed);
    QVERIFY(catalog->backup(completed)->pinned);
}

// A deletion may remove a backup's files after a rescan listed them: while its heartbeat is
// renewed, and until two periods after the last one, a rescan's listing proves nothing and the
// row is not written back. A deletion that lets go of the row (it ended) holds off only rescans
// that listed before that; a stale stamp cannot let go of a row another deletion renewed.
void TestCatalog::deletionHeartbeatHoldsOffRescans()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const QString id = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {}).id;
    QVERIFY(catalog->claimBackup(id, QStringLiteral("w")));
    QVERIFY(catalog->completeBackup(id, QStringLiteral("w"), 10, 20, QString(64, u'a')));
    BackupRecord fromManifest = *catalog->backup(id);
    QVERIFY(!fromManifest.deletionActiveUntil().isValid()); // not Deleting

    QDateTime marked;
    QVERIFY2(catalog->markDeleting(id, 5, &marked), qPrintable(catalog->lastError()));
    QVERIFY(marked.isValid());
    QCOMPARE(catalog->backup(id)->heartbeatAt, marked);
    QCOMPARE(catalog->backup(id)->heartbeatSeconds, 5);
    QCOMPARE(catalog->backup(id)->deletionActiveUntil(), marked.addSecs(10));
    // A rescan that lists now, or at any time before the heartbeat lapses, leaves the row Deleting.
    QVERIFY(!catalog->upsertBackup(fromManifest));
    QVERIFY2(catalog->lastError().contains(QLatin1String("was being deleted after the storage was listed")),
             qPrintable(catalog->lastError()));
    QVERIFY(!catalog->upsertBackup(fromManifest, marked.addSecs(10).addMSecs(-1)));
    QCOMPARE(catalog->backup(id)->status, BackupStatus::Deleting);

    m_clock.advance(1);
    QTest::qWait(5);
    QDateTime renewed;
    QVERIFY2(catalog->heartbeatDeletion(id, &renewed), qPrintable(catalog->lastError()));
    QVERIFY(renewed > marked);
    QCOMPARE(catalog->backup(id)->heartbeatAt, renewed);
    QVERIFY(!catalog->upsertBackup(fromManifest, marked.addSecs(10))); // lapsed for the first beat only
    QCOMPARE(catalog->backup(id)->status, BackupStatus::Deleting);

    // Only the deletion that wrote the row's heartbeat lets go of it.
    QVERIFY(!catalog->releaseDeletion(id, marked));
    QCOMPARE(catalog->backup(id)->heartbeatAt, renewed);
    m_clock.advance(1);
    QTest::qWait(5);
    QVERIFY2(catalog->releaseDeletion(id, renewed), qPrintable(catalog->lastError()));
    const BackupRecord released = *catalog->backup(id);
    QCOMPARE(released.status, BackupStatus::Deleting);
    QCOMPARE(released.heartbeatSeconds, 0);
    QVERIFY(released.heartbeatAt > renewed);
    QCOMPARE(released.deletionActiveUntil(), released.heartbeatAt);
    QVERIFY(!catalog->upsertBackup(fromManifest, released.heartbeatAt.addMSecs(-1)));
    QVERIFY2(catalog->upsertBackup(fromManifest, released.heartbeatAt), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(id)->status, BackupStatus::Completed);

    // A row no longer Deleting has no deletion to renew nor to let go of.
    QVERIFY(!catalog->heartbeatDeletion(id));
    QVERIFY2(catalog->lastError().contains(QLatin1String("no longer being deleted")), qPrintable(catalog->lastError()));
    QVERIFY(!catalog->releaseDeletion(id, released.heartbeatAt));
    QCOMPARE(catalog->backup(id)->status, BackupStatus::Completed);
    // A heartbeat that lapsed long before the listing: that deletion is over.
    QVERIFY(catalog->markDeleting(id, 5, &marked));
    QVERIFY2(catalog->upsertBackup(fromManifest, marked.addSecs(11)), qPrintable(catalog->lastError()));
    QCOMPARE(catalog->backup(id)->status, BackupStatus::Completed);
}

void TestCatalog::schedules()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    Site basic{ QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("acme"), Tier::Basic, {} };
    QVERIFY(catalog->addSite(basic));

    Schedule s;
    s.siteId = QStringLiteral("shop");
    s.environment = Environment::Dev;
    s.frequency = Schedule::Frequency::Weekly;
    s.weekday = 3;
    s.timeUtc = QTime(2, 30);
    s.keepLast = 4;
    s.keepDays = 30;
    QVERIFY2(catalog->setSchedule(s), qPrintable(catalog->lastError()));
    auto stored = catalog->schedules(QStringLiteral("shop"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).frequency, Schedule::Frequency::Weekly);
    QCOMPARE(stored.at(0).weekday, 3);
    QCOMPARE(stored.at(0).timeUtc, QTime(2, 30));
    QCOMPARE(stored.at(0).keepLast, 4);
    QCOMPARE(stored.at(0).keepDays, 30);
    QCOMPARE(stored.at(0).createdAt, m_clock.nowUtc());
    QVERIFY(!stored.at(0).lastRunAt.isValid());

    m_clock.advance(3600);
    s.frequency = Schedule::Frequency::Daily;
    s.keepLast = 2;
    QVERIFY(catalog->setSchedule(s));
    stored = catalog->schedules(QStringLiteral("shop"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).frequency, Schedule::Frequency::Daily);
    QCOMPARE(stored.at(0).keepLast, 2);
    QCOMPARE(stored.at(0).createdAt, m_clock.nowUtc().addSecs(-3600)); // kept from the first set

    QVERIFY(catalog->markScheduleRun(QStringLiteral("shop"), Environment::Dev, m_clock.nowUtc()));
    QCOMPARE(catalog->schedules(QStringLiteral("shop")).at(0).lastRunAt, m_clock.nowUtc());

    Schedule wrong = s;
    wrong.siteId = QStringLiteral("blog"); // basic: no dev
    QVERIFY(!catalog->setSchedule(wrong));
    wrong.environment = Environment::Prod;
    wrong.keepLast = 0;
    QVERIFY(!catalog->setSchedule(wrong));
    wrong.keepLast = 1;
    QVERIFY(catalog->setSchedule(wrong));
    QCOMPARE(catalog->schedules().size(), 2);
    QVERIFY(catalog->removeSchedule(QStringLiteral("blog"), Environment::Prod));
    QVERIFY(!catalog->removeSchedule(QStringLiteral("blog"), Environment::Prod));
    QCOMPARE(catalog->schedules().size(), 1);
}

void TestCatalog::auditLog()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    QVERIFY(catalog->audit({ {},
                             QStringLiteral("alice"),
                             QStringLiteral("backup.download"),
                             QStringLiteral("shop"),
                             QStringLiteral("b1"),
                             QStringLiteral("to /tmp/x"),
                             std::nullopt,
                             AuditOutcome::Success }));
    m_clock.advance(1);
    QVERIFY(catalog->audit({ {},
                             QStringLiteral("bob"),
                             QStringLiteral("backup.link"),
                             QStringLiteral("blog"),
                             QStringLiteral("b2"),
                             {},
                             std::nullopt,
                             AuditOutcome::Success }));
    m_clock.advance(1);
    QVERIFY(catalog->audit({ {},
                             QStringLiteral("carol"),
                             QStringLiteral("backup.delete"),
                             QStringLiteral("shop"),
                             QStringLiteral("b1"),
                             {},
                             Environment::Stage,
                             AuditOutcome::Refused }));
    const auto all = catalog->auditLog();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).actor, QStringLiteral("carol"));
    QCOMPARE(all.at(0).at, m_clock.nowUtc());
    QCOMPARE(all.at(0).environment, std::optional<Environment>(Environment::Stage));
    QCOMPARE(all.at(0).outcome, AuditOutcome::Refused);
    QVERIFY(!all.at(1).environment);
    QCOMPARE(all.at(1).outcome, AuditOutcome::Success);
    const auto shop = catalog->auditLog(QStringLiteral("shop"));
    QCOMPARE(shop.size(), 2);
    QCOMPARE(shop.at(1).action, QStringLiteral("backup.download"));
    QCOMPARE(shop.at(1).detail, QStringLiteral("to /tmp/x"));
    QCOMPARE(catalog->auditLog(QString(), 1).size(), 1);
}

void TestCatalog::auditFilter()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    const QDateTime t0 = m_clock.nowUtc();
    // Stamped out of insertion order: the query orders by time.
    const struct
    {
        int secs;
        const char *actor, *action, *site;
        AuditOutcome outcome;
    } rows[] = {
        { 20, "bob", "schedule.set", "shop", AuditOutcome::Success },
        { 0, "alice", "backup.create", "shop", AuditOutcome::Failure },
        { 10, "carol", "site.add", "blog", AuditOutcome::Success },
        { 30, "Dave", "backup.delete", "shop", AuditOutcome::Refused },
    };
    for (const auto &r : rows) {
        QVERIFY(catalog->audit({ t0.addSecs(r.secs),
                                 QLatin1String(r.actor),
                                 QLatin1String(r.action),
                                 QLatin1String(r.site),
                                 {},
                                 QStringLiteral("detail"),
                                 Environment::Prod,
                                 r.outcome }));
    }
    auto actors = [&](const AuditFilter &filter) {
        QStringList names;
        for (const AuditEntry &e : catalog->auditLog(filter)) {
            // The query and the filter's own accepts() agree.
            names << (filter.accepts(e) ? e.actor : QStringLiteral("<not accepted: %1>").arg(e.actor));
        }
        return names;
    };
    AuditFilter f;
    QCOMPARE(actors(f), QStringList({ "Dave", "bob", "carol", "alice" }));
    f.setSiteId(QStringLiteral("shop"));
    QCOMPARE(actors(f), QStringList({ "Dave", "bob", "alice" }));
    f.setSince(t0.addSecs(20)); // inclusive
    QCOMPARE(actors(f), QStringList({ "Dave", "bob" }));
    f.setLimit(1);
    QCOMPARE(actors(f), QStringList({ "Dave" }));
    f = AuditFilter();
    f.setText(QStringLiteral("DAVE"));
    QCOMPARE(actors(f), QStringList({ "Dave" }));
    f.setText(QStringLiteral("backup."));
    f.setLimit(1); // the limit counts matching entries
    QCOMPARE(actors(f), QStringList({ "Dave" }));
    f.setLimit(0);
    QCOMPARE(actors(f), QStringList({ "Dave", "alice" }));
    f.setOutcome(AuditOutcome::Failure);
    QCOMPARE(actors(f), QStringList({ "alice" }));
    f = AuditFilter();
    f.setText(QStringLiteral("prod")); // the environment is a field too
    QCOMPARE(actors(f).size(), 4);
}

void TestCatalog::migratesFromEveryEarlierVersion()
{
    for (int version = 1; version < Catalog::latestSchemaVersion(); ++version) {
        const CatalogLocation loc = freshLocation();
        QString error;
        {
            auto old = Catalog::openAtVersion(loc, &m_clock, version, &error);
            QVERIFY2(old, qPrintable(error));
            QCOMPARE(old->schemaVersion(), version);
            // Rows as the old release wrote them: only the columns of v1.
            QSqlQuery q(QSqlDatabase::database(old->connectionName()));
            QVERIFY2(q.exec(QStringLiteral("INSERT INTO sites (id, name, customer, tier, created_at) VALUES "
                                           "('shop', 'Shop', 'acme', 'developer', '2026-01-02T03:04:05.000Z')")),
                     qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO environments (site_id, env, host, port, socket, db_name, "
                                          "db_user) VALUES ('shop', 'dev', 'db1', 3306, '', 'shop_dev', 'u')")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO backups (id, site_id, customer, env, type, status, created_at, started_at, finished_at, "
                "created_by, size_bytes, raw_size_bytes, sha256, object_key, error_text, worker_id) VALUES "
                "('20260102T030405000Z-00000001', 'shop', 'acme', 'dev', 'scheduled', 'completed', "
                "'2026-01-02T03:04:05.000Z', '2026-01-02T03:04:06.000Z', '2026-01-02T03:05:00.000Z', 'cron', 1000, "
                "5000, 'abcd', 'customers/acme/shop/dev/20260102T030405000Z-00000001.sql.gz', NULL, 'w')")));
        }
        auto migrated = Catalog::open(loc, &m_clock, &error);
        QVERIFY2(migrated, qPrintable(error));
        QCOMPARE(migrated->schemaVersion(), Catalog::latestSchemaVersion());
        QCOMPARE(migrated->site(QStringLiteral("shop"))->name, QStringLiteral("Shop"));
        QCOMPARE(migrated->environment(QStringLiteral("shop"), Environment::Dev)->endpoint.database,
                 QStringLiteral("shop_dev"));
        const auto backups = migrated->backups(QStringLiteral("shop"), EnvironmentFilter(Environment::Dev));
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.at(0).status, BackupStatus::Completed);
        QCOMPARE(backups.at(0).sizeBytes, 1000);
        QCOMPARE(backups.at(0).sha256, QStringLiteral("abcd"));
        QCOMPARE(backups.at(0).createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QVERIFY(!backups.at(0).pinned);
        // The features of later versions work on the migrated data.
        QVERIFY(migrated->setPinned(backups.at(0).id, true));
        Schedule s;
        s.siteId = QStringLiteral("shop");
        s.environment = Environment::Dev;
        s.timeUtc = QTime(1, 0);
        QVERIFY2(migrated->setSchedule(s), qPrintable(migrated->lastError()));
        QVERIFY(migrated->audit({ {},
                                  QStringLiteral("me"),
                                  QStringLiteral("x"),
                                  QStringLiteral("shop"),
                                  {},
                                  {},
                                  std::nullopt,
                                  AuditOutcome::Success }));
        const QString id = migrated->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Manual, {}).id;
        QVERIFY(migrated->claimBackup(id, QStringLiteral("w2")));
    }
}

void TestCatalog::refusesNewerSchema()
{
    const CatalogLocation loc = freshLocation();
    QString error;
    {
        auto catalog = Catalog::open(loc, &m_clock, &error);
        QVERIFY(catalog);
        QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
        QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
    }
    QVERIFY(!Catalog::open(loc, &m_clock, &error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
}

QString TestCatalog::schemaOf(Catalog &catalog)
{
    QSqlQuery q(QSqlDatabase::database(catalog.connectionName()));
    QStringList lines;
    auto collect = [&](const QString &sql) {
        if (!q.exec(sql)) {
            lines << QStringLiteral("error: ") + q.lastError().text();
            return;
        }
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.value(i).toString();
            lines << values.join(QLatin1Char('|'));
        }
    };
    if (catalog.isMySql()) {
        collect(QStringLiteral("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, "
                               "COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                               "ORDER BY TABLE_NAME, ORDINAL_POSITION"));
        collect(QStringLiteral("SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME FROM "
                               "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                               "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"));
    } else {
        collect(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master "
                               "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    }
    collect(QStringLiteral("SELECT version FROM schema_version"));
    return lines.join(QLatin1Char('\n'));
}

void TestCatalog::migrationResumesAfterEveryStatement()
{
    QString reference;
    {
        auto catalog = openFresh();
        QVERIFY(catalog);
        reference = schemaOf(*catalog);
    }
    const int total = Catalog::migrationStatementCount(Catalog::latestSchemaVersion());
    QVERIFY(total > 10);
    for (int k = 1; k <= total; ++k) {
        const CatalogLocation loc = freshLocation();
        QString error;
        Catalog::setMigrationStopAfterForTests(k);
        auto interrupted = Catalog::open(loc, &m_clock, &error);
        Catalog::setMigrationStopAfterForTests(-1);
        QVERIFY2(!interrupted, qPrintable(QStringLiteral("stop after %1 did not stop").arg(k)));
        QVERIFY2(error.contains(QLatin1String("test hook")), qPrintable(error));
        auto resumed = Catalog::open(loc, &m_clock, &error);
        QVERIFY2(resumed, qPrintable(QStringLiteral("after stopping at %1: %2").arg(k).arg(error)));
        QCOMPARE(resumed->schemaVersion(), Catalog::latestSchemaVersion());
        QCOMPARE(schemaOf(*resumed), reference);
    }
}

void TestCatalog::migrationContinuedByAnotherProcess()
{
    // Processes that open a fresh catalog at once take turns on SQLite, one statement each: a
    // process that resumes after another went further must neither repeat a statement
    // ("duplicate column name") nor skip one.
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        QSKIP("on MariaDB one process holds the migration lock for the whole migration");
    QString reference;
    {
        auto fresh = openFresh();
        QVERIFY(fresh);
        reference = schemaOf(*fresh);
    }
    const int total = Catalog::migrationStatementCount(Catalog::latestSchemaVersion());
    for (const int k : { 1, 2, total / 2, total - 1 }) {
        const CatalogLocation loc = freshLocation();
        bool otherRan = false;
        QString otherError;
        Catalog::setMigrationStepHookForTests([&](int executed) {
            if (executed != k)
                return;
            Catalog::setMigrationStepHookForTests({});
            // Another process opens the catalog between two of this one's statements.
            auto other = Catalog::open(loc, &m_clock, &otherError);
            otherRan = other != nullptr;
        });
        QString error;
        auto first = Catalog::open(loc, &m_clock, &error);
        Catalog::setMigrationStepHookForTests({});
        QVERIFY2(otherRan, qPrintable(QStringLiteral("after %1: %2").arg(k).arg(otherError)));
        QVERIFY2(first, qPrintable(QStringLiteral("after %1: %2").arg(k).arg(error)));
        QCOMPARE(first->schemaVersion(), Catalog::latestSchemaVersion());
        QCOMPARE(schemaOf(*first), reference);
    }
}

void TestCatalog::migrationToleratesAnUnrecordedStatement()
{
    // On MySQL a DDL statement commits on its own: a process can die after it and before its
    // progress record. The next run repeats it and must accept that it is already there.
    const CatalogLocation loc = freshLocation();
    QString error;
    QString reference;
    {
        auto fresh = openFresh();
        QVERIFY(fresh);
        reference = schemaOf(*fresh);
    }
    {
        auto old = Catalog::openAtVersion(loc, &m_clock, 4, &error);
        QVERIFY2(old, qPrintable(error));
        QSqlQuery q(QSqlDatabase::database(old->connectionName()));
        // The first statement of version 5, run as if its record had been lost; the migration
        // then runs every later version too.
        QVERIFY2(q.exec(QStringLiteral(
                     "ALTER TABLE environments ADD COLUMN tls_mode VARCHAR(16) NOT NULL DEFAULT 'preferred'")),
                 qPrintable(q.lastError().text()));
    }
    auto migrated = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(migrated, qPrintable(error));
    QCOMPARE(schemaOf(*migrated), reference);
}

void TestCatalog::backupListUsesAnIndex()
{
    // The site page and `backup list SITE --env E` must not scan the whole backups table
    // (bench/catalog.sh measures the time; this checks the plan).
    auto catalog = openFresh();
    QVERIFY(catalog);
    QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
    const QString select = QStringLiteral("SELECT id FROM backups WHERE site_id = 'shop' AND env = 'dev' "
                                          "ORDER BY created_at DESC, id DESC");
    QString plan;
    if (catalog->isMySql()) {
        QVERIFY(q.exec(QStringLiteral("EXPLAIN ") + select));
        while (q.next())
            plan += q.value(QStringLiteral("possible_keys")).toString() + u' ';
    } else {
        QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + select));
        while (q.next())
            plan += q.value(3).toString() + u' ';
    }
    QVERIFY2(plan.contains(QLatin1String("idx_backups_site_env_created")), qPrintable(plan));
}

void TestCatalog::environmentLockHoldsBackupsAndRestores()
{
    auto catalog = openFresh();
    QVERIFY(catalog);
    addDeveloperSite(*catalog);
    const QString shop = QStringLiteral("shop");
    EnvironmentLock lock;
    lock.siteId = shop;
    lock.environment = Environment::Dev;
    lock.kind = QStringLiteral("restore");
    lock.source = QStringLiteral("backup x");
    lock.workerId = QStringLiteral("w1");
    lock.actor = QStringLiteral("me");
    lock.heartbeatSeconds = 30;
    QVERIFY2(catalog->lockEnvironment(lock), qPrintable(catalog->lastError()));
    EnvironmentLock second = lock;
    second.workerId = QStringLiteral("w2");
    QVERIFY(!catalog->lockEnvironment(second)); // a second restore or sync is refused
    QVERIFY2(catalog->lastError().contains(QLatin1String("locked")), qPrintable(catalog->lastError()));

    // Backups of the locked environment wait, except its own pre-restore backup; others run.
    const QString manual = catalog->createBackup(shop, Environment::Dev, BackupType::Manual, {}).id;
    const QString pre = catalog->createBackup(shop, Environment::Dev, BackupType::PreRestore, {}).id;
    const QString prod = catalog->createBackup(shop, Environment::Prod, BackupType::Manual, {}).id;
    QVERIFY(!catalog->claimBackup(manual, QStringLiteral("w3")));
    QVERIFY(!catalog->claimBackup(pre, QStringLiteral("w1"))); // not yet named in the lock
    QVERIFY(catalog->updateEnvironmentLock(shop, Environment::Dev, QStringLiteral("w1"),
                                           EnvironmentLock::Phase::PreBackup, pre));
    QVERIFY(!catalog->claimBackup(manual, QStringLiteral("w3")));
    QVERIFY(catalog->claimBackup(pre, QStringLiteral("w1"), 30));
    QVERIFY(catalog->claimBackup(prod, QStringLiteral("w3")));
    QVERIFY(catalog->completeBackup(pre, QStringLiteral("w1"), 10, 20, QStringLiteral("ab")));
    QVERIFY(!catalog->claimBackup(manual, QStringLiteral("w3")));
    QVERIFY(!catalog->updateEnvironmentLock(shop, Environment::Dev, QStringLiteral("w2"),
                                            EnvironmentLock::Phase::Replace, pre)); // not w2's
    QVERIFY(catalog->updateEnvironmentLock(shop, Environment::Dev, QStringLiteral("w1"),
                                           EnvironmentLock::Phase::Replace, pre));

    // A lapsed heartbeat makes it stale; interrupted it stays, and only one process takes it over.
    QVERIFY(catalog->staleEnvironmentLocks(30).isEmpty());
    {
        QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
        q.prepare(QStringLiteral("UPDATE env_restores SET heartbeat_at = ?"));
        q.addBindValue(catalog->heartbeatClockNow().addSecs(-90).toString(Qt::ISODateWithMs));
        QVERIFY(q.exec());
    }
    const auto stale = catalog->staleEnvironmentLocks(30);
    QCOMPARE(stale.size(), 1);
    QCOMPARE(stale.at(0).phase, EnvironmentLock::Phase::Replace);
    QCOMPARE(stale.at(0).preBackupId, pre);
    QVERIFY(catalog->interruptEnvironmentLock(shop, Environment::Dev, QStringLiteral("w1"), QStringLiteral("gone")));
    QVERIFY(!catalog->interruptEnvironmentLock(shop, Environment::Dev, QStringLiteral("w1"), QStringLiteral("gone")));
    QVERIFY(catalog->staleEnvironmentLocks(30).isEmpty());
    const auto held = catalog->environmentLock(shop, Environment::Dev);
    QVERIFY(held);
    QCOMPARE(held->state, EnvironmentLock::State::Interrupted);
    QCOMPARE(held->reason, QStringLiteral("gone"));
    QVERIFY(held->targetTouched());
    QVERIFY(!catalog->lockEnvironment(second));
    QVERIFY(!catalog->claimBackup(manual, QStringLiteral("w3")));
    QVERIFY(!catalog->createBackup(shop, Environment::Dev, BackupType::Manual, {}).isValid()); // no trap backups
    QVERIFY(catalog->lastError().contains(QLatin1String("interrupted")));
    QVERIFY(catalog->takeOverEnvironmentLock(shop, Environment::Dev, QStringLiteral("w1"), QStringLiteral("w4"), 5));
    QVERIFY(!catalog->takeOverEnvironmentLock(shop, Environment::Dev, QStringLiteral("w1"), QStringLiteral("w5"), 5));
    QVERIFY(!catalog->unlockEnvironment(shop, Environment::Dev, QStringLiteral("w1")));
    QVERIFY(catalog->unlockEnvironment(shop, Environment::Dev, QStringLiteral("w4")));
    QVERIFY(!catalog->environmentLock(shop, Environment::Dev));
    QVERIFY(catalog->claimBackup(manual, QStringLiteral("w3")));
}

// A MySQL catalog whose network path dies without closing: the waiting call fails after the
// answer timeout instead of waiting for hours, and the next call works on a new connection.
void TestCatalog::deadNetworkPathEndsInAnError()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("mariadb"))
        QSKIP("a network path only exists for a MySQL catalog");
    CatalogLocation location = freshLocation();
    auto proxy = std::make_unique<FreezingProxy>();
    QVERIFY(proxy->listen(location.host, quint16(location.port)));
    location.host = QStringLiteral("127.0.0.1");
    location.port = proxy->port();
    location.answerTimeoutSeconds = 2;

    // The catalog runs on its own thread; this one runs the proxy's event loop.
    std::atomic<int> step{ 0 }; // 1 opened, 2 frozen, 3 done
    bool openedOk = false;
    bool frozenCallOk = true;
    QString frozenCallError;
    bool laterCallOk = false;
    QString laterCallError;
    QStringList sitesAfter; // the site's name as read back at the end
    std::thread worker([&] {
        QString error;
        auto catalog = Catalog::open(location, &m_clock, &error);
        Site site;
        site.id = QStringLiteral("shop");
        site.name = QStringLiteral("Before");
        site.customer = QStringLiteral("acme");
        openedOk = catalog && catalog->addSite(site);
        step = 1;
        if (openedOk) {
            while (step.load() != 2)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            site.name = QStringLiteral("While the path is dead");
            frozenCallOk = catalog->updateSite(site);
            frozenCallError = catalog->lastError();
            site.name = QStringLiteral("After the timeout");
            laterCallOk = catalog->updateSite(site);
            laterCallError = catalog->lastError();
            if (const std::optional<Site> stored = catalog->site(site.id))
                sitesAfter << stored->name;
        }
        step = 3;
    });
    // On a failure, closing the proxy's connections ends whatever the worker still waits for.
    auto joinWorker = qScopeGuard([&] {
        proxy.reset();
        step = step.load() == 1 ? 2 : step.load();
        worker.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(step.load() >= 1, 60000);
    QVERIFY(openedOk);
    proxy->freeze();
    step = 2;
    // Without the timeout the call waits until the kernel gives up on the connection (hours).
    QTRY_VERIFY_WITH_TIMEOUT(step.load() == 3, 90000);
    QVERIFY(!frozenCallOk);
    QVERIFY2(frozenCallError.contains(QLatin1String("Lost connection")), qPrintable(frozenCallError));
    QVERIFY2(laterCallOk, qPrintable(laterCallError));
    QCOMPARE(sitesAfter, QStringList{ QStringLiteral("After the timeout") });
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "TestCatalog.moc"
