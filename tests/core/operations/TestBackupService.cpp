// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// BackupService as the GUI uses it: only signals and queued calls, against the real MariaDB
// (data and catalog) and both stores (local folder, S3 test server).
#include "TestServices.h"
#include "catalog/Catalog.h"
#include "jobs/BackupManifest.h"
#include "operations/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "storage/LocalFolderStore.h"
#include "storage/ObjectStore.h"
#include "storage/S3ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {
// True while a session (the dump) waits on a table lock, e.g. another session's LOCK TABLES.
bool someoneWaitsOnATableLock(QSqlQuery &q)
{
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE LIKE "
                                 "'Waiting for table metadata lock%'"))
        && q.next() && q.value(0).toInt() > 0;
}
} // namespace

class TestBackupService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataDb;
    QString m_catalogDb;
    SystemClock m_clock;
    QNetworkAccessManager m_nam;

    QString kind() const
    {
        QFETCH_GLOBAL(QString, storage);
        return storage;
    }
    QString customer() const { return QStringLiteral("svc") + QString::number(QCoreApplication::applicationPid()); }
    QString siteId(const QString &tag) const { return tag + QLatin1Char('-') + kind() + QLatin1Char('-') + customer(); }

    BackupServiceConfig config(int concurrency = 2) const
    {
        const auto m = TestServices::mysql();
        BackupServiceConfig c;
        c.catalog.kind = CatalogLocation::Kind::MySql;
        c.catalog.host = m.host;
        c.catalog.port = m.port;
        c.catalog.user = m.user;
        c.catalog.password = m.password;
        c.catalog.database = m_catalogDb;
        c.storageKind = *StorageKinds::fromString(kind());
        c.localStorePath = m_dir.filePath(QStringLiteral("store"));
        const auto s3 = TestServices::s3();
        c.s3Endpoint = s3.endpoint;
        c.s3Region = s3.region;
        c.s3Bucket = s3.bucket;
        c.s3AccessKeyId = s3.accessKeyId;
        c.actor = QStringLiteral("svc-tester");
        c.heartbeatSeconds = 1;
        c.runSchedules = false;
        c.concurrency = concurrency;
        return c;
    }

    /// A store of the test's own, to look at what the service left behind.
    std::unique_ptr<ObjectStore> testStore()
    {
        if (kind() == QLatin1String("local"))
            return std::make_unique<LocalFolderStore>(m_dir.filePath(QStringLiteral("store")));
        const auto s3 = TestServices::s3();
        S3Config c;
        c.endpoint = QUrl(s3.endpoint);
        c.region = s3.region;
        c.bucket = s3.bucket;
        c.accessKeyId = s3.accessKeyId;
        c.secretAccessKey = s3.secretAccessKey;
        c.pathStyle = true;
        return std::make_unique<S3ObjectStore>(c, &m_nam);
    }

    QStringList storedKeys(const QString &prefix)
    {
        auto store = testStore();
        StoreJob *job = store->list(prefix);
        QSignalSpy done(job, &Job::finished);
        job->start();
        if (done.isEmpty() && !done.wait(30000))
            return { QStringLiteral("<list timed out>") };
        QStringList keys;
        for (const ObjectInfo &o : job->result().objects)
            keys << o.key;
        return keys;
    }

    std::unique_ptr<InMemorySecretStore> secrets()
    {
        auto s = std::make_unique<InMemorySecretStore>();
        s->insert(SecretStore::s3SecretKey(), TestServices::s3().secretAccessKey);
        return s;
    }

    /// Starts a service and adds a basic-tier site whose prod environment dumps m_dataDb.
    std::unique_ptr<BackupService> startService(SecretStore *store, const QString &site, int concurrency = 2)
    {
        auto service = std::make_unique<BackupService>(config(concurrency), store, &m_clock);
        QSignalSpy ready(service.get(), &BackupService::ready);
        QSignalSpy error(service.get(), &BackupService::error);
        service->start();
        if (!ready.wait(30000)) {
            qWarning() << "service not ready:" << error;
            return nullptr;
        }
        return addSite(service.get(), site) ? std::move(service) : nullptr;
    }

    /// Adds a basic-tier site whose prod environment dumps m_dataDb, with its password.
    bool addSite(BackupService *service, const QString &site)
    {
        QSignalSpy sites(service, &BackupService::sitesLoaded);
        service->saveSite(Site{ site, QStringLiteral("Service test"), customer(), Tier::Basic, {} });
        if (!sites.wait(10000))
            return false;
        const auto m = TestServices::mysql();
        EnvironmentConfig env;
        env.siteId = site;
        env.environment = Environment::Prod;
        env.endpoint.host = m.host;
        env.endpoint.port = m.port;
        env.endpoint.user = m.user;
        env.endpoint.database = m_dataDb;
        QSignalSpy envs(service, &BackupService::environmentsLoaded);
        service->saveEnvironment(env, m.password, true);
        return envs.wait(10000);
    }

    std::unique_ptr<Catalog> openCatalog()
    {
        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        if (!catalog)
            qWarning() << error;
        return catalog;
    }

    /// A daily prod schedule of @p site keeping one backup, created at @p createdAt (long ago:
    /// due now), and @p count completed scheduled backups of it; their ids, oldest first (fewer
    /// on failure).
    static QStringList keepOneWithBackups(Catalog &catalog, const QString &site, const QDateTime &createdAt, int count)
    {
        Schedule keepOne;
        keepOne.siteId = site;
        keepOne.environment = Environment::Prod;
        keepOne.timeUtc = QTime(3, 0);
        keepOne.keepLast = 1;
        keepOne.createdAt = createdAt;
        QStringList ids;
        if (!catalog.setSchedule(keepOne))
            return ids;
        for (int i = 0; i < count; ++i) {
            const BackupRecord r
                = catalog.createBackup(site, Environment::Prod, BackupType::Scheduled, QStringLiteral("scheduler"));
            if (!r.isValid() || !catalog.claimBackup(r.id, QStringLiteral("w"))
                || !catalog.completeBackup(r.id, QStringLiteral("w"), 1, 1, QString(64, u'c')))
                break;
            ids << r.id;
        }
        return ids;
    }

    /// Waits for backupChanged of @p id with @p status; returns the record (invalid on timeout).
    static BackupRecord waitForStatus(QSignalSpy &changes, const QString &id, BackupStatus status, int ms = 60000)
    {
        QElapsedTimer timer;
        timer.start();
        int seen = 0;
        while (timer.elapsed() < ms) {
            for (; seen < changes.size(); ++seen) {
                const auto r = changes.at(seen).at(0).value<BackupRecord>();
                if (r.id == id && r.status == status)
                    return r;
            }
            changes.wait(200);
        }
        return {};
    }

    /// Waits until the job of backup @p id reports dumped bytes: the pipeline is really running.
    static bool waitForBytes(QSignalSpy &progress, const QString &id, int ms = 30000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            for (const QList<QVariant> &signal : std::as_const(progress)) {
                const auto p = signal.at(0).value<JobProgress>();
                if (p.backupId == id && p.bytesDone > 0)
                    return true;
            }
            progress.wait(200);
        }
        return false;
    }

    static QString firstBackupId(QSignalSpy &changes)
    {
        return changes.isEmpty() ? QString() : changes.first().at(0).value<BackupRecord>().id;
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("storage");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("s3") << QStringLiteral("s3");
    }

    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_dir.isValid());
        m_dataDb = TestServices::createScratchDatabase(QStringLiteral("svcdata"));
        m_catalogDb = TestServices::createScratchDatabase(QStringLiteral("svccat"));
        // About 1.5 MiB of SQL text: quick unthrottled, seconds long with the test throttle.
        QCOMPARE(TestServices::runMariaDbClient({ m_dataDb },
                                                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(100));"
                                                "INSERT INTO t SELECT seq, MD5(seq) FROM seq_1_to_30000;"),
                 0);
    }

    void cleanupTestCase()
    {
        TestServices::dropDatabase(m_dataDb);
        TestServices::dropDatabase(m_catalogDb);
    }

    void cleanup() { qunsetenv("CREODROP_DUMP_THROTTLE_KBPS"); }

    void backupDownloadAndLink()
    {
        auto store = secrets();
        const QString site = siteId(QStringLiteral("life"));
        auto service = startService(store.get(), site);
        QVERIFY(service);

        QSignalSpy changes(service.get(), &BackupService::backupChanged);
        QSignalSpy progress(service.get(), &BackupService::jobProgress);
        QSignalSpy finished(service.get(), &BackupService::jobFinished);
        service->createBackup(site, Environment::Prod);
        QVERIFY(changes.wait(10000));
        const QString id = firstBackupId(changes);
        QCOMPARE(changes.first().at(0).value<BackupRecord>().status, BackupStatus::Pending);
        QVERIFY(waitForStatus(changes, id, BackupStatus::InProgress).isValid());
        const BackupRecord done = waitForStatus(changes, id, BackupStatus::Completed);
        QVERIFY2(done.isValid(), qPrintable(changes.last().at(0).value<BackupRecord>().errorText));
        QVERIFY(done.sizeBytes > 0);
        QCOMPARE(done.sha256.size(), 64);
        QCOMPARE(done.createdBy, QStringLiteral("svc-tester"));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).value<JobProgress>().backupId, id);
        // Statuses only move forward: Pending, In Progress, Completed.
        int last = -1;
        for (const QList<QVariant> &signal : std::as_const(changes)) {
            const int status = int(signal.at(0).value<BackupRecord>().status);
            QVERIFY(status >= last);
            last = status;
        }
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QVERIFY(finished.last().at(0).value<JobOutcome>().success);
        QVERIFY(storedKeys(done.objectKey).contains(done.objectKey));

        // refreshSites / refreshBackups are answered.
        QSignalSpy sites(service.get(), &BackupService::sitesLoaded);
        QSignalSpy backups(service.get(), &BackupService::backupsLoaded);
        service->refreshSites();
        service->refreshBackups(site);
        QVERIFY(sites.wait(10000));
        bool found = false;
        for (const Site &s : sites.last().at(0).value<QVector<Site>>())
            found = found || s.id == site;
        QVERIFY(found);
        QVERIFY(backups.count() > 0 || backups.wait(10000));
        QCOMPARE(backups.last().at(0).toString(), site);
        const auto listed = backups.last().at(1).value<QVector<BackupRecord>>();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().sha256, done.sha256);

        // Download through the service: verified against the manifest's SHA-256.
        const QString target = m_dir.filePath(kind() + QStringLiteral("-download.sql.gz"));
        finished.clear();
        service->download(id, target);
        QVERIFY(finished.wait(30000));
        const JobOutcome outcome = finished.last().at(0).value<JobOutcome>();
        QVERIFY2(outcome.success, qPrintable(outcome.message));
        QCOMPARE(outcome.kind, JobKind::Download);
        QCOMPARE(outcome.localPath, target);
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()),
                 done.sha256);
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));

        // A link: 15 minutes from now (S3); the local store says it cannot.
        QSignalSpy links(service.get(), &BackupService::linkReady);
        QSignalSpy errors(service.get(), &BackupService::error);
        const QDateTime asked = QDateTime::currentDateTimeUtc();
        service->requestLink(id);
        if (kind() == QLatin1String("s3")) {
            QVERIFY(links.wait(10000));
            QCOMPARE(links.last().at(0).toString(), id);
            const QUrl url = links.last().at(1).toUrl();
            QVERIFY(url.query().contains(QLatin1String("X-Amz-Expires=900")));
            const qint64 expiresIn = asked.secsTo(links.last().at(2).toDateTime());
            QVERIFY2(expiresIn >= 895 && expiresIn <= 905, qPrintable(QString::number(expiresIn)));
        } else {
            QVERIFY(errors.wait(10000));
            QVERIFY(links.isEmpty());
        }

        // The manifest, read from the store: the table with its row count, the server version.
        QSignalSpy manifests(service.get(), &BackupService::manifestLoaded);
        service->requestManifest(id);
        QVERIFY(manifests.wait(10000));
        QCOMPARE(manifests.last().at(0).toString(), id);
        QVERIFY2(manifests.last().at(2).toString().isEmpty(), qPrintable(manifests.last().at(2).toString()));
        QString parseError;
        const auto manifest = BackupManifest::fromJson(manifests.last().at(1).toByteArray(), &parseError);
        QVERIFY2(manifest, qPrintable(parseError));
        QCOMPARE(manifest->backupId, id);
        QCOMPARE(manifest->sha256, done.sha256);
        QVERIFY(!manifest->serverVersion.isEmpty());
        QCOMPARE(manifest->tables.size(), 1);
        QCOMPARE(manifest->tables.first().first, QStringLiteral("t"));
        QCOMPARE(manifest->tables.first().second, qint64(30000));

        // An unknown backup is answered with a reason, not silence.
        service->requestManifest(QStringLiteral("20200101T000000000Z-00000000"));
        QVERIFY(manifests.wait(10000));
        QVERIFY(manifests.last().at(1).toByteArray().isEmpty());
        QVERIFY(!manifests.last().at(2).toString().isEmpty());
    }

    // The console removes a site's passwords with the site (as `site rm` does), audited once.
    void removeSiteRemovesPasswords()
    {
        auto store = secrets();
        const QString site = siteId(QStringLiteral("gone"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        const QString key = EnvironmentConfig{ site, Environment::Prod, {} }.secretKey();
        QVERIFY(store->contents().contains(key));

        QSignalSpy removed(service.get(), &BackupService::siteRemoved);
        QSignalSpy errors(service.get(), &BackupService::error);
        service->removeSite(site);
        QVERIFY2(removed.wait(10000), qPrintable(errors.isEmpty() ? QString() : errors.last().at(1).toString()));
        QCOMPARE(removed.last().at(0).toString(), site);
        QVERIFY(!store->contents().contains(key));
        QVERIFY(store->contents().contains(SecretStore::s3SecretKey()));

        auto catalog = openCatalog();
        QVERIFY(catalog);
        QVERIFY(!catalog->site(site));
        const QVector<AuditEntry> log = catalog->auditLog(site);
        QVERIFY(!log.isEmpty());
        QCOMPARE(log.first().action, QStringLiteral("site.remove"));
        QCOMPARE(log.first().outcome, AuditOutcome::Success);
        QCOMPARE(log.first().actor, QStringLiteral("svc-tester"));
        // site.add and env.set from the console are audited as well.
        QStringList actions;
        for (const AuditEntry &e : log)
            actions << e.action;
        QVERIFY2(actions.contains(QStringLiteral("site.add")), qPrintable(actions.join(u',')));
        QVERIFY2(actions.contains(QStringLiteral("env.set")), qPrintable(actions.join(u',')));
    }

    // "Backups running at once" = 1: a second site's backup starts only after the first ended.
    void honoursConcurrencySetting()
    {
        if (kind() != QLatin1String("local"))
            QSKIP("the queue does not depend on the store");
        qputenv("CREODROP_DUMP_THROTTLE_KBPS", "2000");
        auto store = secrets();
        const QString first = siteId(QStringLiteral("one"));
        const QString second = siteId(QStringLiteral("two"));
        auto service = startService(store.get(), first, 1);
        QVERIFY(service);
        QVERIFY(addSite(service.get(), second));

        QSignalSpy changes(service.get(), &BackupService::backupChanged);
        service->createBackup(first, Environment::Prod);
        service->createBackup(second, Environment::Prod);
        QString firstId, secondId;
        for (int i = 0; i < 100 && (firstId.isEmpty() || secondId.isEmpty()); ++i) {
            for (const QList<QVariant> &signal : std::as_const(changes)) {
                const auto r = signal.at(0).value<BackupRecord>();
                if (r.siteId == first)
                    firstId = r.id;
                if (r.siteId == second)
                    secondId = r.id;
            }
            if (firstId.isEmpty() || secondId.isEmpty())
                changes.wait(200);
        }
        QVERIFY(!firstId.isEmpty() && !secondId.isEmpty());
        QVERIFY(waitForStatus(changes, firstId, BackupStatus::Completed).isValid());
        QVERIFY(waitForStatus(changes, secondId, BackupStatus::Completed).isValid());
        // Order of the reported changes: the second one left Pending only after the first ended.
        int firstDone = -1, secondStarted = -1;
        for (int i = 0; i < changes.size(); ++i) {
            const auto r = changes.at(i).at(0).value<BackupRecord>();
            if (r.id == firstId && r.status == BackupStatus::Completed && firstDone < 0)
                firstDone = i;
            if (r.id == secondId && r.status == BackupStatus::InProgress && secondStarted < 0)
                secondStarted = i;
        }
        QVERIFY(firstDone >= 0 && secondStarted >= 0);
        QVERIFY2(secondStarted > firstDone, "two backups ran at once with \"Backups running at once\" = 1");
    }

    void testStorageAnswers()
    {
        auto store = secrets();
        auto service = startService(store.get(), siteId(QStringLiteral("probe")));
        QVERIFY(service);
        QSignalSpy tested(service.get(), &BackupService::storageTested);
        auto probe = [&](const BackupServiceConfig &storage) {
            tested.clear();
            service->testStorage(QStringLiteral("req-1"), storage);
            if (!tested.wait(40000))
                return std::make_pair(false, QStringLiteral("<no answer>"));
            [&] { QCOMPARE(tested.last().at(0).toString(), QStringLiteral("req-1")); }();
            return std::make_pair(tested.last().at(1).toBool(), tested.last().at(2).toString());
        };
        BackupServiceConfig storage = config();
        storage.s3SecretAccessKey = TestServices::s3().secretAccessKey;

        auto [ok, message] = probe(storage);
        QVERIFY2(ok, qPrintable(message));
        QVERIFY(!message.contains(TestServices::s3().secretAccessKey));
        if (kind() == QLatin1String("local")) {
            // A folder that cannot be created (below a regular file) fails with the reason.
            QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
            QVERIFY(blocker.open(QIODevice::WriteOnly));
            blocker.close();
            storage.localStorePath = m_dir.filePath(QStringLiteral("not-a-folder/store"));
            std::tie(ok, message) = probe(storage);
            QVERIFY(!ok);
            QVERIFY2(message.contains(QStringLiteral("not-a-folder")), qPrintable(message));
            return;
        }

        const QString wrongSecret = QStringLiteral("definitely-not-the-secret-0123456789");
        storage.s3SecretAccessKey = wrongSecret;
        std::tie(ok, message) = probe(storage);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("credentials were rejected")), qPrintable(message));
        QVERIFY(!message.contains(wrongSecret));

        storage.s3SecretAccessKey = TestServices::s3().secretAccessKey;
        storage.s3Bucket = QStringLiteral("no-such-bucket-") + customer();
        std::tie(ok, message) = probe(storage);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("does not exist")), qPrintable(message));

        // Nothing listens on port 9 of localhost: unreachable, said so.
        storage = config();
        storage.s3SecretAccessKey = TestServices::s3().secretAccessKey;
        storage.s3Endpoint = QStringLiteral("http://127.0.0.1:9");
        std::tie(ok, message) = probe(storage);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("cannot reach")), qPrintable(message));

        // Incomplete settings are refused before any request.
        storage.s3Bucket.clear();
        std::tie(ok, message) = probe(storage);
        QVERIFY(!ok);
        QVERIFY2(message.contains(QStringLiteral("bucket"), Qt::CaseInsensitive), qPrintable(message));
    }

    void siteHealthFromSchedules()
    {
        if (kind() != QLatin1String("local"))
            QSKIP("catalog logic: once is enough");
        auto store = secrets();
        const QString failing = siteId(QStringLiteral("hfail"));
        auto service = startService(store.get(), failing);
        QVERIFY(service);
        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int n = 0;
        auto add = [&](const QString &site, BackupType type, BackupStatus status, const QDateTime &created) {
            BackupRecord r;
            r.id = Backups::newId(created.addMSecs(++n));
            r.siteId = site;
            r.customer = customer();
            r.environment = Environment::Prod;
            r.type = type;
            r.status = status;
            r.createdAt = created;
            r.startedAt = created;
            r.finishedAt = created.addSecs(30);
            r.createdBy = QStringLiteral("scheduler");
            return catalog->upsertBackup(r);
        };
        auto schedule = [&](const QString &site) {
            Schedule s;
            s.siteId = site;
            s.environment = Environment::Prod;
            s.timeUtc = QTime(3, 0);
            s.createdAt = now.addDays(-10);
            return catalog->setSchedule(s);
        };
        auto addSite = [&](const QString &site) {
            return catalog->addSite(Site{ site, QStringLiteral("Health"), customer(), Tier::Basic, {} });
        };
        const QString overdue = siteId(QStringLiteral("hold"));
        const QString healthy = siteId(QStringLiteral("hok"));
        const QString unscheduled = siteId(QStringLiteral("hnone"));
        QVERIFY(addSite(overdue) && addSite(healthy) && addSite(unscheduled));
        // Last scheduled backup failed (an older one completed).
        QVERIFY(schedule(failing));
        QVERIFY(add(failing, BackupType::Scheduled, BackupStatus::Completed, now.addSecs(-7200)));
        QVERIFY(add(failing, BackupType::Scheduled, BackupStatus::Failed, now.addSecs(-3600)));
        // Newest completed backup three days old on a daily schedule.
        QVERIFY(schedule(overdue));
        QVERIFY(add(overdue, BackupType::Scheduled, BackupStatus::Completed, now.addDays(-3)));
        // Fine: the scheduled one completed; a failed manual backup after it is no schedule problem.
        QVERIFY(schedule(healthy));
        QVERIFY(add(healthy, BackupType::Scheduled, BackupStatus::Completed, now.addSecs(-3600)));
        QVERIFY(add(healthy, BackupType::Manual, BackupStatus::Failed, now.addSecs(-600)));
        // No schedule: nothing is expected of it, even with a failed newest backup.
        QVERIFY(add(unscheduled, BackupType::Manual, BackupStatus::Failed, now.addSecs(-600)));

        QSignalSpy sites(service.get(), &BackupService::sitesLoaded);
        service->refreshSites();
        QVERIFY(sites.wait(10000));
        const auto attention = sites.last().at(1).value<QVector<QString>>();
        QVERIFY(attention.contains(failing));
        QVERIFY(attention.contains(overdue));
        QVERIFY(!attention.contains(healthy));
        QVERIFY(!attention.contains(unscheduled));
    }

    // A console that runs schedules keeps their retention, as the worker does: once a due
    // scheduled backup completes, the older one its schedule ("keep 1") no longer keeps is
    // deleted, and the console is told (backupRemoved, one operationFinished to show).
    void schedulesKeepTheirRetentionInTheConsole()
    {
        if (kind() != QLatin1String("local"))
            QSKIP("schedule logic: once is enough");
        auto store = secrets();
        const QString site = siteId(QStringLiteral("keep"));
        {
            auto setup = startService(store.get(), site);
            QVERIFY(setup);
        }
        auto catalog = openCatalog();
        QVERIFY(catalog);
        const QStringList planted
            = keepOneWithBackups(*catalog, site, QDateTime::currentDateTimeUtc().addDays(-2), 1); // due now
        QCOMPARE(planted.size(), 1);
        const BackupRecord old = *catalog->backup(planted.first());

        BackupServiceConfig withSchedules = config();
        withSchedules.runSchedules = true;
        BackupService service(withSchedules, store.get(), &m_clock);
        QSignalSpy removed(&service, &BackupService::backupRemoved);
        QSignalSpy operations(&service, &BackupService::operationFinished);
        QSignalSpy finished(&service, &BackupService::jobFinished);
        service.start();
        // Other tests' sites share this catalog and may have due schedules too: only this
        // site's signals count.
        auto removedOld = [&] {
            return std::any_of(removed.begin(), removed.end(),
                               [&old](const QList<QVariant> &args) { return args.at(0).toString() == old.id; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(removedOld(), 60000);
        QVector<JobOutcome> ours;
        for (const QList<QVariant> &args : std::as_const(finished)) {
            if (args.at(0).value<JobOutcome>().siteId == site)
                ours << args.at(0).value<JobOutcome>();
        }
        QCOMPARE(ours.size(), 1); // the scheduled backup that took its place
        const JobOutcome outcome = ours.first();
        QVERIFY2(outcome.success, qPrintable(outcome.message));
        QList<QVariant> report;
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(operations.begin(), operations.end(),
                                             [&](const QList<QVariant> &args) {
                                                 report = args;
                                                 return args.at(2).toString().contains(old.id);
                                             }),
                                 10000);
        QCOMPARE(report.at(0).toString(), QStringLiteral("retention.apply"));
        QVERIFY(report.at(1).toBool());
        QVERIFY(!catalog->backup(old.id));
        const QVector<BackupRecord> left = catalog->backups(site);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().id, outcome.backupId);
        QCOMPARE(left.first().status, BackupStatus::Completed);
        // Retention's entry names no site: it is found by the backup it names.
        const auto log = catalog->auditLog(QString(), 50);
        const bool audited = std::any_of(log.begin(), log.end(), [&old](const AuditEntry &e) {
            return e.action == QLatin1String("retention.apply") && e.detail.startsWith(QLatin1String("automatic: "))
                && e.detail.contains(old.id);
        });
        QVERIFY(audited);
    }

    // A console closed while Apply Retention deletes: the apply stops before the catalog and
    // store go, writes its audit entry saying how far it got, and leaves every backup it planned
    // either deleted or listed as Deleting (to be deleted again), none half-listed.
    void destructionDuringRetention()
    {
        if (kind() != QLatin1String("local"))
            QSKIP("retention logic: once is enough");
        auto store = secrets();
        const QString site = siteId(QStringLiteral("retstop"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        auto catalog = openCatalog();
        QVERIFY(catalog);
        const int count = 1000; // deleted one by one: seconds, time to close the console
        const QStringList ids = keepOneWithBackups(*catalog, site, QDateTime::currentDateTimeUtc(), count);
        QCOMPARE(ids.size(), count);
        const int auditBefore = catalog->auditLog(QString(), 2000).size();
        service->applyRetention(ids);
        QTRY_VERIFY_WITH_TIMEOUT(catalog->backups(site).size() < count, 20000); // deletions under way
        service.reset();

        const QVector<BackupRecord> left = catalog->backups(site);
        QVERIFY2(left.size() > 1, "the apply finished before the console closed: nothing was tested");
        int deleting = 0;
        for (const BackupRecord &r : left) {
            if (r.status == BackupStatus::Deleting)
                ++deleting;
            else
                QCOMPARE(r.status, BackupStatus::Completed);
        }
        QVERIFY(deleting <= 1);
        // One entry per deleted backup, and the apply's summary.
        const QVector<AuditEntry> log = catalog->auditLog(QString(), 2000);
        QCOMPARE(log.size(), auditBefore + 1 + (count - int(left.size())));
        QCOMPARE(log.first().action, QStringLiteral("retention.apply"));
        QCOMPARE(log.first().outcome, AuditOutcome::Failure);
        QVERIFY2(log.first().detail.contains(QLatin1String("stopped with")), qPrintable(log.first().detail));
    }

    // The console's Apply Retention lists what would go, then deletes what was confirmed and no
    // more: a backup retention would delete but nobody was shown stays, and so does a confirmed
    // one retention keeps.
    void applyRetentionDeletesOnlyWhatWasConfirmed()
    {
        if (kind() != QLatin1String("local"))
            QSKIP("retention logic: once is enough");
        auto store = secrets();
        const QString site = siteId(QStringLiteral("retconfirm"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        auto catalog = openCatalog();
        QVERIFY(catalog);
        const QStringList ids = keepOneWithBackups(*catalog, site, QDateTime::currentDateTimeUtc(), 4);
        QCOMPARE(ids.size(), 4);

        QSignalSpy previews(service.get(), &BackupService::retentionPreviewed);
        service->previewRetention();
        QVERIFY(previews.wait(10000));
        QCOMPARE(previews.last().at(1).toString(), QString());
        QStringList listed;
        for (const BackupRecord &r : previews.last().at(0).value<QVector<BackupRecord>>()) {
            if (r.siteId == site) // the catalog is shared with other tests' sites
                listed << r.id;
        }
        QCOMPARE(listed.size(), 3); // keep 1 of 4
        QStringList kept = ids;
        for (const QString &id : std::as_const(listed))
            kept.removeOne(id);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(catalog->backups(site).size(), 4); // a preview changes nothing

        QSignalSpy operations(service.get(), &BackupService::operationFinished);
        QSignalSpy removed(service.get(), &BackupService::backupRemoved);
        service->applyRetention({ listed.at(0), listed.at(1), kept.first() }); // listed.at(2) was not confirmed
        QVERIFY(operations.wait(20000));
        QCOMPARE(operations.last().at(0).toString(), QStringLiteral("retention.apply"));
        QVERIFY2(operations.last().at(1).toBool(), qPrintable(operations.last().at(2).toString()));
        QStringList gone;
        for (const QList<QVariant> &signal : std::as_const(removed))
            gone << signal.at(0).toString();
        gone.sort();
        QStringList expected{ listed.at(0), listed.at(1) };
        expected.sort();
        QCOMPARE(gone, expected);
        QStringList left;
        for (const BackupRecord &r : catalog->backups(site))
            left << r.id;
        left.sort();
        expected = QStringList{ listed.at(2), kept.first() };
        expected.sort();
        QCOMPARE(left, expected);
    }

    void largeSiteFirstPageThenAll()
    {
        if (kind() != QLatin1String("local"))
            QSKIP("catalog logic: once is enough");
        auto store = secrets();
        const QString site = siteId(QStringLiteral("pages"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        const int count = BackupService::firstPageSize() + 37;
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
        QSqlDatabase db = QSqlDatabase::database(catalog->connectionName());
        QVERIFY(db.transaction());
        QHash<QString, QDateTime> created;
        for (int i = 0; i < count; ++i) {
            BackupRecord r;
            // Pairs share a creation time: the page boundary must still split them correctly.
            r.createdAt = start.addSecs((i / 2) * 60).addMSecs(i % 7);
            if (i == 0) // a leap day's last millisecond reads back exactly, too
                r.createdAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
            r.id = Backups::newId(r.createdAt);
            r.siteId = site;
            r.customer = customer();
            r.status = BackupStatus::Completed;
            r.sizeBytes = 100 + i;
            QVERIFY2(catalog->upsertBackup(r), qPrintable(catalog->lastError()));
            created.insert(r.id, r.createdAt);
        }
        QVERIFY(db.commit());

        QSignalSpy first(service.get(), &BackupService::backupsFirstPage);
        QSignalSpy all(service.get(), &BackupService::backupsLoaded);
        service->refreshBackups(site);
        QVERIFY(all.wait(20000));
        QCOMPARE(first.size(), 1);
        const auto page = first.last().at(1).value<QVector<BackupRecord>>();
        const auto complete = all.last().at(1).value<QVector<BackupRecord>>();
        QCOMPARE(page.size(), BackupService::firstPageSize());
        QCOMPARE(complete.size(), count);
        // The complete list is exactly the catalog's order, newest first; the page its head.
        const QVector<BackupRecord> expected = catalog->backups(site);
        QCOMPARE(expected.size(), count);
        QSet<QString> ids;
        for (int i = 0; i < count; ++i) {
            QCOMPARE(complete.at(i).id, expected.at(i).id);
            if (i < page.size())
                QCOMPARE(page.at(i).id, expected.at(i).id);
            if (i > 0)
                QVERIFY(complete.at(i - 1).createdAt >= complete.at(i).createdAt);
            ids.insert(complete.at(i).id);
            QCOMPARE(complete.at(i).createdAt, created.value(complete.at(i).id));
            QCOMPARE(complete.at(i).createdAt.timeSpec(), Qt::UTC);
        }
        QCOMPARE(ids.size(), count);

        // A small site is answered once, with everything.
        first.clear();
        all.clear();
        const QString small = siteId(QStringLiteral("few"));
        QVERIFY(catalog->addSite(Site{ small, QStringLiteral("Few"), customer(), Tier::Basic, {} }));
        service->refreshBackups(small);
        QVERIFY(all.wait(10000));
        QVERIFY(first.isEmpty());
    }

    void cancelLeavesNothing()
    {
        auto store = secrets();
        const QString site = siteId(QStringLiteral("cancel"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        qputenv("CREODROP_DUMP_THROTTLE_KBPS", "300"); // seconds long: time to cancel mid-dump
        QSignalSpy changes(service.get(), &BackupService::backupChanged);
        QSignalSpy finished(service.get(), &BackupService::jobFinished);
        QSignalSpy progress(service.get(), &BackupService::jobProgress);
        service->createBackup(site, Environment::Prod);
        QVERIFY(changes.wait(10000));
        const QString id = firstBackupId(changes);
        const BackupRecord running = waitForStatus(changes, id, BackupStatus::InProgress);
        QVERIFY(running.isValid());
        QVERIFY(waitForBytes(progress, id)); // mid-dump, mid-upload
        service->cancelJob(id);
        const BackupRecord cancelled = waitForStatus(changes, id, BackupStatus::Cancelled, 30000);
        QVERIFY(cancelled.isValid());
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QVERIFY(finished.last().at(0).value<JobOutcome>().cancelled);
        const QString stem = running.objectKey.left(running.objectKey.size() - 7);
        QCOMPARE(storedKeys(stem), QStringList());
    }

    void destructionWhileRunning()
    {
        auto store = secrets();
        const QString site = siteId(QStringLiteral("destroy"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        qputenv("CREODROP_DUMP_THROTTLE_KBPS", "300");
        QSignalSpy changes(service.get(), &BackupService::backupChanged);
        QSignalSpy progress(service.get(), &BackupService::jobProgress);
        service->createBackup(site, Environment::Prod);
        QVERIFY(changes.wait(10000));
        const QString id = firstBackupId(changes);
        const BackupRecord running = waitForStatus(changes, id, BackupStatus::InProgress);
        QVERIFY(running.isValid());
        QVERIFY(waitForBytes(progress, id));
        QElapsedTimer timer;
        timer.start();
        service.reset(); // must neither hang nor leave the backup In Progress
        qInfo("service destroyed in %lld ms", timer.elapsed());

        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        const auto record = catalog->backup(id);
        QVERIFY(record);
        QCOMPARE(record->status, BackupStatus::Cancelled);
        const QString stem = running.objectKey.left(running.objectKey.size() - 7);
        // Removal of anything uploaded is started on the way out; give it a moment to land.
        QTRY_COMPARE_WITH_TIMEOUT(storedKeys(stem), QStringList(), 10000);
    }

    void destructionStopsADumpWaitingOnALock()
    {
        // Closing the console while a dump waits on another session's LOCK TABLES ... WRITE:
        // the dump is stopped with KILL QUERY, the service goes away and the row is Cancelled,
        // all while the lock is still held.
        auto store = secrets();
        const QString site = siteId(QStringLiteral("lockclose"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        QSqlDatabase lock = TestServices::openMySql(QStringLiteral("svc-lock-") + kind(), m_dataDb);
        QVERIFY(lock.isOpen());
        QSqlQuery q(lock);
        QVERIFY(q.exec(QStringLiteral("LOCK TABLES t WRITE")));
        QSignalSpy changes(service.get(), &BackupService::backupChanged);
        service->createBackup(site, Environment::Prod);
        QVERIFY(changes.wait(10000));
        const QString id = firstBackupId(changes);
        QVERIFY(waitForStatus(changes, id, BackupStatus::InProgress).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(someoneWaitsOnATableLock(q), 30000);
        service.reset(); // a hang here is what the test's timeout catches
        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->backup(id)->status, BackupStatus::Cancelled);
        QVERIFY(q.exec(QStringLiteral("UNLOCK TABLES")));
        lock.close();
        lock = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("svc-lock-") + kind());
    }

    void cancelStopsADumpWaitingOnALock()
    {
        // Cancel in the jobs panel while the dump waits on another session's table lock.
        auto store = secrets();
        const QString site = siteId(QStringLiteral("lockcancel"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        const QString lockName = QStringLiteral("svc-lock2-") + kind();
        QSqlDatabase lock = TestServices::openMySql(lockName, m_dataDb);
        QVERIFY(lock.isOpen());
        QSqlQuery q(lock);
        QVERIFY(q.exec(QStringLiteral("LOCK TABLES t WRITE")));
        QSignalSpy changes(service.get(), &BackupService::backupChanged);
        QSignalSpy finished(service.get(), &BackupService::jobFinished);
        service->createBackup(site, Environment::Prod);
        QVERIFY(changes.wait(10000));
        const QString id = firstBackupId(changes);
        QVERIFY(waitForStatus(changes, id, BackupStatus::InProgress).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(someoneWaitsOnATableLock(q), 30000);
        service->cancelJob(id);
        // Generous: only a dump that ignores the cancel until the lock ends misses it.
        QVERIFY(waitForStatus(changes, id, BackupStatus::Cancelled, 30000).isValid());
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QVERIFY(q.exec(QStringLiteral("UNLOCK TABLES")));
        lock.close();
        lock = QSqlDatabase();
        QSqlDatabase::removeDatabase(lockName);
    }

    void recoversInterruptedBackupsWhileRunning()
    {
        // A backup whose runner died on another host while the console is open: the service's
        // periodic recovery (once per heartbeat period) fails it, no restart needed.
        auto store = secrets();
        const QString site = siteId(QStringLiteral("recover"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        QSignalSpy changes(service.get(), &BackupService::backupChanged);
        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        const BackupRecord r = catalog->createBackup(site, Environment::Prod, BackupType::Manual, QStringLiteral("x"));
        QVERIFY(r.isValid());
        QVERIFY(catalog->claimBackup(r.id, QStringLiteral("gone-host:4242:deadbeef"), 1));
        QSqlQuery q(QSqlDatabase::database(catalog->connectionName()));
        q.prepare(QStringLiteral("UPDATE backups SET heartbeat_at = ? WHERE id = ?"));
        q.addBindValue(catalog->heartbeatClockNow().addSecs(-60).toString(Qt::ISODateWithMs));
        q.addBindValue(r.id);
        QVERIFY(q.exec());
        const BackupRecord failed = waitForStatus(changes, r.id, BackupStatus::Failed, 30000);
        QVERIFY(failed.isValid());
        QVERIFY(failed.errorText.contains(QLatin1String("interrupted")));
    }

    // Catalog reads answer "none" when their statement fails (here its tables are gone; on a
    // network, a lost connection): every refresh reports the failure instead of sending an empty
    // list that would replace what the console shows.
    void unreadableCatalogIsReportedNotShownAsEmpty()
    {
        auto store = secrets();
        const QString site = siteId(QStringLiteral("unread"));
        auto service = startService(store.get(), site);
        QVERIFY(service);
        auto catalog = openCatalog();
        QVERIFY(catalog);
        QSqlDatabase db = QSqlDatabase::database(catalog->connectionName());
        auto rename = [&db](const QString &from, const QString &to) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(from, to));
        };
        QStringList renamed;
        auto restore = qScopeGuard([&] {
            for (const QString &table : std::as_const(renamed))
                rename(table + QStringLiteral("_away"), table);
        });
        for (const QString &table : db.tables()) {
            if (table.startsWith(QLatin1String("schema_")))
                continue;
            QVERIFY2(rename(table, table + QStringLiteral("_away")), qPrintable(table));
            renamed << table;
        }
        QVERIFY(renamed.size() >= 5);

        QSignalSpy errors(service.get(), &BackupService::error);
        QSignalSpy sites(service.get(), &BackupService::sitesLoaded);
        QSignalSpy firstPage(service.get(), &BackupService::backupsFirstPage);
        QSignalSpy backups(service.get(), &BackupService::backupsLoaded);
        QSignalSpy environments(service.get(), &BackupService::environmentsLoaded);
        QSignalSpy schedules(service.get(), &BackupService::schedulesLoaded);
        QSignalSpy overview(service.get(), &BackupService::scheduleOverviewLoaded);
        QSignalSpy attention(service.get(), &BackupService::attentionLoaded);
        QSignalSpy audit(service.get(), &BackupService::auditLoaded);
        QSignalSpy locks(service.get(), &BackupService::environmentLocksLoaded);
        service->refreshSites();
        service->refreshBackups(site);
        service->refreshSchedules(site);
        service->refreshScheduleOverview(site);
        service->refreshAttention();
        service->refreshAudit(QStringLiteral("audit"), AuditFilter());
        service->refreshEnvironmentLocks(site);
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 7, 30000);
        for (const QList<QVariant> &e : std::as_const(errors))
            QVERIFY2(e.at(1).toString().startsWith(QLatin1String("Cannot read the catalog")),
                     qPrintable(e.at(1).toString()));
        for (const QSignalSpy *spy :
             { &sites, &firstPage, &backups, &environments, &schedules, &overview, &attention, &audit, &locks })
            QVERIFY2(spy->isEmpty(), spy->signal().constData());

        // Looking a backup up: the manifest view and a restore say why, not "no such backup".
        const QString someId = QStringLiteral("20261204T000000000Z-abcdef12");
        QSignalSpy manifest(service.get(), &BackupService::manifestLoaded);
        QSignalSpy restored(service.get(), &BackupService::restoreFinished);
        service->requestManifest(someId);
        service->restoreBackup(someId, Environment::Prod, site + QStringLiteral("/prod"));
        QVERIFY(!manifest.isEmpty() || manifest.wait(30000));
        QVERIFY2(manifest.first().at(2).toString().startsWith(QLatin1String("Cannot read the catalog")),
                 qPrintable(manifest.first().at(2).toString()));
        QVERIFY(!restored.isEmpty() || restored.wait(30000));
        QVERIFY2(restored.first().at(4).toString().startsWith(QLatin1String("Cannot read the catalog")),
                 qPrintable(restored.first().at(4).toString()));

        // Readable again, the same refresh answers as before.
        restore.dismiss();
        for (const QString &table : std::as_const(renamed))
            QVERIFY(rename(table + QStringLiteral("_away"), table));
        service->refreshSites();
        QVERIFY(sites.wait(10000));
        QCOMPARE(errors.size(), 7);
        bool listed = false;
        for (const Site &s : sites.first().at(0).value<QVector<Site>>())
            listed = listed || s.id == site;
        QVERIFY(listed);
    }
};

QTEST_GUILESS_MAIN(TestBackupService)
#include "TestBackupService.moc"
