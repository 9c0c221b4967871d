// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// Every command that opens the catalog, read-only ones included, first fails the backups whose
// runner died (CliContext::openCatalog() runs the recovery), through the real creodrop-backupctl.
#include "CliTestEnv.h"
#include "catalog/Catalog.h"
#include "util/Clock.h"

#include <QTcpServer>

namespace {
// Stamps what the test writes an hour in the past: a claimed backup's heartbeat has lapsed at once.
// (An SQLite catalog judges heartbeats by the local clock; a MariaDB one by the server's, which a
// test cannot move, so this test uses SQLite: the recovery it checks is the CLI's, not the query's.)
class HourAgoClock : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc().addSecs(-3600); }
};
} // namespace

class TestCliRecovery : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyCommandRecoversDeadBackups_data();
    void everyCommandRecoversDeadBackups();
    void silentStorageHoldsNoCommandLong();
    void unopenableStorageStillFailsDeadBackups();

private:
    std::unique_ptr<CliTestEnv> m_env;
    std::unique_ptr<Catalog> m_catalog;
    HourAgoClock m_clock;
    QString m_dead;
    QString m_completed;
};

void TestCliRecovery::init()
{
    CREODROP_REQUIRE_S3();
    m_env = std::make_unique<CliTestEnv>();
    QVERIFY(m_env->setUp(false, QStringLiteral("clirec")));
    QString error;
    m_catalog = Catalog::open(m_env->location(), &m_clock, &error);
    QVERIFY2(m_catalog, qPrintable(error));
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
    m_completed
        = m_catalog
              ->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, QStringLiteral("alice"))
              .id;
    QVERIFY(m_catalog->claimBackup(m_completed, QStringLiteral("other-host:1:aaaaaaaa"), 1));
    QVERIFY(m_catalog->completeBackup(m_completed, QStringLiteral("other-host:1:aaaaaaaa"), 2048, 10000,
                                      QStringLiteral("ab12")));
    // A runner on another host whose heartbeat lapsed an hour ago: gone.
    m_dead
        = m_catalog->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Manual, QStringLiteral("alice"))
              .id;
    QVERIFY(m_catalog->claimBackup(m_dead, QStringLiteral("other-host:2:bbbbbbbb"), 1));
}

void TestCliRecovery::cleanup()
{
    m_catalog.reset();
    m_env.reset();
}

void TestCliRecovery::everyCommandRecoversDeadBackups_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("site list") << QStringList{ QStringLiteral("site"), QStringLiteral("list") };
    QTest::newRow("site show") << QStringList{ QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("shop") };
    QTest::newRow("schedule show") << QStringList{ QStringLiteral("schedule"), QStringLiteral("show") };
    QTest::newRow("audit list") << QStringList{ QStringLiteral("audit"), QStringLiteral("list") };
    QTest::newRow("backup list") << QStringList{ QStringLiteral("backup"), QStringLiteral("list"),
                                                 QStringLiteral("shop") };
    QTest::newRow("backup list --all-sites")
        << QStringList{ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites") };
    QTest::newRow("backup show of another backup")
        << QStringList{ QStringLiteral("backup"), QStringLiteral("show"), QStringLiteral("COMPLETED") };
    QTest::newRow("backup pin") << QStringList{ QStringLiteral("backup"), QStringLiteral("pin"),
                                                QStringLiteral("COMPLETED") };
    QTest::newRow("site add") << QStringList{ QStringLiteral("site"), QStringLiteral("add"),
                                              QStringLiteral("blog"), QStringLiteral("--name"),
                                              QStringLiteral("Blog"), QStringLiteral("--customer"),
                                              QStringLiteral("acme"), QStringLiteral("--tier"),
                                              QStringLiteral("basic") };
    QTest::newRow("schedule set") << QStringList{ QStringLiteral("schedule"), QStringLiteral("set"),
                                                  QStringLiteral("shop"),     QStringLiteral("prod"),
                                                  QStringLiteral("--daily"),  QStringLiteral("02:00"),
                                                  QStringLiteral("--keep"),   QStringLiteral("3") };
    QTest::newRow("a refused command") << QStringList{ QStringLiteral("site"), QStringLiteral("show"),
                                                       QStringLiteral("nosuchsite") };
}

void TestCliRecovery::everyCommandRecoversDeadBackups()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(QStringLiteral("COMPLETED"), m_completed);
    QProcessEnvironment env = m_env->environment();
    CliTest::insertS3Environment(env);
    const auto r = m_env->run(args, {}, env);
    QVERIFY2(r.exitCode >= 0, qPrintable(r.err));
    const std::optional<BackupRecord> dead = m_catalog->backup(m_dead);
    QVERIFY(dead);
    QVERIFY2(dead->status == BackupStatus::Failed,
             qPrintable(QStringLiteral("still %1 after `%2` (exit %3): %4")
                            .arg(Backups::statusToString(dead->status), args.join(QLatin1Char(' ')))
                            .arg(r.exitCode)
                            .arg(r.err)));
    QVERIFY2(dead->errorText.contains(QLatin1String("interrupted")), qPrintable(dead->errorText));
    QVERIFY2(r.err.contains(QStringLiteral("backup %1 was interrupted and is now failed").arg(m_dead)),
             qPrintable(r.err));
    // The completed backup is left alone.
    QCOMPARE(m_catalog->backup(m_completed)->status, BackupStatus::Completed);
}

// A storage that accepts connections and never answers: the dead backup is still failed at
// once, the cleanup gives up after its budget, and the warning names what may be left and the
// command that removes it.
void TestCliRecovery::silentStorageHoldsNoCommandLong()
{
    QTcpServer silent; // the kernel accepts connections into the backlog; nothing ever answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QProcessEnvironment env = m_env->environment();
    CliTest::insertS3Environment(env);
    env.insert(QStringLiteral("CREODROP_S3_ENDPOINT"), QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    const auto r = m_env->run({ QStringLiteral("site"), QStringLiteral("list") }, {}, env);
    CLI_EXPECT(r, 0);
    QCOMPARE(m_catalog->backup(m_dead)->status, BackupStatus::Failed);
    QVERIFY2(r.err.contains(QLatin1String("did not answer in time"))
                 && r.err.contains(QStringLiteral("backup delete %1").arg(m_dead)),
             qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("shop")), qPrintable(r.out));
}

// Without storage settings (or its secret) the row is failed all the same, and the warning says
// what may be left and how to remove it.
void TestCliRecovery::unopenableStorageStillFailsDeadBackups()
{
    QProcessEnvironment env = m_env->environment();
    CliTest::insertS3Environment(env);
    env.remove(QStringLiteral("CREODROP_S3_SECRET_ACCESS_KEY")); // and none in the keychain
    const auto r = m_env->run({ QStringLiteral("site"), QStringLiteral("list") }, {}, env);
    CLI_EXPECT(r, 0);
    QCOMPARE(m_catalog->backup(m_dead)->status, BackupStatus::Failed);
    QVERIFY2(r.err.contains(QLatin1String("storage cannot be opened"))
                 && r.err.contains(QStringLiteral("backup delete %1").arg(m_dead)),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliRecovery)
#include "TestCliRecovery.moc"
