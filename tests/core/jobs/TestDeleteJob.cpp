// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// DeleteJob: a deletion marks the backup Deleting before its first object goes, so a deletion
// that fails or is stopped half-way never leaves a row that looks usable without its object; it
// is finished by deleting again, or undone by a rescan while the object is still there.
#include "../catalog/FakeClock.h"
#include "../catalog/TestCatalogFile.h"
#include "catalog/Catalog.h"
#include "jobs/BackupManifest.h"
#include "jobs/DeleteJob.h"
#include "jobs/RescanJob.h"
#include "storage/LocalFolderStore.h"
#include "storage/StoreJob.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

/// A store job that starts the real one only once its store lets it (a slow store), or fails as
/// a store that does not answer would.
class HeldStoreJob : public StoreJob
{
public:
    HeldStoreJob(std::function<StoreJob *()> start, bool failing, QObject *parent)
        : StoreJob(parent)
        , m_start(std::move(start))
        , m_failing(failing)
    { }
    void release()
    {
        m_released = true;
        if (isStarted() && !isFinished() && !m_inner)
            run();
    }

protected:
    void doStart() override
    {
        if (m_released)
            run();
    }
    void doAbort() override
    {
        if (m_inner)
            m_inner->abort();
    }

private:
    void run()
    {
        if (m_failing) {
            finishWithError(Error::Retryable, QStringLiteral("connection reset by peer"));
            return;
        }
        m_inner = m_start();
        connect(m_inner, &Job::finished, this, [this] {
            m_result = m_inner->result();
            if (m_inner->succeeded())
                finishWithSuccess();
            else
                finishWithError(m_inner->error(), m_inner->errorString());
        });
        m_inner->start();
    }

    std::function<StoreJob *()> m_start;
    bool m_failing;
    bool m_released = false;
    QPointer<StoreJob> m_inner;
};

/// Fault injection over a real folder store: the removal of chosen keys fails as if the store
/// did not answer, and removals or reads can be held back until release().
class FaultyStore : public LocalFolderStore
{
public:
    using LocalFolderStore::LocalFolderStore;
    QStringList failingRemovals;
    bool holdRemovals = false;
    bool holdReads = false;

    StoreJob *remove(const QString &key) override
    {
        return held(holdRemovals, failingRemovals.contains(key), [this, key] { return LocalFolderStore::remove(key); });
    }
    StoreJob *getData(const QString &key) override
    {
        return held(holdReads, false, [this, key] { return LocalFolderStore::getData(key); });
    }
    /// Jobs waiting for release().
    qsizetype heldJobs() const { return m_held.size(); }
    void release()
    {
        holdRemovals = holdReads = false;
        for (const QPointer<HeldStoreJob> &job : std::as_const(m_held)) {
            if (job)
                job->release();
        }
        m_held.clear();
    }

private:
    StoreJob *held(bool hold, bool failing, std::function<StoreJob *()> start)
    {
        auto *job = new HeldStoreJob(std::move(start), failing, this);
        if (hold)
            m_held.append(job);
        else
            job->release();
        return job;
    }

    QVector<QPointer<HeldStoreJob>> m_held;
};

// The deletions' heartbeat period (DeleteJob).
constexpr int kHeartbeatSeconds = 10;

class TestDeleteJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<LocalFolderStore> m_store;

    QString storePath(const QString &key) const { return m_dir.filePath(QStringLiteral("store/") + key); }

    bool put(const QString &key, const QByteArray &data)
    {
        StoreJob *job = m_store->putData(key, data);
        QSignalSpy done(job, &Job::finished);
        job->start();
        return (!done.isEmpty() || done.wait(10000)) && QFile::exists(storePath(key));
    }

    /// A Completed backup of shop/prod with its object and a manifest a rescan accepts.
    QString addCompletedBackup()
    {
        const BackupRecord r = m_catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual,
                                                       QStringLiteral("t"));
        if (!r.isValid() || !m_catalog->claimBackup(r.id, QStringLiteral("w")))
            return {};
        const QByteArray dump = QByteArrayLiteral("dump of ") + r.id.toLatin1();
        if (!put(r.objectKey, dump)
            || !m_catalog->completeBackup(r.id, QStringLiteral("w"), dump.size(), dump.size(), QString(64, u'a')))
            return {};
        BackupManifest manifest;
        manifest.backupId = r.id;
        manifest.siteId = r.siteId;
        manifest.siteName = QStringLiteral("Shop");
        manifest.customer = r.customer;
        manifest.environment = r.environment;
        manifest.createdAt = r.createdAt;
        manifest.objectKey = r.objectKey;
        manifest.sha256 = QString(64, u'a');
        manifest.sizeBytes = dump.size();
        manifest.rawSizeBytes = dump.size();
        return put(Catalog::manifestKey(r.objectKey), manifest.toJson()) ? r.id : QString();
    }

    static bool run(Job &job)
    {
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        return !done.isEmpty() || done.wait(10000);
    }

    BackupStatus statusOf(const QString &id) const
    {
        const auto r = m_catalog->backup(id);
        return r ? r->status : BackupStatus::Pending;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_catalog = openTestCatalog(m_dir, &m_clock, &error);
        QVERIFY2(m_catalog, qPrintable(error));
        QDir(m_dir.filePath(QStringLiteral("store"))).removeRecursively();
        m_store = std::make_unique<LocalFolderStore>(m_dir.filePath(QStringLiteral("store")));
        QVERIFY(m_catalog->addSite(
            Site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
    }

    void cleanup()
    {
        m_catalog.reset();
        m_store.reset();
    }

    void deletesObjectManifestAndRow()
    {
        const QString id = addCompletedBackup();
        QVERIFY(!id.isEmpty());
        const QString object = m_catalog->backup(id)->objectKey;
        DeleteJob job(m_catalog.get(), m_store.get(), id, kHeartbeatSeconds);
        QVERIFY(run(job));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QVERIFY(!m_catalog->backup(id));
        QVERIFY(!QFile::exists(storePath(object)));
        QVERIFY(!QFile::exists(storePath(Catalog::manifestKey(object))));
    }

    // Refused deletions change nothing, not even the status.
    // Two deletions of one backup at once (the worker's retention and `backup delete`, say): both
    // succeed, and the object, its manifest and the row are gone.
    void twoDeletionsAtOnceBothSucceed()
    {
        const QString id = addCompletedBackup();
        QVERIFY(!id.isEmpty());
        const QString key = m_catalog->backup(id)->objectKey;
        DeleteJob first(m_catalog.get(), m_store.get(), id, kHeartbeatSeconds);
        DeleteJob second(m_catalog.get(), m_store.get(), id, kHeartbeatSeconds);
        for (DeleteJob *job : { &first, &second })
            job->setAutoDelete(false);
        QSignalSpy firstDone(&first, &Job::finished);
        QSignalSpy secondDone(&second, &Job::finished);
        first.start();
        second.start(); // before the first has removed anything: the row is Deleting
        QVERIFY(!firstDone.isEmpty() || firstDone.wait(10000));
        QVERIFY(!secondDone.isEmpty() || secondDone.wait(10000));
        QVERIFY2(first.succeeded(), qPrintable(first.errorString()));
        QVERIFY2(second.succeeded(), qPrintable(second.errorString()));
        QVERIFY(!m_catalog->backup(id));
        QVERIFY(!QFile::exists(storePath(key)));
        QVERIFY(!QFile::exists(storePath(Catalog::manifestKey(key))));
    }

    void refusalsLeaveTheRowAsItWas()
    {
        const QString pinned = addCompletedBackup();
        QVERIFY(m_catalog->setPinned(pinned, true));
        DeleteJob refusedPin(m_catalog.get(), m_store.get(), pinned, kHeartbeatSeconds);
        QVERIFY(run(refusedPin));
        QCOMPARE(refusedPin.error(), Job::Error::Fatal);
        QVERIFY2(refusedPin.errorString().contains(QLatin1String("pinned")), qPrintable(refusedPin.errorString()));
        QCOMPARE(statusOf(pinned), BackupStatus::Completed);
        QVERIFY(QFile::exists(storePath(m_catalog->backup(pinned)->objectKey)));

        const BackupRecord running
            = m_catalog->createBackup(QStringLiteral("shop"), Environment::Stage, BackupType::Manual, {});
        QVERIFY(m_catalog->claimBackup(running.id, QStringLiteral("w")));
        DeleteJob refusedRunning(m_catalog.get(), m_store.get(), running.id, kHeartbeatSeconds);
        QVERIFY(run(refusedRunning));
        QCOMPARE(refusedRunning.error(), Job::Error::Fatal);
        QCOMPARE(statusOf(running.id), BackupStatus::InProgress);
    }

    // The object went, the manifest could not: the row says Deleting (never Completed without
    // its object), and deleting again finishes.
    void failureAfterTheObjectLeavesTheRowDeleting()
    {
        const QString id = addCompletedBackup();
        QVERIFY(!id.isEmpty());
        const QString object = m_catalog->backup(id)->objectKey;
        const QString manifest = storePath(Catalog::manifestKey(object));
        // A folder with a file in it where the manifest is: the store cannot remove it.
        QVERIFY(QFile::remove(manifest));
        QVERIFY(QDir().mkpath(manifest));
        QFile blocker(manifest + QStringLiteral("/blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();

        DeleteJob failing(m_catalog.get(), m_store.get(), id, kHeartbeatSeconds);
        QVERIFY(run(failing));
        QVERIFY(!failing.succeeded());
        QVERIFY2(failing.errorString().contains(
                     QStringLiteral("Backup %1 stays listed as deleting: delete it again to finish").arg(id)),
                 qPrintable(failing.errorString()));
        QVERIFY(!QFile::exists(storePath(object)));
        QCOMPARE(statusOf(id), BackupStatus::Deleting);

        QVERIFY(QDir(manifest).removeRecursively());
        DeleteJob again(m_catalog.get(), m_store.get(), id, kHeartbeatSeconds);
        QVERIFY(run(again));
        QVERIFY2(again.succeeded(), qPrintable(again.errorString()));
        QVERIFY(!m_catalog->backup(id));
    }

    // Stopped while the object's removal was queued: the row says Deleting and the message says
    // what to do; a rescan finds the object still there and lists the backup as Completed again.
    void stoppedDeletionIsUndoneByARescan()
    {
        const QString id = addCompletedBackup();
        QVERIFY(!id.isEmpty());
        const QString object = m_catalog->backup(id)->objectKey;
        DeleteJob job(m_catalog.get(), m_store.get(), id, kHeartbeatSeconds);
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        QVERIFY(done.isEmpty());
        QCOMPARE(statusOf(id), BackupStatus::Deleting);
        job.abort();
        QCOMPARE(done.size(), 1);
        QCOMPARE(job.error(), Job::Error::Aborted);
        QVERIFY2(job.errorString().startsWith(QStringLiteral("Backup %1 stays listed as deleting").arg(id)),
                 qPrintable(job.errorString()));
        QTest::qWait(50); // a removal that was already queued would run now
        QVERIFY(QFile::exists(storePath(object)));
        QCOMPARE(statusOf(id), BackupStatus::Deleting);

        RescanJob rescan(m_catalog.get(), m_store.get());
        QVERIFY(run(rescan));
        QVERIFY2(rescan.succeeded(), qPrintable(rescan.errorString()));
        QCOMPARE(statusOf(id), BackupStatus::Completed);
        QCOMPARE(m_catalog->backup(id)->sizeBytes, QFileInfo(storePath(object)).size());
    }

    // A deletion under way (its removal slow to answer) renews its heartbeat: a rescan long
    // after it began does not list the backup again from a listing of files that the deletion
    // may still remove. Once the removal answers, the deletion finishes.
    void deletionUnderWayHoldsOffRescans()
    {
        const QString id = addCompletedBackup();
        QVERIFY(!id.isEmpty());
        const QString object = m_catalog->backup(id)->objectKey;
        FaultyStore slow(m_store->rootPath());
        slow.holdRemovals = true;
        DeleteJob job(m_catalog.get(), &slow, id, 1);
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        QCOMPARE(statusOf(id), BackupStatus::Deleting);
        m_clock.advance(30); // the heartbeat written at the start lapsed long ago
        QTRY_VERIFY_WITH_TIMEOUT(m_catalog->backup(id)->heartbeatAt >= m_clock.nowUtc(), 5000);

        RescanJob rescan(m_catalog.get(), m_store.get());
        QVERIFY(run(rescan));
        QVERIFY2(rescan.succeeded(), qPrintable(rescan.errorString()));
        QCOMPARE(statusOf(id), BackupStatus::Deleting);
        QCOMPARE(rescan.rowsWritten(), 0);
        QCOMPARE(
            rescan.warnings(),
            QStringList{ QStringLiteral("Skipped %1: backup %2 was being deleted while the storage was rescanned; "
                                        "if it should be listed again, rescan once that deletion has ended (after "
                                        "%3 UTC if it has stopped).")
                             .arg(Catalog::manifestKey(object), id,
                                  m_catalog->backup(id)->deletionActiveUntil().toString(QStringLiteral("HH:mm:ss"))) });
        QVERIFY(done.isEmpty());

        slow.release();
        QVERIFY(!done.isEmpty() || done.wait(10000));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QVERIFY(!m_catalog->backup(id));
        QVERIFY(!QFile::exists(storePath(object)));
    }

    // The race: a rescan lists the object and its manifest, then a deletion removes the object and
    // fails on the manifest, then the rescan reads the manifest. The backup stays Deleting (never
    // Completed without its object); deleting again finishes it.
    void rescanThatListedBeforeAFailedDeletionDoesNotBringItBack()
    {
        const QString id = addCompletedBackup();
        QVERIFY(!id.isEmpty());
        const QString object = m_catalog->backup(id)->objectKey;
        FaultyStore slowReads(m_store->rootPath());
        slowReads.holdReads = true;
        RescanJob rescan(m_catalog.get(), &slowReads);
        rescan.setAutoDelete(false);
        QSignalSpy rescanned(&rescan, &Job::finished);
        rescan.start();
        // The listing is done once the manifest's read waits.
        QTRY_VERIFY_WITH_TIMEOUT(slowReads.heldJobs() == 1, 10000);
        QVERIFY(rescanned.isEmpty());

        m_clock.advance(1);
        FaultyStore failingManifest(m_store->rootPath());
        failingManifest.failingRemovals << Catalog::manifestKey(object);
        DeleteJob failing(m_catalog.get(), &failingManifest, id, kHeartbeatSeconds);
        QVERIFY(run(failing));
        QVERIFY(!failing.succeeded());
        QVERIFY2(failing.errorString().contains(QLatin1String("stays listed as deleting")),
                 qPrintable(failing.errorString()));
        QVERIFY(!QFile::exists(storePath(object)));
        QCOMPARE(statusOf(id), BackupStatus::Deleting);

        slowReads.release();
        QVERIFY(!rescanned.isEmpty() || rescanned.wait(10000));
        QVERIFY2(rescan.succeeded(), qPrintable(rescan.errorString()));
        QCOMPARE(statusOf(id), BackupStatus::Deleting);
        QCOMPARE(rescan.rowsWritten(), 0);

        // A rescan that lists after the deletion ended sees the object gone: still Deleting.
        m_clock.advance(1);
        RescanJob later(m_catalog.get(), m_store.get());
        QVERIFY(run(later));
        QCOMPARE(statusOf(id), BackupStatus::Deleting);
        DeleteJob again(m_catalog.get(), m_store.get(), id, kHeartbeatSeconds);
        QVERIFY(run(again));
        QVERIFY2(again.succeeded(), qPrintable(again.errorString()));
        QVERIFY(!m_catalog->backup(id));
    }

    // A rescan that listed a backup's files before its deletion ended (here the deletion's last
    // step, the row's removal, comes while the rescan waits for its listing) does not write the
    // backup back, nor count it; the other backups are rescanned as usual.
    void rescanDoesNotBringBackABackupDeletedWhileItRan()
    {
        const QString deleted = addCompletedBackup();
        const QString kept = addCompletedBackup();
        QVERIFY(!deleted.isEmpty() && !kept.isEmpty());
        const QString object = m_catalog->backup(deleted)->objectKey;
        QVERIFY(m_catalog->removeBackup(kept)); // long ago: the rescan brings it back
        m_clock.advance(60);
        RescanJob rescan(m_catalog.get(), m_store.get());
        rescan.setAutoDelete(false);
        QSignalSpy done(&rescan, &Job::finished);
        rescan.start();
        QVERIFY(done.isEmpty());
        m_clock.advance(1);
        QVERIFY(m_catalog->removeBackup(deleted));
        QVERIFY(!done.isEmpty() || done.wait(10000));
        QVERIFY2(rescan.succeeded(), qPrintable(rescan.errorString()));
        QVERIFY(!m_catalog->backup(deleted));
        QCOMPARE(statusOf(kept), BackupStatus::Completed);
        QCOMPARE(rescan.rowsWritten(), 1);
        QCOMPARE(rescan.warnings(),
                 QStringList{ QStringLiteral("Skipped %1: backup %2 was deleted while the storage was rescanned.")
                                  .arg(Catalog::manifestKey(object), deleted) });
    }
};

QTEST_GUILESS_MAIN(TestDeleteJob)
#include "TestDeleteJob.moc"
