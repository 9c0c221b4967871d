// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// The console and the CLI run the same operations, so they must leave the same traces: each
// operation runs through creodrop-backupctl (its own CREODROP_HOME and SQLite catalog) and
// through BackupService (another SQLite catalog), against the same MariaDB and S3 test server;
// then the audit entries (action, environment, outcome, site, actor, detail without ids, times
// and paths) and the catalog rows must be equal.
#include "../cli/CliTestEnv.h"
#include "../mysql/DumpTestSupport.h"
#include "catalog/Catalog.h"
#include "operations/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "util/Clock.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

namespace {

const QString kActor = QStringLiteral("parity-tester");

/// An audit entry with what legitimately differs between two runs taken out: backup ids,
/// temporary paths.
QString normalized(const AuditEntry &e, const QStringList &paths)
{
    static const QRegularExpression id(QStringLiteral("\\d{8}T\\d{6}\\d*Z?-[0-9a-f]+"));
    QString detail = e.detail;
    for (const QString &path : paths)
        detail.replace(path, QStringLiteral("<dir>"));
    detail.replace(id, QStringLiteral("<id>"));
    // Two dumps of the same data differ in their timestamps, so in size and hash.
    static const QRegularExpression sha(QStringLiteral("[0-9a-f]{64}"));
    static const QRegularExpression size(QStringLiteral("\\d+ bytes"));
    detail.replace(sha, QStringLiteral("<sha>"));
    // A restore names its backup's creation time, which differs by seconds between the two runs.
    static const QRegularExpression minute(QStringLiteral("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"));
    detail.replace(minute, QStringLiteral("<time>"));
    detail.replace(size, QStringLiteral("<n> bytes"));
    return QStringList{ e.action,
                        e.environment ? Environments::toString(*e.environment) : QStringLiteral("-"),
                        AuditOutcomes::toString(e.outcome),
                        e.siteId,
                        e.actor,
                        e.backupId.isEmpty() ? QStringLiteral("-") : QStringLiteral("<id>"),
                        detail }
        .join(QStringLiteral(" | "));
}

QStringList auditOf(const CatalogLocation &location, const QStringList &paths)
{
    SystemClock clock;
    QString error;
    auto catalog = Catalog::open(location, &clock, &error);
    if (!catalog)
        return { QStringLiteral("<cannot open: %1>").arg(error) };
    QStringList lines;
    const QVector<AuditEntry> log = catalog->auditLog(QString(), 1000);
    for (auto it = log.crbegin(); it != log.crend(); ++it) // oldest first
        lines << normalized(*it, paths);
    return lines;
}

/// The rows an operation leaves, without ids, times and sizes (two dumps differ in their
/// timestamps).
QStringList rowsOf(const CatalogLocation &location, const QString &siteId)
{
    SystemClock clock;
    QString error;
    auto catalog = Catalog::open(location, &clock, &error);
    if (!catalog)
        return { QStringLiteral("<cannot open: %1>").arg(error) };
    QStringList rows;
    if (const auto site = catalog->site(siteId))
        rows << QStringLiteral("site %1 %2 %3 %4")
                    .arg(site->id, site->name, site->customer, Environments::tierToString(site->tier));
    for (const EnvironmentConfig &c : catalog->environments(siteId))
        rows << QStringLiteral("env %1 %2").arg(Environments::toString(c.environment), c.endpoint.describe());
    for (const Schedule &s : catalog->schedules(siteId))
        rows << QStringLiteral("schedule %1 %2 %3 keep %4/%5")
                    .arg(Environments::toString(s.environment), s.timeUtc.toString(QStringLiteral("HH:mm")))
                    .arg(int(s.frequency))
                    .arg(s.keepLast)
                    .arg(s.keepDays);
    for (const BackupRecord &b : catalog->backups(siteId))
        rows << QStringLiteral("backup %1 %2 %3 by %4 pinned %5 sha %6")
                    .arg(Environments::toString(b.environment), Backups::typeToString(b.type),
                         Backups::statusToString(b.status), b.createdBy)
                    .arg(b.pinned)
                    .arg(b.sha256.size());
    return rows;
}

} // namespace

