// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// Scheduler on a real SQLite catalog with a clock the test turns: a due schedule becomes one
// Pending "scheduled" backup, once per due time, also when two runners share the catalog.
#include "TestServices.h"
#include "catalog/Catalog.h"
#include "jobs/Scheduler.h"
#include "util/Clock.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
class TestClock : public Clock
{
public:
    QDateTime now;
    QDateTime nowUtc() const override { return now; }
};
} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestClock m_clock;
    std::unique_ptr<Catalog> m_a; ///< two connections, as two processes would have
    std::unique_ptr<Catalog> m_b;

    int scheduledCount(Catalog *catalog) const
    {
        int n = 0;
        for (const BackupRecord &r : catalog->backups(QStringLiteral("shop")))
            n += r.type == BackupType::Scheduled;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clock.now = QDateTime(QDate(2026, 11, 2), QTime(1, 0), Qt::UTC); // a Monday, 01:00
        CatalogLocation location;
        location.sqlitePath = m_dir.filePath(QStringLiteral("catalog.sqlite"));
        QString error;
        m_a = Catalog::open(location, &m_clock, &error);
        QVERIFY2(m_a, qPrintable(error));
        m_b = Catalog::open(location, &m_clock, &error);
        QVERIFY2(m_b, qPrintable(error));
        QVERIFY(m_a->addSite(
            Site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Basic, {} }));
        Schedule s;
        s.siteId = QStringLiteral("shop");
        s.environment = Environment::Prod;
        s.frequency = Schedule::Frequency::Daily;
        s.timeUtc = QTime(2, 0);
        s.keepLast = 3;
        QVERIFY2(m_a->setSchedule(s), qPrintable(m_a->lastError()));
    }

    void dueOncePerDueTime()
    {
        Scheduler scheduler(m_a.get(), &m_clock, QStringLiteral("tester"));
        QStringList errors;
        QCOMPARE(scheduler.runDue(&errors).size(), 0); // 01:00: the 02:00 run is not due yet
        m_clock.now = m_clock.now.addSecs(3600 + 60); // 02:01
        const QVector<BackupRecord> created = scheduler.runDue(&errors);
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().type, BackupType::Scheduled);
        QCOMPARE(created.first().status, BackupStatus::Pending);
        QCOMPARE(created.first().createdBy, QStringLiteral("tester"));
        QCOMPARE(scheduler.runDue(&errors).size(), 0); // same due time: not again
        QCOMPARE(Scheduler(m_b.get(), &m_clock, QStringLiteral("other")).runDue(&errors).size(), 0);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(scheduledCount(m_a.get()), 1);
    }

    void twoRunnersRaceForOneDueTime()
    {
        m_clock.now = m_clock.now.addDays(1); // the next day's run is due
        // Runner B has read the schedule (and found it due) when runner A runs it.
        const QVector<Schedule> seenByB = m_b->schedules();
        QCOMPARE(seenByB.size(), 1);
        QVERIFY(seenByB.first().isDue(m_clock.now, seenByB.first().createdAt));
        QCOMPARE(Scheduler(m_a.get(), &m_clock, QStringLiteral("a")).runDue().size(), 1);
        QVERIFY(!m_b->claimScheduleRun(seenByB.first(), m_clock.now));
        QVERIFY(m_b->lastError().isEmpty()); // lost the race: not an error
        QCOMPARE(scheduledCount(m_a.get()), 2);
        // With what it reads now, B finds nothing due.
        QCOMPARE(Scheduler(m_b.get(), &m_clock, QStringLiteral("b")).runDue().size(), 0);
        QCOMPARE(scheduledCount(m_a.get()), 2);
    }

    void compareAndSetOnMariaDb()
    {
        if (!TestServices::mysql().isValid())
            QSKIP("MariaDB is not configured: run the tests through ./scripts/test");
        const auto m = TestServices::mysql();
        CatalogLocation location;
        location.kind = CatalogLocation::Kind::MySql;
        location.host = m.host;
        location.port = m.port;
        location.user = m.user;
        location.password = m.password;
        location.database = TestServices::createScratchDatabase(QStringLiteral("sched"));
        QString error;
        auto a = Catalog::open(location, &m_clock, &error);
        QVERIFY2(a, qPrintable(error));
        auto b = Catalog::open(location, &m_clock, &error);
        QVERIFY2(b, qPrintable(error));
        QVERIFY(a->addSite(
            Site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Basic, {} }));
        Schedule s;
        s.siteId = QStringLiteral("shop");
        s.timeUtc = QTime(2, 0);
        QVERIFY(a->setSchedule(s));
        // Never run (NULL last run), then run once: each state admits exactly one claimant.
        for (int round = 0; round < 2; ++round) {
            const Schedule seenByA = a->schedules().value(0);
            const Schedule seenByB = b->schedules().value(0);
            QCOMPARE(seenByA.lastRunAt, seenByB.lastRunAt);
            m_clock.now = m_clock.now.addDays(1);
            QVERIFY2(a->claimScheduleRun(seenByA, m_clock.now), qPrintable(a->lastError()));
            QVERIFY(!b->claimScheduleRun(seenByB, m_clock.now.addSecs(1)));
            QVERIFY(b->lastError().isEmpty());
            QCOMPARE(b->schedules().value(0).lastRunAt, m_clock.now);
        }
        a.reset();
        b.reset();
        TestServices::dropDatabase(location.database);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "TestScheduler.moc"
