// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeClock.h"
#include "catalog/Schedule.h"

#include <QtTest>

class TestSchedule : public QObject
{
    Q_OBJECT

private slots:
    void dailyNextRun();
    void weeklyNextRun();
    void dueAfterCreationAndLastRun();
    void missedRunsCollapseIntoOne();
    void disabledIsNeverDue();
};

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}
Schedule daily(QTime at)
{
    Schedule s;
    s.frequency = Schedule::Frequency::Daily;
    s.timeUtc = at;
    return s;
}
} // namespace

void TestSchedule::dailyNextRun()
{
    const Schedule s = daily(QTime(2, 30));
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 25, 1, 0)), utc(2026, 11, 25, 2, 30));
    // Strictly after: at the due time itself, the next one is tomorrow.
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 25, 2, 30)), utc(2026, 11, 26, 2, 30));
    QCOMPARE(s.nextRunAfter(utc(2026, 12, 31, 23, 0)), utc(2027, 1, 1, 2, 30));
    // Local-time input is read as the instant it is.
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 25, 1, 0).toOffsetFromUtc(3600 * 5)), utc(2026, 11, 25, 2, 30));
    QCOMPARE(s.periodSeconds(), 86400);
}

void TestSchedule::weeklyNextRun()
{
    Schedule s = daily(QTime(3, 0));
    s.frequency = Schedule::Frequency::Weekly;
    s.weekday = 1; // Monday; 2026-11-25 is a Wednesday
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 25, 12, 0)), utc(2026, 11, 30, 3, 0));
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 30, 2, 59)), utc(2026, 11, 30, 3, 0));
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 30, 3, 0)), utc(2026, 12, 7, 3, 0));
    s.weekday = 3;
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 25, 2, 0)), utc(2026, 11, 25, 3, 0));
    QCOMPARE(s.nextRunAfter(utc(2026, 11, 25, 4, 0)), utc(2026, 12, 2, 3, 0));
    QCOMPARE(s.periodSeconds(), 7 * 86400);
}

void TestSchedule::dueAfterCreationAndLastRun()
{
    FakeClock clock(utc(2026, 11, 25, 1, 0));
    const QDateTime created = clock.nowUtc();
    Schedule s = daily(QTime(2, 30));
    QVERIFY(!s.isDue(clock.nowUtc(), created));
    clock.set(utc(2026, 11, 25, 2, 29, 59));
    QVERIFY(!s.isDue(clock.nowUtc(), created));
    clock.set(utc(2026, 11, 25, 2, 30));
    QVERIFY(s.isDue(clock.nowUtc(), created));
    s.lastRunAt = clock.nowUtc();
    QVERIFY(!s.isDue(clock.nowUtc(), created));
    clock.advance(86400 - 1);
    QVERIFY(!s.isDue(clock.nowUtc(), created));
    clock.advance(1);
    QVERIFY(s.isDue(clock.nowUtc(), created));

    // Without an explicit creation time the stored createdAt counts.
    Schedule stored = daily(QTime(2, 30));
    stored.createdAt = utc(2026, 11, 25, 3, 0);
    QVERIFY(!stored.isDue(utc(2026, 11, 26, 2, 0), {}));
    QVERIFY(stored.isDue(utc(2026, 11, 26, 2, 30), {}));
}

void TestSchedule::missedRunsCollapseIntoOne()
{
    Schedule s = daily(QTime(2, 30));
    s.lastRunAt = utc(2026, 11, 20, 2, 30);
    const QDateTime now = utc(2026, 11, 25, 9, 0); // five runs missed
    QVERIFY(s.isDue(now, {}));
    s.lastRunAt = now; // one run catches up
    QVERIFY(!s.isDue(now.addSecs(3600), {}));
    QCOMPARE(s.nextRunAfter(s.lastRunAt), utc(2026, 11, 26, 2, 30));
}

void TestSchedule::disabledIsNeverDue()
{
    Schedule s = daily(QTime(2, 30));
    s.enabled = false;
    QVERIFY(!s.isDue(utc(2026, 11, 30, 0, 0), utc(2026, 11, 1, 0, 0)));
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "TestSchedule.moc"
