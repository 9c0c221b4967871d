// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/SiteHealth.h"

#include <QtTest>

class TestSiteHealth : public QObject
{
    Q_OBJECT

private slots:
    void healthyWhenRecentCompleted();
    void lastScheduledFailed();
    void overdueWhenNewestTooOld();
    void newScheduleGetsOnePeriod();
    void withoutSchedulesNothingToWatch();
    void weeklyPeriod();
    void unfinishedDeletionIsNoRun();

private:
    BackupRecord make(qint64 secondsAgo, BackupStatus status, BackupType type = BackupType::Scheduled,
                      Environment env = Environment::Prod)
    {
        BackupRecord b;
        b.id = QStringLiteral("b%1").arg(++m_counter);
        b.siteId = QStringLiteral("shop");
        b.environment = env;
        b.type = type;
        b.status = status;
        b.createdAt = m_now.addSecs(-secondsAgo);
        b.errorText = status == BackupStatus::Failed ? QStringLiteral("Access denied") : QString();
        return b;
    }
    Schedule daily(Environment env = Environment::Prod)
    {
        Schedule s;
        s.siteId = QStringLiteral("shop");
        s.environment = env;
        s.createdAt = m_now.addDays(-30);
        return s;
    }

    QDateTime m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
    int m_counter = 0;
    const qint64 m_grace = 3600;
};

void TestSiteHealth::healthyWhenRecentCompleted()
{
    const QVector<BackupRecord> backups{ make(3600, BackupStatus::Completed), make(90000, BackupStatus::Failed) };
    QVERIFY(SiteHealth::problems({ daily() }, backups, m_now, m_grace).isEmpty());
    QVERIFY(!SiteHealth::needsAttention({ daily() }, backups, m_now, m_grace));
}

void TestSiteHealth::lastScheduledFailed()
{
    // A newer manual success does not hide that the schedule is failing.
    const QVector<BackupRecord> backups{ make(7200, BackupStatus::Completed), make(3600, BackupStatus::Failed),
                                         make(60, BackupStatus::Completed, BackupType::Manual),
                                         make(10, BackupStatus::InProgress) };
    const QStringList problems = SiteHealth::problems({ daily() }, backups, m_now, m_grace);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.at(0).startsWith(QLatin1String("prod:")));
    QVERIFY(problems.at(0).contains(QLatin1String("Access denied")));
}

void TestSiteHealth::overdueWhenNewestTooOld()
{
    // Just inside period + grace: fine; just outside: attention.
    const qint64 limit = 86400 + m_grace;
    QVERIFY(!SiteHealth::needsAttention({ daily() }, { make(limit, BackupStatus::Completed) }, m_now, m_grace));
    QVERIFY(SiteHealth::needsAttention({ daily() }, { make(limit + 1, BackupStatus::Completed) }, m_now, m_grace));
    // A schedule on dev is not satisfied by prod backups.
    QVERIFY(
        SiteHealth::needsAttention({ daily(Environment::Dev) }, { make(60, BackupStatus::Completed) }, m_now, m_grace));
    Schedule disabled = daily(Environment::Dev);
    disabled.enabled = false;
    QVERIFY(!SiteHealth::needsAttention({ disabled }, {}, m_now, m_grace));
}

void TestSiteHealth::newScheduleGetsOnePeriod()
{
    Schedule s = daily();
    s.createdAt = m_now.addSecs(-3600);
    QVERIFY(!SiteHealth::needsAttention({ s }, {}, m_now, m_grace));
    s.createdAt = m_now.addDays(-2);
    QVERIFY(SiteHealth::needsAttention({ s }, {}, m_now, m_grace));
}

void TestSiteHealth::withoutSchedulesNothingToWatch()
{
    QVERIFY(!SiteHealth::needsAttention({}, { make(3600, BackupStatus::Failed) }, m_now, m_grace));
}

void TestSiteHealth::weeklyPeriod()
{
    Schedule s = daily();
    s.frequency = Schedule::Frequency::Weekly;
    QVERIFY(!SiteHealth::needsAttention({ s }, { make(6 * 86400, BackupStatus::Completed) }, m_now, m_grace));
    QVERIFY(SiteHealth::needsAttention({ s }, { make(8 * 86400, BackupStatus::Completed) }, m_now, m_grace));
}

void TestSiteHealth::unfinishedDeletionIsNoRun()
{
    // The newest scheduled backup is being deleted: it is neither the schedule's last outcome nor
    // a completed backup, so the older completed one decides.
    const QVector<BackupRecord> fine{ make(7200, BackupStatus::Completed), make(60, BackupStatus::Deleting) };
    QVERIFY(SiteHealth::problems({ daily() }, fine, m_now, m_grace).isEmpty());
    const QVector<BackupRecord> overdue{ make(3 * 86400, BackupStatus::Completed), make(60, BackupStatus::Deleting) };
    const QStringList problems = SiteHealth::problems({ daily() }, overdue, m_now, m_grace);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.at(0).contains(QLatin1String("newest completed backup")), qPrintable(problems.at(0)));
}

QTEST_GUILESS_MAIN(TestSiteHealth)
#include "TestSiteHealth.moc"
