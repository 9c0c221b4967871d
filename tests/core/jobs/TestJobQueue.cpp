// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/JobQueue.h"
#include "util/Job.h"

#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

namespace {
// Finishes when told to, so the test controls overlap exactly.
class ManualJob : public Job
{
public:
    using Job::Job;
    void complete() { finishWithSuccess(); }

protected:
    void doStart() override { }
};
} // namespace

class TestJobQueue : public QObject
{
    Q_OBJECT

private slots:
    void oneRunningPerKeyAndParallelAcrossKeys()
    {
        JobQueue queue(2);
        QHash<QString, ManualJob *> jobs;
        auto factory = [&jobs](const QString &id) {
            return [&jobs, id]() -> Job * {
                auto *job = new ManualJob;
                jobs.insert(id, job);
                return job;
            };
        };
        QSignalSpy started(&queue, &JobQueue::jobStarted);
        queue.enqueue(QStringLiteral("a/prod"), QStringLiteral("a1"), factory(QStringLiteral("a1")));
        queue.enqueue(QStringLiteral("a/prod"), QStringLiteral("a2"), factory(QStringLiteral("a2")));
        queue.enqueue(QStringLiteral("b/prod"), QStringLiteral("b1"), factory(QStringLiteral("b1")));
        queue.enqueue(QStringLiteral("c/prod"), QStringLiteral("c1"), factory(QStringLiteral("c1")));
        // a1 and b1 run; a2 waits for a1 (same environment), c1 for a free slot.
        QCOMPARE(started.count(), 2);
        QVERIFY(queue.isRunning(QStringLiteral("a1")));
        QVERIFY(queue.isRunning(QStringLiteral("b1")));
        QCOMPARE(queue.waitingCount(), 2);

        jobs.value(QStringLiteral("b1"))->complete();
        QTRY_VERIFY(queue.isRunning(QStringLiteral("c1")));
        QVERIFY(!queue.isRunning(QStringLiteral("a2")));

        jobs.value(QStringLiteral("a1"))->complete();
        QTRY_VERIFY(queue.isRunning(QStringLiteral("a2")));

        QSignalSpy idle(&queue, &JobQueue::idle);
        jobs.value(QStringLiteral("a2"))->complete();
        jobs.value(QStringLiteral("c1"))->complete();
        QVERIFY(idle.wait(5000));
        QVERIFY(queue.isIdle());
    }

    void cancelDropsWaitingAndAbortsRunning()
    {
        JobQueue queue(1);
        ManualJob *first = nullptr;
        queue.enqueue(QStringLiteral("k"), QStringLiteral("1"), [&first]() -> Job * { return first = new ManualJob; });
        bool secondBuilt = false;
        queue.enqueue(QStringLiteral("k"), QStringLiteral("2"), [&secondBuilt]() -> Job * {
            secondBuilt = true;
            return new ManualJob;
        });
        QSignalSpy dropped(&queue, &JobQueue::jobDropped);
        QVERIFY(queue.cancel(QStringLiteral("2")));
        QCOMPARE(dropped.count(), 1);
        QSignalSpy finished(&queue, &JobQueue::jobFinished);
        QVERIFY(queue.cancel(QStringLiteral("1")));
        QCOMPARE(finished.count(), 1);
        QTRY_VERIFY(queue.isIdle());
        QVERIFY(!secondBuilt);
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "TestJobQueue.moc"
