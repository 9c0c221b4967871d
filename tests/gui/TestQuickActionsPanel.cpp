// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "actions/QuickActionsPanel.h"

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QtTest>

using namespace GuiTestData;

class TestQuickActionsPanel : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        QuickActionsPanel panel;
        QCOMPARE(panel.objectName(), QStringLiteral("QuickActionsPanel"));
        for (QPushButton *b : { panel.createButton(), panel.downloadButton(), panel.linkButton(), panel.restoreButton(),
                                panel.syncButton(), panel.verifyButton(), panel.pinButton(), panel.deleteButton() }) {
            QVERIFY2(!b->isEnabled(), qPrintable(b->objectName()));
            QVERIFY(!b->accessibleName().isEmpty());
            QVERIFY(!b->isHidden());
        }
        QVERIFY(!panel.restoreFileButton()->isEnabled());
    }

    void enablesWhatTheSelectionAllows()
    {
        QuickActionsPanel panel;
        panel.setSite(
            site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer));
        QVERIFY(panel.createButton()->isEnabled());
        panel.setRecord(backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::InProgress, t0()));
        QVERIFY(!panel.downloadButton()->isEnabled());
        QVERIFY(!panel.deleteButton()->isEnabled()); // running backups cannot be deleted
        BackupRecord done = backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::Completed, t0(), 10);
        panel.setRecord(done);
        QVERIFY(panel.downloadButton()->isEnabled());
        QVERIFY(panel.linkButton()->isEnabled());
        QVERIFY(panel.verifyButton()->isEnabled());
        QVERIFY(panel.deleteButton()->isEnabled());
        QVERIFY(panel.restoreButton()->isEnabled());
        QVERIFY(panel.restoreFileButton()->isEnabled());
        QVERIFY(panel.syncButton()->isEnabled()); // developer tier
        done.pinned = true;
        panel.setRecord(done);
        QVERIFY(!panel.deleteButton()->isEnabled()); // pinned backups stay

        QSignalSpy download(&panel, &QuickActionsPanel::downloadRequested);
        QSignalSpy pin(&panel, &QuickActionsPanel::pinRequested);
        QTest::mouseClick(panel.downloadButton(), Qt::LeftButton);
        QCOMPARE(download.count(), 1);
        QCOMPARE(download.at(0).at(0).value<BackupRecord>().id, QStringLiteral("b1"));
        QTest::mouseClick(panel.pinButton(), Qt::LeftButton);
        QCOMPARE(pin.count(), 1);
        QCOMPARE(pin.at(0).at(1).toBool(), false); // it was pinned: the click unpins
    }

    void restoreAndSyncRequests()
    {
        QuickActionsPanel panel;
        panel.setSite(
            site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer));
        panel.setRecord(backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::Completed, t0(), 10));
        QSignalSpy restore(&panel, &QuickActionsPanel::restoreRequested);
        QSignalSpy file(&panel, &QuickActionsPanel::restoreFromFileRequested);
        QSignalSpy sync(&panel, &QuickActionsPanel::syncRequested);
        QTest::mouseClick(panel.restoreButton(), Qt::LeftButton);
        QTest::mouseClick(panel.restoreFileButton(), Qt::LeftButton);
        QTest::mouseClick(panel.syncButton(), Qt::LeftButton);
        QCOMPARE(restore.count(), 1);
        QCOMPARE(restore.at(0).at(0).value<BackupRecord>().id, QStringLiteral("b1"));
        QCOMPARE(file.count(), 1);
        QCOMPARE(sync.count(), 1);
    }

    void basicTierCannotSync()
    {
        QuickActionsPanel panel;
        panel.setSite(site(QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("acme"), Tier::Basic));
        QVERIFY(!panel.syncButton()->isEnabled());
        QVERIFY(panel.syncButton()->toolTip().contains(QStringLiteral("developer tier")));
        QVERIFY(panel.restoreFileButton()->isEnabled());
    }

    void lockedEnvironmentSaysWhy()
    {
        QuickActionsPanel panel;
        panel.setSite(
            site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer));
        panel.setEnvironment(Environment::Prod);
        panel.setRecord(backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::Completed, t0(), 10));
        const QString why = QStringLiteral("acme-shop/prod is locked: an interrupted restore waits for its rollback");
        panel.setLockedEnvironments({ { Environment::Prod, why } });
        QVERIFY(!panel.createButton()->isEnabled());
        QCOMPARE(panel.createButton()->toolTip(), why);
        QVERIFY(!panel.restoreButton()->isEnabled());
        QCOMPARE(panel.restoreButton()->toolTip(), why);
        panel.setEnvironment(Environment::Dev); // another environment is free
        QVERIFY(panel.createButton()->isEnabled());
        panel.setLockedEnvironments({});
        QVERIFY(panel.restoreButton()->isEnabled());
    }

    void createRunsInSelectedEnvironmentOrAsks()
    {
        QuickActionsPanel panel;
        panel.show();
        panel.setSite(
            site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer));
        QSignalSpy create(&panel, &QuickActionsPanel::createBackupRequested);
        panel.setEnvironment(Environment::Stage);
        QTest::mouseClick(panel.createButton(), Qt::LeftButton);
        QCOMPARE(create.count(), 1);
        QCOMPARE(create.at(0).at(0).value<Environment>(), Environment::Stage);

        panel.setEnvironment(std::nullopt); // "All": ask
        QTest::mouseClick(panel.createButton(), Qt::LeftButton);
        QCOMPARE(create.count(), 1);
        QVERIFY(QTest::qWaitForWindowExposed(panel.environmentMenu()));
        QCOMPARE(panel.environmentMenu()->actions().size(), 3);
        auto *dev = panel.environmentMenu()->findChild<QAction *>(QStringLiteral("createIn_dev"));
        QVERIFY(dev);
        dev->trigger();
        QCOMPARE(create.count(), 2);
        QCOMPARE(create.at(1).at(0).value<Environment>(), Environment::Dev);
    }

    void showsLinkExpiryAndDownloadResult()
    {
        QuickActionsPanel panel;
        panel.showLink(QDateTime::currentDateTimeUtc().addSecs(900));
        QVERIFY(panel.statusLabel()->text().contains(QStringLiteral("expires")));
        panel.showDownloadResult(true, QStringLiteral("Saved and verified: /tmp/x.sql.gz"));
        QVERIFY(panel.statusLabel()->text().contains(QStringLiteral("/tmp/x.sql.gz")));
    }

    // The panel sits beside the backup table: what its labels say (the selection, a download's
    // result with a long path) must not change its width, or the table jumps on every click.
    void widthDoesNotFollowItsText()
    {
        QuickActionsPanel panel;
        panel.setSite(
            site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer));
        panel.setEnvironment(Environment::Prod);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int width = panel.sizeHint().width();
        const int minimum = panel.minimumSizeHint().width();
        panel.setRecord(backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::Completed, t0(), 10));
        QCOMPARE(panel.sizeHint().width(), width);
        QCOMPARE(panel.minimumSizeHint().width(), minimum);
        panel.showDownloadResult(true,
                                 QStringLiteral("Saved and verified: /home/support/Downloads/") + QString(80, u'x')
                                     + QStringLiteral(".sql.gz"));
        QCOMPARE(panel.sizeHint().width(), width);
        QCOMPARE(panel.minimumSizeHint().width(), minimum);
        panel.setRecord(BackupRecord());
        QCOMPARE(panel.sizeHint().width(), width);
        // The text wraps inside that width instead, on as many lines as it needs.
        panel.resize(width, panel.heightForWidth(width) > 0 ? panel.heightForWidth(width) : panel.sizeHint().height());
        QTRY_VERIFY(panel.statusLabel()->width() <= width);
        QLabel *status = panel.statusLabel();
        QVERIFY(status->hasHeightForWidth());
        QVERIFY2(
            status->height() >= status->heightForWidth(status->width()),
            qPrintable(QStringLiteral("%1 < %2").arg(status->height()).arg(status->heightForWidth(status->width()))));
        QVERIFY(status->heightForWidth(status->width()) > 2 * status->fontMetrics().height()); // wrapped
    }
};

QTEST_MAIN(TestQuickActionsPanel)
#include "TestQuickActionsPanel.moc"
