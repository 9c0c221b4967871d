// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// site / env / schedule commands through the real creodrop-backupctl, on an SQLite catalog and
// on a MariaDB catalog.
#include "CliTestEnv.h"
#include "secrets/KeychainSecretStore.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

class TestCliSites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void siteLifecycle();
    void usageErrorsExitTwo();
    void refusalsExitOne();
    void slugsAreWholeStrings();
    void environmentsFollowTier();
    void schedules();
    void concurrentProcessesOnAFreshCatalog();
    void passwordNeverLeaks();
    void headlessKeychainMessage();
    void catalogFreeToolsParseLikeTheOthers();
    void unreadableCatalogIsNeverShownAsEmpty();

private:
    std::unique_ptr<CliTestEnv> m_env;
    int m_counter = 0;
};

using CliTest::parseJson;

void TestCliSites::initTestCase_data()
{
    CliTest::addCatalogKindRows();
}

void TestCliSites::init()
{
    QFETCH_GLOBAL(bool, mariadb);
    if (mariadb)
        CREODROP_REQUIRE_MYSQL();
    m_env = std::make_unique<CliTestEnv>();
    QVERIFY(m_env->setUp(mariadb, QStringLiteral("clisites%1").arg(++m_counter)));
}

void TestCliSites::cleanup()
{
    if (m_env)
        m_env->tearDown();
    m_env.reset();
}

