// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "actions/QuickActionsPanel.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupTableView.h"
#include "jobs/JobsPanel.h"
#include "mainwindow/MainWindow.h"
#include "sites/RemoveSiteController.h"
#include "sites/RemoveSiteDialog.h"
#include "sites/SiteListWidget.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        MainWindow window(nullptr, nullptr, nullptr);
        QCOMPARE(window.objectName(), QStringLiteral("MainWindow"));
        QCOMPARE(window.windowTitle(), QStringLiteral("Creodrop Backups"));
        QVERIFY(window.centralWidget() != nullptr);
        QVERIFY(window.siteList());
        QVERIFY(window.sitePage());
        QVERIFY(window.jobsPanel());
        // Main actions have shortcuts.
        for (const char *name : { "actionCreateBackup", "actionDownload", "actionCopyLink", "actionDelete",
                                  "actionRefresh", "actionFindSite", "actionSettings", "actionEnvDev" }) {
            QAction *a = window.action(QString::fromLatin1(name));
            QVERIFY2(a, name);
            QVERIFY2(!a->shortcut().isEmpty(), name);
        }
        QVERIFY(!window.action(QStringLiteral("actionCreateBackup"))->isEnabled()); // no site yet
        QVERIFY(!window.actions().removeSite->isEnabled());
    }

    // Remove Site… is in the Site menu, acts on the shown site and opens the typed confirmation.
    void removeSiteActionFollowsTheSelection()
    {
        MainWindow window(nullptr, nullptr, nullptr);
        QAction *remove = window.actions().removeSite;
        QCOMPARE(window.action(QStringLiteral("actionRemoveSite")), remove);
        bool inSiteMenu = false;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(remove))
                inSiteMenu = menu->text() == QLatin1String("&Site");
        }
        QVERIFY(inSiteMenu);
        const Site site = GuiTestData::site(QStringLiteral("acme-shop"), QStringLiteral("Acme Shop"),
                                            QStringLiteral("acme"), Tier::Developer);
        window.siteList()->setSites({ site }, {});
        window.siteList()->selectSite(site.id);
        QCOMPARE(window.sitePage()->site().id, site.id);
        QVERIFY(remove->isEnabled());
        remove->trigger();
        RemoveSiteDialog *dialog = window.removeSiteFlow()->dialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->site().id, site.id);
        QVERIFY(!dialog->removeButton()->isEnabled());
        QVERIFY(dialog->cancelButton()->isDefault());
    }

    void firstRunAndWindowStateSaved()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        QSize saved;
        {
            MainWindow window(nullptr, &settings, nullptr);
            window.show();
            QVERIFY(window.findChild<QWidget *>(QStringLiteral("FirstRunPage"))->isVisible());
            // A size other than the default and above the window's minimum (set by the site
            // page's tabs and the jobs dock), so what comes back can only come from the settings.
            saved = window.minimumSizeHint().expandedTo(QSize(900, 640)) + QSize(20, 20);
            QVERIFY(saved != QSize(1200, 760));
            window.resize(saved);
            window.close();
        }
        MainWindow again(nullptr, &settings, nullptr);
        QCOMPARE(again.size(), saved);
    }

    // At the default window size every column of the table shows its header and its values
    // whole ("Created by" was cut off): no section narrower than what it holds, none past the
    // right edge.
    void columnsFitTheDefaultWindow()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        MainWindow window(nullptr, &settings, nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const Site site = GuiTestData::site(QStringLiteral("acme-shop"), QStringLiteral("Acme Shop"),
                                            QStringLiteral("acme"), Tier::Developer);
        window.sitePage()->setSite(site);
        QVector<BackupRecord> backups;
        for (BackupRecord r : GuiTestData::fiveBackups()) {
            if (r.status == BackupStatus::InProgress)
                continue; // progress text elides by design (the bar shows it)
            r.createdBy = QStringLiteral("maria.schneider");
            r.type = BackupType::Scheduled;
            backups.append(r);
        }
        BackupTableView *table = window.sitePage()->table();
        table->backupModel()->setBackups(site.id, backups);
        QTRY_VERIFY(table->isVisible());
        QHeaderView *header = table->horizontalHeader();
        for (int column = 0; column < BackupTableModel::ColumnCount; ++column) {
            const int needed = std::max(header->sectionSizeHint(column),
                                        static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column));
            QVERIFY2(
                header->sectionSize(column) >= needed,
                qPrintable(
                    QStringLiteral("column %1: %2 < %3").arg(column).arg(header->sectionSize(column)).arg(needed)));
        }
        const int last = BackupTableModel::ColumnCount - 1;
        QVERIFY2(header->sectionPosition(last) + header->sectionSize(last) <= table->viewport()->width(),
                 qPrintable(QStringLiteral("%1 + %2 > %3")
                                .arg(header->sectionPosition(last))
                                .arg(header->sectionSize(last))
                                .arg(table->viewport()->width())));
        QVERIFY(!table->horizontalScrollBar()->isVisible());
    }

    void emptyStatesOfferTheNextStep()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        MainWindow window(nullptr, &settings, nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SitePage *page = window.sitePage();
        page->setHaveSites(false);
        QVERIFY(page->addFirstSiteButton()->isVisible());
        QSignalSpy add(page, &SitePage::addSiteRequested);
        QTest::mouseClick(page->addFirstSiteButton(), Qt::LeftButton);
        QCOMPARE(add.count(), 1);

        const Site site = GuiTestData::site(QStringLiteral("acme-shop"), QStringLiteral("Acme Shop"),
                                            QStringLiteral("acme"), Tier::Developer);
        page->setHaveSites(true);
        page->setSite(site);
        page->setLoading(false);
        QVERIFY(page->emptyBackupsState()->isVisible()); // no backups at all
        page->table()->backupModel()->setBackups(site.id, GuiTestData::fiveBackups());
        QVERIFY(!page->emptyBackupsState()->isVisible());
        page->setEnvironment(Environment::Stage);
        QVERIFY(!page->emptyBackupsState()->isVisible()); // one failed stage backup
        page->table()->backupModel()->removeBackup(QStringLiteral("b3"));
        QVERIFY(page->emptyBackupsState()->isVisible()); // none left in stage
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("emptyBackupsText"))->text().contains(site.id));
        // Its Create Backup is the panel's: it backs up the environment shown.
        QSignalSpy create(page->actions(), &QuickActionsPanel::createBackupRequested);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("emptyCreateBackupButton")), Qt::LeftButton);
        QCOMPARE(create.count(), 1);
        QCOMPARE(create.at(0).at(0).value<Environment>(), Environment::Stage);
    }

    // The local folder store cannot make links: Copy Download Link is disabled everywhere, and
    // says why and what to do, instead of failing with a Retry that can never work.
    void localStoreDisablesLinks()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        MainWindow window(nullptr, &settings, nullptr);
        const Site site = GuiTestData::site(QStringLiteral("acme-shop"), QStringLiteral("Acme Shop"),
                                            QStringLiteral("acme"), Tier::Developer);
        SitePage *page = window.sitePage();
        page->setSite(site);
        page->table()->backupModel()->setBackups(site.id, GuiTestData::fiveBackups());
        QVERIFY(page->table()->selectBackup(QStringLiteral("b4"))); // completed
        QPushButton *link = page->actions()->linkButton();
        QVERIFY(link->isEnabled());
        QVERIFY(window.actions().copyLink->isEnabled());

        window.setStorageKind(StorageKind::Local);
        QVERIFY(!link->isEnabled());
        QVERIFY(!window.actions().copyLink->isEnabled());
        QVERIFY(link->toolTip().contains(QStringLiteral("Settings")));
        QVERIFY(window.actions().copyLink->toolTip().contains(QStringLiteral("R2")));
        QVERIFY(page->actions()->downloadButton()->isEnabled()); // what it can do stays
        QVERIFY(page->table()->selectBackup(QStringLiteral("b1")));
        QVERIFY(!link->isEnabled());

        window.setStorageKind(StorageKind::S3);
        QVERIFY(link->isEnabled());
        QVERIFY(window.actions().copyLink->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
