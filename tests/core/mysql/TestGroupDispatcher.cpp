// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mysql/GroupDispatcher.h"

#include <QtTest>

#include <atomic>
#include <ctime>
#include <thread>

namespace {

LoadStatement statement(const char *table, const QByteArray &sql)
{
    LoadStatement s;
    s.table = table;
    s.sql = sql;
    return s;
}

// The next statement for @p consumer as its SQL, or "-" when there is none now.
QByteArray take(GroupDispatcher &d, int consumer)
{
    LoadStatement s;
    return d.tryNext(consumer, &s) ? s.sql : QByteArray("-");
}

} // namespace

class TestGroupDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void newTableGoesToTheFirstIdleConsumer()
    {
        GroupDispatcher d(2, 1 << 20, nullptr);
        d.push(statement("`a`", "a1"));
        QCOMPARE(take(d, 0), QByteArray("a1")); // consumer 0 claims `a` and is busy
        QCOMPARE(d.owner("`a`"), 0);
        d.push(statement("`a`", "a2"));
        d.push(statement("`b`", "b1"));
        QCOMPARE(d.owner("`b`"), -1); // pending
        // Busy with a1, consumer 0 neither claims `b` nor runs a2 before done().
        QCOMPARE(take(d, 0), QByteArray("-"));
        QCOMPARE(take(d, 1), QByteArray("b1"));
        QCOMPARE(d.owner("`b`"), 1);
        d.push(statement("`c`", "c1"));
        d.done(0);
        QCOMPARE(take(d, 0), QByteArray("a2")); // its own table first
        QCOMPARE(take(d, 0), QByteArray("-")); // still busy with a2: `c` waits
        d.done(1);
        QCOMPARE(take(d, 1), QByteArray("c1"));
        QCOMPARE(d.owner("`c`"), 1);
        QCOMPARE(d.pendingBytes(), 0);
    }

    void idleConsumerTakesEveryNewTableWhileTheOtherIsBusy()
    {
        GroupDispatcher d(2, 1 << 20, nullptr);
        d.push(statement("`big`", "big1"));
        QCOMPARE(take(d, 0), QByteArray("big1"));
        d.push(statement("`big`", "big2"));
        d.push(statement("`s1`", "s1"));
        d.push(statement("`s2`", "s2"));
        QCOMPARE(take(d, 1), QByteArray("s1"));
        d.done(1);
        QCOMPARE(take(d, 1), QByteArray("s2"));
        d.done(1);
        QCOMPARE(take(d, 1), QByteArray("-"));
        d.done(0);
        QCOMPARE(take(d, 0), QByteArray("big2"));
        QCOMPARE(d.owner("`s2`"), 1);
    }

    void aTablesStatementsStayInOrderOnOneConsumer()
    {
        GroupDispatcher d(2, 1 << 20, nullptr);
        d.push(statement("`a`", "a1"));
        d.push(statement("`b`", "b1"));
        d.push(statement("`a`", "a2")); // back to a table that is still pending
        QCOMPARE(take(d, 1), QByteArray("a1"));
        QCOMPARE(take(d, 0), QByteArray("b1"));
        d.done(0);
        QCOMPARE(take(d, 0), QByteArray("-")); // a2 belongs to consumer 1
        d.done(1);
        QCOMPARE(take(d, 1), QByteArray("a2"));
    }

    void pushToAllReachesEveryConsumer()
    {
        GroupDispatcher d(3, 1 << 20, nullptr);
        d.pushToAll(statement("", "SET NAMES utf8mb4"));
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(take(d, c), QByteArray("SET NAMES utf8mb4"));
            d.done(c);
            QCOMPARE(take(d, c), QByteArray("-"));
        }
    }

    void afterAFailureNothingMoreStarts()
    {
        std::atomic<bool> failed{ false };
        GroupDispatcher d(2, 1 << 20, &failed);
        d.push(statement("`a`", "a1"));
        d.push(statement("`a`", "a2"));
        d.push(statement("`b`", "b1"));
        QCOMPARE(take(d, 0), QByteArray("a1"));
        failed = true;
        d.done(0);
        QCOMPARE(take(d, 1), QByteArray("-")); // `b` was pending: dropped
        QCOMPARE(take(d, 0), QByteArray("-")); // a2 was queued: dropped
        QCOMPARE(d.pendingBytes(), 0);
        d.push(statement("`c`", "c1"));
        QCOMPARE(take(d, 1), QByteArray("-"));
        d.drain(); // returns: nothing runs
    }

    void pushWaitsWhileTheOwnersQueueIsFull()
    {
        GroupDispatcher d(2, 10, nullptr);
        d.push(statement("`a`", "a1______"));
        QCOMPARE(take(d, 0), QByteArray("a1______"));
        d.push(statement("`a`", "a2______")); // 8 of 10 bytes queued
        d.push(statement("`a`", "a3______")); // 16: over, but it was below when it came
        std::atomic<bool> pushed{ false };
        std::thread reader([&] {
            d.push(statement("`a`", "a4______"));
            pushed = true;
        });
        QTest::qWait(100);
        QVERIFY(!pushed.load());
        d.done(0);
        QCOMPARE(take(d, 0), QByteArray("a2______")); // 8 bytes queued again: room
        QTRY_VERIFY(pushed.load());
        reader.join();
        d.done(0);
        QCOMPARE(take(d, 0), QByteArray("a3______"));
        d.done(0);
        QCOMPARE(take(d, 0), QByteArray("a4______"));
    }

    void pushWaitsWhileThePendingTablesAreFull()
    {
        GroupDispatcher d(1, 10, nullptr);
        d.push(statement("`a`", "a1"));
        QCOMPARE(take(d, 0), QByteArray("a1"));
        d.push(statement("`b`", "b1________")); // 10 bytes pending
        std::atomic<bool> pushed{ false };
        std::thread reader([&] {
            d.push(statement("`c`", "c1"));
            pushed = true;
        });
        QTest::qWait(100);
        QVERIFY(!pushed.load());
        QCOMPARE(d.pendingBytes(), 10);
        d.done(0);
        QCOMPARE(take(d, 0), QByteArray("b1________")); // claimed: the pending queue has room
        QTRY_VERIFY(pushed.load());
        reader.join();
        QCOMPARE(d.pendingBytes(), 2);
    }

    void drainWaitsForTheRunningStatement()
    {
        GroupDispatcher d(2, 1 << 20, nullptr);
        d.push(statement("`a`", "a1"));
        QCOMPARE(take(d, 0), QByteArray("a1"));
        std::atomic<bool> drained{ false };
        std::thread reader([&] {
            d.drain();
            drained = true;
        });
        QTest::qWait(100);
        QVERIFY(!drained.load());
        d.done(0);
        QTRY_VERIFY(drained.load());
        reader.join();
    }

    // Waiting consumers sleep: two of them once woke each other without end, using most of a core.
    void idleConsumersDoNotSpin()
    {
        GroupDispatcher d(2, 1 << 20, nullptr);
        auto consume = [&d](int c) {
            LoadStatement s;
            while (d.next(c, &s))
                d.done(c);
        };
        std::thread a(consume, 0);
        std::thread b(consume, 1);
        const std::clock_t before = std::clock();
        QTest::qSleep(500);
        const double cpuSeconds = double(std::clock() - before) / CLOCKS_PER_SEC;
        d.stop();
        a.join();
        b.join();
        // A machine too busy to run the spinning threads could only lower this figure.
        QVERIFY2(cpuSeconds < 0.1, qPrintable(QString::number(cpuSeconds)));
    }

    void nextWaitsForWorkAndEndsOnStop()
    {
        GroupDispatcher d(2, 1 << 20, nullptr);
        std::atomic<int> result{ -1 };
        QByteArray got;
        std::thread consumer([&] {
            LoadStatement s;
            const bool first = d.next(1, &s);
            got = s.sql;
            d.done(1);
            result = (first ? 1 : 0) + (d.next(1, &s) ? 10 : 0);
        });
        d.push(statement("`a`", "a1"));
        QTRY_VERIFY(d.owner("`a`") == 1);
        d.stop();
        consumer.join();
        QCOMPARE(got, QByteArray("a1"));
        QCOMPARE(result.load(), 1); // the second next() returned false
    }
};

QTEST_GUILESS_MAIN(TestGroupDispatcher)
#include "TestGroupDispatcher.moc"
