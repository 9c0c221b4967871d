// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/RetentionPolicy.h"

#include <QtTest>

class TestRetentionPolicy : public QObject
{
    Q_OBJECT

private slots:
    void keepsNewestCompleted();
    void keepDaysExtendsRetention();
    void neverTouchesManualPinnedOrRunning();
    void failuresOlderThanKeptGo();
    void failuresStayVisibleWithoutCompleted();
    void otherEnvironmentsIgnored();
    void safetyBackupsKeptSevenDays();
    void unfinishedDeletionsAlwaysGo();

private:
    BackupRecord make(int daysAgo, BackupStatus status = BackupStatus::Completed,
                      BackupType type = BackupType::Scheduled, Environment env = Environment::Prod)
    {
        BackupRecord b;
        b.id = QStringLiteral("b%1-%2").arg(100 - daysAgo, 3, 10, QLatin1Char('0')).arg(++m_counter);
        b.siteId = QStringLiteral("shop");
        b.environment = env;
        b.type = type;
        b.status = status;
        b.createdAt = m_now.addDays(-daysAgo);
        return b;
    }
    Schedule schedule(int keepLast, int keepDays = 0)
    {
        Schedule s;
        s.siteId = QStringLiteral("shop");
        s.environment = Environment::Prod;
        s.keepLast = keepLast;
        s.keepDays = keepDays;
        return s;
    }
    static QStringList ids(const QVector<BackupRecord> &backups)
    {
        QStringList out;
        for (const BackupRecord &b : backups)
            out << b.id;
        return out;
    }

    QDateTime m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    int m_counter = 0;
};

void TestRetentionPolicy::keepsNewestCompleted()
{
    QVector<BackupRecord> all;
    for (int d = 0; d < 6; ++d)
        all << make(d);
    const auto doomed = RetentionPolicy::backupsToDelete(schedule(3), all, m_now);
    // The three oldest go, oldest first.
    QCOMPARE(ids(doomed), (QStringList{ all.at(5).id, all.at(4).id, all.at(3).id }));
    QVERIFY(RetentionPolicy::backupsToDelete(schedule(6), all, m_now).isEmpty());
}

void TestRetentionPolicy::keepDaysExtendsRetention()
{
    QVector<BackupRecord> all;
    for (int d = 0; d < 10; ++d)
        all << make(d);
    // keep 2, and everything younger than 5 days (days 0..5 inclusive of the boundary).
    const auto doomed = RetentionPolicy::backupsToDelete(schedule(2, 5), all, m_now);
    QCOMPARE(ids(doomed), (QStringList{ all.at(9).id, all.at(8).id, all.at(7).id, all.at(6).id }));
}

void TestRetentionPolicy::neverTouchesManualPinnedOrRunning()
{
    QVector<BackupRecord> all;
    all << make(0) << make(1);
    all << make(20, BackupStatus::Completed, BackupType::Manual);
    all << make(21, BackupStatus::Completed, BackupType::PreRestore);
    BackupRecord pinned = make(22);
    pinned.pinned = true;
    all << pinned;
    all << make(23, BackupStatus::InProgress) << make(24, BackupStatus::Pending);
    all << make(25); // an ordinary old scheduled one: goes
    const auto doomed = RetentionPolicy::backupsToDelete(schedule(2), all, m_now);
    QCOMPARE(ids(doomed), QStringList{ all.last().id });
}

void TestRetentionPolicy::failuresOlderThanKeptGo()
{
    QVector<BackupRecord> all;
    all << make(0, BackupStatus::Failed); // newer than the kept ones: stays visible
    all << make(1) << make(2);
    all << make(3, BackupStatus::Cancelled); // older than the oldest kept: goes
    all << make(4); // beyond keep 2: goes
    all << make(5, BackupStatus::Failed); // goes
    const auto doomed = RetentionPolicy::backupsToDelete(schedule(2), all, m_now);
    QCOMPARE(ids(doomed), (QStringList{ all.at(5).id, all.at(4).id, all.at(3).id }));
}

void TestRetentionPolicy::failuresStayVisibleWithoutCompleted()
{
    QVector<BackupRecord> all;
    for (int d = 0; d < 5; ++d)
        all << make(d, BackupStatus::Failed);
    const auto doomed = RetentionPolicy::backupsToDelete(schedule(3), all, m_now);
    QCOMPARE(ids(doomed), (QStringList{ all.at(4).id, all.at(3).id }));
}

void TestRetentionPolicy::otherEnvironmentsIgnored()
{
    QVector<BackupRecord> all;
    for (int d = 0; d < 4; ++d)
        all << make(d, BackupStatus::Completed, BackupType::Scheduled, Environment::Dev);
    all << make(0);
    QVERIFY(RetentionPolicy::backupsToDelete(schedule(1), all, m_now).isEmpty());
}

void TestRetentionPolicy::safetyBackupsKeptSevenDays()
{
    QVector<BackupRecord> all;
    all << make(6, BackupStatus::Completed, BackupType::PreRestore); // young: stays
    all << make(8, BackupStatus::Completed, BackupType::PreRestore, Environment::Dev); // goes
    all << make(9, BackupStatus::Failed, BackupType::PreSync); // goes
    BackupRecord pinned = make(30, BackupStatus::Completed, BackupType::PreSync);
    pinned.pinned = true;
    all << pinned;
    all << make(31, BackupStatus::InProgress, BackupType::PreRestore); // running: stays
    all << make(40, BackupStatus::Completed, BackupType::Manual) << make(41);
    QCOMPARE(ids(RetentionPolicy::safetyBackupsToDelete(all, m_now)), (QStringList{ all.at(2).id, all.at(1).id }));
}

// A Deleting backup (its deletion did not finish) may have lost its object: it never counts as
// one of the kept ones and always goes, young or old, unless pinned; a manual one is left to the
// person who deletes it.
void TestRetentionPolicy::unfinishedDeletionsAlwaysGo()
{
    QVector<BackupRecord> all;
    all << make(0, BackupStatus::Deleting) << make(1) << make(2) << make(3);
    BackupRecord pinned = make(4, BackupStatus::Deleting);
    pinned.pinned = true;
    all << pinned << make(5, BackupStatus::Deleting, BackupType::Manual);
    // keepLast 2 keeps the two newest Completed ones (1 and 2 days old), not the Deleting one.
    QCOMPARE(ids(RetentionPolicy::backupsToDelete(schedule(2, 30), all, m_now)), QStringList{ all.at(0).id });
    QCOMPARE(ids(RetentionPolicy::backupsToDelete(schedule(2), all, m_now)),
             (QStringList{ all.at(3).id, all.at(0).id }));

    QVector<BackupRecord> safety;
    safety << make(1, BackupStatus::Deleting, BackupType::PreRestore)
           << make(2, BackupStatus::Completed, BackupType::PreSync);
    QCOMPARE(ids(RetentionPolicy::safetyBackupsToDelete(safety, m_now)), QStringList{ safety.at(0).id });
}

QTEST_GUILESS_MAIN(TestRetentionPolicy)
#include "TestRetentionPolicy.moc"
