// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// audit list through the real creodrop-backupctl, on an SQLite and a MariaDB catalog: order,
// --since (a date and a time, both inclusive), --limit, --site, the JSON form and its nulls.
#include "CliTestEnv.h"
#include "util/Clock.h"

class TestCliAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void newestFirstWithoutLimit();
    void sinceIsInclusive_data();
    void sinceIsInclusive();
    void limitKeepsTheNewest();
    void siteFilter();
    void jsonFieldsAndNulls();
    void textTable();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();
    void unknownSiteFails();

private:
    /// "at" of every entry `audit list ARGS --json` prints, in order.
    QStringList listedTimes(const QStringList &args);
    void add(const QString &at, const QString &site, const QString &action,
             std::optional<Environment> env = std::nullopt, const QString &backupId = {},
             AuditOutcome outcome = AuditOutcome::Success);

    std::unique_ptr<CliTestEnv> m_env;
    std::unique_ptr<Catalog> m_catalog;
    int m_counter = 0;
};

namespace {
QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}
} // namespace

void TestCliAudit::initTestCase_data()
{
    CliTest::addCatalogKindRows();
}

void TestCliAudit::add(const QString &at, const QString &site, const QString &action, std::optional<Environment> env,
                       const QString &backupId, AuditOutcome outcome)
{
    QVERIFY2(m_catalog->audit({ utc(at), QStringLiteral("alice"), action, site, backupId,
                                QStringLiteral("detail of %1").arg(action), env, outcome }),
             qPrintable(m_catalog->lastError()));
}

void TestCliAudit::init()
{
    QFETCH_GLOBAL(bool, mariadb);
    if (mariadb)
        CREODROP_REQUIRE_MYSQL();
    m_env = std::make_unique<CliTestEnv>();
    QVERIFY(m_env->setUp(mariadb, QStringLiteral("cliaudit%1").arg(++m_counter)));
    static SystemClock clock;
    QString error;
    m_catalog = Catalog::open(m_env->location(), &clock, &error);
    QVERIFY2(m_catalog, qPrintable(error));
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("acme"), Tier::Basic, {} }));
    // Inserted out of time order: the listing sorts by time, not by insertion.
    add(QStringLiteral("2026-12-01T10:00:00.000Z"), QStringLiteral("shop"), QStringLiteral("backup.link"),
        Environment::Prod, QStringLiteral("b-2"));
    add(QStringLiteral("2026-11-30T23:59:59.999Z"), QStringLiteral("shop"), QStringLiteral("backup.create"),
        Environment::Prod, QStringLiteral("b-1"));
    add(QStringLiteral("2026-12-01T00:00:00.000Z"), QStringLiteral("blog"), QStringLiteral("schedule.set"),
        Environment::Prod);
    add(QStringLiteral("2026-12-02T08:15:30.000Z"), QStringLiteral("shop"), QStringLiteral("backup.delete"),
        Environment::Stage, QStringLiteral("b-3"), AuditOutcome::Refused);
    add(QStringLiteral("2026-12-01T10:00:00.500Z"), QString(), QStringLiteral("settings.change"));
}

void TestCliAudit::cleanup()
{
    m_catalog.reset();
    if (m_env)
        m_env->tearDown();
    m_env.reset();
}