void TestCliSites::siteLifecycle()
{
    QFETCH_GLOBAL(bool, mariadb);
    auto r = m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("shop"),
                          QStringLiteral("--name"), QStringLiteral("Acme Shop"), QStringLiteral("--customer"),
                          QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("developer") });
    CLI_EXPECT(r, 0);
    if (!mariadb) // the default catalog lives under CREODROP_HOME
        QVERIFY(QFileInfo::exists(m_env->home() + QStringLiteral("/catalog.sqlite")));
    r = m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("blog"),
                     QStringLiteral("--name=The Blog"), QStringLiteral("--customer=acme"),
                     QStringLiteral("--tier=basic") });
    CLI_EXPECT(r, 0);

    r = m_env->run({ QStringLiteral("site"), QStringLiteral("list") });
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains(QLatin1String("Acme Shop")));
    QVERIFY(r.out.indexOf(QLatin1String("blog")) < r.out.indexOf(QLatin1String("shop")));

    r = m_env->run({ QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonArray sites = parseJson(r.out).array();
    QCOMPARE(sites.size(), 2);
    const QJsonObject shop = sites.at(1).toObject();
    QCOMPARE(shop.value(QStringLiteral("id")).toString(), QStringLiteral("shop"));
    QCOMPARE(shop.value(QStringLiteral("name")).toString(), QStringLiteral("Acme Shop"));
    QCOMPARE(shop.value(QStringLiteral("customer")).toString(), QStringLiteral("acme"));
    QCOMPARE(shop.value(QStringLiteral("tier")).toString(), QStringLiteral("developer"));
    QCOMPARE(shop.value(QStringLiteral("environments")).toArray().size(), 3);
    QCOMPARE(sites.at(0).toObject().value(QStringLiteral("environments")).toArray(),
             QJsonArray{ QStringLiteral("prod") });
    QVERIFY(QDateTime::fromString(shop.value(QStringLiteral("created_at")).toString(), Qt::ISODate).isValid());

    r = m_env->run(
        { QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("shop"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QCOMPARE(parseJson(r.out).object().value(QStringLiteral("name")).toString(), QStringLiteral("Acme Shop"));
    r = m_env->run({ QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("shop") });
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains(QLatin1String("(not configured)")));

    r = m_env->run({ QStringLiteral("site"), QStringLiteral("rm"), QStringLiteral("blog") });
    CLI_EXPECT(r, 0);
    r = m_env->run({ QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(parseJson(r.out).array().size(), 1);

    // The catalog file is the same one the library opens.
    QString error;
    auto catalog = Catalog::open(m_env->location(), nullptr, &error);
    QVERIFY2(catalog, qPrintable(error));
    QVERIFY(catalog->site(QStringLiteral("shop")));
    QVERIFY(!catalog->site(QStringLiteral("blog")));
    QVERIFY(!catalog->auditLog(QStringLiteral("blog")).isEmpty());
    QCOMPARE(catalog->auditLog(QStringLiteral("blog")).at(0).action, QStringLiteral("site.remove"));
    QCOMPARE(catalog->auditLog(QStringLiteral("blog")).at(0).actor, QStringLiteral("cli-tester"));
}

void TestCliSites::usageErrorsExitTwo()
{
    const QList<QStringList> cases = {
        { QStringLiteral("site") },
        { QStringLiteral("site"), QStringLiteral("frobnicate") },
        { QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("shop"), QStringLiteral("--customer"),
          QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("basic") }, // no --name
        { QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("shop"), QStringLiteral("--name"),
          QStringLiteral("S"), QStringLiteral("--customer"), QStringLiteral("acme"), QStringLiteral("--tier"),
          QStringLiteral("gold") },
        { QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--color") },
        { QStringLiteral("site"), QStringLiteral("show") },
        { QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b") },
        // --confirm belongs to --delete-backups
        { QStringLiteral("site"), QStringLiteral("rm"), QStringLiteral("shop"), QStringLiteral("--confirm"),
          QStringLiteral("shop") },
        { QStringLiteral("env"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("qa"),
          QStringLiteral("--host"), QStringLiteral("h"), QStringLiteral("--database"), QStringLiteral("d"),
          QStringLiteral("--user"), QStringLiteral("u") },
        { QStringLiteral("env"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--host"), QStringLiteral("h"), QStringLiteral("--port"), QStringLiteral("99999"),
          QStringLiteral("--database"), QStringLiteral("d"), QStringLiteral("--user"), QStringLiteral("u") },
        { QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--daily"), QStringLiteral("25:00"), QStringLiteral("--keep"), QStringLiteral("3") },
        { QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--daily"), QStringLiteral("02:00"), QStringLiteral("--weekly"), QStringLiteral("sun@02:00"),
          QStringLiteral("--keep"), QStringLiteral("3") },
        { QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--weekly"), QStringLiteral("someday@02:00"), QStringLiteral("--keep"), QStringLiteral("3") },
        { QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--daily"), QStringLiteral("02:00"), QStringLiteral("--keep"), QStringLiteral("0") },
        { QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--daily"), QStringLiteral("02:00") }, // no --keep
    };
    for (const QStringList &args : cases) {
        const auto r = m_env->run(args);
        QVERIFY2(r.exitCode == 2,
                 qPrintable(args.join(u' ') + QStringLiteral(" -> %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(QLatin1String("Usage: creodrop-backupctl")), qPrintable(r.err));
    }
    for (const QStringList &args :
         { QStringList{ QStringLiteral("site"), QStringLiteral("--help") },
           QStringList{ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("--help") },
           QStringList{ QStringLiteral("schedule"), QStringLiteral("--help") },
           QStringList{ QStringLiteral("env"), QStringLiteral("--help") } }) {
        const auto r = m_env->run(args);
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.contains(QLatin1String("Usage: creodrop-backupctl")));
    }
}

void TestCliSites::refusalsExitOne()
{
    auto add = [&](const QString &id, const QString &customer) {
        return m_env->run({ QStringLiteral("site"), QStringLiteral("add"), id, QStringLiteral("--name"),
                            QStringLiteral("X"), QStringLiteral("--customer"), customer, QStringLiteral("--tier"),
                            QStringLiteral("basic") });
    };
    // A malformed slug is a usage error (exit 2), like any malformed argument; see slugsAreWholeStrings.
    auto r = add(QStringLiteral("Bad_Slug"), QStringLiteral("acme"));
    CLI_EXPECT(r, 2);
    QVERIFY(r.err.startsWith(QLatin1String("creodrop-backupctl: Invalid site")));
    r = add(QStringLiteral("ok"), QStringLiteral("../../etc"));
    CLI_EXPECT(r, 2);
    CLI_EXPECT(add(QStringLiteral("ok"), QStringLiteral("acme")), 0);
    r = add(QStringLiteral("ok"), QStringLiteral("acme"));
    CLI_EXPECT(r, 1);
    QVERIFY(r.err.contains(QLatin1String("already exists")));
    r = m_env->run({ QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("nope") });
    CLI_EXPECT(r, 1);
    r = m_env->run({ QStringLiteral("site"), QStringLiteral("rm"), QStringLiteral("nope") });
    CLI_EXPECT(r, 1);
    r = m_env->run({ QStringLiteral("schedule"), QStringLiteral("show"), QStringLiteral("nope") });
    CLI_EXPECT(r, 1);
}

void TestCliSites::slugsAreWholeStrings()
{
    // "shop\n" must not pass for "shop" (`$` matches before a final newline), nor may anything
    // that would become a path: '/', "..", a leading dot.
    CLI_EXPECT(m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("shop"),
                            QStringLiteral("--name"), QStringLiteral("Shop"), QStringLiteral("--customer"),
                            QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("developer") }),
               0);
    const QStringList badSlugs{ QStringLiteral("shop\n"), QStringLiteral("sh/op"),   QStringLiteral(".."),
                                QStringLiteral(".shop"),  QStringLiteral("../shop"), QStringLiteral("shop\r\n") };
    const QStringList badIds{ QStringLiteral("20261125T194512123Z-3f9a1c2b\n"), QStringLiteral("a/b"),
                              QStringLiteral(".."), QStringLiteral(".x"), QStringLiteral("-x") };
    const QStringList endpoint{ QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--database"),
                                QStringLiteral("d"),      QStringLiteral("--user"),    QStringLiteral("u") };
    QList<QStringList> cases;
    for (const QString &bad : badSlugs) {
        cases << QStringList{ QStringLiteral("site"),   QStringLiteral("add"),    bad,
                              QStringLiteral("--name"), QStringLiteral("X"),      QStringLiteral("--customer"),
                              QStringLiteral("acme"),   QStringLiteral("--tier"), QStringLiteral("basic") }
              << QStringList{ QStringLiteral("site"),
                              QStringLiteral("add"),
                              QStringLiteral("other"),
                              QStringLiteral("--name"),
                              QStringLiteral("X"),
                              QStringLiteral("--customer"),
                              bad,
                              QStringLiteral("--tier"),
                              QStringLiteral("basic") }
              << QStringList{ QStringLiteral("site"), QStringLiteral("show"), bad }
              << QStringList{ QStringLiteral("site"), QStringLiteral("rm"), bad }
              << QStringList{ QStringLiteral("env"), QStringLiteral("set"), bad, QStringLiteral("prod") } + endpoint
              << QStringList{ QStringLiteral("schedule"), QStringLiteral("set"),     bad,
                              QStringLiteral("prod"),     QStringLiteral("--daily"), QStringLiteral("02:00"),
                              QStringLiteral("--keep"),   QStringLiteral("3") }
              << QStringList{ QStringLiteral("schedule"), QStringLiteral("show"), bad }
              << QStringList{ QStringLiteral("schedule"), QStringLiteral("rm"), bad, QStringLiteral("prod") }
              << QStringList{ QStringLiteral("backup"), QStringLiteral("create"), bad, QStringLiteral("prod") }
              << QStringList{ QStringLiteral("backup"), QStringLiteral("list"), bad };
    }
    for (const QString &env : { QStringLiteral("prod\n"), QStringLiteral("../prod"), QStringLiteral(".prod") }) {
        cases << QStringList{ QStringLiteral("env"), QStringLiteral("set"), QStringLiteral("shop"), env } + endpoint
              << QStringList{ QStringLiteral("backup"), QStringLiteral("create"), QStringLiteral("shop"), env }
              << QStringList{ QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop"),
                              QStringLiteral("--env"), env };
    }
    for (const QString &bad : badIds) {
        for (const char *command : { "show", "download", "link", "verify", "delete", "pin", "unpin" })
            cases << QStringList{ QStringLiteral("backup"), QLatin1String(command), QStringLiteral("--"), bad };
    }
    for (const QStringList &args : std::as_const(cases)) {
        const auto r = m_env->run(args);
        QVERIFY2(r.exitCode == 2,
                 qPrintable(args.join(u' ') + QStringLiteral(" -> %1: %2").arg(r.exitCode).arg(r.err)));
    }
    // Nothing was created or changed by any of them.
    const auto list = m_env->run({ QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json") });
    CLI_EXPECT(list, 0);
    const QJsonArray sites = CliTest::parseJson(list.out).array();
    QCOMPARE(sites.size(), 1);
    QCOMPARE(sites.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("shop"));
    const auto show = m_env->run(
        { QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("shop"), QStringLiteral("--json") });
    CLI_EXPECT(show, 0);
    QVERIFY(CliTest::parseJson(show.out).object().value(QStringLiteral("endpoints")).toArray().isEmpty());
}

void TestCliSites::environmentsFollowTier()
{
    CLI_EXPECT(m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("blog"),
                            QStringLiteral("--name"), QStringLiteral("Blog"), QStringLiteral("--customer"),
                            QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("basic") }),
               0);
    auto envSet = [&](const QString &env) {
        return m_env->run({ QStringLiteral("env"), QStringLiteral("set"), QStringLiteral("blog"), env,
                            QStringLiteral("--host"), QStringLiteral("db.internal"), QStringLiteral("--port"),
                            QStringLiteral("3307"), QStringLiteral("--database"), QStringLiteral("blog_%1").arg(env),
                            QStringLiteral("--user"), QStringLiteral("blogger") });
    };
    auto r = envSet(QStringLiteral("dev"));
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("no dev environment")), qPrintable(r.err));
    CLI_EXPECT(envSet(QStringLiteral("prod")), 0);
    r = m_env->run(
        { QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("blog"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonArray endpoints = parseJson(r.out).object().value(QStringLiteral("endpoints")).toArray();
    QCOMPARE(endpoints.size(), 1);
    const QJsonObject prod = endpoints.at(0).toObject();
    QCOMPARE(prod.value(QStringLiteral("env")).toString(), QStringLiteral("prod"));
    QCOMPARE(prod.value(QStringLiteral("host")).toString(), QStringLiteral("db.internal"));
    QCOMPARE(prod.value(QStringLiteral("port")).toInt(), 3307);
    QCOMPARE(prod.value(QStringLiteral("database")).toString(), QStringLiteral("blog_prod"));
    QCOMPARE(prod.value(QStringLiteral("user")).toString(), QStringLiteral("blogger"));
    QCOMPARE(prod.value(QStringLiteral("password_key")).toString(), QStringLiteral("mysql/blog/prod"));
    r = m_env->run({ QStringLiteral("env"), QStringLiteral("set"), QStringLiteral("nope"), QStringLiteral("prod"),
                     QStringLiteral("--host"), QStringLiteral("h"), QStringLiteral("--database"), QStringLiteral("d"),
                     QStringLiteral("--user"), QStringLiteral("u") });
    CLI_EXPECT(r, 1);
}

void TestCliSites::schedules()
{
    CLI_EXPECT(m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("shop"),
                            QStringLiteral("--name"), QStringLiteral("Shop"), QStringLiteral("--customer"),
                            QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("developer") }),
               0);
    CLI_EXPECT(m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("blog"),
                            QStringLiteral("--name"), QStringLiteral("Blog"), QStringLiteral("--customer"),
                            QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("basic") }),
               0);
    CLI_EXPECT(m_env->run({ QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"),
                            QStringLiteral("dev"), QStringLiteral("--daily"), QStringLiteral("02:30"),
                            QStringLiteral("--keep"), QStringLiteral("7") }),
               0);
    CLI_EXPECT(
        m_env->run({ QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("blog"), QStringLiteral("prod"),
                     QStringLiteral("--weekly"), QStringLiteral("sun@03:15"), QStringLiteral("--keep"),
                     QStringLiteral("4"), QStringLiteral("--keep-days"), QStringLiteral("30") }),
        0);
    auto r = m_env->run({ QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("blog"),
                          QStringLiteral("dev"), QStringLiteral("--daily"), QStringLiteral("01:00"),
                          QStringLiteral("--keep"), QStringLiteral("1") });
    CLI_EXPECT(r, 1); // basic tier: no dev

    r = m_env->run({ QStringLiteral("schedule"), QStringLiteral("show"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonArray all = parseJson(r.out).array();
    QCOMPARE(all.size(), 2);
    const QJsonObject blog = all.at(0).toObject();
    QCOMPARE(blog.value(QStringLiteral("site")).toString(), QStringLiteral("blog"));
    QCOMPARE(blog.value(QStringLiteral("frequency")).toString(), QStringLiteral("weekly"));
    QCOMPARE(blog.value(QStringLiteral("weekday")).toString(), QStringLiteral("sun"));
    QCOMPARE(blog.value(QStringLiteral("time_utc")).toString(), QStringLiteral("03:15"));
    QCOMPARE(blog.value(QStringLiteral("keep_last")).toInt(), 4);
    QCOMPARE(blog.value(QStringLiteral("keep_days")).toInt(), 30);
    const QDateTime next = QDateTime::fromString(blog.value(QStringLiteral("next_run_at")).toString(), Qt::ISODate);
    QVERIFY(next.isValid());
    QCOMPARE(next.date().dayOfWeek(), 7);
    QCOMPARE(next.time(), QTime(3, 15));
    QVERIFY(blog.value(QStringLiteral("last_run_at")).isNull());

    r = m_env->run(
        { QStringLiteral("schedule"), QStringLiteral("show"), QStringLiteral("shop"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    const QJsonArray shop = parseJson(r.out).array();
    QCOMPARE(shop.size(), 1);
    QCOMPARE(shop.at(0).toObject().value(QStringLiteral("frequency")).toString(), QStringLiteral("daily"));
    QCOMPARE(shop.at(0).toObject().value(QStringLiteral("env")).toString(), QStringLiteral("dev"));

    // Changing a schedule replaces it.
    CLI_EXPECT(m_env->run({ QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"),
                            QStringLiteral("dev"), QStringLiteral("--weekly"), QStringLiteral("1@04:00"),
                            QStringLiteral("--keep"), QStringLiteral("2") }),
               0);
    r = m_env->run({ QStringLiteral("schedule"), QStringLiteral("show"), QStringLiteral("shop") });
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains(QLatin1String("weekly mon@04:00")), qPrintable(r.out));
    QCOMPARE(r.out.count(u'\n'), 2); // header + one row
}

void TestCliSites::concurrentProcessesOnAFreshCatalog()
{
    // Several processes open a catalog nobody created yet, at once: one creates and migrates it,
    // the others wait (SQLite busy timeout / MariaDB migration lock) and every write succeeds.
    const int n = 6;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < n; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(m_env->environment());
        p->start(QStringLiteral(CREODROP_CLI_PATH),
                 { QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("site-%1").arg(i),
                   QStringLiteral("--name"), QStringLiteral("S"), QStringLiteral("--customer"), QStringLiteral("acme"),
                   QStringLiteral("--tier"), QStringLiteral("developer") });
        processes.push_back(std::move(p));
    }
    for (auto &p : processes) {
        QVERIFY(p->waitForFinished(60000));
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
    }
    const auto r = m_env->run({ QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json") });
    CLI_EXPECT(r, 0);
    QCOMPARE(parseJson(r.out).array().size(), n);
}

void TestCliSites::passwordNeverLeaks()
{
    QFETCH_GLOBAL(bool, mariadb);
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (TestServices::servicesRequired())
            QFAIL("No D-Bus session: run the tests inside scripts/keyring-session");
        QSKIP("No D-Bus session: run inside scripts/keyring-session");
    }
    const QString site = QStringLiteral("leak%1-%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate() % 100000);
    const QByteArray password = "Pw-" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + "-zz";
    QStringList outputs;
    auto run = [&](const QStringList &args, const QByteArray &in = {}) {
        const auto r = m_env->run(args, in);
        outputs << r.out << r.err;
        return r;
    };
    CLI_EXPECT(run({ QStringLiteral("site"), QStringLiteral("add"), site, QStringLiteral("--name"), QStringLiteral("L"),
                     QStringLiteral("--customer"), QStringLiteral("acme"), QStringLiteral("--tier"),
                     QStringLiteral("developer") }),
               0);
    auto r = run({ QStringLiteral("env"), QStringLiteral("set"), site, QStringLiteral("stage"),
                   QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                   QStringLiteral("3306"), QStringLiteral("--database"), QStringLiteral("d"), QStringLiteral("--user"),
                   QStringLiteral("u"), QStringLiteral("--password-stdin") },
                 password + '\n');
    CLI_EXPECT(r, 0);
    for (const QStringList &args :
         { QStringList{ QStringLiteral("site"), QStringLiteral("show"), site, QStringLiteral("--json") },
           QStringList{ QStringLiteral("site"), QStringLiteral("show"), site },
           QStringList{ QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json") } })
        CLI_EXPECT(run(args), 0);

    // Stored in the keychain, exactly (without the newline)...
    KeychainSecretStore keychain;
    SecretJob *job = keychain.read(QStringLiteral("mysql/%1/stage").arg(site));
    job->setAutoDelete(false);
    std::unique_ptr<SecretJob> owner(job);
    QSignalSpy spy(job, &Job::finished);
    job->start();
    QVERIFY(spy.wait(20000));
    QVERIFY2(job->succeeded(), qPrintable(job->errorString()));
    QCOMPARE(job->secret(), QString::fromUtf8(password));

    // ...and nowhere else: no file under CREODROP_HOME (settings, catalog, WAL), no output.
    QCOMPARE(m_env->filesContaining(password), QStringList());
    for (const QString &o : std::as_const(outputs))
        QVERIFY2(!o.contains(QString::fromUtf8(password)), qPrintable(o));
    if (mariadb) {
        QString error;
        const SystemClock clock;
        auto catalog = Catalog::open(m_env->location(), &clock, &error);
        QVERIFY(catalog);
        QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM environments e, audit_log a WHERE "
                                      "CONCAT_WS('|', e.host, e.socket, e.db_name, e.db_user, a.detail, a.actor) "
                                      "LIKE '%%1%'")
                           .arg(QString::fromUtf8(password))));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // Removing the site removes its password from the keychain.
    CLI_EXPECT(run({ QStringLiteral("site"), QStringLiteral("rm"), site }), 0);
    SecretJob *after = keychain.read(QStringLiteral("mysql/%1/stage").arg(site));
    after->setAutoDelete(false);
    std::unique_ptr<SecretJob> afterOwner(after);
    QSignalSpy afterSpy(after, &Job::finished);
    after->start();
    QVERIFY(afterSpy.wait(20000));
    QVERIFY(after->succeeded());
    QVERIFY(after->isNotFound());
}

void TestCliSites::headlessKeychainMessage()
{
    // No Secret Service reachable and no variable set: the message says what to do.
    CLI_EXPECT(m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("shop"),
                            QStringLiteral("--name"), QStringLiteral("Shop"), QStringLiteral("--customer"),
                            QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("basic") }),
               0);
    QProcessEnvironment env = m_env->environment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/creodrop-bus"));
    env.remove(QStringLiteral("DISPLAY"));
    const auto r
        = m_env->run({ QStringLiteral("env"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
                       QStringLiteral("--host"), QStringLiteral("h"), QStringLiteral("--database"), QStringLiteral("d"),
                       QStringLiteral("--user"), QStringLiteral("u"), QStringLiteral("--password-stdin") },
                     "secret-headless\n", env);
    CLI_EXPECT(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("No Secret Service is running")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QLatin1String("secret-headless")));
    QCOMPARE(r.err.count(u'\n'), 1);

    QFETCH_GLOBAL(bool, mariadb);
    if (mariadb) {
        // A MySQL catalog without CREODROP_CATALOG_PASSWORD and no keychain: told which variable to set.
        env.remove(QStringLiteral("CREODROP_CATALOG_PASSWORD"));
        const auto list = m_env->run({ QStringLiteral("site"), QStringLiteral("list") }, {}, env);
        CLI_EXPECT(list, 1);
        QVERIFY2(list.err.contains(QLatin1String("CREODROP_CATALOG_PASSWORD")), qPrintable(list.err));
    }
}

void TestCliSites::catalogFreeToolsParseLikeTheOthers()
{
    // storage, dump and load are CommandGroups too: usage errors exit 2 with the usage line, before
    // any storage or MySQL connection.
    const QStringList endpoint{ QStringLiteral("--user"), QStringLiteral("u"), QStringLiteral("--database"),
                                QStringLiteral("d") };
    const QList<QStringList> usageErrors{
        { QStringLiteral("storage") },
        { QStringLiteral("storage"), QStringLiteral("frobnicate") },
        { QStringLiteral("storage"), QStringLiteral("ls"), QStringLiteral("--bogus") },
        { QStringLiteral("storage"), QStringLiteral("put"), QStringLiteral("--force"), QStringLiteral("a"),
          QStringLiteral("b") },
        { QStringLiteral("storage"), QStringLiteral("presign"), QStringLiteral("k"), QStringLiteral("--expires") },
        { QStringLiteral("dump"), QStringLiteral("--bogus") },
        QStringList{ QStringLiteral("dump"), QStringLiteral("extra") } + endpoint,
        QStringList{ QStringLiteral("dump"), QStringLiteral("--level"), QStringLiteral("10") } + endpoint,
        { QStringLiteral("dump"), QStringLiteral("--database"), QStringLiteral("d") },
        { QStringLiteral("load"), QStringLiteral("--bogus") },
        QStringList{ QStringLiteral("load"), QStringLiteral("--quiet=1") } + endpoint,
        QStringList{ QStringLiteral("load"), QStringLiteral("--definer"), QStringLiteral("maybe") } + endpoint,
        { QStringLiteral("load"), QStringLiteral("--user"), QStringLiteral("u") },
    };
    for (const QStringList &args : usageErrors) {
        const auto r = m_env->run(args);
        QVERIFY2(r.exitCode == 2,
                 qPrintable(args.join(u' ') + QStringLiteral(" -> %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(QLatin1String("Usage: creodrop-backupctl")), qPrintable(r.err));
    }
    const QList<QPair<QStringList, QString>> helps{
        { { QStringLiteral("storage"), QStringLiteral("--help") }, QStringLiteral("storage presign KEY") },
        { { QStringLiteral("storage"), QStringLiteral("get"), QStringLiteral("--help") },
          QStringLiteral("storage get KEY FILE [--force]") },
        { { QStringLiteral("dump"), QStringLiteral("--help") }, QStringLiteral("--tls-ca FILE") },
        { { QStringLiteral("load"), QStringLiteral("-h") }, QStringLiteral("--map-mysql8-collations") },
    };
    for (const auto &help : helps) {
        const auto r = m_env->run(help.first);
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Usage: creodrop-backupctl ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(help.second), qPrintable(r.out));
        // The usage names the program, never the path it was started from.
        QVERIFY2(!r.out.contains(QStringLiteral(CREODROP_CLI_PATH)), qPrintable(r.out));
    }
    // The top-level --help and the manual list their options from the same tables.
    auto r = m_env->run({ QStringLiteral("--help") });
    CLI_EXPECT(r, 0);
    QVERIFY(r.out.contains(QLatin1String("storage get KEY FILE [--force]")));
    QVERIFY(r.out.contains(QLatin1String("load --user U --database DB")));
    r = m_env->run({ QStringLiteral("--help-man"), QStringLiteral("2026-12-03") });
    CLI_EXPECT(r, 0);
    for (const char *needle :
         { ".SS \"storage \\(em", ".SS \"dump \\(em", ".SS \"load \\(em", "storage presign KEY [\\-\\-expires SECONDS]",
           "\\-\\-max\\-statement\\-size BYTES", "\\-\\-tls\\-ca FILE" })
        QVERIFY2(r.out.contains(QLatin1String(needle)), needle);
    QVERIFY(!r.out.contains(QStringLiteral(CREODROP_CLI_PATH)));
}

// A catalog whose statements fail (here: its tables are gone, as after a restore of the wrong
// file; on a network, a connection that was lost) answers its reads with "none". No command may
// print that as an empty list, "nothing needs attention", "no such site/backup" or a quiet run of
// retention or the schedules, and removing a site must not go ahead on it.
void TestCliSites::unreadableCatalogIsNeverShownAsEmpty()
{
    CLI_EXPECT(m_env->run({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("shop"),
                            QStringLiteral("--name"), QStringLiteral("Shop"), QStringLiteral("--customer"),
                            QStringLiteral("acme"), QStringLiteral("--tier"), QStringLiteral("developer") }),
               0);
    auto renameTables = [&](const QString &from, const QString &to) {
        QString error;
        const SystemClock clock;
        auto catalog = Catalog::open(m_env->location(), &clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        QSqlDatabase db = QSqlDatabase::database(catalog->connectionName());
        const QStringList tables = db.tables();
        int renamed = 0;
        for (const QString &table : tables) {
            if (table.startsWith(QLatin1String("schema_")) || table.startsWith(QLatin1String("sqlite_"))
                || !table.endsWith(from))
                continue;
            const QString name = table.left(table.size() - from.size()) + to;
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(table, name)),
                     qPrintable(q.lastError().text()));
            ++renamed;
        }
        QVERIFY2(renamed >= 5, qPrintable(tables.join(u',')));
    };
    renameTables(QString(), QStringLiteral("_away"));
    if (QTest::currentTestFailed())
        return;

    const QString backupId = QStringLiteral("shop-prod-20261201-000000-abcd");
    const QList<QStringList> commands{
        { QStringLiteral("site"), QStringLiteral("list") },
        { QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json") },
        { QStringLiteral("site"), QStringLiteral("show"), QStringLiteral("shop") },
        { QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("shop") },
        { QStringLiteral("backup"), QStringLiteral("list"), QStringLiteral("--all-sites") },
        { QStringLiteral("backup"), QStringLiteral("show"), backupId },
        { QStringLiteral("schedule"), QStringLiteral("show") },
        { QStringLiteral("schedule"), QStringLiteral("show"), QStringLiteral("shop") },
        { QStringLiteral("audit"), QStringLiteral("list") },
        { QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--site"), QStringLiteral("shop") },
        { QStringLiteral("retention"), QStringLiteral("apply"), QStringLiteral("--dry-run") },
        { QStringLiteral("retention"), QStringLiteral("apply") },
        { QStringLiteral("schedules"), QStringLiteral("run") },
        { QStringLiteral("schedules"), QStringLiteral("run"), QStringLiteral("--no-wait") },
        { QStringLiteral("site"), QStringLiteral("rm"), QStringLiteral("shop") },
        // Commands that act on a row: the reason is the catalog, not a missing row.
        { QStringLiteral("backup"), QStringLiteral("download"), backupId },
        { QStringLiteral("backup"), QStringLiteral("verify"), backupId },
        { QStringLiteral("backup"), QStringLiteral("delete"), backupId },
        { QStringLiteral("backup"), QStringLiteral("link"), backupId },
        { QStringLiteral("backup"), QStringLiteral("pin"), backupId },
        { QStringLiteral("backup"), QStringLiteral("cancel"), backupId },
        { QStringLiteral("backup"), QStringLiteral("restore"), backupId, QStringLiteral("--to"), QStringLiteral("dev"),
          QStringLiteral("--dry-run") },
        { QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("--file"),
          QCoreApplication::applicationFilePath(), QStringLiteral("--site"), QStringLiteral("shop"),
          QStringLiteral("--to"), QStringLiteral("dev"), QStringLiteral("--dry-run") },
        { QStringLiteral("backup"), QStringLiteral("create"), QStringLiteral("shop"), QStringLiteral("prod") },
        { QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--daily"), QStringLiteral("03:00"), QStringLiteral("--keep"), QStringLiteral("3") },
        { QStringLiteral("env"), QStringLiteral("set"), QStringLiteral("shop"), QStringLiteral("prod"),
          QStringLiteral("--host"), QStringLiteral("db.example.com"), QStringLiteral("--port"), QStringLiteral("3306"),
          QStringLiteral("--database"), QStringLiteral("shop"), QStringLiteral("--user"), QStringLiteral("shop") },
        { QStringLiteral("env"), QStringLiteral("sync"), QStringLiteral("shop"), QStringLiteral("--from"),
          QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("dev"), QStringLiteral("--confirm"),
          QStringLiteral("shop/dev") },
    };
    for (const QStringList &command : commands) {
        const CliTestEnv::Result r = m_env->run(command);
        const QString what = command.join(u' ');
        QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("%1: exit %2; %3").arg(what).arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(QLatin1String("Cannot read")) && r.err.contains(QLatin1String("catalog")),
                 qPrintable(QStringLiteral("%1: %2").arg(what, r.err)));
        QVERIFY2(r.out.isEmpty(), qPrintable(QStringLiteral("%1 printed: %2").arg(what, r.out)));
    }

    // Nothing was removed: with its tables back, the catalog shows the site again.
    renameTables(QStringLiteral("_away"), QString());
    if (QTest::currentTestFailed())
        return;
    const CliTestEnv::Result r = m_env->run({ QStringLiteral("site"), QStringLiteral("list") });
    CLI_EXPECT(r, 0);
    QVERIFY2(r.out.contains(QLatin1String("shop")), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestCliSites)
#include "TestCliSites.moc"
