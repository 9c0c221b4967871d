// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The console's adapters for attention and cancel, on an SQLite catalog and the local folder
// store (no external services): the sidebar opens the Needs Attention page, which lists a failed
// backup and offers Retry Backup; the backup table's Cancel Backup on a backup another process
// runs stores a cancel request for that process.
#include "ConsoleConfigs.h"
#include "attention/AttentionModel.h"
#include "attention/AttentionPage.h"
#include "backups/BackupTableView.h"
#include "catalog/Catalog.h"
#include "mainwindow/MainWindow.h"
#include "operations/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

class TestMainWindowAttention : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    SystemClock m_clock;

    BackupServiceConfig config() const
    {
        BackupServiceConfig c = ConsoleConfigs::onLocalFolder(
            m_home.filePath(QStringLiteral("catalog.sqlite")), m_home.filePath(QStringLiteral("store")),
            QStringLiteral("gui-engineer"), QStringLiteral("gui-test-a"));
        c.heartbeatSeconds = 30;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void attentionPageAndCancel()
    {
        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        QVERIFY(catalog->addSite(
            { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
        AppSettings settings(m_home.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        InMemorySecretStore secrets;
        BackupService service(config(), &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        window.setRefreshInterval(0);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy attention(&service, &BackupService::attentionLoaded);
        QSignalSpy shown(&window, &MainWindow::backupsShown);
        service.start();
        QVERIFY(attention.wait(30000)); // the first refresh asks too
        QVERIFY(attention.last().at(0).value<QVector<AttentionItem>>().isEmpty());

        // Empty state first.
        auto *button = window.findChild<QPushButton *>(QStringLiteral("attentionButton"));
        QVERIFY(button);
        AttentionPage *page = window.attentionPage();
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("rightStack"));
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(stack->currentWidget(), page);
        QVERIFY(attention.wait(10000));
        QVERIFY(page->findChild<QWidget *>(QStringLiteral("attentionEmptyState"))->isVisible());

        // A failed backup of shop/dev, and a prod backup that "another process" runs.
        const BackupRecord failed = catalog->createBackup(QStringLiteral("shop"), Environment::Dev, BackupType::Manual,
                                                          QStringLiteral("bob"));
        QVERIFY(catalog->claimBackup(failed.id, QStringLiteral("other-host:1:x"), 30));
        QVERIFY(catalog->failBackup(failed.id, BackupStatus::Failed, QStringLiteral("Access denied")));
        const BackupRecord running = catalog->createBackup(QStringLiteral("shop"), Environment::Prod,
                                                           BackupType::Manual, QStringLiteral("bob"));
        QVERIFY(catalog->claimBackup(running.id, QStringLiteral("other-host:2:y"), 30));

        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("attentionRefreshButton")), Qt::LeftButton);
        QVERIFY(attention.wait(10000));
        QCOMPARE(page->proxy()->rowCount(), 1);
        QVERIFY(page->view()->isVisible());
        const QModelIndex row = page->proxy()->index(0, AttentionModel::SiteColumn);
        QCOMPARE(row.data().toString(), QStringLiteral("Shop"));
        QCOMPARE(page->proxy()->index(0, AttentionModel::ProblemColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(row.data(AttentionModel::RecordRole).value<AttentionItem>().backup.id, failed.id);
        QVERIFY(button->text().contains(u'1'));

        // Open Site goes to the site's page.
        page->view()->selectRow(0);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("attentionOpenSiteButton")), Qt::LeftButton);
        QCOMPARE(stack->currentWidget(), window.sitePage());
        QVERIFY(shown.count() > 0 || shown.wait(10000));
        QCOMPARE(window.sitePage()->site().id, QStringLiteral("shop"));

        // Cancel Backup from the table on the backup the other process runs: the request is
        // stored for its runner, with the console's actor; the row stays In Progress until then.
        QSignalSpy requested(&service, &BackupService::backupCancelRequested);
        BackupRecord shownRunning = running;
        shownRunning.status = BackupStatus::InProgress;
        emit window.sitePage()->table()->actionRequested(BackupTableView::Action::Cancel, shownRunning);
        QVERIFY(requested.wait(10000));
        QCOMPARE(requested.first().at(0).toString(), running.id);
        const auto row2 = catalog->backup(running.id);
        QCOMPARE(row2->status, BackupStatus::InProgress);
        QCOMPARE(row2->cancelRequestedBy, QStringLiteral("gui-engineer"));
        const QVector<AuditEntry> audit = catalog->auditLog(QStringLiteral("shop"), 1);
        QCOMPARE(audit.value(0).action, QStringLiteral("backup.cancel"));
        QCOMPARE(audit.value(0).actor, QStringLiteral("gui-engineer"));
    }
};

QTEST_MAIN(TestMainWindowAttention)
#include "TestMainWindowAttention.moc"