QStringList TestCliAudit::listedTimes(const QStringList &args)
{
    const auto r
        = m_env->run(QStringList{ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json") } + args);
    if (r.exitCode != 0) {
        qWarning() << "audit list failed:" << r.exitCode << r.err;
        return { QStringLiteral("<failed>") };
    }
    QStringList times;
    for (const QJsonValue &v : CliTest::parseJson(r.out).array())
        times << v.toObject().value(QStringLiteral("at")).toString();
    return times;
}

void TestCliAudit::newestFirstWithoutLimit()
{
    // More than the catalog's old page of 100, all listed.
    const QDateTime base(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 120; ++i)
        add(base.addSecs(i * 60).toString(Qt::ISODateWithMs), QStringLiteral("shop"), QStringLiteral("backup.verify"));
    const QStringList times = listedTimes({});
    QCOMPARE(times.size(), 125);
    QCOMPARE(times.mid(0, 5),
             QStringList({ QStringLiteral("2026-12-02T08:15:30Z"), QStringLiteral("2026-12-01T10:00:00Z"),
                           QStringLiteral("2026-12-01T10:00:00Z"), QStringLiteral("2026-12-01T00:00:00Z"),
                           QStringLiteral("2026-11-30T23:59:59Z") }));
    QStringList sorted = times;
    std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
    QCOMPARE(times, sorted);
    QCOMPARE(times.last(), QStringLiteral("2026-10-01T00:00:00Z"));
}

void TestCliAudit::sinceIsInclusive_data()
{
    QTest::addColumn<QString>("since");
    QTest::addColumn<int>("count");
    QTest::newRow("date: that day from 00:00:00Z") << QStringLiteral("2026-12-01") << 4;
    QTest::newRow("time, exactly an entry's second") << QStringLiteral("2026-12-01T10:00:00Z") << 3;
    QTest::newRow("time with an offset") << QStringLiteral("2026-12-01T11:00:00+01:00") << 3;
    QTest::newRow("time without an offset is UTC") << QStringLiteral("2026-12-01T00:00:00") << 4;
    QTest::newRow("time with milliseconds") << QStringLiteral("2026-11-30T23:59:59.999Z") << 5;
    QTest::newRow("after everything") << QStringLiteral("2026-12-03") << 0;
}

void TestCliAudit::sinceIsInclusive()
{
    QFETCH(QString, since);
    QFETCH(int, count);
    const QStringList times = listedTimes({ QStringLiteral("--since"), since });
    QCOMPARE(times.size(), count);
    const QStringList viaEquals = listedTimes({ QStringLiteral("--since=") + since });
    QCOMPARE(viaEquals, times);
}

void TestCliAudit::limitKeepsTheNewest()
{
    QCOMPARE(listedTimes({ QStringLiteral("--limit"), QStringLiteral("2") }),
             QStringList({ QStringLiteral("2026-12-02T08:15:30Z"), QStringLiteral("2026-12-01T10:00:00Z") }));
    QCOMPARE(listedTimes({ QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--since"),
                           QStringLiteral("2026-11-30"), QStringLiteral("--site"), QStringLiteral("blog") }),
             QStringList({ QStringLiteral("2026-12-01T00:00:00Z") }));
    QCOMPARE(listedTimes({ QStringLiteral("--limit"), QStringLiteral("1000") }).size(), 5);
}

void TestCliAudit::siteFilter()
{
    const auto r = m_env->run({ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--site"),
                                QStringLiteral("shop"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QStringList actions;
    for (const QJsonValue &v : CliTest::parseJson(r.out).array()) {
        QCOMPARE(v.toObject().value(QStringLiteral("site")).toString(), QStringLiteral("shop"));
        actions << v.toObject().value(QStringLiteral("action")).toString();
    }
    QCOMPARE(actions,
             QStringList(
                 { QStringLiteral("backup.delete"), QStringLiteral("backup.link"), QStringLiteral("backup.create") }));
    // A site with no entries yet: an empty list, not an error.
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("fresh"), QStringLiteral("Fresh"), QStringLiteral("acme"), Tier::Basic, {} }));
    QCOMPARE(listedTimes({ QStringLiteral("--site"), QStringLiteral("fresh") }), QStringList());
    // A removed site's history stays listable.
    QVERIFY(m_catalog->removeSite(QStringLiteral("blog")));
    QCOMPARE(listedTimes({ QStringLiteral("--site"), QStringLiteral("blog") }),
             QStringList({ QStringLiteral("2026-12-01T00:00:00Z") }));
}

void TestCliAudit::jsonFieldsAndNulls()
{
    const auto r = m_env->run({ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonArray entries = CliTest::parseJson(r.out).array();
    QCOMPARE(entries.size(), 5);
    QStringList expectedKeys{ QStringLiteral("action"),    QStringLiteral("actor"),  QStringLiteral("at"),
                              QStringLiteral("backup_id"), QStringLiteral("detail"), QStringLiteral("env"),
                              QStringLiteral("outcome"),   QStringLiteral("site") };
    for (const QJsonValue &v : entries)
        QCOMPARE(v.toObject().keys(), expectedKeys);

    const QJsonObject refused = entries.at(0).toObject();
    QCOMPARE(refused.value(QStringLiteral("at")).toString(), QStringLiteral("2026-12-02T08:15:30Z"));
    QCOMPARE(refused.value(QStringLiteral("actor")).toString(), QStringLiteral("alice"));
    QCOMPARE(refused.value(QStringLiteral("action")).toString(), QStringLiteral("backup.delete"));
    QCOMPARE(refused.value(QStringLiteral("site")).toString(), QStringLiteral("shop"));
    QCOMPARE(refused.value(QStringLiteral("env")).toString(), QStringLiteral("stage"));
    QCOMPARE(refused.value(QStringLiteral("backup_id")).toString(), QStringLiteral("b-3"));
    QCOMPARE(refused.value(QStringLiteral("detail")).toString(), QStringLiteral("detail of backup.delete"));
    QCOMPARE(refused.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));

    const QJsonObject global = entries.at(1).toObject(); // no site, environment or backup
    QCOMPARE(global.value(QStringLiteral("action")).toString(), QStringLiteral("settings.change"));
    QVERIFY(global.value(QStringLiteral("site")).isNull());
    QVERIFY(global.value(QStringLiteral("env")).isNull());
    QVERIFY(global.value(QStringLiteral("backup_id")).isNull());
    QCOMPARE(global.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));

    const QJsonObject schedule = entries.at(3).toObject(); // a site and environment, no backup
    QCOMPARE(schedule.value(QStringLiteral("env")).toString(), QStringLiteral("prod"));
    QVERIFY(schedule.value(QStringLiteral("backup_id")).isNull());
}

void TestCliAudit::textTable()
{
    const auto r
        = m_env->run({ QStringLiteral("audit"), QStringLiteral("ls"), QStringLiteral("--limit"), QStringLiteral("1") });
    CLI_EXPECT(r, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    for (const char *header : { "AT (UTC)", "ACTOR", "ACTION", "SITE", "ENV", "BACKUP", "OUTCOME", "DETAIL" })
        QVERIFY2(lines.at(0).contains(QLatin1String(header)), header);
    for (const char *cell : { "2026-12-02T08:15:30Z", "alice", "backup.delete", "shop", "stage", "b-3", "refused" })
        QVERIFY2(lines.at(1).contains(QLatin1String(cell)), cell);
}

void TestCliAudit::badArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("since: a word") << QStringList{ QStringLiteral("--since"), QStringLiteral("yesterday") };
    QTest::newRow("since: month 13") << QStringList{ QStringLiteral("--since"), QStringLiteral("2026-13-01") };
    QTest::newRow("since: time alone") << QStringList{ QStringLiteral("--since"), QStringLiteral("10:00") };
    QTest::newRow("since: no value") << QStringList{ QStringLiteral("--since") };
    QTest::newRow("limit: zero") << QStringList{ QStringLiteral("--limit"), QStringLiteral("0") };
    QTest::newRow("limit: negative") << QStringList{ QStringLiteral("--limit"), QStringLiteral("-3") };
    QTest::newRow("limit: a word") << QStringList{ QStringLiteral("--limit"), QStringLiteral("ten") };
    QTest::newRow("site: not a slug") << QStringList{ QStringLiteral("--site"), QStringLiteral("../shop") };
    QTest::newRow("site: empty") << QStringList{ QStringLiteral("--site=") };
    QTest::newRow("a positional") << QStringList{ QStringLiteral("shop") };
    QTest::newRow("unknown option") << QStringList{ QStringLiteral("--env"), QStringLiteral("prod") };
    QTest::newRow("json takes no value") << QStringList{ QStringLiteral("--json=1") };
}

void TestCliAudit::badArgumentsExitTwo()
{
    QFETCH(QStringList, args);
    const auto r = m_env->run(QStringList{ QStringLiteral("audit"), QStringLiteral("list") } + args);
    CLI_EXPECT(r, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    const auto bare = m_env->run({ QStringLiteral("audit") });
    CLI_EXPECT(bare, 2);
}

void TestCliAudit::unknownSiteFails()
{
    const auto r = m_env->run({ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--site"),
                                QStringLiteral("nope"), QStringLiteral("--json") });
    CLI_EXPECT(r, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count(u'\n'), 1);
    QVERIFY2(r.err.startsWith(QLatin1String("creodrop-backupctl: ")) && r.err.contains(QLatin1String("nope")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliAudit)
#include "TestCliAudit.moc"
