// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// RemoveSiteJob: refusals touch nothing; a confirmed removal deletes every backup's object,
// manifest and row, the site and its passwords, with one audit entry each time.
#include "LocalOperationsFixture.h"
#include "catalog/Catalog.h"
#include "operations/RemoveSiteJob.h"
#include "storage/StoreJob.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestRemoveSiteJob : public QObject
{
    Q_OBJECT

private:
    LocalOperationsFixture m_fx;
    QStringList m_keys; ///< objects and manifests of the site's backups

    OperationContext context() { return m_fx.context(QStringLiteral("remover")); }

    bool put(const QString &key)
    {
        StoreJob *job = m_fx.store->putData(key, QByteArrayLiteral("x"));
        QSignalSpy done(job, &Job::finished);
        job->start();
        if (done.isEmpty() && !done.wait(10000))
            return false;
        m_keys << key;
        return true;
    }

    /// A Completed backup of shop/prod with its object and manifest in the store.
    bool addCompletedBackup(bool pinned)
    {
        const BackupRecord r = m_fx.catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual,
                                                          QStringLiteral("remover"));
        return r.isValid() && m_fx.catalog->claimBackup(r.id, QStringLiteral("w")) && put(r.objectKey)
            && put(Catalog::manifestKey(r.objectKey))
            && m_fx.catalog->completeBackup(r.id, QStringLiteral("w"), 1, 1, QString(64, u'a'))
            && (!pinned || m_fx.catalog->setPinned(r.id, true));
    }

    bool run(RemoveSiteJob &job)
    {
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        return !done.isEmpty() || done.wait(10000);
    }

    QVector<AuditEntry> audit() const { return m_fx.catalog->auditLog(QStringLiteral("shop")); }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fx.openWithShop(Tier::Developer, &error), qPrintable(error));
        m_keys.clear();
        for (Environment env : { Environment::Prod, Environment::Stage }) {
            const EnvironmentConfig config = LocalOperationsFixture::shopEnvironment(env);
            QVERIFY(m_fx.catalog->setEnvironment(config));
            m_fx.secrets.insert(config.secretKey(), QStringLiteral("pw"));
        }
        m_fx.secrets.insert(SecretStore::s3SecretKey(), QStringLiteral("s3"));
    }

    void cleanup()
    {
        m_fx.catalog.reset();
        m_fx.store.reset();
    }

    void emptySiteGoesWithItsPasswords()
    {
        RemoveSiteJob job(context(), QStringLiteral("shop"), false);
        QVERIFY(run(job));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QVERIFY(!m_fx.catalog->site(QStringLiteral("shop")));
        QCOMPARE(m_fx.secrets.contents().keys(), QStringList{ SecretStore::s3SecretKey() });
        QCOMPARE(audit().size(), 1);
        QCOMPARE(audit().first().action, QStringLiteral("site.remove"));
        QCOMPARE(audit().first().outcome, AuditOutcome::Success);
        QCOMPARE(audit().first().actor, QStringLiteral("remover"));
    }

    void refusalsTouchNothing()
    {
        QVERIFY(addCompletedBackup(false));
        const auto refusedWith = [this](RemoveSiteJob &job, const char *needle) {
            QVERIFY(run(job));
            QVERIFY(!job.succeeded());
            QCOMPARE(job.outcome(), AuditOutcome::Refused);
            QVERIFY2(job.errorString().contains(QLatin1String(needle)), qPrintable(job.errorString()));
        };
        RemoveSiteJob withBackups(context(), QStringLiteral("shop"), false);
        refusedWith(withBackups, "still has 1 backup");
        RemoveSiteJob wrongConfirmation(context(), QStringLiteral("shop"), true, QStringLiteral("Shop"));
        refusedWith(wrongConfirmation, "Refused");
        RemoveSiteJob noConfirmation(context(), QStringLiteral("shop"), true);
        refusedWith(noConfirmation, "Refused");
        // A running backup blocks the removal too.
        const BackupRecord running = m_fx.catalog->createBackup(QStringLiteral("shop"), Environment::Stage,
                                                                BackupType::Manual, QStringLiteral("x"));
        QVERIFY(running.isValid());
        RemoveSiteJob whileRunning(context(), QStringLiteral("shop"), true, QStringLiteral("shop"));
        refusedWith(whileRunning, "pending");

        QVERIFY(m_fx.catalog->site(QStringLiteral("shop")));
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).size(), 2);
        QCOMPARE(m_fx.secrets.contents().size(), 3);
        for (const QString &key : std::as_const(m_keys))
            QVERIFY2(QFile::exists(m_fx.dir.filePath(QStringLiteral("store/") + key)), qPrintable(key));
        const QVector<AuditEntry> log = audit();
        QCOMPARE(log.size(), 4);
        for (const AuditEntry &e : log) {
            QCOMPARE(e.action, QStringLiteral("site.remove"));
            QCOMPARE(e.outcome, AuditOutcome::Refused);
        }
    }

    void confirmedRemovalDeletesEverything()
    {
        QVERIFY(addCompletedBackup(false));
        QVERIFY(addCompletedBackup(true)); // pinned: the customer leaves, it goes too
        RemoveSiteJob job(context(), QStringLiteral("shop"), true, QStringLiteral("shop"));
        QVERIFY(run(job));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QCOMPARE(job.deletedBackups(), 2);
        QVERIFY(!m_fx.catalog->site(QStringLiteral("shop")));
        QVERIFY(m_fx.catalog->backups(QStringLiteral("shop")).isEmpty());
        QVERIFY(m_fx.catalog->environments(QStringLiteral("shop")).isEmpty());
        for (const QString &key : std::as_const(m_keys))
            QVERIFY2(!QFile::exists(m_fx.dir.filePath(QStringLiteral("store/") + key)), qPrintable(key));
        QCOMPARE(m_fx.secrets.contents().keys(), QStringList{ SecretStore::s3SecretKey() });
        // One entry for the whole removal, none per deleted backup.
        const QVector<AuditEntry> log = m_fx.catalog->auditLog();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().action, QStringLiteral("site.remove"));
        QCOMPARE(log.first().outcome, AuditOutcome::Success);
        QVERIFY2(log.first().detail.contains(QLatin1String("2 backup")), qPrintable(log.first().detail));
    }

    // The backups cannot be read (here their table is gone; on a network, a lost connection):
    // the removal stops before it, instead of taking "no backups" for an answer and leaving
    // their objects behind.
    void unreadableBackupsStopTheRemoval()
    {
        QVERIFY(addCompletedBackup(false));
        QSqlQuery q(QSqlDatabase::database(m_fx.catalog->connectionName()));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE backups RENAME TO backups_away")));
        RemoveSiteJob job(context(), QStringLiteral("shop"), true, QStringLiteral("shop"));
        QVERIFY(run(job));
        QVERIFY(!job.succeeded());
        QCOMPARE(job.outcome(), AuditOutcome::Failure);
        QVERIFY2(job.errorString().startsWith(QLatin1String("Nothing was deleted. Cannot read the catalog")),
                 qPrintable(job.errorString()));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE backups_away RENAME TO backups")));

        QVERIFY(m_fx.catalog->site(QStringLiteral("shop")));
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).size(), 1);
        QCOMPARE(m_fx.catalog->environments(QStringLiteral("shop")).size(), 2);
        QCOMPARE(m_fx.secrets.contents().size(), 3);
        for (const QString &key : std::as_const(m_keys))
            QVERIFY2(QFile::exists(m_fx.dir.filePath(QStringLiteral("store/") + key)), qPrintable(key));
    }

    // Stopped while its first deletion is under way: that backup keeps its row, object and pin,
    // nothing after it is touched, the job ends as aborted saying how far it got, and the
    // removal is audited once.
    void abortWhileDeletingKeepsTheSiteAndThePins()
    {
        QVERIFY(addCompletedBackup(true));
        QVERIFY(addCompletedBackup(true));
        RemoveSiteJob job(context(), QStringLiteral("shop"), true, QStringLiteral("shop"));
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start(); // the first deletion's store request is queued
        QVERIFY(done.isEmpty());
        job.abort();
        QCOMPARE(done.size(), 1);
        QCOMPARE(job.error(), Job::Error::Aborted);
        QTest::qWait(50); // a store request that was already queued would run now

        QVERIFY(m_fx.catalog->site(QStringLiteral("shop")));
        const QVector<BackupRecord> backups = m_fx.catalog->backups(QStringLiteral("shop"));
        QCOMPARE(backups.size(), 2);
        for (const BackupRecord &b : backups)
            QVERIFY2(b.pinned, qPrintable(b.id));
        // The one whose deletion began says so; the other is untouched.
        QVector<BackupStatus> statuses{ backups.at(0).status, backups.at(1).status };
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QVector<BackupStatus>{ BackupStatus::Completed, BackupStatus::Deleting }));
        const QString deleting = backups.at(backups.at(0).status == BackupStatus::Deleting ? 0 : 1).id;
        QCOMPARE(job.errorString(),
                 QStringLiteral("0 of 2 backups deleted; the site is still there, and backup %1 stays listed as "
                                "deleting. Run the removal again to delete the rest.")
                     .arg(deleting));
        for (const QString &key : std::as_const(m_keys))
            QVERIFY2(QFile::exists(m_fx.dir.filePath(QStringLiteral("store/") + key)), qPrintable(key));
        QCOMPARE(m_fx.secrets.contents().size(), 3);
        const QVector<AuditEntry> log = audit();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().outcome, AuditOutcome::Failure);
        QCOMPARE(log.first().detail, job.errorString());
    }

    // Stopped once the site row is gone, while its passwords are being removed: the site stays
    // removed, so the job succeeds, audits it, and names the passwords that may be left.
    void abortAfterTheSiteIsGoneEndsTheRemoval()
    {
        RemoveSiteJob job(context(), QStringLiteral("shop"), false);
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start(); // the site row is gone; the first password's removal is queued
        QVERIFY(done.isEmpty());
        QVERIFY(!m_fx.catalog->site(QStringLiteral("shop")));
        job.abort();
        QCOMPARE(done.size(), 1);
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QCOMPARE(job.warnings().size(), 2);
        for (const QString &w : job.warnings())
            QVERIFY2(w.contains(QLatin1String("may still be in the keychain")), qPrintable(w));
        QTest::qWait(50);
        const QVector<AuditEntry> log = m_fx.catalog->auditLog();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().action, QStringLiteral("site.remove"));
        QCOMPARE(log.first().outcome, AuditOutcome::Success);
    }
};

QTEST_GUILESS_MAIN(TestRemoveSiteJob)
#include "TestRemoveSiteJob.moc"
