// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../catalog/FakeClock.h"
#include "catalog/Catalog.h"
#include "jobs/RecoveryJob.h"
#include "operations/AttentionQuery.h"

#include <QTemporaryDir>
#include <QtTest>

class TestAttentionQuery : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nothingNeedsAttention();
    void failedUntilACompletedBackupFollows();
    void interruptedRowsAndLapsedHeartbeats();
    void overdueSchedules();
    void filters();

private:
    OperationContext context()
    {
        OperationContext c;
        c.catalog = m_catalog.get();
        c.clock = &m_clock;
        c.actor = QStringLiteral("alice");
        c.heartbeatSeconds = 10;
        return c;
    }
    QVector<AttentionItem> run(const AttentionFilter &filter = {})
    {
        return AttentionQuery(context()).run(filter, m_clock.nowUtc());
    }
    void addSite(const QString &id)
    {
        Site site;
        site.id = id;
        site.name = id.toUpper();
        site.customer = QStringLiteral("acme");
        site.tier = Tier::Developer;
        QVERIFY2(m_catalog->addSite(site), qPrintable(m_catalog->lastError()));
    }
    /// A backup that ends in @p status (an hour after the previous one).
    BackupRecord backup(const QString &site, Environment env, BackupStatus status, BackupType type = BackupType::Manual,
                        const QString &error = QStringLiteral("Access denied"))
    {
        m_clock.advance(3600);
        const BackupRecord r = m_catalog->createBackup(site, env, type, QStringLiteral("bob"));
        if (status == BackupStatus::Pending)
            return r;
        const QString worker = QStringLiteral("host:1:w");
        m_catalog->claimBackup(r.id, worker, 10);
        if (status == BackupStatus::Completed)
            m_catalog->completeBackup(r.id, worker, 10, 20, QStringLiteral("ab"));
        else if (status != BackupStatus::InProgress)
            m_catalog->failBackup(r.id, status, error);
        return *m_catalog->backup(r.id);
    }
    void schedule(const QString &site, Environment env, const QDateTime &createdAt)
    {
        Schedule s;
        s.siteId = site;
        s.environment = env;
        s.timeUtc = QTime(2, 0);
        s.createdAt = createdAt;
        QVERIFY2(m_catalog->setSchedule(s), qPrintable(m_catalog->lastError()));
    }
    static QStringList describe(const QVector<AttentionItem> &items)
    {
        QStringList lines;
        for (const AttentionItem &i : items)
            lines << QStringLiteral("%1/%2 %3")
                         .arg(i.siteId, Environments::toString(i.environment), AttentionKinds::toString(i.kind));
        return lines;
    }

    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Catalog> m_catalog;
    int m_counter = 0;
};

void TestAttentionQuery::init()
{
    m_clock.set(QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));
    CatalogLocation loc;
    loc.sqlitePath = m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_counter));
    QString error;
    m_catalog = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(m_catalog, qPrintable(error));
}

void TestAttentionQuery::cleanup()
{
    m_catalog.reset();
}

void TestAttentionQuery::nothingNeedsAttention()
{
    QVERIFY(run().isEmpty());
    addSite(QStringLiteral("shop"));
    backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Completed);
    backup(QStringLiteral("shop"), Environment::Stage, BackupStatus::Cancelled);
    backup(QStringLiteral("shop"), Environment::Dev, BackupStatus::Pending);
    schedule(QStringLiteral("shop"), Environment::Prod, m_clock.nowUtc().addDays(-3));
    QVERIFY2(run().isEmpty(), qPrintable(describe(run()).join(u',')));
}

void TestAttentionQuery::failedUntilACompletedBackupFollows()
{
    addSite(QStringLiteral("shop"));
    backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Completed);
    const BackupRecord failed = backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Failed);
    // A cancel after the failure is no success: the failure stands.
    backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Cancelled);
    backup(QStringLiteral("shop"), Environment::Stage, BackupStatus::Failed);
    backup(QStringLiteral("shop"), Environment::Stage, BackupStatus::Completed);

    const QVector<AttentionItem> items = run();
    QCOMPARE(describe(items), QStringList{ QStringLiteral("shop/prod failed") });
    const AttentionItem &item = items.first();
    QCOMPARE(item.siteName, QStringLiteral("SHOP"));
    QCOMPARE(item.customer, QStringLiteral("acme"));
    QCOMPARE(item.backup.id, failed.id);
    QCOMPARE(item.at, failed.finishedAt);
    QCOMPARE(item.action, AttentionAction::RetryBackup);
    QVERIFY2(item.reason.contains(QLatin1String("Access denied")), qPrintable(item.reason));

    backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Completed);
    QVERIFY(run().isEmpty());
}

