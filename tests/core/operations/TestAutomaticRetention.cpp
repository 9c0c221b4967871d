// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// AutomaticRetention: when the worker and the console apply retention on their own (on request,
// at most hourly otherwise, one apply at a time), what each apply deletes and audits, and a stop.
#include "LocalOperationsFixture.h"
#include "catalog/Catalog.h"
#include "operations/AutomaticRetention.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestAutomaticRetention : public QObject
{
    Q_OBJECT

private:
    LocalOperationsFixture m_fx;

    OperationContext context() { return m_fx.context(QStringLiteral("worker")); }

    /// A completed scheduled backup of shop/prod, a minute after the one before; its id, empty
    /// on failure.
    QString addScheduledBackup()
    {
        const BackupRecord r = m_fx.catalog->createBackup(QStringLiteral("shop"), Environment::Prod,
                                                          BackupType::Scheduled, QStringLiteral("scheduler"));
        if (!m_fx.catalog->claimBackup(r.id, QStringLiteral("w"))
            || !m_fx.catalog->completeBackup(r.id, QStringLiteral("w"), 1, 1, QString(64, u'b')))
            return {};
        m_fx.clock.advance(60); // the next one is newer
        return r.id;
    }

    QStringList backupIds() const
    {
        QStringList ids;
        for (const BackupRecord &r : m_fx.catalog->backups(QStringLiteral("shop")))
            ids << r.id;
        ids.sort();
        return ids;
    }

    int retentionEntries() const
    {
        int n = 0;
        for (const AuditEntry &e : m_fx.catalog->auditLog(QString(), 1000))
            n += e.action == QLatin1String("retention.apply") ? 1 : 0;
        return n;
    }

    static bool waitIdle(QSignalSpy &idle, int count)
    {
        return idle.size() >= count || (idle.wait(10000) && idle.size() >= count);
    }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fx.openWithShop(Tier::Basic, &error), qPrintable(error));
        Schedule keepTwo;
        keepTwo.siteId = QStringLiteral("shop");
        keepTwo.environment = Environment::Prod;
        keepTwo.timeUtc = QTime(2, 30);
        keepTwo.keepLast = 2;
        QVERIFY(m_fx.catalog->setSchedule(keepTwo));
    }

    void cleanup()
    {
        m_fx.store.reset();
        m_fx.catalog.reset();
    }

    // A request applies at once; requestIfDue() only once an hour has passed since the last
    // apply began.
    void requestNowAndHourlyOtherwise()
    {
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << addScheduledBackup();
        QVERIFY(!ids.contains(QString()));
        AutomaticRetention retention(context());
        QSignalSpy finished(&retention, &AutomaticRetention::finished);
        QSignalSpy idle(&retention, &AutomaticRetention::idle);
        retention.requestIfDue(); // never applied yet: due
        QVERIFY(waitIdle(idle, 1));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toStringList(), QStringList{ ids.first() });
        QCOMPARE(backupIds(), (QStringList{ ids.at(1), ids.at(2) }));

        const QString fourth = addScheduledBackup(); // the clock moved a minute
        QVERIFY(!fourth.isEmpty());
        retention.requestIfDue();
        QVERIFY(!retention.isRunning());
        QCOMPARE(idle.size(), 1);
        QCOMPARE(backupIds().size(), 3); // not due: nothing deleted

        m_fx.clock.advance(AutomaticRetention::kIntervalSeconds);
        retention.requestIfDue();
        QVERIFY(waitIdle(idle, 2));
        QCOMPARE(finished.last().at(0).toStringList(), QStringList{ ids.at(1) });
        QCOMPARE(backupIds(), (QStringList{ ids.at(2), fourth }));

        // request() does not wait for the hour.
        const QString fifth = addScheduledBackup();
        retention.request();
        QVERIFY(waitIdle(idle, 3));
        QCOMPARE(backupIds(), (QStringList{ fourth, fifth }));
    }

    // An apply that deletes writes the usual entry, marked automatic; one with nothing to delete
    // writes none (they would fill the audit log every hour).
    void auditsOnlyWhatItDeleted()
    {
        const QString first = addScheduledBackup();
        QVERIFY(!first.isEmpty() && !addScheduledBackup().isEmpty());
        AutomaticRetention retention(context());
        QSignalSpy finished(&retention, &AutomaticRetention::finished);
        QSignalSpy idle(&retention, &AutomaticRetention::idle);
        retention.request(); // keep 2 of 2: nothing to delete
        QVERIFY(waitIdle(idle, 1));
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().at(0).toStringList().isEmpty());
        QVERIFY(finished.first().at(2).toString().isEmpty());
        QCOMPARE(retentionEntries(), 0);

        QVERIFY(!addScheduledBackup().isEmpty());
        retention.request();
        QVERIFY(waitIdle(idle, 2));
        QCOMPARE(retentionEntries(), 1);
        const AuditEntry entry = m_fx.catalog->auditLog(QString(), 1).first();
        QCOMPARE(entry.action, QStringLiteral("retention.apply"));
        QCOMPARE(entry.outcome, AuditOutcome::Success);
        QCOMPARE(entry.detail, QStringLiteral("automatic: deleted 1 backup: %1").arg(first));
    }

    // A request while an apply runs starts another right after it (a backup that completed during
    // the first apply is counted), not a second one at the same time.
    void requestDuringAnApplyRunsAnotherAfterIt()
    {
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids << addScheduledBackup();
        AutomaticRetention retention(context());
        QSignalSpy finished(&retention, &AutomaticRetention::finished);
        QSignalSpy idle(&retention, &AutomaticRetention::idle);
        retention.request();
        QVERIFY(retention.isRunning()); // its deletions go on in the event loop
        const QString fifth = addScheduledBackup();
        retention.request();
        retention.request(); // asked twice: still one more apply
        QVERIFY(waitIdle(idle, 1));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.at(0).at(0).toStringList(), (QStringList{ ids.at(0), ids.at(1) }));
        QCOMPARE(finished.at(1).at(0).toStringList(), QStringList{ ids.at(2) });
        QCOMPARE(idle.size(), 1);
        QCOMPARE(backupIds(), (QStringList{ ids.at(3), fifth }));
        QCOMPARE(retentionEntries(), 2);
    }

    // stop() ends the apply under way at once (a stopping worker or console does not wait for
    // the rest of its deletions) and no apply starts after it.
    void stopEndsTheApplyAndAnyLater()
    {
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << addScheduledBackup();
        AutomaticRetention retention(context());
        QSignalSpy finished(&retention, &AutomaticRetention::finished);
        retention.request();
        QVERIFY(retention.isRunning());
        retention.request(); // would run again after it
        retention.stop();
        QVERIFY(!retention.isRunning());
        QCOMPARE(finished.size(), 1);
        QVERIFY2(finished.first().at(2).toString().contains(QLatin1String("Apply retention again")),
                 qPrintable(finished.first().at(2).toString()));
        retention.request();
        retention.requestIfDue();
        QVERIFY(!retention.isRunning());
        QTest::qWait(200); // anything queued has run
        QCOMPARE(finished.size(), 1);
        // At least the newest two and the backups not reached are left; nothing was deleted
        // after the stop.
        const QStringList left = backupIds();
        QVERIFY(left.size() >= 3);
        QCOMPARE(ids.size() - left.size(), finished.first().at(0).toStringList().size());
    }
};

QTEST_GUILESS_MAIN(TestAutomaticRetention)
#include "TestAutomaticRetention.moc"
