// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/JobsPanel.h"

#include <QProgressBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

class TestJobsPanel : public QObject
{
    Q_OBJECT

    static JobProgress progress(const QString &jobId)
    {
        JobProgress p;
        p.jobId = jobId;
        p.kind = JobKind::Backup;
        p.backupId = QStringLiteral("b-") + jobId;
        p.siteId = QStringLiteral("acme-shop");
        p.environment = Environment::Dev;
        p.phase = QStringLiteral("Dumping");
        p.startedAt = QDateTime::currentDateTimeUtc();
        return p;
    }

private slots:
    void defaults()
    {
        JobsPanel panel;
        QCOMPARE(panel.objectName(), QStringLiteral("JobsPanel"));
        QCOMPARE(panel.jobList()->topLevelItemCount(), 0);
        QCOMPARE(panel.historyList()->topLevelItemCount(), 0);
        QCOMPARE(panel.runningCount(), 0);
        QCOMPARE(panel.jobList()->columnCount(), int(JobsPanel::ColumnCount));
    }

    void runningJobShowsBytesRateEtaAndCancels()
    {
        JobsPanel panel;
        panel.show();
        JobProgress p = progress(QStringLiteral("j1"));
        panel.jobStarted(p);
        QCOMPARE(panel.runningCount(), 1);
        p.bytesDone = 5 * 1024 * 1024;
        p.bytesTotal = 10 * 1024 * 1024;
        p.bytesPerSecond = 1024 * 1024;
        p.etaSeconds = 5;
        panel.jobProgress(p);
        QTreeWidgetItem *item = panel.itemForJob(QStringLiteral("j1"));
        QVERIFY(item);
        QCOMPARE(item->text(JobsPanel::PhaseColumn), QStringLiteral("Dumping"));
        QVERIFY(item->text(JobsPanel::BytesColumn).contains(QStringLiteral("5.0")));
        QVERIFY(item->text(JobsPanel::RateColumn).contains(QStringLiteral("/s")));
        QCOMPARE(item->text(JobsPanel::EtaColumn), QStringLiteral("5 s"));
        auto *bar = qobject_cast<QProgressBar *>(panel.jobList()->itemWidget(item, JobsPanel::ProgressColumn));
        QVERIFY(bar);
        QCOMPARE(bar->value(), 500);

        QSignalSpy cancel(&panel, &JobsPanel::cancelRequested);
        auto *button = qobject_cast<QToolButton *>(panel.jobList()->itemWidget(item, JobsPanel::ActionColumn));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        QCOMPARE(cancel.at(0).at(0).toString(), QStringLiteral("j1"));
    }

    void etaFromEarlierBackupsUntilMeasured()
    {
        JobsPanel panel;
        JobProgress p = progress(QStringLiteral("j2"));
        QCOMPARE(panel.etaText(p), QStringLiteral("—"));
        panel.setTypicalDuration(QStringLiteral("acme-shop"), Environment::Dev, 600);
        QVERIFY(panel.etaText(p).startsWith(QLatin1Char('~'))); // estimated
        QVERIFY(panel.etaText(p).contains(QStringLiteral("min")));
        p.environment = Environment::Prod; // no history for prod
        QCOMPARE(panel.etaText(p), QStringLiteral("—"));
        p.etaSeconds = 42; // the job measures itself now
        QCOMPARE(panel.etaText(p), QStringLiteral("42 s"));
    }

    void finishedJobsStayWithOutcome()
    {
        JobsPanel panel;
        panel.jobStarted(progress(QStringLiteral("j3")));
        JobOutcome o;
        o.jobId = QStringLiteral("j3");
        o.kind = JobKind::Backup;
        o.siteId = QStringLiteral("acme-shop");
        o.environment = Environment::Dev;
        o.success = false;
        o.message = QStringLiteral("Access denied for user");
        panel.jobFinished(o);
        QCOMPARE(panel.runningCount(), 0);
        QCOMPARE(panel.jobList()->topLevelItemCount(), 1);
        QTreeWidgetItem *item = panel.itemForJob(QStringLiteral("j3"));
        QCOMPARE(item->text(JobsPanel::PhaseColumn), QStringLiteral("Failed"));
        QVERIFY(!panel.jobList()->itemWidget(item, JobsPanel::ActionColumn)); // no Cancel any more
        QCOMPARE(panel.historyList()->topLevelItemCount(), 1);
        QCOMPARE(panel.historyList()->topLevelItem(0)->text(3), QStringLiteral("Access denied for user"));
    }
};

QTEST_MAIN(TestJobsPanel)
#include "TestJobsPanel.moc"
