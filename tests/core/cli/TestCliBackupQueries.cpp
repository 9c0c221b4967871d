// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// `backup list` and `backup show` through the real creodrop-backupctl, on SQLite and MariaDB
// catalogs filled through the Catalog API.
#include "CliTestEnv.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class TestCliBackupQueries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void listFiltersAndOrders();
    void showHasEveryField();
    void tableOutput();
    void errors();

private:
    std::unique_ptr<CliTestEnv> m_env;
    std::unique_ptr<Catalog> m_catalog;
    QStringList m_ids; ///< oldest first: prod completed, dev failed, dev completed (pinned), dev pending
    int m_counter = 0;
};

namespace {
using CliTest::parseJson;
QStringList idsOf(const QJsonArray &array)
{
    QStringList ids;
    for (const QJsonValue &v : array)
        ids << v.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

class StepClock : public Clock
{
public:
    QDateTime nowUtc() const override { return m_now; }
    QDateTime m_now = QDateTime(QDate(2026, 11, 20), QTime(2, 30), Qt::UTC);
};
} // namespace

void TestCliBackupQueries::initTestCase_data()
{
    CliTest::addCatalogKindRows();
}

void TestCliBackupQueries::init()
{
    QFETCH_GLOBAL(bool, mariadb);
    if (mariadb)
        CREODROP_REQUIRE_MYSQL();
    m_env = std::make_unique<CliTestEnv>();
    QVERIFY(m_env->setUp(mariadb, QStringLiteral("cliq%1").arg(++m_counter)));
    static StepClock clock;
    clock.m_now = QDateTime(QDate(2026, 11, 20), QTime(2, 30), Qt::UTC);
    QString error;
    m_catalog = Catalog::open(m_env->location(), &clock, &error);
    QVERIFY2(m_catalog, qPrintable(error));
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("other"), QStringLiteral("Other"), QStringLiteral("acme"), Tier::Developer, {} }));
    m_ids.clear();
    auto create = [&](Environment env, BackupType type) {
        clock.m_now = clock.m_now.addSecs(3600);
        const QString id = m_catalog->createBackup(QStringLiteral("shop"), env, type, QStringLiteral("alice")).id;
        m_ids << id;
        return id;
    };
    const QString a = create(Environment::Prod, BackupType::Scheduled);
    QVERIFY(m_catalog->claimBackup(a, QStringLiteral("w1")));
    QVERIFY(m_catalog->completeBackup(a, QStringLiteral("w1"), 2048, 10000, QStringLiteral("ab12")));
    const QString b = create(Environment::Dev, BackupType::Manual);
    QVERIFY(m_catalog->claimBackup(b, QStringLiteral("w1")));
    QVERIFY(m_catalog->failBackup(b, BackupStatus::Failed, QStringLiteral("Access denied for user 'u'")));
    const QString c = create(Environment::Dev, BackupType::Manual);
    QVERIFY(m_catalog->claimBackup(c, QStringLiteral("w1")));
    QVERIFY(
        m_catalog->completeBackup(c, QStringLiteral("w1"), 5 * 1024 * 1024, 9 * 1024 * 1024, QStringLiteral("cd34")));
    QVERIFY(m_catalog->setPinned(c, true));
    create(Environment::Dev, BackupType::Manual);
    m_catalog->createBackup(QStringLiteral("other"), Environment::Dev, BackupType::Manual, QStringLiteral("bob"));
}

void TestCliBackupQueries::cleanup()
{
    m_catalog.reset();
    if (m_env)
        m_env->tearDown();
    m_env.reset();
}

