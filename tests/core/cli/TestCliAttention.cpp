// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// `backup list --all-sites` through the real creodrop-backupctl (an adapter over AttentionQuery,
// which TestAttentionQuery covers), on SQLite and MariaDB catalogs filled through the Catalog API.
#include "CliTestEnv.h"
#include "jobs/RecoveryJob.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class TestCliAttention : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { CliTest::addCatalogKindRows(); }
    void init();
    void cleanup();

    void emptyCatalogNeedsNothing();
    void listsEverySiteWithBackupFields();
    void statusFilterAndUsage();

private:
    QJsonArray listJson(const QStringList &extra = {})
    {
        QStringList args{ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites"),
                          QStringLiteral("--json") };
        const auto r = m_env->run(args + extra);
        if (r.exitCode != 0)
            qWarning("exit %d: %s", r.exitCode, qPrintable(r.err));
        return CliTest::parseJson(r.out).array();
    }
    void fillCatalog();

    std::unique_ptr<CliTestEnv> m_env;
    std::unique_ptr<Catalog> m_catalog;
    SystemClock m_clock;
    QString m_failed;
    QString m_interrupted;
    int m_counter = 0;
};

void TestCliAttention::init()
{
    QFETCH_GLOBAL(bool, mariadb);
    if (mariadb)
        CREODROP_REQUIRE_MYSQL();
    m_env = std::make_unique<CliTestEnv>();
    QVERIFY(m_env->setUp(mariadb, QStringLiteral("cliatt%1").arg(++m_counter)));
    QString error;
    m_catalog = Catalog::open(m_env->location(), &m_clock, &error);
    QVERIFY2(m_catalog, qPrintable(error));
}

void TestCliAttention::cleanup()
{
    m_catalog.reset();
    if (m_env)
        m_env->tearDown();
    m_env.reset();
}

void TestCliAttention::fillCatalog()
{
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("initech"), Tier::Basic, {} }));
    QVERIFY(m_catalog->addSite(
        { QStringLiteral("fine"), QStringLiteral("Fine"), QStringLiteral("acme"), Tier::Basic, {} }));
    auto finish = [&](const QString &site, Environment env, BackupStatus status, const QString &error) {
        const QString id = m_catalog->createBackup(site, env, BackupType::Manual, QStringLiteral("alice")).id;
        if (!m_catalog->claimBackup(id, QStringLiteral("w1")))
            return QString();
        if (status == BackupStatus::Completed)
            m_catalog->completeBackup(id, QStringLiteral("w1"), 2048, 10000, QStringLiteral("ab12"));
        else
            m_catalog->failBackup(id, status, error);
        return id;
    };
    m_failed = finish(QStringLiteral("shop"), Environment::Dev, BackupStatus::Failed,
                      QStringLiteral("Access denied for user 'u'"));
    m_interrupted
        = finish(QStringLiteral("blog"), Environment::Prod, BackupStatus::Failed, RecoveryJob::interruptedMessage());
    QVERIFY(!finish(QStringLiteral("fine"), Environment::Prod, BackupStatus::Completed, {}).isEmpty());
    Schedule overdue;
    overdue.siteId = QStringLiteral("shop");
    overdue.environment = Environment::Prod;
    overdue.timeUtc = QTime(2, 0);
    overdue.createdAt = m_clock.nowUtc().addDays(-10);
    QVERIFY(m_catalog->setSchedule(overdue));
}

void TestCliAttention::emptyCatalogNeedsNothing()
{
    auto r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites") });
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains(QLatin1String("Nothing needs attention.")), qPrintable(r.out));
    r = m_env->run(
        { QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QVERIFY(CliTest::parseJson(r.out).isArray());
    QVERIFY(CliTest::parseJson(r.out).array().isEmpty());
}

void TestCliAttention::listsEverySiteWithBackupFields()
{
    fillCatalog();
    const QJsonArray items = listJson();
    QCOMPARE(items.size(), 3);
    QHash<QString, QJsonObject> byKind;
    for (const QJsonValue &v : items)
        byKind.insert(v.toObject().value(QStringLiteral("attention")).toString(), v.toObject());

    const QJsonObject failed = byKind.value(QStringLiteral("failed"));
    QCOMPARE(failed.value(QStringLiteral("id")).toString(), m_failed);
    QCOMPARE(failed.value(QStringLiteral("site")).toString(), QStringLiteral("shop"));
    QCOMPARE(failed.value(QStringLiteral("site_name")).toString(), QStringLiteral("Shop"));
    QCOMPARE(failed.value(QStringLiteral("env")).toString(), QStringLiteral("dev"));
    QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(failed.value(QStringLiteral("error")).toString(), QStringLiteral("Access denied for user 'u'"));
    QCOMPARE(failed.value(QStringLiteral("action")).toString(), QStringLiteral("retry_backup"));
    QVERIFY(failed.value(QStringLiteral("reason")).toString().contains(QLatin1String("Access denied")));
    QVERIFY(failed.value(QStringLiteral("attention_at")).toString().endsWith(u'Z'));
    // Every field of `backup list --json` is there.
    const auto plain = m_env->run(
        { QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"), QStringLiteral("--json") });
    CLI_EXPECT(plain, 0);
    for (const QString &key : CliTest::parseJson(plain.out).array().first().toObject().keys())
        QVERIFY2(failed.contains(key), qPrintable(key));

    const QJsonObject interrupted = byKind.value(QStringLiteral("interrupted"));
    QCOMPARE(interrupted.value(QStringLiteral("id")).toString(), m_interrupted);
    QCOMPARE(interrupted.value(QStringLiteral("site")).toString(), QStringLiteral("blog"));
    QCOMPARE(interrupted.value(QStringLiteral("customer")).toString(), QStringLiteral("initech"));

    const QJsonObject overdue = byKind.value(QStringLiteral("overdue"));
    QCOMPARE(overdue.value(QStringLiteral("site")).toString(), QStringLiteral("shop"));
    QCOMPARE(overdue.value(QStringLiteral("env")).toString(), QStringLiteral("prod"));
    QVERIFY(overdue.value(QStringLiteral("id")).isNull()); // the schedule produced no backup
    QVERIFY(overdue.value(QStringLiteral("status")).isNull());
    QCOMPARE(overdue.value(QStringLiteral("action")).toString(), QStringLiteral("open_site"));

    // The table names site, environment, what is wrong and when.
    const auto table = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites") });
    CLI_EXPECT(table, 0);
    QVERIFY(table.out.startsWith(QLatin1String("SITE")));
    QVERIFY2(table.out.contains(m_failed) && table.out.contains(QLatin1String("overdue")), qPrintable(table.out));
}

void TestCliAttention::statusFilterAndUsage()
{
    fillCatalog();
    QJsonArray items = listJson({ QStringLiteral("--status"), QStringLiteral("failed") });
    QStringList kinds;
    for (const QJsonValue &v : items)
        kinds << v.toObject().value(QStringLiteral("attention")).toString();
    kinds.sort();
    QCOMPARE(kinds, (QStringList{ QStringLiteral("failed"), QStringLiteral("interrupted") }));
    items = listJson({ QStringLiteral("--status"), QStringLiteral("overdue") });
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(QStringLiteral("attention")).toString(), QStringLiteral("overdue"));

    auto r = m_env->run({ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites"),
                          QStringLiteral("--status"), QStringLiteral("pending") });
    CLI_EXPECT(r, 2);
    r = m_env->run(
        { QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites"), QStringLiteral("shop") });
    CLI_EXPECT(r, 2);
}

QTEST_GUILESS_MAIN(TestCliAttention)
#include "TestCliAttention.moc"