class TestFrontEndParity : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataDb;
    QString m_site;
    SystemClock m_clock;
    CliTestEnv m_cli;
    CatalogLocation m_serviceCatalog;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<BackupService> m_service;

    CliTestEnv::Result cli(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcessEnvironment env = m_cli.environment();
        env.insert(QStringLiteral("USER"), kActor);
        CliTest::insertS3Environment(env);
        return m_cli.run(args, stdinData, env);
    }

    /// Runs the CLI once (CLI_EXPECT evaluates its argument more than once).
    bool expectCli(const QStringList &args, int code, const QByteArray &stdinData = {})
    {
        const CliTestEnv::Result r = cli(args, stdinData);
        [&] { CLI_EXPECT(r, code); }();
        return !QTest::currentTestFailed();
    }

    EnvironmentConfig environment() const
    {
        const auto m = TestServices::mysql();
        EnvironmentConfig env;
        env.siteId = m_site;
        env.environment = Environment::Prod;
        env.endpoint.host = m.host;
        env.endpoint.port = m.port;
        env.endpoint.user = m.user;
        env.endpoint.database = m_dataDb;
        return env;
    }

    /// Runs @p call on the service and waits for @p signal (or error()); false on a timeout.
    template <typename Signal, typename Call>
    bool service(Signal signal, Call call, bool expectError = false)
    {
        QSignalSpy answered(m_service.get(), signal);
        QSignalSpy errors(m_service.get(), &BackupService::error);
        call(*m_service);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 120000) {
            if (!answered.isEmpty() || (expectError && !errors.isEmpty()))
                return true;
            if (!expectError && !errors.isEmpty()) {
                qWarning() << "service error:" << errors.first();
                return false;
            }
            answered.wait(200);
        }
        return false;
    }

    /// The id of the site's first backup of @p type in the catalog at @p location.
    QString backupId(const CatalogLocation &location, BackupType type)
    {
        SystemClock clock;
        QString error;
        auto catalog = Catalog::open(location, &clock, &error);
        const QVector<BackupRecord> backups = catalog ? catalog->backups(m_site) : QVector<BackupRecord>();
        for (const BackupRecord &b : backups) {
            if (b.type == type)
                return b.id;
        }
        return {};
    }

    QString cliBackupId()
    {
        const CliTestEnv::Result r
            = cli({ QStringLiteral("backup"), QStringLiteral("list"), m_site, QStringLiteral("--json") });
        const QJsonArray a = CliTest::parseJson(r.out).array();
        return a.isEmpty() ? QString() : a.first().toObject().value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cli.setUp(false, QStringLiteral("parity")));
        m_site = QStringLiteral("parity-%1").arg(QCoreApplication::applicationPid());
        m_dataDb = TestServices::createScratchDatabase(QStringLiteral("paritydata"));
        QCOMPARE(TestServices::runMariaDbClient({ m_dataDb },
                                                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40));"
                                                "INSERT INTO t SELECT seq, MD5(seq) FROM seq_1_to_100;"),
                 0);

        m_serviceCatalog.kind = CatalogLocation::Kind::Sqlite;
        m_serviceCatalog.sqlitePath = m_dir.filePath(QStringLiteral("service-catalog.sqlite"));
        BackupServiceConfig config;
        config.catalog = m_serviceCatalog;
        config.storageKind = StorageKind::S3;
        const auto s3 = TestServices::s3();
        config.s3Endpoint = s3.endpoint;
        config.s3Region = s3.region;
        config.s3Bucket = s3.bucket;
        config.s3AccessKeyId = s3.accessKeyId;
        config.actor = kActor;
        config.runSchedules = false;
        m_secrets = std::make_unique<InMemorySecretStore>();
        m_secrets->insert(SecretStore::s3SecretKey(), s3.secretAccessKey);
        m_service = std::make_unique<BackupService>(config, m_secrets.get(), &m_clock);
        QVERIFY(service(&BackupService::ready, [](BackupService &s) { s.start(); }));
    }

    void cleanupTestCase()
    {
        m_service.reset();
        if (!m_dataDb.isEmpty())
            TestServices::dropDatabase(m_dataDb);
    }

    void everyOperationLeavesTheSameTraces()
    {
        const Site site{ m_site, QStringLiteral("Parity"), QStringLiteral("parity"), Tier::Basic, {} };
        const auto m = TestServices::mysql();

        // site.add
        QVERIFY(expectCli({ QStringLiteral("site"), QStringLiteral("add"), m_site, QStringLiteral("--name"),
                            QStringLiteral("Parity"), QStringLiteral("--customer"), QStringLiteral("parity"),
                            QStringLiteral("--tier"), QStringLiteral("basic") },
                          0));
        QVERIFY(service(&BackupService::sitesLoaded, [&](BackupService &s) { s.saveSite(site); }));

        // env.set with a password (keychain / the service's secret store)
        QVERIFY(expectCli({ QStringLiteral("env"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                            QStringLiteral("--host"), m.host, QStringLiteral("--port"), QString::number(m.port),
                            QStringLiteral("--database"), m_dataDb, QStringLiteral("--user"), m.user,
                            QStringLiteral("--password-stdin") },
                          0, m.password.toUtf8()));
        QVERIFY(service(&BackupService::environmentsLoaded,
                        [&](BackupService &s) { s.saveEnvironment(environment(), m.password, true); }));

        // schedule.set
        QVERIFY(expectCli({ QStringLiteral("schedule"), QStringLiteral("set"), m_site, QStringLiteral("prod"),
                            QStringLiteral("--daily"), QStringLiteral("02:30"), QStringLiteral("--keep"),
                            QStringLiteral("3") },
                          0));
        Schedule schedule;
        schedule.siteId = m_site;
        schedule.environment = Environment::Prod;
        schedule.frequency = Schedule::Frequency::Daily;
        schedule.timeUtc = QTime(2, 30);
        schedule.keepLast = 3;
        QVERIFY(service(&BackupService::schedulesLoaded, [&](BackupService &s) { s.setSchedule(schedule); }));

        // backup.create, run to the end
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") }, 0));
        QVERIFY(
            service(&BackupService::jobFinished, [&](BackupService &s) { s.createBackup(m_site, Environment::Prod); }));
        const QString cliId = cliBackupId();
        const QString serviceId = backupId(m_serviceCatalog, BackupType::Manual);
        QVERIFY(!cliId.isEmpty());
        QVERIFY(!serviceId.isEmpty());

        // backup.link, backup.verify, backup.download
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("link"), cliId }, 0));
        QVERIFY(service(&BackupService::linkReady, [&](BackupService &s) { s.requestLink(serviceId); }));
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("verify"), cliId }, 0));
        QVERIFY(service(&BackupService::jobFinished, [&](BackupService &s) { s.verify(serviceId); }));
        const QString cliTarget = m_dir.filePath(QStringLiteral("cli/b.sql.gz"));
        const QString serviceTarget = m_dir.filePath(QStringLiteral("service/b.sql.gz"));
        QVERIFY(QDir().mkpath(QFileInfo(cliTarget).path()) && QDir().mkpath(QFileInfo(serviceTarget).path()));
        QVERIFY(expectCli(
            { QStringLiteral("backup"), QStringLiteral("download"), cliId, QStringLiteral("-o"), cliTarget }, 0));
        QVERIFY(service(&BackupService::jobFinished, [&](BackupService &s) { s.download(serviceId, serviceTarget); }));
        // Refused: the file exists and overwriting was not asked for.
        QVERIFY(expectCli(
            { QStringLiteral("backup"), QStringLiteral("download"), cliId, QStringLiteral("-o"), cliTarget }, 1));
        QVERIFY(service(&BackupService::jobFinished, [&](BackupService &s) { s.download(serviceId, serviceTarget); }));

        // backup.pin, backup.unpin
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("pin"), cliId }, 0));
        QVERIFY(service(&BackupService::backupChanged, [&](BackupService &s) { s.setPinned(serviceId, true); }));
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("unpin"), cliId }, 0));
        QVERIFY(service(&BackupService::backupChanged, [&](BackupService &s) { s.setPinned(serviceId, false); }));

        // backup.restore into prod: refused with a wrong confirmation (nothing touched), then done
        // (verify, pre-restore backup, load, check).
        const QString wrong = m_site + QStringLiteral("/dev");
        const QString confirm = m_site + QStringLiteral("/prod");
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("restore"), cliId, QStringLiteral("--to"),
                            QStringLiteral("prod"), QStringLiteral("--confirm"), wrong },
                          1));
        QVERIFY(service(&BackupService::restoreFinished,
                        [&](BackupService &s) { s.restoreBackup(serviceId, Environment::Prod, wrong); }));
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("restore"), cliId, QStringLiteral("--to"),
                            QStringLiteral("prod"), QStringLiteral("--confirm"), confirm },
                          0));
        QVERIFY(service(&BackupService::restoreFinished,
                        [&](BackupService &s) { s.restoreBackup(serviceId, Environment::Prod, confirm); }));
        QCOMPARE(rowsOf(m_cli.location(), m_site).join(u'\n'), rowsOf(m_serviceCatalog, m_site).join(u'\n'));
        QVERIFY(rowsOf(m_serviceCatalog, m_site).join(u'\n').contains(QLatin1String("pre-restore completed")));

        // backup.delete of the pre-restore backup.
        const QString cliPreRestore = backupId(m_cli.location(), BackupType::PreRestore);
        const QString servicePreRestore = backupId(m_serviceCatalog, BackupType::PreRestore);
        QVERIFY(!cliPreRestore.isEmpty() && !servicePreRestore.isEmpty());
        QVERIFY(expectCli({ QStringLiteral("backup"), QStringLiteral("delete"), cliPreRestore }, 0));
        QSignalSpy changed(m_service.get(), &BackupService::backupChanged);
        QVERIFY(service(&BackupService::backupRemoved, [&](BackupService &s) { s.deleteBackup(servicePreRestore); }));
        // The console sees the backup turn Deleting before it goes.
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
            const BackupRecord r = args.at(0).value<BackupRecord>();
            return r.id == servicePreRestore && r.status == BackupStatus::Deleting;
        }));

        // The rows so far.
        QCOMPARE(rowsOf(m_cli.location(), m_site).join(u'\n'), rowsOf(m_serviceCatalog, m_site).join(u'\n'));
        QVERIFY(rowsOf(m_serviceCatalog, m_site).size() == 4);

        // schedule.remove, then retention.apply (nothing left to apply it to)
        QVERIFY(expectCli({ QStringLiteral("schedule"), QStringLiteral("rm"), m_site, QStringLiteral("prod") }, 0));
        QVERIFY(service(&BackupService::schedulesLoaded,
                        [&](BackupService &s) { s.removeSchedule(m_site, Environment::Prod); }));
        QVERIFY(expectCli({ QStringLiteral("retention"), QStringLiteral("apply") }, 0));
        // The console lists first, then applies what was confirmed (here: all it listed).
        QStringList listed;
        QMetaObject::Connection listing = connect(m_service.get(), &BackupService::retentionPreviewed, this,
                                                  [&listed](const QVector<BackupRecord> &candidates, const QString &) {
                                                      for (const BackupRecord &r : candidates)
                                                          listed << r.id;
                                                  });
        QVERIFY(service(&BackupService::retentionPreviewed, [](BackupService &s) { s.previewRetention(); }));
        disconnect(listing);
        QVERIFY(service(&BackupService::operationFinished, [&](BackupService &s) { s.applyRetention(listed); }));

        // site.remove: refused with backups, refused with a wrong confirmation, then done.
        QVERIFY(expectCli({ QStringLiteral("site"), QStringLiteral("rm"), m_site }, 1));
        QVERIFY(service(
            &BackupService::siteRemoved, [&](BackupService &s) { s.removeSite(m_site); }, true));
        const CliTestEnv::Result refused
            = cli({ QStringLiteral("site"), QStringLiteral("rm"), m_site, QStringLiteral("--delete-backups"),
                    QStringLiteral("--confirm"), m_site.toUpper() });
        CLI_EXPECT(refused, 1);
        QVERIFY2(refused.err.contains(QLatin1String("Refused")), qPrintable(refused.err));
        QVERIFY(service(
            &BackupService::siteRemoved, [&](BackupService &s) { s.removeSiteWithBackups(m_site, m_site.toUpper()); },
            true));
        QCOMPARE(rowsOf(m_cli.location(), m_site).join(u'\n'), rowsOf(m_serviceCatalog, m_site).join(u'\n'));
        QVERIFY(expectCli({ QStringLiteral("site"), QStringLiteral("rm"), m_site, QStringLiteral("--delete-backups"),
                            QStringLiteral("--confirm"), m_site },
                          0));
        QVERIFY(
            service(&BackupService::siteRemoved, [&](BackupService &s) { s.removeSiteWithBackups(m_site, m_site); }));

        // Nothing of the site is left, on either side.
        QCOMPARE(rowsOf(m_cli.location(), m_site), QStringList());
        QCOMPARE(rowsOf(m_serviceCatalog, m_site), QStringList());

        const QStringList paths{ m_dir.path() + QStringLiteral("/cli"), m_dir.path() + QStringLiteral("/service") };
        const QStringList fromCli = auditOf(m_cli.location(), paths);
        const QStringList fromService = auditOf(m_serviceCatalog, paths);
        QCOMPARE(fromCli.size(), 18);
        for (int i = 0; i < std::min(fromCli.size(), fromService.size()); ++i)
            QCOMPARE(fromService.at(i), fromCli.at(i));
        QCOMPARE(fromService.size(), fromCli.size());
        // Every kind of entry is there, with its outcome.
        const QString all = fromCli.join(u'\n');
        for (const char *expected :
             { "site.add | - | success", "env.set | prod | success", "schedule.set | prod | success",
               "backup.create | prod | success", "backup.link | prod | success", "backup.verify | prod | success",
               "backup.download | prod | success", "backup.download | prod | refused", "backup.pin | prod | success",
               "backup.unpin | prod | success", "backup.restore | prod | refused", "backup.restore | prod | success",
               "backup.delete | prod | success", "schedule.remove | prod | success", "retention.apply | - | success",
               "site.remove | - | refused", "site.remove | - | success" })
            QVERIFY2(all.contains(QLatin1String(expected)), expected);
    }

    // After everyOperationLeavesTheSameTraces (the audit logs compared here hold its entries too).
    void syncLeavesTheSameTraces()
    {
        const QString site = m_site + QStringLiteral("-dev");
        const auto m = TestServices::mysql();
        const QString devDb = TestServices::createScratchDatabase(QStringLiteral("paritydev"));
        QVERIFY(expectCli({ QStringLiteral("site"), QStringLiteral("add"), site, QStringLiteral("--name"),
                            QStringLiteral("Parity Dev"), QStringLiteral("--customer"), QStringLiteral("parity"),
                            QStringLiteral("--tier"), QStringLiteral("developer") },
                          0));
        const Site developer{ site, QStringLiteral("Parity Dev"), QStringLiteral("parity"), Tier::Developer, {} };
        QVERIFY(service(&BackupService::sitesLoaded, [&](BackupService &s) { s.saveSite(developer); }));
        for (const auto &[env, database] :
             { std::pair{ Environment::Prod, m_dataDb }, std::pair{ Environment::Dev, devDb } }) {
            QVERIFY(expectCli({ QStringLiteral("env"), QStringLiteral("set"), site, Environments::toString(env),
                                QStringLiteral("--host"), m.host, QStringLiteral("--port"), QString::number(m.port),
                                QStringLiteral("--database"), database, QStringLiteral("--user"), m.user,
                                QStringLiteral("--password-stdin") },
                              0, m.password.toUtf8()));
            EnvironmentConfig config = environment();
            config.siteId = site;
            config.environment = env;
            config.endpoint.database = database;
            QVERIFY(service(&BackupService::environmentsLoaded,
                            [&](BackupService &s) { s.saveEnvironment(config, m.password, true); }));
        }

        // env.sync prod -> dev: a pre-sync backup of dev, the copy, the check.
        QVERIFY(expectCli({ QStringLiteral("env"), QStringLiteral("sync"), site, QStringLiteral("--from"),
                            QStringLiteral("prod"), QStringLiteral("--to"), QStringLiteral("dev") },
                          0));
        SyncRequest request;
        request.siteId = site;
        request.from = Environment::Prod;
        request.to = Environment::Dev;
        QVERIFY(service(&BackupService::syncFinished, [&](BackupService &s) { s.syncEnvironments(request); }));
        // "db.t|checksum": the database's name differs, the checksum must not.
        const auto checksum = [](const QString &database) {
            return DumpTestSupport::queryRows(database, QStringLiteral("CHECKSUM TABLE t")).value(0).section(u'|', 1);
        };
        QVERIFY(!checksum(m_dataDb).isEmpty());
        QCOMPARE(checksum(devDb), checksum(m_dataDb));
        QCOMPARE(rowsOf(m_cli.location(), site).join(u'\n'), rowsOf(m_serviceCatalog, site).join(u'\n'));
        QVERIFY(rowsOf(m_serviceCatalog, site).join(u'\n').contains(QLatin1String("backup dev pre-sync completed")));

        QVERIFY(expectCli({ QStringLiteral("site"), QStringLiteral("rm"), site, QStringLiteral("--delete-backups"),
                            QStringLiteral("--confirm"), site },
                          0));
        QVERIFY(service(&BackupService::siteRemoved, [&](BackupService &s) { s.removeSiteWithBackups(site, site); }));
        TestServices::dropDatabase(devDb);
        QCOMPARE(rowsOf(m_cli.location(), site), QStringList());
        QCOMPARE(rowsOf(m_serviceCatalog, site), QStringList());

        const QStringList paths{ m_dir.path() + QStringLiteral("/cli"), m_dir.path() + QStringLiteral("/service") };
        const QStringList fromCli = auditOf(m_cli.location(), paths);
        const QStringList fromService = auditOf(m_serviceCatalog, paths);
        for (int i = 0; i < std::min(fromCli.size(), fromService.size()); ++i)
            QCOMPARE(fromService.at(i), fromCli.at(i));
        QCOMPARE(fromService.size(), fromCli.size());
        const QString all = fromCli.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("env.sync | dev | success | %1").arg(site)), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestFrontEndParity)
#include "TestFrontEndParity.moc"