void TestAttentionQuery::interruptedRowsAndLapsedHeartbeats()
{
    addSite(QStringLiteral("shop"));
    const BackupRecord recovered = backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Failed,
                                          BackupType::Manual, RecoveryJob::interruptedMessage());
    QVERIFY(AttentionQuery::isInterrupted(recovered));
    const BackupRecord running = backup(QStringLiteral("shop"), Environment::Dev, BackupStatus::InProgress);
    // Alive: its heartbeat is fresh.
    QCOMPARE(describe(run()), QStringList{ QStringLiteral("shop/prod interrupted") });
    // Two heartbeat periods (10 s, recorded on the row) without a sign of life.
    m_clock.advance(21);
    // Newest first: the lapsed heartbeat is more recent than the recovered failure.
    const QVector<AttentionItem> items = run();
    QCOMPARE(describe(items),
             (QStringList{ QStringLiteral("shop/dev interrupted"), QStringLiteral("shop/prod interrupted") }));
    QCOMPARE(items.at(0).backup.id, running.id);
    QCOMPARE(items.at(0).action, AttentionAction::OpenSite);
    QVERIFY2(items.at(0).reason.contains(QLatin1String("host:1:w")), qPrintable(items.at(0).reason));
    QCOMPARE(items.at(1).backup.id, recovered.id);
    QCOMPARE(items.at(1).action, AttentionAction::RetryBackup);
}

void TestAttentionQuery::overdueSchedules()
{
    addSite(QStringLiteral("shop"));
    addSite(QStringLiteral("blog"));
    const QDateTime start = m_clock.nowUtc();
    // shop/prod: a daily schedule whose newest completed backup is three days old.
    schedule(QStringLiteral("shop"), Environment::Prod, start.addDays(-30));
    backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Completed, BackupType::Scheduled);
    // shop/stage: the last scheduled backup failed, then a manual one completed (not a failure
    // any more, but the schedule keeps failing).
    schedule(QStringLiteral("shop"), Environment::Stage, start.addDays(-30));
    const BackupRecord scheduledFailure
        = backup(QStringLiteral("shop"), Environment::Stage, BackupStatus::Failed, BackupType::Scheduled);
    backup(QStringLiteral("shop"), Environment::Stage, BackupStatus::Completed);
    // blog/prod: the last scheduled backup failed and nothing since: one row, the failure.
    schedule(QStringLiteral("blog"), Environment::Prod, start.addDays(-30));
    backup(QStringLiteral("blog"), Environment::Prod, BackupStatus::Failed, BackupType::Scheduled);
    // blog/dev: a schedule that never produced a backup, set two days ago.
    schedule(QStringLiteral("blog"), Environment::Dev, start.addDays(-2));

    m_clock.advance(3 * 86400);
    QVector<AttentionItem> items = run();
    QStringList lines = describe(items);
    lines.sort();
    QCOMPARE(lines,
             (QStringList{ QStringLiteral("blog/dev overdue"), QStringLiteral("blog/prod failed"),
                           QStringLiteral("shop/prod overdue"), QStringLiteral("shop/stage overdue") }));
    for (int i = 1; i < items.size(); ++i)
        QVERIFY(items.at(i - 1).at >= items.at(i).at); // newest first
    for (const AttentionItem &item : items) {
        if (item.siteId == QLatin1String("shop") && item.environment == Environment::Stage) {
            QCOMPARE(item.backup.id, scheduledFailure.id);
            QCOMPARE(item.action, AttentionAction::RetryBackup);
        } else if (item.kind == AttentionKind::Overdue) {
            QVERIFY(!item.backup.isValid());
            QCOMPARE(item.action, AttentionAction::OpenSite);
            QVERIFY(item.at.isValid());
            if (item.siteId == QLatin1String("shop") && item.environment == Environment::Prod)
                QVERIFY2(item.reason.contains(QLatin1String("; the schedule runs daily.")), qPrintable(item.reason));
        }
    }
    // Within the grace period nothing is overdue yet.
    AttentionFilter generous;
    generous.setGraceSeconds(30 * 86400);
    lines = describe(AttentionQuery(context()).run(generous, m_clock.nowUtc()));
    lines.sort();
    QCOMPARE(lines, (QStringList{ QStringLiteral("blog/prod failed"), QStringLiteral("shop/stage overdue") }));
}

void TestAttentionQuery::filters()
{
    addSite(QStringLiteral("shop"));
    addSite(QStringLiteral("blog"));
    backup(QStringLiteral("shop"), Environment::Prod, BackupStatus::Failed);
    backup(QStringLiteral("blog"), Environment::Prod, BackupStatus::Failed, BackupType::Manual,
           RecoveryJob::interruptedMessage());
    schedule(QStringLiteral("blog"), Environment::Dev, m_clock.nowUtc().addDays(-5));

    QCOMPARE(run().size(), 3);
    QStringList failed = describe(run(*AttentionFilter::fromStatusName(QStringLiteral("failed"))));
    failed.sort();
    QCOMPARE(failed, (QStringList{ QStringLiteral("blog/prod interrupted"), QStringLiteral("shop/prod failed") }));
    QCOMPARE(describe(run(*AttentionFilter::fromStatusName(QStringLiteral("interrupted")))),
             QStringList{ QStringLiteral("blog/prod interrupted") });
    QCOMPARE(describe(run(*AttentionFilter::fromStatusName(QStringLiteral("overdue")))),
             QStringList{ QStringLiteral("blog/dev overdue") });
    QVERIFY(!AttentionFilter::fromStatusName(QStringLiteral("pending")));
    AttentionFilter oneSite;
    oneSite.setSiteId(QStringLiteral("shop"));
    QCOMPARE(describe(run(oneSite)), QStringList{ QStringLiteral("shop/prod failed") });
    oneSite.setSiteId(QStringLiteral("nosuchsite"));
    QVERIFY(run(oneSite).isEmpty());
}

QTEST_GUILESS_MAIN(TestAttentionQuery)
#include "TestAttentionQuery.moc"
