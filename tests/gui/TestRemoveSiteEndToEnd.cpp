// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Remove Site through the window's widgets against a real BackupService on an SQLite catalog
// and the local folder store (no external services): the dialog states the site's backups,
// refuses until the slug is typed and the backups are included, then the site, its
// environments, passwords and backup rows are gone, a site.remove audit entry is written, and
// the window shows the next site with the outcome in its banner.
#include "ConsoleConfigs.h"
#include "catalog/Catalog.h"
#include "mainwindow/MainWindow.h"
#include "operations/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "sites/RemoveSiteController.h"
#include "sites/RemoveSiteDialog.h"
#include "sites/SiteListWidget.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "widgets/MessageBanner.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

class TestRemoveSiteEndToEnd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    SystemClock m_clock;

    BackupServiceConfig config() const
    {
        BackupServiceConfig c = ConsoleConfigs::onLocalFolder(
            m_home.filePath(QStringLiteral("catalog.sqlite")), m_home.filePath(QStringLiteral("store")),
            QStringLiteral("gui-engineer"), QStringLiteral("gui-test-r"));
        c.heartbeatSeconds = 30;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void removeSiteWithBackups()
    {
        QString error;
        auto catalog = Catalog::open(config().catalog, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        QVERIFY(catalog->addSite(
            { QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("acme"), Tier::Basic, {} }));
        QVERIFY(catalog->addSite(
            { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
        EnvironmentConfig env;
        env.siteId = QStringLiteral("shop");
        env.environment = Environment::Prod;
        env.endpoint.host = QStringLiteral("db.example");
        env.endpoint.user = QStringLiteral("shop");
        env.endpoint.database = QStringLiteral("shop");
        QVERIFY(catalog->setEnvironment(env));
        InMemorySecretStore secrets;
        secrets.insert(env.secretKey(), QStringLiteral("s3cret"));
        for (int i = 0; i < 2; ++i) {
            const BackupRecord b = catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual,
                                                         QStringLiteral("bob"));
            QVERIFY(catalog->claimBackup(b.id, QStringLiteral("other-host:1:x"), 30));
            QVERIFY(catalog->failBackup(b.id, BackupStatus::Failed, QStringLiteral("Access denied")));
        }
        QCOMPARE(catalog->backups(QStringLiteral("shop")).size(), 2);

        AppSettings settings(m_home.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        BackupService service(config(), &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        window.setRefreshInterval(0);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy sitesLoaded(&service, &BackupService::sitesLoaded);
        service.start();
        QVERIFY(sitesLoaded.wait(30000));

        QAction *remove = window.actions().removeSite;
        QVERIFY(remove);
        QCOMPARE(remove, window.action(QStringLiteral("actionRemoveSite")));
        window.siteList()->selectSite(QStringLiteral("shop"));
        QTRY_COMPARE_WITH_TIMEOUT(window.sitePage()->site().id, QStringLiteral("shop"), 10000);
        QVERIFY(remove->isEnabled());
        remove->trigger();
        RemoveSiteDialog *dialog = window.removeSiteFlow()->dialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->backupCount(), 2, 10000);

        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        auto *check = dialog->findChild<QCheckBox *>(QStringLiteral("deleteBackupsCheck"));
        QTest::keyClicks(edit, QStringLiteral("shop"));
        QVERIFY(!dialog->removeButton()->isEnabled()); // the backups must go too
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(check->isChecked());
        QVERIFY(dialog->removeButton()->isEnabled());

        QSignalSpy removed(&service, &BackupService::siteRemoved);
        sitesLoaded.clear();
        QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
        QVERIFY(removed.wait(30000));
        QCOMPARE(removed.first().at(0).toString(), QStringLiteral("shop"));
        QCOMPARE(removed.first().at(1).toInt(), 2);
        QVERIFY(sitesLoaded.count() > 0 || sitesLoaded.wait(10000));

        // The window shows the next site, with the outcome in its banner.
        QTRY_VERIFY_WITH_TIMEOUT(!window.removeSiteFlow()->dialog(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.sitePage()->site().id, QStringLiteral("blog"), 10000);
        MessageBanner *banner = window.sitePage()->banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
        QCOMPARE(banner->kind(), MessageBanner::Kind::Success);
        QVERIFY2(banner->text().contains(QStringLiteral("shop")), qPrintable(banner->text()));

        // What `site rm shop --delete-backups --confirm shop` leaves: nothing of the site.
        QVERIFY(!catalog->site(QStringLiteral("shop")));
        QVERIFY(catalog->backups(QStringLiteral("shop")).isEmpty());
        QVERIFY(catalog->environments(QStringLiteral("shop")).isEmpty());
        QVERIFY(!secrets.contents().contains(env.secretKey()));
        QVERIFY(catalog->site(QStringLiteral("blog")));
        bool audited = false;
        for (const AuditEntry &entry : catalog->auditLog(QString(), 50)) {
            if (entry.action == QLatin1String("site.remove") && entry.siteId == QLatin1String("shop")) {
                QCOMPARE(entry.outcome, AuditOutcome::Success);
                QCOMPARE(entry.actor, QStringLiteral("gui-engineer"));
                audited = true;
            }
        }
        QVERIFY(audited);

        // The last site, without backups: removeSite() (no backups to delete), then the empty state.
        remove->trigger();
        dialog = window.removeSiteFlow()->dialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->site().id, QStringLiteral("blog"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->backupCount(), 0, 10000);
        check = dialog->findChild<QCheckBox *>(QStringLiteral("deleteBackupsCheck"));
        QVERIFY(!check->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), QStringLiteral("blog"));
        QVERIFY(dialog->removeButton()->isEnabled());
        removed.clear();
        QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
        QVERIFY(removed.wait(30000));
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!window.sitePage()->hasSite(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.sitePage()->addFirstSiteButton()->isVisible(), 10000);
        QVERIFY(!remove->isEnabled());
        QVERIFY(!catalog->site(QStringLiteral("blog")));
    }
};

QTEST_MAIN(TestRemoveSiteEndToEnd)
#include "TestRemoveSiteEndToEnd.moc"