void TestCliBackupQueries::listFiltersAndOrders()
{
    auto r = m_env->run(
        { QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QCOMPARE(idsOf(parseJson(r.out).array()), (QStringList{ m_ids.at(3), m_ids.at(2), m_ids.at(1), m_ids.at(0) }));

    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"), QStringLiteral("--env"),
                     QStringLiteral("dev"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QCOMPARE(idsOf(parseJson(r.out).array()), (QStringList{ m_ids.at(3), m_ids.at(2), m_ids.at(1) }));

    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"),
                     QStringLiteral("--env=dev"), QStringLiteral("--status=completed"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QCOMPARE(idsOf(parseJson(r.out).array()), QStringList{ m_ids.at(2) });

    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"),
                     QStringLiteral("--status"), QStringLiteral("in_progress"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QCOMPARE(parseJson(r.out).array().size(), 0);
}

void TestCliBackupQueries::showHasEveryField()
{
    auto r = m_env->run({ QStringLiteral("backup"), QStringLiteral("show"), m_ids.at(2), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonObject o = parseJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("id")).toString(), m_ids.at(2));
    QCOMPARE(o.value(QStringLiteral("site")).toString(), QStringLiteral("shop"));
    QCOMPARE(o.value(QStringLiteral("env")).toString(), QStringLiteral("dev"));
    QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("manual"));
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(o.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-11-20T05:30:00Z"));
    QCOMPARE(o.value(QStringLiteral("started_at")).toString(), QStringLiteral("2026-11-20T05:30:00Z"));
    QCOMPARE(o.value(QStringLiteral("finished_at")).toString(), QStringLiteral("2026-11-20T05:30:00Z"));
    QCOMPARE(o.value(QStringLiteral("size_bytes")).toInteger(), 5 * 1024 * 1024);
    QCOMPARE(o.value(QStringLiteral("raw_size_bytes")).toInteger(), 9 * 1024 * 1024);
    QCOMPARE(o.value(QStringLiteral("sha256")).toString(), QStringLiteral("cd34"));
    QCOMPARE(o.value(QStringLiteral("created_by")).toString(), QStringLiteral("alice"));
    QVERIFY(o.value(QStringLiteral("error")).isNull());
    QCOMPARE(o.value(QStringLiteral("pinned")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("object_key")).toString(),
             QStringLiteral("customers/acme/shop/dev/%1.sql.gz").arg(m_ids.at(2)));

    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("show"), m_ids.at(1), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonObject failed = parseJson(r.out).object();
    QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(failed.value(QStringLiteral("error")).toString(), QStringLiteral("Access denied for user 'u'"));
    QVERIFY(failed.value(QStringLiteral("size_bytes")).isNull());
    QVERIFY(failed.value(QStringLiteral("sha256")).isNull());

    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("show"), m_ids.at(3), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonObject pending = parseJson(r.out).object();
    QCOMPARE(pending.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QVERIFY(pending.value(QStringLiteral("started_at")).isNull());
    QVERIFY(pending.value(QStringLiteral("finished_at")).isNull());
}

void TestCliBackupQueries::tableOutput()
{
    auto r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"),
                          QStringLiteral("--env"), QStringLiteral("dev") });
    CLI_EXPECT(r, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QLatin1String("ID")));
    QVERIFY(lines.at(1).startsWith(m_ids.at(3)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("—")), qPrintable(lines.at(1))); // pending: no size yet
    QVERIFY(lines.at(2).contains(QLatin1String("5.0 MiB")));
    QVERIFY(lines.at(2).contains(QLatin1String("(pinned)")));

    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("show"), m_ids.at(1) });
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains(QLatin1String("Access denied")));
}

void TestCliBackupQueries::errors()
{
    auto r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("nope") });
    CLI_EXPECT(r, 1);
    QCOMPARE(r.err.count(u'\n'), 1);
    r = m_env->run(
        { QStringLiteral("backup"), QStringLiteral("show"), QStringLiteral("20260101T000000000Z-deadbeef") });
    CLI_EXPECT(r, 1);
    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"), QStringLiteral("--env"),
                     QStringLiteral("qa") });
    CLI_EXPECT(r, 2);
    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"),
                     QStringLiteral("--status"), QStringLiteral("done") });
    CLI_EXPECT(r, 2);
    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list") });
    CLI_EXPECT(r, 2);
    r = m_env->run({ QStringLiteral("backup"), QStringLiteral("show"), m_ids.at(0), QStringLiteral("--bogus") });
    CLI_EXPECT(r, 2);
}

QTEST_GUILESS_MAIN(TestCliBackupQueries)
#include "TestCliBackupQueries.moc"
