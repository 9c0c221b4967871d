// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// Interrupted-backup recovery between catalog clients whose clocks disagree, on an SQLite file
// and on a MariaDB catalog: a healthy backup is never failed, a dead one always is.
#include "../catalog/FakeClock.h"
#include "TestServices.h"
#include "catalog/Catalog.h"
#include "jobs/RecoveryJob.h"
#include "jobs/WorkerIdentity.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestRecoveryJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();
    void skewedClocksNeverFailHealthyBackups();

private:
    CatalogLocation freshLocation();
    static QStringList recover(Catalog *catalog);
    void age(Catalog &catalog, FakeClock &a, FakeClock &b, const QString &id, int seconds);

    QTemporaryDir m_dir;
    QStringList m_databases;
};

void TestRecoveryJob::initTestCase_data()
{
    QTest::addColumn<bool>("mariadb");
    QTest::newRow("sqlite") << false;
    QTest::newRow("mariadb") << true;
}

void TestRecoveryJob::init()
{
    QFETCH_GLOBAL(bool, mariadb);
    if (mariadb)
        CREODROP_REQUIRE_MYSQL();
}

void TestRecoveryJob::cleanup()
{
    for (const QString &db : std::as_const(m_databases))
        TestServices::dropDatabase(db);
    m_databases.clear();
}

CatalogLocation TestRecoveryJob::freshLocation()
{
    QFETCH_GLOBAL(bool, mariadb);
    CatalogLocation loc;
    if (!mariadb) {
        loc.kind = CatalogLocation::Kind::Sqlite;
        loc.sqlitePath = m_dir.filePath(QStringLiteral("catalog.sqlite"));
        return loc;
    }
    const auto m = TestServices::mysql();
    loc.kind = CatalogLocation::Kind::MySql;
    loc.host = m.host;
    loc.port = m.port;
    loc.user = m.user;
    loc.password = m.password;
    loc.database = TestServices::createScratchDatabase(QStringLiteral("recovery"));
    m_databases << loc.database;
    return loc;
}

QStringList TestRecoveryJob::recover(Catalog *catalog)
{
    RecoveryJob job(catalog, nullptr, 5);
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    if (!job.isFinished() && !finished.wait(30000))
        return { QStringLiteral("(recovery did not finish)") };
    return job.recoveredIds();
}

void TestRecoveryJob::age(Catalog &catalog, FakeClock &a, FakeClock &b, const QString &id, int seconds)
{
    if (!catalog.isMySql()) {
        a.advance(seconds);
        b.advance(seconds);
        return;
    }
    // The server's clock cannot be turned: move the heartbeat back instead.
    QSqlQuery q(QSqlDatabase::database(catalog.connectionName()));
    q.prepare(QStringLiteral("UPDATE backups SET heartbeat_at = ? WHERE id = ?"));
    q.addBindValue(catalog.heartbeatClockNow().addSecs(-seconds).toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    QVERIFY(q.exec());
}

void TestRecoveryJob::skewedClocksNeverFailHealthyBackups()
{
    QFETCH_GLOBAL(bool, mariadb);
    const CatalogLocation loc = freshLocation();
    FakeClock clockA(QDateTime::currentDateTimeUtc());
    FakeClock clockB(clockA.nowUtc().addSecs(60)); // a minute ahead of A
    QString error;
    auto a = Catalog::open(loc, &clockA, &error);
    QVERIFY2(a, qPrintable(error));
    auto b = Catalog::open(loc, &clockB, &error);
    QVERIFY2(b, qPrintable(error));
    Site site{ QStringLiteral("skew"), QStringLiteral("Skew"), QStringLiteral("acme"), Tier::Developer, {} };
    QVERIFY(a->addSite(site));
    // Runners on other hosts have only their heartbeat to speak for them. An SQLite catalog is a
    // local file, used by one host: there the runners are live processes of this host.
    const QString runnerA = mariadb ? QStringLiteral("host-a:101:aaaaaaaa") : WorkerIdentity::current();
    const QString runnerB = mariadb ? QStringLiteral("host-b:202:bbbbbbbb") : WorkerIdentity::current();
    const QString ofA = a->createBackup(site.id, Environment::Prod, BackupType::Manual, {}).id;
    const QString ofB = b->createBackup(site.id, Environment::Stage, BackupType::Manual, {}).id;
    QVERIFY(a->claimBackup(ofA, runnerA, 5));
    QVERIFY(b->claimBackup(ofB, runnerB, 5));
    for (int beat = 0; beat < 6; ++beat) {
        clockA.advance(5);
        clockB.advance(5);
        QVERIFY(a->heartbeat(ofA, runnerA));
        QVERIFY(b->heartbeat(ofB, runnerB));
        QCOMPARE(recover(a.get()), QStringList());
        QCOMPARE(recover(b.get()), QStringList());
    }
    QCOMPARE(a->backup(ofB)->status, BackupStatus::InProgress);
    QCOMPARE(b->backup(ofA)->status, BackupStatus::InProgress);

    // Control: a runner that is gone (another host, its heartbeat lapsed) is recovered by
    // either client, and only it.
    const QString dead = a->createBackup(site.id, Environment::Dev, BackupType::Manual, {}).id;
    QVERIFY(a->claimBackup(dead, QStringLiteral("host-x:303:deaddead"), 5));
    age(*a, clockA, clockB, dead, 30);
    if (!mariadb) {
        // Time moved for the healthy runners too: they beat again.
        QVERIFY(a->heartbeat(ofA, runnerA));
        QVERIFY(b->heartbeat(ofB, runnerB));
    }
    QCOMPARE(recover(b.get()), QStringList{ dead });
    QCOMPARE(a->backup(dead)->status, BackupStatus::Failed);
    QCOMPARE(a->backup(ofA)->status, BackupStatus::InProgress);
    QCOMPARE(a->backup(ofB)->status, BackupStatus::InProgress);
}

QTEST_GUILESS_MAIN(TestRecoveryJob)
#include "TestRecoveryJob.moc"
