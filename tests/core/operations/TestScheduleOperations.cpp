// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule operations: SetScheduleOperation (refusals, run history kept),
// RemoveScheduleOperation, RunDueSchedulesOperation (one backup.create per created backup) and
// RetentionJob (one retention.apply entry, none for a dry run). One executable for the four
// small classes that share this fixture.
#include "LocalOperationsFixture.h"
#include "catalog/Catalog.h"
#include "operations/RemoveScheduleOperation.h"
#include "operations/RetentionJob.h"
#include "operations/RunDueSchedulesOperation.h"
#include "operations/SetScheduleOperation.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestScheduleOperations : public QObject
{
    Q_OBJECT

private:
    LocalOperationsFixture m_fx;

    OperationContext context() { return m_fx.context(QStringLiteral("planner")); }

    static Schedule daily(const QString &site, int keep)
    {
        Schedule s;
        s.siteId = site;
        s.environment = Environment::Prod;
        s.frequency = Schedule::Frequency::Daily;
        s.timeUtc = QTime(2, 30);
        s.keepLast = keep;
        return s;
    }

    /// @p count completed scheduled backups of shop/prod, a day apart; their ids (fewer on failure).
    QStringList addDailyBackups(int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            m_fx.clock.advance(86400);
            const BackupRecord r = m_fx.catalog->createBackup(QStringLiteral("shop"), Environment::Prod,
                                                              BackupType::Scheduled, QStringLiteral("planner"));
            if (!m_fx.catalog->claimBackup(r.id, QStringLiteral("w"))
                || !m_fx.catalog->completeBackup(r.id, QStringLiteral("w"), 1, 1, QString(64, u'b')))
                break;
            ids << r.id;
        }
        return ids;
    }

    AuditEntry lastAudit() const
    {
        const auto log = m_fx.catalog->auditLog(QString(), 1);
        return log.isEmpty() ? AuditEntry() : log.first();
    }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fx.openWithShop(Tier::Basic, &error), qPrintable(error));
    }

    void setAndRemove()
    {
        // Refused: unknown site, an environment the tier lacks, keep 0. Nothing stored.
        QCOMPARE(SetScheduleOperation(context()).run(daily(QStringLiteral("nope"), 3)).outcome, AuditOutcome::Refused);
        Schedule stage = daily(QStringLiteral("shop"), 3);
        stage.environment = Environment::Stage;
        QCOMPARE(SetScheduleOperation(context()).run(stage).outcome, AuditOutcome::Refused);
        QCOMPARE(lastAudit().outcome, AuditOutcome::Refused);
        QCOMPARE(SetScheduleOperation(context()).run(daily(QStringLiteral("shop"), 0)).outcome, AuditOutcome::Refused);
        QVERIFY(m_fx.catalog->schedules().isEmpty());

        const OperationResult set = SetScheduleOperation(context()).run(daily(QStringLiteral("shop"), 3));
        QVERIFY2(set.succeeded(), qPrintable(set.message));
        QCOMPARE(set.message, QStringLiteral("daily 02:30 UTC, keep 3"));
        QCOMPARE(lastAudit().action, QStringLiteral("schedule.set"));
        QCOMPARE(lastAudit().environment, std::optional<Environment>(Environment::Prod));
        QCOMPARE(lastAudit().detail, QStringLiteral("prod daily 02:30 UTC, keep 3"));

        // Replacing it keeps its run history.
        const QDateTime ran = m_fx.clock.nowUtc();
        QVERIFY(m_fx.catalog->markScheduleRun(QStringLiteral("shop"), Environment::Prod, ran));
        QVERIFY(SetScheduleOperation(context()).run(daily(QStringLiteral("shop"), 5)).succeeded());
        QCOMPARE(m_fx.catalog->schedules().size(), 1);
        QCOMPARE(m_fx.catalog->schedules().first().keepLast, 5);
        QCOMPARE(m_fx.catalog->schedules().first().lastRunAt, ran);

        QVERIFY(RemoveScheduleOperation(context()).run(QStringLiteral("shop"), Environment::Prod).succeeded());
        QCOMPARE(lastAudit().action, QStringLiteral("schedule.remove"));
        QCOMPARE(lastAudit().outcome, AuditOutcome::Success);
        QVERIFY(m_fx.catalog->schedules().isEmpty());
        QCOMPARE(RemoveScheduleOperation(context()).run(QStringLiteral("shop"), Environment::Prod).outcome,
                 AuditOutcome::Refused);
        QCOMPARE(lastAudit().outcome, AuditOutcome::Refused);
    }

    void dueSchedulesCreateAuditedBackups()
    {
        QVERIFY(m_fx.catalog->setSchedule(daily(QStringLiteral("shop"), 3)));
        m_fx.clock.advance(2 * 86400);
        const int before = m_fx.catalog->auditLog(QString(), 1000).size();
        RunDueSchedulesOperation operation(context());
        const QVector<BackupRecord> created = operation.run();
        QCOMPARE(created.size(), 1);
        QVERIFY(operation.problems().isEmpty());
        QCOMPARE(created.first().type, BackupType::Scheduled);
        QCOMPARE(created.first().status, BackupStatus::Pending);
        QCOMPARE(m_fx.catalog->auditLog(QString(), 1000).size(), before + 1);
        QCOMPARE(lastAudit().action, QStringLiteral("backup.create"));
        QCOMPARE(lastAudit().backupId, created.first().id);
        QCOMPARE(lastAudit().actor, QStringLiteral("planner"));
        // Claimed: a second run in the same period creates nothing.
        QVERIFY(RunDueSchedulesOperation(context()).run().isEmpty());
    }

    void retentionDeletesAndAuditsOnce()
    {
        QVERIFY(m_fx.catalog->setSchedule(daily(QStringLiteral("shop"), 1)));
        const QStringList ids = addDailyBackups(3);
        QCOMPARE(ids.size(), 3);
        const int before = m_fx.catalog->auditLog(QString(), 1000).size();
        auto run = [](RetentionJob &job) {
            job.setAutoDelete(false);
            QSignalSpy done(&job, &Job::finished);
            job.start();
            return !done.isEmpty() || done.wait(10000);
        };
        RetentionJob dryRun(context(), true);
        QVERIFY(run(dryRun));
        QCOMPARE(dryRun.candidates().size(), 2);
        QCOMPARE(m_fx.catalog->auditLog(QString(), 1000).size(), before); // a dry run changes nothing
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).size(), 3);

        RetentionJob job(context(), false);
        QVERIFY(run(job));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QCOMPARE(job.deletedIds().size(), 2);
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).size(), 1);
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).first().id, ids.last());
        // One entry per deleted backup, in its site's log, then the apply's summary.
        QCOMPARE(m_fx.catalog->auditLog(QString(), 1000).size(), before + 3);
        QCOMPARE(lastAudit().action, QStringLiteral("retention.apply"));
        QCOMPARE(lastAudit().outcome, AuditOutcome::Success);
        QVERIFY2(lastAudit().detail.contains(ids.first()), qPrintable(lastAudit().detail));
        QStringList siteEntries;
        for (const AuditEntry &e : m_fx.catalog->auditLog(QStringLiteral("shop"), 1000)) {
            if (e.action == QLatin1String("retention.delete")) {
                QCOMPARE(e.outcome, AuditOutcome::Success);
                QCOMPARE(e.environment, std::optional<Environment>(Environment::Prod));
                QCOMPARE(e.detail, QStringLiteral("deleted by retention"));
                siteEntries << e.backupId;
            }
        }
        siteEntries.sort();
        QStringList deleted = job.deletedIds();
        deleted.sort();
        QCOMPARE(siteEntries, deleted);
    }

    // Limited to what someone confirmed (the console lists, then applies): a backup retention
    // would delete but that was not listed stays, and so does a listed one pinned meanwhile.
    void retentionLimitedToConfirmedBackups()
    {
        QVERIFY(m_fx.catalog->setSchedule(daily(QStringLiteral("shop"), 1)));
        const QStringList ids = addDailyBackups(4); // ids.last() is kept
        QCOMPARE(ids.size(), 4);
        QVERIFY(m_fx.catalog->setPinned(ids.at(1), true)); // after the console listed it
        RetentionJob job(context(), false);
        job.setAutoDelete(false);
        job.limitTo({ ids.at(0), ids.at(1), ids.at(3) }); // ids.at(2) was not listed
        QSignalSpy done(&job, &Job::finished);
        job.start();
        QVERIFY(!done.isEmpty() || done.wait(10000));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QCOMPARE(job.deletedIds(), QStringList{ ids.at(0) });
        QStringList left;
        for (const BackupRecord &r : m_fx.catalog->backups(QStringLiteral("shop")))
            left << r.id;
        left.sort();
        QStringList expected{ ids.at(1), ids.at(2), ids.at(3) };
        expected.sort();
        QCOMPARE(left, expected);
        QCOMPARE(lastAudit().action, QStringLiteral("retention.apply"));
        QVERIFY2(lastAudit().detail.startsWith(QStringLiteral("deleted 1 backup: ") + ids.at(0)),
                 qPrintable(lastAudit().detail));
    }

    // A backup of the plan that another process deleted before this apply reached it (two
    // processes applying retention on one catalog): no failure, and the rest is deleted.
    void retentionSkipsABackupDeletedMeanwhile()
    {
        QVERIFY(m_fx.catalog->setSchedule(daily(QStringLiteral("shop"), 1)));
        const QStringList ids = addDailyBackups(3);
        QCOMPARE(ids.size(), 3);
        RetentionJob job(context(), false);
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        QVERIFY(done.isEmpty()); // the first deletion goes on in the event loop
        QCOMPARE(job.candidates().size(), 2);
        const QString second = job.candidates().at(1).id;
        QVERIFY(m_fx.catalog->removeBackup(second)); // the other process
        QVERIFY(!done.isEmpty() || done.wait(10000));
        QVERIFY2(job.succeeded(), qPrintable(job.errorString()));
        QVERIFY(job.failures().isEmpty());
        QCOMPARE(job.deletedIds(), QStringList{ job.candidates().at(0).id });
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).size(), 1);
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).first().id, ids.last());
    }

    // An apply stopped half-way (`retention apply` on SIGTERM) writes its one entry, saying what it
    // deleted and that it stopped; what it reports deleted is exactly what left the catalog, and
    // nothing more is deleted after the stop.
    void retentionStoppedHalfWayAuditsWhatItDid()
    {
        QVERIFY(m_fx.catalog->setSchedule(daily(QStringLiteral("shop"), 1)));
        QCOMPARE(addDailyBackups(4).size(), 4);
        const int before = m_fx.catalog->auditLog(QString(), 1000).size();
        RetentionJob job(context(), false);
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        QVERIFY(done.isEmpty()); // the deletions go on in the event loop
        job.abort();
        QCOMPARE(done.size(), 1);
        QCOMPARE(job.error(), Job::Error::Aborted);
        QTest::qWait(200); // anything still queued has run
        const int left = m_fx.catalog->backups(QStringLiteral("shop")).size();
        QCOMPARE(4 - left, job.deletedIds().size());
        QVERIFY(left >= 2); // the stop came before the last of the three deletions
        QCOMPARE(m_fx.catalog->auditLog(QString(), 1000).size(), before + 1 + job.deletedIds().size());
        const AuditEntry entry = lastAudit();
        QCOMPARE(entry.action, QStringLiteral("retention.apply"));
        QCOMPARE(entry.outcome, AuditOutcome::Failure);
        QVERIFY2(entry.detail.startsWith(QStringLiteral("deleted %1 backup").arg(4 - left)), qPrintable(entry.detail));
        QVERIFY2(entry.detail.contains(QStringLiteral("stopped with %1 backup").arg(left - 1)),
                 qPrintable(entry.detail));
        // The deletion under way had marked its backup; the stop says which one is left half-done.
        const QVector<BackupRecord> deleting
            = m_fx.catalog->backups(QStringLiteral("shop"), EnvironmentFilter(std::nullopt, BackupStatus::Deleting));
        QCOMPARE(deleting.size(), 1);
        const QString leftDeleting = QStringLiteral("backup %1 stays listed as deleting").arg(deleting.first().id);
        QVERIFY2(entry.detail.endsWith(leftDeleting), qPrintable(entry.detail));
        QCOMPARE(job.errorString(),
                 QStringLiteral("%1 of 3 backups deleted; %2. Apply retention again to delete the rest.")
                     .arg(4 - left)
                     .arg(leftDeleting));

        // A later apply deletes the rest.
        RetentionJob again(context(), false);
        again.setAutoDelete(false);
        QSignalSpy againDone(&again, &Job::finished);
        again.start();
        QVERIFY(!againDone.isEmpty() || againDone.wait(10000));
        QVERIFY2(again.succeeded(), qPrintable(again.errorString()));
        QCOMPARE(m_fx.catalog->backups(QStringLiteral("shop")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestScheduleOperations)
#include "TestScheduleOperations.moc"
