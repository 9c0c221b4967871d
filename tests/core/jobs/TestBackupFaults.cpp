// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// BackupJob, DownloadJob and DeleteJob when things break: S3 going away mid-upload, a download
// cut mid-body, a full disk, a deletion refused or never answered. Real MariaDB and S3 test
// server; FaultProxy (between the jobs and S3) and RLIMIT_FSIZE inject the faults.
#include "FaultProxy.h"
#include "TestServices.h"
#include "catalog/Catalog.h"
#include "jobs/BackupJob.h"
#include "jobs/DeleteJob.h"
#include "jobs/DownloadJob.h"
#include "jobs/RecoveryJob.h"
#include "secrets/InMemorySecretStore.h"
#include "storage/S3ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/resource.h>

// The deletions' heartbeat period (DeleteJob).
constexpr int kHeartbeatSeconds = 10;

class TestBackupFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_dataDb;
    SystemClock m_clock;
    QNetworkAccessManager m_nam;
    InMemorySecretStore m_secrets;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<S3ObjectStore> m_direct;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<S3ObjectStore> m_proxied;
    QString m_customer;
    BackupRecord m_completed; ///< made once, for the download tests

    S3Config s3Config(const QUrl &endpoint) const
    {
        const auto s3 = TestServices::s3();
        S3Config c;
        c.endpoint = endpoint;
        c.region = s3.region;
        c.bucket = s3.bucket;
        c.accessKeyId = s3.accessKeyId;
        c.secretAccessKey = s3.secretAccessKey;
        c.pathStyle = true;
        return c;
    }

    static bool run(Job *job, int ms = 60000)
    {
        job->setAutoDelete(false);
        QSignalSpy done(job, &Job::finished);
        job->start();
        return !done.isEmpty() || done.wait(ms);
    }

    QString addSite(const QString &tag)
    {
        const QString site = tag + QLatin1Char('-') + m_customer;
        if (!m_catalog->addSite(Site{ site, QStringLiteral("Faults"), m_customer, Tier::Basic, {} }))
            return {};
        const auto m = TestServices::mysql();
        EnvironmentConfig env;
        env.siteId = site;
        env.environment = Environment::Prod;
        env.endpoint.host = m.host;
        env.endpoint.port = m.port;
        env.endpoint.user = m.user;
        env.endpoint.database = m_dataDb;
        if (!m_catalog->setEnvironment(env))
            return {};
        m_secrets.insert(env.secretKey(), m.password);
        return site;
    }

    /// A Pending manual backup of a new site named after @p tag (invalid when that failed).
    BackupRecord pendingBackup(const QString &tag)
    {
        const QString site = addSite(tag);
        return site.isEmpty() ? BackupRecord()
                              : m_catalog->createBackup(site, Environment::Prod, BackupType::Manual, "tester");
    }

    /// A Completed backup of a new site named after @p tag, stored directly (invalid on failure).
    BackupRecord completedBackup(const QString &tag)
    {
        const BackupRecord pending = pendingBackup(tag);
        if (!pending.isValid())
            return {};
        BackupJob job(m_catalog.get(), m_direct.get(), &m_secrets, &m_clock, pending.id, options());
        return run(&job) && job.succeeded() ? job.record() : BackupRecord();
    }

    bool objectExists(const QString &key)
    {
        StoreJob *head = m_direct->head(key);
        std::unique_ptr<StoreJob> owner(head);
        return run(head) && head->succeeded();
    }

    /// With the faults gone, deleting @p backup again removes its row, its dump and its manifest.
    bool deletedOnceTheStoreAnswers(const BackupRecord &backup)
    {
        m_proxy->clearRules();
        DeleteJob again(m_catalog.get(), m_proxied.get(), backup.id, kHeartbeatSeconds);
        if (!run(&again) || !again.succeeded()) {
            qWarning() << "deleting again failed:" << again.errorString();
            return false;
        }
        return !m_catalog->backup(backup.id) && !objectExists(backup.objectKey)
            && !objectExists(Catalog::manifestKey(backup.objectKey));
    }

    /// Runs @p sql on the catalog's own connection: the tests break and mend its tables with it.
    bool catalogSql(const QString &sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_catalog->connectionName()));
        return q.exec(sql);
    }

    BackupJob::Options options() const
    {
        BackupJob::Options o;
        o.heartbeatSeconds = 1;
        return o;
    }

    QStringList keysUnder(const QString &prefix)
    {
        StoreJob *list = m_direct->list(prefix);
        if (!run(list))
            return { QStringLiteral("<timeout>") };
        std::unique_ptr<StoreJob> owner(list);
        QStringList keys;
        for (const ObjectInfo &o : list->result().objects)
            keys << o.key;
        return keys;
    }

    /// No multipart upload left under @p prefix, as far as the server can tell (s3rver answers
    /// ListMultipartUploads with NotImplemented until the test launcher supports it).
    void verifyNoIncompleteUploads(const QString &prefix)
    {
        StoreJob *list = m_direct->listIncompleteUploads(prefix);
        QVERIFY(run(list));
        std::unique_ptr<StoreJob> owner(list);
        if (!list->succeeded()) {
            qWarning("Cannot list multipart uploads here (%s): not checked.", qPrintable(list->errorString()));
            return;
        }
        QVERIFY(list->result().uploads.isEmpty());
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_dir.isValid());
        m_customer = QStringLiteral("flt") + QString::number(QCoreApplication::applicationPid());
        m_dataDb = TestServices::createScratchDatabase(QStringLiteral("faults"));
        // Random bytes: about 1 MiB gzipped, several small parts, and a download worth cutting.
        QCOMPARE(TestServices::runMariaDbClient({ m_dataDb },
                                                "CREATE TABLE b (id INT PRIMARY KEY, v BLOB);"
                                                "INSERT INTO b SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_1024;"),
                 0);
        CatalogLocation location;
        location.sqlitePath = m_dir.filePath(QStringLiteral("catalog.sqlite"));
        QString error;
        m_catalog = Catalog::open(location, &m_clock, &error);
        QVERIFY2(m_catalog, qPrintable(error));

        const QUrl endpoint(TestServices::s3().endpoint);
        m_direct = std::make_unique<S3ObjectStore>(s3Config(endpoint), &m_nam);
        m_proxy = std::make_unique<FaultProxy>(QHostAddress(endpoint.host()), quint16(endpoint.port()));
        QVERIFY(m_proxy->listen());
        m_proxied = std::make_unique<S3ObjectStore>(
            s3Config(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()))), &m_nam);
        // Small parts (the server accepts them) and short retries keep the failure paths quick.
        S3TransferOptions fast;
        fast.maxAttempts = 2;
        fast.retryBaseDelayMs = 50;
        fast.retryMaxDelayMs = 100;
        fast.timeoutMs = 10000;
        fast.minPartSize = 128 * 1024;
        fast.unknownSizePartSize = 128 * 1024;
        fast.minStreamPartSize = 128 * 1024;
        m_proxied->setTransferOptions(fast);

        const QString site = addSite(QStringLiteral("dl"));
        QVERIFY(!site.isEmpty());
        const BackupRecord pending = m_catalog->createBackup(site, Environment::Prod, BackupType::Manual, "tester");
        QVERIFY2(pending.isValid(), qPrintable(m_catalog->lastError()));
        BackupJob job(m_catalog.get(), m_direct.get(), &m_secrets, &m_clock, pending.id, options());
        QVERIFY(run(&job));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        m_completed = job.record();
        QVERIFY(m_completed.sizeBytes > 512 * 1024);
    }

    void cleanupTestCase()
    {
        if (m_completed.isValid())
            run(m_direct->remove(m_completed.objectKey)),
                run(m_direct->remove(Catalog::manifestKey(m_completed.objectKey)));
        TestServices::dropDatabase(m_dataDb);
    }

    void init() { m_proxy->clearRules(); }

    void s3DownMidBackupFailsAndLeavesNothing()
    {
        const QString site = addSite(QStringLiteral("down"));
        QVERIFY(!site.isEmpty());
        // The first part gets through; from then on every part upload is cut mid-body.
        FaultProxy::Rule cut;
        cut.method = "PUT";
        cut.targetContains = "partNumber=";
        cut.action = FaultProxy::Action::CutRequest;
        cut.cutAfterBytes = 4096;
        cut.skip = 1;
        cut.times = -1;
        m_proxy->addRule(cut);

        const BackupRecord pending = m_catalog->createBackup(site, Environment::Prod, BackupType::Manual, "tester");
        QVERIFY(pending.isValid());
        BackupJob job(m_catalog.get(), m_proxied.get(), &m_secrets, &m_clock, pending.id, options());
        QVERIFY(run(&job));
        QVERIFY(!job.succeeded());
        QVERIFY(m_proxy->faultsInjected() > 0);
        const auto record = m_catalog->backup(pending.id);
        QVERIFY(record);
        QCOMPARE(record->status, BackupStatus::Failed);
        QVERIFY2(record->errorText.contains(QLatin1String("Check that the storage is reachable")),
                 qPrintable(record->errorText));
        QCOMPARE(job.errorString(), record->errorText);
        const QString envPrefix = QStringLiteral("customers/%1/%2/prod/").arg(m_customer, site);
        QCOMPARE(keysUnder(envPrefix), QStringList());
        verifyNoIncompleteUploads(envPrefix);
        bool aborted = false;
        for (const QString &request : m_proxy->requests())
            aborted = aborted || (request.startsWith(QLatin1String("DELETE ")) && request.contains("uploadId="));
        QVERIFY2(aborted, qPrintable(m_proxy->requests().join(QLatin1Char('\n'))));
    }

    void unconfirmedAbortLeavesTheRowToRecovery()
    {
        // Cancel mid-upload while the storage refuses AbortMultipartUpload: the row must not say
        // Cancelled with parts left behind. It stays In Progress, released, and recovery (here:
        // the next process, once the heartbeat lapsed) aborts the upload and fails the row.
        const QString site = addSite(QStringLiteral("noabort"));
        QVERIFY(!site.isEmpty());
        FaultProxy::Rule slowParts;
        slowParts.method = "PUT";
        slowParts.targetContains = "partNumber=";
        slowParts.action = FaultProxy::Action::Delay;
        slowParts.delayMs = 60000;
        slowParts.skip = 1;
        slowParts.times = -1;
        m_proxy->addRule(slowParts);
        FaultProxy::Rule refuseAbort;
        refuseAbort.method = "DELETE";
        refuseAbort.targetContains = "uploadId=";
        refuseAbort.status = 500;
        refuseAbort.times = -1;
        m_proxy->addRule(refuseAbort);

        const BackupRecord pending = m_catalog->createBackup(site, Environment::Prod, BackupType::Manual, "tester");
        QVERIFY(pending.isValid());
        BackupJob job(m_catalog.get(), m_proxied.get(), &m_secrets, &m_clock, pending.id, options());
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        // The proxy's log holds earlier tests' requests too: look for this backup's.
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_proxy->requests().filter(pending.id).filter(QStringLiteral("partNumber=2")).isEmpty(), 30000);
        job.cancel();
        QVERIFY(!done.isEmpty() || done.wait(60000));
        QVERIFY(!job.succeeded());
        QVERIFY2(job.errorString().contains(QLatin1String("left In Progress")), qPrintable(job.errorString()));
        auto record = m_catalog->backup(pending.id);
        QCOMPARE(record->status, BackupStatus::InProgress);
        QVERIFY(record->workerId.endsWith(QLatin1String(":released")));

        m_proxy->clearRules();
        QSqlQuery q(QSqlDatabase::database(m_catalog->connectionName()));
        QVERIFY(q.exec(QStringLiteral("UPDATE backups SET heartbeat_at = '2020-01-01T00:00:00.000Z' WHERE id = '%1'")
                           .arg(pending.id)));
        RecoveryJob recovery(m_catalog.get(), m_direct.get(), 1);
        QVERIFY(run(&recovery));
        QCOMPARE(recovery.recoveredIds(), QStringList{ pending.id });
        QVERIFY2(recovery.warnings().isEmpty(), qPrintable(recovery.warnings().join(QLatin1Char('\n'))));
        record = m_catalog->backup(pending.id);
        QCOMPARE(record->status, BackupStatus::Failed);
        const QString envPrefix = QStringLiteral("customers/%1/%2/prod/").arg(m_customer, site);
        verifyNoIncompleteUploads(envPrefix);
        QCOMPARE(keysUnder(envPrefix), QStringList());
    }

    // The catalog cannot be read when the job looks its row up (here the table is gone; on a
    // network, a lost connection): the job says so, not "There is no backup".
    void unreadableRowSaysTheCatalogCannotBeRead()
    {
        const BackupRecord pending = pendingBackup(QStringLiteral("cr"));
        QVERIFY2(pending.isValid(), qPrintable(m_catalog->lastError()));
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups RENAME TO backups_away")));
        BackupJob job(m_catalog.get(), m_direct.get(), &m_secrets, &m_clock, pending.id, options());
        const bool ran = run(&job);
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups_away RENAME TO backups")));
        QVERIFY(ran);
        QVERIFY(!job.succeeded());
        QVERIFY2(job.errorString().startsWith(QLatin1String("Cannot read the catalog")), qPrintable(job.errorString()));
        QCOMPARE(m_catalog->backup(pending.id)->status, BackupStatus::Pending);
        QVERIFY(m_catalog->failBackup(pending.id, BackupStatus::Cancelled, QStringLiteral("test over")));
    }

    // The claim keeps failing while the row itself reads (the table the claim checks for a
    // running restore is gone): the wait ends after catalogFailureLimitMs instead of showing
    // "Waiting" for ever. Nothing was started, the row stays Pending, and once the catalog is
    // whole again a job runs it.
    void claimThatKeepsFailingEndsTheWait()
    {
        const BackupRecord pending = pendingBackup(QStringLiteral("cl"));
        QVERIFY2(pending.isValid(), qPrintable(m_catalog->lastError()));
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE env_restores RENAME TO env_restores_away")));
        BackupJob::Options o = options();
        o.claimRetryMs = 50;
        o.catalogFailureLimitMs = 500;
        QElapsedTimer waited;
        waited.start();
        {
            BackupJob job(m_catalog.get(), m_direct.get(), &m_secrets, &m_clock, pending.id, o);
            QSignalSpy progress(&job, &BackupJob::progressChanged);
            const bool ran = run(&job, 30000);
            QVERIFY(catalogSql(QStringLiteral("ALTER TABLE env_restores_away RENAME TO env_restores")));
            QVERIFY(ran);
            QVERIFY(waited.elapsed() >= o.catalogFailureLimitMs);
            QVERIFY(!job.succeeded());
            QCOMPARE(job.error(), Job::Error::Retryable);
            const QString expected
                = QStringLiteral("Backup %1 was not started: Cannot read the catalog").arg(pending.id);
            QVERIFY2(job.errorString().startsWith(expected), qPrintable(job.errorString()));
            QVERIFY2(job.errorString().endsWith(
                         QLatin1String("It stays Pending until a worker runs it or it is cancelled.")),
                     qPrintable(job.errorString()));
            for (const QList<QVariant> &p : std::as_const(progress))
                QVERIFY(p.at(0).value<JobProgress>().phase != QLatin1String("Dumping"));
        }
        QCOMPARE(m_catalog->backup(pending.id)->status, BackupStatus::Pending);
        QCOMPARE(keysUnder(QStringLiteral("customers/%1/%2/").arg(m_customer, pending.siteId)), QStringList());

        BackupJob again(m_catalog.get(), m_direct.get(), &m_secrets, &m_clock, pending.id, options());
        QVERIFY(run(&again));
        QVERIFY2(again.succeeded(), qPrintable(again.errorString()));
        QCOMPARE(m_catalog->backup(pending.id)->status, BackupStatus::Completed);
        run(m_direct->remove(again.record().objectKey));
        run(m_direct->remove(Catalog::manifestKey(again.record().objectKey)));
    }

    // A job that follows a backup another worker runs stops following once the catalog cannot
    // be read for catalogFailureLimitMs, and says which worker runs it; the row is not touched.
    void followThatKeepsFailingEndsTheWait()
    {
        const BackupRecord pending = pendingBackup(QStringLiteral("fo"));
        QVERIFY2(pending.isValid(), qPrintable(m_catalog->lastError()));
        const QString other = QStringLiteral("other-host:4242");
        QVERIFY(m_catalog->claimBackup(pending.id, other));
        BackupJob::Options o = options();
        o.claimRetryMs = 50;
        o.catalogFailureLimitMs = 500;
        BackupJob job(m_catalog.get(), m_direct.get(), &m_secrets, &m_clock, pending.id, o);
        job.setAutoDelete(false);
        QSignalSpy progress(&job, &BackupJob::progressChanged);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        const QString running = QStringLiteral("Running in %1").arg(other);
        auto followed = [&] {
            for (const QList<QVariant> &p : std::as_const(progress)) {
                if (p.at(0).value<JobProgress>().phase == running)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(followed(), 60000);
        QVERIFY(done.isEmpty());
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups RENAME TO backups_away")));
        QElapsedTimer waited;
        waited.start();
        const bool ended = !done.isEmpty() || done.wait(30000);
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE backups_away RENAME TO backups")));
        QVERIFY(ended);
        QVERIFY(waited.elapsed() >= o.catalogFailureLimitMs);
        QVERIFY(!job.succeeded());
        QCOMPARE(job.error(), Job::Error::Retryable);
        const QString expected = QStringLiteral("Backup %1 runs in %2, but its progress cannot be followed: Cannot "
                                                "read the catalog")
                                     .arg(pending.id, other);
        QVERIFY2(job.errorString().startsWith(expected), qPrintable(job.errorString()));
        const auto record = m_catalog->backup(pending.id);
        QVERIFY(record);
        QCOMPARE(record->status, BackupStatus::InProgress);
        QCOMPARE(record->workerId, other);
        QVERIFY(m_catalog->failBackup(pending.id, BackupStatus::Cancelled, QStringLiteral("test over")));
    }

    // A catalog failure shorter than the limit is waited out: the claim goes ahead once the
    // table is back, and the backup completes.
    void briefCatalogFailureIsWaitedOut()
    {
        const BackupRecord pending = pendingBackup(QStringLiteral("br"));
        QVERIFY2(pending.isValid(), qPrintable(m_catalog->lastError()));
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE env_restores RENAME TO env_restores_away")));
        BackupJob::Options o = options();
        o.claimRetryMs = 50;
        BackupJob job(m_catalog.get(), m_direct.get(), &m_secrets, &m_clock, pending.id, o);
        QSignalSpy progress(&job, &BackupJob::progressChanged);
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        // Several failed claims, then the catalog is whole again.
        QTest::qWait(400);
        QVERIFY(done.isEmpty());
        QVERIFY(catalogSql(QStringLiteral("ALTER TABLE env_restores_away RENAME TO env_restores")));
        QVERIFY(!done.isEmpty() || done.wait(60000));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QCOMPARE(m_catalog->backup(pending.id)->status, BackupStatus::Completed);
        run(m_direct->remove(job.record().objectKey));
        run(m_direct->remove(Catalog::manifestKey(job.record().objectKey)));
    }

    void downloadCutMidBodyResumesByteExact()
    {
        FaultProxy::Rule cut;
        cut.method = "GET";
        cut.targetContains = ".sql.gz";
        cut.action = FaultProxy::Action::CutResponse;
        cut.cutAfterBytes = 300 * 1024;
        m_proxy->addRule(cut);

        const int faultsBefore = m_proxy->faultsInjected();
        const QString target = m_dir.filePath(QStringLiteral("resumed.sql.gz"));
        DownloadJob job(m_catalog.get(), m_proxied.get(), &m_clock, m_completed.id, target);
        QVERIFY(run(&job));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QCOMPARE(m_proxy->faultsInjected(), faultsBefore + 1);
        int gets = 0;
        for (const QString &request : m_proxy->requests())
            gets += request.startsWith(QLatin1String("GET ")) && request.contains(QLatin1String(".sql.gz"));
        QVERIFY2(gets >= 2, qPrintable(m_proxy->requests().join(QLatin1Char('\n'))));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(qint64(bytes.size()), m_completed.sizeBytes);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
                 m_completed.sha256);
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    void fullDiskOnDownloadLeavesNoFile()
    {
        // A file-size limit makes writes past 256 KiB fail (EFBIG) like a full disk does; the
        // signal it would raise is ignored so the write just fails.
        const QString target = m_dir.filePath(QStringLiteral("full.sql.gz"));
        DownloadJob job(m_catalog.get(), m_direct.get(), &m_clock, m_completed.id, target);
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        auto *previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 256 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const bool ended = run(&job);
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        QVERIFY(ended);
        QVERIFY(!job.succeeded());
        QVERIFY2(job.errorString().contains(QLatin1String("free space")), qPrintable(job.errorString()));
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    // A DELETE the store refuses removed nothing: once the object is found whole, the backup is
    // listed as it was, not left Deleting.
    void refusedDeletionListsTheBackupAgain()
    {
        const BackupRecord backup = completedBackup(QStringLiteral("delno"));
        QVERIFY(backup.isValid());
        FaultProxy::Rule refuse;
        refuse.method = "DELETE";
        refuse.action = FaultProxy::Action::Respond;
        refuse.status = 403;
        refuse.times = -1;
        m_proxy->addRule(refuse);
        DeleteJob job(m_catalog.get(), m_proxied.get(), backup.id, kHeartbeatSeconds);
        QVERIFY(run(&job));
        QVERIFY(!job.succeeded());
        QVERIFY(m_proxy->faultsInjected() >= 1);
        QVERIFY2(job.errorString().endsWith(
                     QStringLiteral("Nothing was deleted: backup %1 is listed as completed again.").arg(backup.id)),
                 qPrintable(job.errorString()));
        QCOMPARE(m_catalog->backup(backup.id)->status, BackupStatus::Completed);
        QCOMPARE(job.record().status, BackupStatus::Completed);
        QVERIFY(objectExists(backup.objectKey));
        QVERIFY(deletedOnceTheStoreAnswers(backup));
    }

    // A DELETE whose answer never comes may have been carried out: the backup stays Deleting (no
    // second wait for a look at the object), and deleting it again finishes the job.
    void unansweredDeletionStaysDeleting()
    {
        const BackupRecord backup = completedBackup(QStringLiteral("delcut"));
        QVERIFY(backup.isValid());
        FaultProxy::Rule cut;
        cut.method = "DELETE";
        cut.action = FaultProxy::Action::CutResponse;
        cut.cutAfterBytes = 0;
        cut.times = -1;
        m_proxy->addRule(cut);
        const qsizetype seenBefore = m_proxy->requests().size();
        DeleteJob job(m_catalog.get(), m_proxied.get(), backup.id, kHeartbeatSeconds);
        QVERIFY(run(&job));
        QVERIFY(!job.succeeded());
        QVERIFY2(job.errorString().contains(QStringLiteral("Backup %1 stays listed as deleting").arg(backup.id)),
                 qPrintable(job.errorString()));
        QCOMPARE(m_catalog->backup(backup.id)->status, BackupStatus::Deleting);
        const QStringList during = m_proxy->requests().mid(seenBefore);
        QVERIFY(during.join(QLatin1Char('\n')).contains(QLatin1String("DELETE ")));
        QVERIFY(!during.join(QLatin1Char('\n')).contains(QLatin1String("HEAD ")));
        QVERIFY(deletedOnceTheStoreAnswers(backup));
    }
};

QTEST_GUILESS_MAIN(TestBackupFaults)
#include "TestBackupFaults.moc"
