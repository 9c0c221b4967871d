// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The console end to end against the real MariaDB and S3 server, driven only through the
// widgets: open the demo site, select dev, click Create Backup, watch Pending -> In Progress ->
// Completed with a size in the table, filter by environment, download through the Quick
// Actions and check the file's SHA-256.
#include "ConsoleConfigs.h"
#include "TestServices.h"
#include "actions/QuickActionsPanel.h"
#include "backups/BackupDetailsDialog.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupTableView.h"
#include "catalog/Catalog.h"
#include "jobs/BackupManifest.h"
#include "jobs/JobsPanel.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/ServiceHost.h"
#include "operations/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "settings/SettingsDialog.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListWidget.h"
#include "sites/SitePage.h"
#include "storage/LocalFolderStore.h"
#include "storage/StoreJob.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "widgets/Format.h"
#include "widgets/MessageBanner.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>
#include <functional>

class TestMainWindowEndToEnd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_database;
    QString m_siteId;
    QString m_overdueSiteId;
    QString m_customer;
    SystemClock m_clock;

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_home.isValid());
        qputenv("CREODROP_HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);

        // A small shop database to back up.
        m_database = TestServices::createScratchDatabase(QStringLiteral("gui_e2e"));
        QString error;
        {
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("e2e-setup"), m_database, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, customer "
                                           "VARCHAR(64), total DECIMAL(10,2), note TEXT)")),
                     qPrintable(q.lastError().text()));
            for (int i = 0; i < 20; ++i) {
                QVERIFY(q.exec(QStringLiteral("INSERT INTO orders (customer, total, note) VALUES ('c%1', %1.25, "
                                              "REPEAT('x', 500))")
                                   .arg(i)));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("e2e-setup"));

        // The demo developer-tier site, with unique slugs so parallel runs never share keys.
        const QString unique = QString::number(QCoreApplication::applicationPid());
        m_siteId = QStringLiteral("demo-shop-") + unique;
        m_customer = QStringLiteral("gui-e2e-") + unique;
        CatalogLocation location;
        location.sqlitePath = AppSettings::defaultCatalogPath();
        std::unique_ptr<Catalog> catalog = Catalog::open(location, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        Site site;
        site.id = m_siteId;
        site.name = QStringLiteral("Demo Shop");
        site.customer = m_customer;
        site.tier = Tier::Developer;
        QVERIFY2(catalog->addSite(site), qPrintable(catalog->lastError()));
        const TestServices::MySql mysql = TestServices::mysql();
        EnvironmentConfig dev;
        dev.siteId = m_siteId;
        dev.environment = Environment::Dev;
        dev.endpoint.host = mysql.host;
        dev.endpoint.port = mysql.port;
        dev.endpoint.user = mysql.user;
        dev.endpoint.database = m_database;
        QVERIFY2(catalog->setEnvironment(dev), qPrintable(catalog->lastError()));

        // A second site whose daily schedule never produced a backup: overdue (sorted after the
        // demo site, which the window opens first).
        m_overdueSiteId = QStringLiteral("zz-overdue-") + unique;
        Site overdue = site;
        overdue.id = m_overdueSiteId;
        overdue.name = QStringLiteral("Overdue Blog");
        overdue.tier = Tier::Basic;
        QVERIFY2(catalog->addSite(overdue), qPrintable(catalog->lastError()));
        Schedule daily;
        daily.siteId = m_overdueSiteId;
        daily.environment = Environment::Prod;
        daily.timeUtc = QTime(2, 0);
        daily.createdAt = QDateTime::currentDateTimeUtc().addDays(-3);
        QVERIFY2(catalog->setSchedule(daily), qPrintable(catalog->lastError()));
    }

    void cleanupTestCase()
    {
        if (!m_database.isEmpty())
            TestServices::dropDatabase(m_database);
    }

    void backupAndDownloadThroughTheWidgets()
    {
        const TestServices::MySql mysql = TestServices::mysql();
        const TestServices::S3 s3 = TestServices::s3();
        InMemorySecretStore secrets;
        secrets.insert(QStringLiteral("mysql/%1/dev").arg(m_siteId), mysql.password);
        const BackupServiceConfig config = ConsoleConfigs::onTestS3(
            AppSettings::defaultCatalogPath(), QStringLiteral("e2e-engineer"), QStringLiteral("gui-e2e"));

        AppSettings settings(m_home.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        BackupService service(config, &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        const QString target = m_home.filePath(QStringLiteral("downloaded.sql.gz"));
        int chooserCalls = 0;
        window.setSavePathChooser([&](const QString &suggested, std::function<void(const QString &)> done) {
            ++chooserCalls;
            QVERIFY(suggested.endsWith(QStringLiteral(".sql.gz")));
            done(target);
        });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The window selects the only site by itself once the catalog answered.
        QSignalSpy shown(&window, &MainWindow::backupsShown);
        QSignalSpy serviceErrors(&service, &BackupService::error);
        service.start();
        QVERIFY(shown.wait(20000));
        QCOMPARE(shown.last().at(0).toString(), m_siteId);
        SitePage *page = window.sitePage();
        QCOMPARE(page->site().id, m_siteId);
        QCOMPARE(window.siteList()->currentSiteId(), m_siteId);
        QCOMPARE(page->findChild<QLabel *>(QStringLiteral("siteName"))->text(), QStringLiteral("Demo Shop"));

        // Select dev, then Create Backup.
        QTest::mouseClick(page->environmentButton(Environment::Dev), Qt::LeftButton);
        QCOMPARE(page->environment(), std::optional(Environment::Dev));
        BackupTableView *table = page->table();
        QAbstractItemModel *view = table->model();
        QStringList seen; // statuses as the table showed them, in order
        auto record = [&] {
            for (int row = 0; row < view->rowCount(); ++row) {
                const BackupRecord r = view->index(row, 0).data(BackupTableModel::RecordRole).value<BackupRecord>();
                const QString status = Backups::statusToString(r.status);
                if (seen.isEmpty() || seen.last() != status)
                    seen << status;
            }
        };
        connect(view, &QAbstractItemModel::rowsInserted, this, record);
        connect(view, &QAbstractItemModel::dataChanged, this, record);
        QSignalSpy finished(&service, &BackupService::jobFinished);
        QuickActionsPanel *actions = page->actions();
        QVERIFY(actions->createButton()->isEnabled());
        QTest::mouseClick(actions->createButton(), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY2(serviceErrors.isEmpty(),
                 serviceErrors.isEmpty() ? "" : qPrintable(serviceErrors.first().at(1).toString()));
        const JobOutcome outcome = finished.first().at(0).value<JobOutcome>();
        QVERIFY2(outcome.success, qPrintable(outcome.message));
        QTRY_COMPARE_WITH_TIMEOUT(seen.last(), QStringLiteral("completed"), 10000);
        QCOMPARE(seen.first(), QStringLiteral("pending"));
        QVERIFY2(seen.contains(QStringLiteral("in_progress")), qPrintable(seen.join(QLatin1Char(','))));
        QCOMPARE(view->rowCount(), 1);
        const QModelIndex size = view->index(0, BackupTableModel::SizeColumn);
        QVERIFY(size.data().toString() != QStringLiteral("—"));
        QVERIFY(size.data(BackupTableModel::SortRole).toLongLong() > 0);
        QCOMPARE(view->index(0, BackupTableModel::CreatedByColumn).data().toString(), QStringLiteral("e2e-engineer"));
        const BackupRecord done = view->index(0, 0).data(BackupTableModel::RecordRole).value<BackupRecord>();
        QCOMPARE(done.environment, Environment::Dev);
        QCOMPARE(done.sha256.size(), 64);

        // Filter by environment: prod has none, All and dev show it.
        QTest::mouseClick(page->environmentButton(Environment::Prod), Qt::LeftButton);
        QCOMPARE(view->rowCount(), 0);
        QTest::mouseClick(page->environmentButton(std::nullopt), Qt::LeftButton);
        QCOMPARE(view->rowCount(), 1);
        QTest::mouseClick(page->environmentButton(Environment::Dev), Qt::LeftButton);
        QCOMPARE(view->rowCount(), 1);

        // Download through the Quick Actions; the service verifies, we check the hash too.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(view->index(0, 1)).center());
        QCOMPARE(table->currentRecord().id, done.id);
        QTRY_VERIFY(actions->downloadButton()->isEnabled());
        finished.clear();
        QTest::mouseClick(actions->downloadButton(), Qt::LeftButton);
        QCOMPARE(chooserCalls, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        const JobOutcome download = finished.first().at(0).value<JobOutcome>();
        QCOMPARE(download.kind, JobKind::Download);
        QVERIFY2(download.success, qPrintable(download.message));
        QVERIFY(actions->statusLabel()->text().contains(target));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QVERIFY(hash.addData(&file));
        QCOMPARE(QString::fromLatin1(hash.result().toHex()), done.sha256);
        QCOMPARE(file.size(), done.sizeBytes);
        file.close();

        // The same path again: replacing a file is destructive, so the console asks. Cancel
        // starts nothing; Yes replaces the file.
        auto question = [&window]() -> QMessageBox * {
            for (QMessageBox *box : window.findChildren<QMessageBox *>(QStringLiteral("confirmOverwrite"))) {
                if (box->isVisible())
                    return box;
            }
            return nullptr;
        };
        for (const bool replace : { false, true }) {
            finished.clear();
            QTest::mouseClick(actions->downloadButton(), Qt::LeftButton);
            QMessageBox *box = nullptr;
            QTRY_VERIFY((box = question()) != nullptr);
            QVERIFY(box->text().contains(target));
            box->button(replace ? QMessageBox::Yes : QMessageBox::Cancel)->click();
        }
        QCOMPARE(chooserCalls, 3);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        for (const QVariantList &args : std::as_const(finished)) {
            const JobOutcome o = args.at(0).value<JobOutcome>();
            QVERIFY2(o.success, qPrintable(o.message)); // a started "Cancel" would fail: the file exists
        }
        QCOMPARE(QFileInfo(target).size(), done.sizeBytes);

        // Details: the manifest comes from storage, with the table and its row count.
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(view->index(0, 1)).center());
        BackupDetailsDialog *details = nullptr;
        QTRY_VERIFY((details = window.findChild<BackupDetailsDialog *>()) != nullptr);
        QCOMPARE(details->record().id, done.id);
        QTRY_COMPARE_WITH_TIMEOUT(details->tablesView()->topLevelItemCount(), 1, 20000);
        QCOMPARE(details->tablesView()->topLevelItem(0)->text(0), QStringLiteral("orders"));
        QCOMPARE(details->tablesView()->topLevelItem(0)->data(1, Qt::DisplayRole).toLongLong(), 20);
        QVERIFY(details->fieldText(QStringLiteral("serverField")).contains(QStringLiteral("MariaDB")));
        details->close();

        // Attention marks: the overdue site is marked, the demo site (no schedule) is not.
        QAbstractItemModel *sites = window.siteList()->view()->model();
        auto attention = [&](const QString &id) {
            for (int row = 0; row < sites->rowCount(); ++row) {
                const QModelIndex index = sites->index(row, 0);
                if (index.data(SiteListModel::IdRole).toString() == id)
                    return index.data(SiteListModel::AttentionRole).toBool() ? 1 : 0;
            }
            return -1;
        };
        QCOMPARE(attention(m_overdueSiteId), 1);
        QCOMPARE(attention(m_siteId), 0);

        // Settings > Storage > Test Connection against the real S3 server: the right secret
        // connects, a wrong one is rejected with the storage's own explanation.
        window.action(QStringLiteral("actionSettings"))->trigger();
        SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SettingsDialog *>()) != nullptr);
        dialog->findChild<QComboBox *>(QStringLiteral("storageKind"))->setCurrentIndex(1);
        dialog->findChild<QLineEdit *>(QStringLiteral("storageEndpoint"))->setText(s3.endpoint);
        dialog->findChild<QLineEdit *>(QStringLiteral("storageRegion"))->setText(s3.region);
        dialog->findChild<QLineEdit *>(QStringLiteral("storageBucket"))->setText(s3.bucket);
        dialog->findChild<QLineEdit *>(QStringLiteral("storageAccessKeyId"))->setText(s3.accessKeyId);
        dialog->findChild<QCheckBox *>(QStringLiteral("storagePathStyle"))->setChecked(true);
        dialog->secretKeyField()->setText(s3.secretAccessKey);
        auto *testButton = dialog->findChild<QPushButton *>(QStringLiteral("testStorageButton"));
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("storageTestResult"));
        QTest::mouseClick(testButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("✔")), 30000);
        QVERIFY(!result->text().contains(s3.secretAccessKey));
        dialog->secretKeyField()->setText(QStringLiteral("wrong-secret-for-the-test"));
        QTest::mouseClick(testButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("✘")), 30000);
        QVERIFY2(result->text().contains(QStringLiteral("credentials were rejected")), qPrintable(result->text()));
        dialog->reject();
        window.close();
    }

    // A deletion that another process began and did not finish (it was killed) shows as Deleting
    // once the table is refreshed, with Delete the only action for it; Site > Rescan Storage
    // finds its file still in storage and lists it as completed again. The catalog and the folder
    // store are this test's own, so the rescan sees only what it put there.
    void unfinishedDeletionShowsDeletingUntilRescanned()
    {
        const QString storePath = m_home.filePath(QStringLiteral("store-rescan"));
        const QString siteId = QStringLiteral("rescan-shop-%1").arg(QCoreApplication::applicationPid());
        const QString backupId = QStringLiteral("20261201T010203004Z-0badcafe");
        BackupManifest manifest;
        manifest.backupId = backupId;
        manifest.siteId = siteId;
        manifest.siteName = QStringLiteral("Rescan Shop");
        manifest.customer = QStringLiteral("rescan");
        manifest.environment = Environment::Prod;
        manifest.createdAt = QDateTime(QDate(2026, 12, 1), QTime(1, 2, 3, 4), Qt::UTC);
        manifest.objectKey = Catalog::objectKey(manifest.customer, siteId, Environment::Prod, backupId);
        const QByteArray dump = QByteArrayLiteral("not really gzip: the rescan checks sizes, not content");
        manifest.sizeBytes = dump.size();
        manifest.rawSizeBytes = dump.size();
        manifest.sha256 = QString::fromLatin1(QCryptographicHash::hash(dump, QCryptographicHash::Sha256).toHex());
        {
            LocalFolderStore store(storePath);
            for (const auto &[key, data] : { std::pair(manifest.objectKey, dump),
                                             std::pair(Catalog::manifestKey(manifest.objectKey), manifest.toJson()) }) {
                StoreJob *put = store.putData(key, data);
                QSignalSpy done(put, &Job::finished);
                put->start();
                QVERIFY(!done.isEmpty() || done.wait(10000));
                QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
            }
        }

        const BackupServiceConfig config
            = ConsoleConfigs::onLocalFolder(m_home.filePath(QStringLiteral("rescan-catalog.sqlite")), storePath);
        InMemorySecretStore secrets;
        AppSettings settings(m_home.filePath(QStringLiteral("settings-rescan.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        BackupService service(config, &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&service, &BackupService::ready);
        service.start();
        QVERIFY(!ready.isEmpty() || ready.wait(20000));

        // An empty catalog: the rescan brings the site and its backup back.
        QAction *rescan = window.actions().rescanStorage;
        QVERIFY(rescan->isEnabled());
        rescan->trigger();
        QVERIFY(!rescan->isEnabled()); // one rescan at a time
        QTRY_VERIFY_WITH_TIMEOUT(rescan->isEnabled(), 20000);
        const QString summary = QStringLiteral("Storage rescanned: 1 manifest read, 1 backup written to the catalog, "
                                               "1 site recreated.");
        QCOMPARE(window.statusBar()->currentMessage(), summary);
        window.siteList()->selectSite(siteId);
        SitePage *page = window.sitePage();
        QTRY_COMPARE_WITH_TIMEOUT(page->site().id, siteId, 10000);
        BackupTableView *table = page->table();
        QAbstractItemModel *view = table->model();
        auto shownStatus = [&] {
            return view->rowCount() == 1
                ? view->index(0, 0).data(BackupTableModel::RecordRole).value<BackupRecord>().status
                : BackupStatus::Pending;
        };
        QTRY_COMPARE_WITH_TIMEOUT(shownStatus(), BackupStatus::Completed, 10000);

        {
            CatalogLocation location;
            location.sqlitePath = config.catalog.sqlitePath;
            QString error;
            const auto other = Catalog::open(location, &m_clock, &error);
            QVERIFY2(other, qPrintable(error));
            QVERIFY2(other->markDeleting(backupId), qPrintable(other->lastError()));
        }
        window.actions().refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(shownStatus(), BackupStatus::Deleting, 10000);
        QCOMPARE(view->index(0, BackupTableModel::StatusColumn).data().toString(),
                 Format::status(BackupStatus::Deleting));
        QVERIFY(!view->index(0, BackupTableModel::StatusColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(view->index(0, 1)).center());
        QCOMPARE(table->currentRecord().id, backupId);
        QuickActionsPanel *actions = page->actions();
        QTRY_VERIFY(actions->deleteButton()->isEnabled());
        QVERIFY(!actions->downloadButton()->isEnabled());
        QVERIFY(!actions->verifyButton()->isEnabled());
        QVERIFY(!actions->restoreButton()->isEnabled());

        rescan->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(rescan->isEnabled(), 20000);
        QCOMPARE(page->banner()->text(),
                 summary.left(summary.indexOf(u','))
                     + QStringLiteral(", 1 backup written to the catalog, 0 sites recreated."));
        QCOMPARE(page->banner()->kind(), MessageBanner::Kind::Success);
        QTRY_COMPARE_WITH_TIMEOUT(shownStatus(), BackupStatus::Completed, 10000);

        // Its file gone behind the catalog's back: the rescan says so in a warning banner, the
        // backup named, rather than a plain success.
        QVERIFY(QFile::remove(QDir(storePath).filePath(manifest.objectKey)));
        rescan->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(rescan->isEnabled(), 20000);
        QCOMPARE(page->banner()->kind(), MessageBanner::Kind::Warning);
        const QString warned = page->banner()->text();
        QVERIFY2(warned.startsWith(QStringLiteral("Storage rescanned: 1 manifest read, 0 backups written to the "
                                                  "catalog, 0 sites recreated. 2 warnings: ")),
                 qPrintable(warned));
        QVERIFY2(warned.contains(QStringLiteral("Backup %1 is in the catalog but its object %2 is missing")
                                     .arg(backupId, manifest.objectKey)),
                 qPrintable(warned));
        QVERIFY2(
            warned.contains(
                QStringLiteral("Skipped %1: its dump object is missing").arg(Catalog::manifestKey(manifest.objectKey))),
            qPrintable(warned));

        // More warnings than the banner names: the first three, and how many more the Audit Log has.
        {
            LocalFolderStore store(storePath);
            for (const char *name : { "broken-a", "broken-b" }) {
                StoreJob *put
                    = store.putData(QStringLiteral("customers/rescan/%1/prod/%2.json").arg(siteId, QLatin1String(name)),
                                    QByteArrayLiteral("{ not a manifest"));
                QSignalSpy done(put, &Job::finished);
                put->start();
                QVERIFY(!done.isEmpty() || done.wait(10000));
                QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
            }
        }
        rescan->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(rescan->isEnabled(), 20000);
        QCOMPARE(page->banner()->kind(), MessageBanner::Kind::Warning);
        const QString many = page->banner()->text();
        QVERIFY2(many.contains(QLatin1String(" 4 warnings: ")), qPrintable(many));
        QVERIFY2(many.endsWith(QLatin1String(" 1 more in the Audit Log.")), qPrintable(many));
        QCOMPARE(many.count(QLatin1String("Skipped ")), 2);

        // Delete asks in the window's own box (the real one, no test hook), without an event loop
        // of its own: the click returns at once, the box stays open, and only its Delete button
        // deletes.
        auto confirmBox = [&window]() -> QMessageBox * {
            for (QMessageBox *box : window.findChildren<QMessageBox *>(QStringLiteral("confirmDestructive"))) {
                if (box->isVisible())
                    return box;
            }
            return nullptr;
        };
        QTRY_VERIFY(actions->deleteButton()->isEnabled());
        for (const bool confirmed : { false, true }) {
            QTest::mouseClick(actions->deleteButton(), Qt::LeftButton);
            QMessageBox *box = confirmBox();
            QVERIFY(box);
            QCOMPARE(box->windowModality(), Qt::WindowModal);
            QVERIFY2(box->text().startsWith(QStringLiteral("Delete the manual backup of %1 / prod from ").arg(siteId)),
                     qPrintable(box->text()));
            QAbstractButton *answer = box->button(QMessageBox::Cancel);
            if (confirmed) {
                const auto buttons = box->buttons();
                const auto it = std::find_if(buttons.cbegin(), buttons.cend(), [box](QAbstractButton *b) {
                    return box->buttonRole(b) == QMessageBox::DestructiveRole;
                });
                QVERIFY(it != buttons.cend());
                answer = *it;
            }
            answer->click();
            QTRY_VERIFY(!confirmBox());
            if (!confirmed) {
                QTest::qWait(300);
                QCOMPARE(view->rowCount(), 1);
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 0, 20000);
        window.close();
    }

    // The console applies its schedules' retention on its own (here at start: "keep 1" of two
    // completed scheduled backups); what went is named in the status bar (no site shown yet), in
    // the site page's banner once one is, and leaves the table.
    void retentionIsNamedWhereverItRuns()
    {
        BackupServiceConfig config
            = ConsoleConfigs::onLocalFolder(m_home.filePath(QStringLiteral("retention-catalog.sqlite")),
                                            m_home.filePath(QStringLiteral("retention-store")));
        config.runSchedules = true;
        const QString siteId = QStringLiteral("keep-one");
        QStringList ids; // oldest first
        {
            CatalogLocation location;
            location.sqlitePath = config.catalog.sqlitePath;
            QString error;
            const auto catalog = Catalog::open(location, &m_clock, &error);
            QVERIFY2(catalog, qPrintable(error));
            QVERIFY(
                catalog->addSite(Site{ siteId, QStringLiteral("Keep One"), QStringLiteral("keep"), Tier::Basic, {} }));
            Schedule schedule;
            schedule.siteId = siteId;
            schedule.environment = Environment::Prod;
            schedule.timeUtc = QTime::currentTime().addSecs(-3600); // due tomorrow, not now
            schedule.keepLast = 1;
            QVERIFY(catalog->setSchedule(schedule));
            for (int i = 0; i < 2; ++i) {
                const BackupRecord r = catalog->createBackup(siteId, Environment::Prod, BackupType::Scheduled,
                                                             QStringLiteral("scheduler"));
                QVERIFY(catalog->claimBackup(r.id, QStringLiteral("w")));
                QVERIFY(catalog->completeBackup(r.id, QStringLiteral("w"), 10, 20, QString(64, u'e')));
                ids << r.id;
                QTest::qWait(5); // ids and times in order
            }
        }
        InMemorySecretStore secrets;
        AppSettings settings(m_home.filePath(QStringLiteral("settings-retention.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        BackupService service(config, &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        service.start();
        SitePage *page = window.sitePage();
        const QString expected = QStringLiteral("Retention deleted 1 backup (scheduled ones their schedule no longer "
                                                "keeps, pre-restore and pre-sync ones older than 7 days): %1.")
                                     .arg(ids.first());
        // At start no site is shown yet: the status bar keeps the message until another replaces it.
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(), expected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(page->site().id, siteId, 10000);
        QAbstractItemModel *view = page->table()->model();
        QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 1, 10000);
        QCOMPARE(view->index(0, 0).data(BackupTableModel::RecordRole).value<BackupRecord>().id, ids.last());

        // With a site shown, the site page's banner says it too (here Site > Apply Retention).
        {
            CatalogLocation location;
            location.sqlitePath = config.catalog.sqlitePath;
            QString error;
            const auto catalog = Catalog::open(location, &m_clock, &error);
            QVERIFY2(catalog, qPrintable(error));
            const BackupRecord r
                = catalog->createBackup(siteId, Environment::Prod, BackupType::Scheduled, QStringLiteral("scheduler"));
            QVERIFY(catalog->claimBackup(r.id, QStringLiteral("w")));
            QVERIFY(catalog->completeBackup(r.id, QStringLiteral("w"), 10, 20, QString(64, u'f')));
            ids << r.id;
        }
        window.actions().refresh->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 2, 10000);
        QAction *apply = window.actions().applyRetention;
        QStringList asked;
        QString text;
        std::function<void(bool)> reply; // the question stays open until the test answers it
        window.setConfirmer([&](const QString &title, const QString &question, std::function<void(bool)> answer) {
            asked << title;
            text = question;
            reply = std::move(answer);
        });
        // The question names what would go (the older of the two) and nothing else.
        apply->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked, QStringList{ QStringLiteral("Apply Retention") }, 10000);
        QVERIFY2(text.startsWith(QLatin1String("Delete this backup now?")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("keep-one / prod: Scheduled backup of ")) && text.contains(ids.at(1)),
                 qPrintable(text));
        QVERIFY2(!text.contains(ids.at(2)), qPrintable(text));
        QVERIFY(!apply->isEnabled()); // while asked
        reply(false); // declined: nothing happens
        QVERIFY(apply->isEnabled());
        QTest::qWait(300);
        QCOMPARE(view->rowCount(), 2);
        apply->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, 10000);
        reply(true);
        QVERIFY(!apply->isEnabled()); // one apply at a time
        QTRY_COMPARE_WITH_TIMEOUT(page->banner()->text(),
                                  QStringLiteral("Retention deleted 1 backup (scheduled ones their schedule no longer "
                                                 "keeps, pre-restore and pre-sync ones older than 7 days): %1.")
                                      .arg(ids.at(1)),
                                  20000);
        QVERIFY(page->banner()->isVisible());
        QCOMPARE(page->banner()->kind(), MessageBanner::Kind::Information);
        QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 1, 10000);
        QCOMPARE(view->index(0, 0).data(BackupTableModel::RecordRole).value<BackupRecord>().id, ids.last());
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);

        // Nothing left to delete: no question, just the answer.
        apply->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(page->banner()->text(),
                                  QStringLiteral("Retention has nothing to delete: every backup is still kept."),
                                  10000);
        QCOMPARE(asked.size(), 2);
        QVERIFY(apply->isEnabled());
        QCOMPARE(view->rowCount(), 1);
        if (qEnvironmentVariableIsSet("CREODROP_SCREENSHOT_DIR"))
            window.grab().save(QDir(qEnvironmentVariable("CREODROP_SCREENSHOT_DIR"))
                                   .filePath(QStringLiteral("automatic-retention.png")));
        window.close();
    }

    // A service that never became ready (its catalog cannot be opened) still answers Rescan
    // Storage and Apply Retention, so that neither action stays greyed out for good.
    void actionsComeBackWhenTheServiceIsNotReady()
    {
        BackupServiceConfig config
            = ConsoleConfigs::onLocalFolder(QStringLiteral("/proc/creodrop-no-such-dir/catalog.sqlite"),
                                            m_home.filePath(QStringLiteral("never-store")));
        config.runSchedules = true;
        InMemorySecretStore secrets;
        AppSettings settings(m_home.filePath(QStringLiteral("settings-never.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        BackupService service(config, &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        bool asked = false;
        window.setConfirmer([&](const QString &, const QString &, std::function<void(bool)> reply) {
            asked = true;
            reply(true);
        });
        QSignalSpy errors(&service, &BackupService::error);
        service.start();
        QVERIFY(!errors.isEmpty() || errors.wait(10000)); // "Opening the catalog: ..."

        const QString notReady = QStringLiteral("The backup service is not ready yet; try again in a moment.");
        QSignalSpy answers(&service, &BackupService::operationFinished);
        QAction *rescan = window.actions().rescanStorage;
        rescan->trigger();
        QVERIFY(!rescan->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(rescan->isEnabled(), 10000);
        QCOMPARE(answers.last().at(0).toString(), QStringLiteral("catalog.rescan"));
        QVERIFY(!answers.last().at(1).toBool());
        QCOMPARE(answers.last().at(2).toString(), notReady);

        // Apply Retention's first step, the list of what would go, fails: nothing is asked.
        QSignalSpy previews(&service, &BackupService::retentionPreviewed);
        QAction *apply = window.actions().applyRetention;
        apply->trigger();
        QVERIFY(!apply->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 10000);
        QCOMPARE(previews.size(), 1);
        QCOMPARE(previews.last().at(1).toString(), notReady);
        QVERIFY(!asked);
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Looking for the backups retention no longer keeps failed: ") + notReady);
    }

    // Settings > Storage and Settings > General take effect on OK, without a restart: the
    // service is rebuilt, the next backup lands in the new folder and carries the new actor.
    void settingsApplyWithoutRestart()
    {
        qunsetenv("CREODROP_S3_ENDPOINT"); // the settings decide, not the environment
        const TestServices::MySql mysql = TestServices::mysql();
        InMemorySecretStore secrets;
        secrets.insert(QStringLiteral("mysql/%1/dev").arg(m_siteId), mysql.password);
        const QString storeA = m_home.filePath(QStringLiteral("store-a"));
        const QString storeB = m_home.filePath(QStringLiteral("store-b"));
        AppSettings settings(m_home.filePath(QStringLiteral("settings-apply.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        settings.setValue(AppSettings::StorageKind, QStringLiteral("local"));
        settings.setValue(AppSettings::StorageLocalPath, storeA);

        // Wired as main.cpp wires it: the window comes with the first service.
        ServiceHost host(&settings, &secrets, &m_clock);
        std::unique_ptr<MainWindow> window;
        connect(&host, &ServiceHost::serviceCreated, this, [&](BackupService *service) {
            if (window)
                return;
            window = std::make_unique<MainWindow>(service, &settings, &secrets);
            window->setRefreshInterval(0);
            window->setServiceHost(&host);
            window->show();
        });
        QSignalSpy created(&host, &ServiceHost::serviceCreated);
        host.start();
        QVERIFY(!created.isEmpty() || created.wait(20000)); // no secret to read: at once
        QVERIFY(window);
        QSignalSpy shown(window.get(), &MainWindow::backupsShown);
        QTRY_VERIFY_WITH_TIMEOUT(window->sitePage()->site().id == m_siteId && !shown.isEmpty(), 20000);
        QCOMPARE(host.config().localStorePath, storeA);
        // The local folder store makes no links: the action says why instead of failing later.
        QVERIFY(!window->sitePage()->actions()->linkButton()->isEnabled());
        QVERIFY(window->sitePage()->actions()->linkButton()->toolTip().contains(QStringLiteral("Settings")));

        window->actions().settings->trigger();
        SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<SettingsDialog *>()) != nullptr);
        dialog->findChild<QLineEdit *>(QStringLiteral("localStorePath"))->setText(storeB);
        dialog->findChild<QLineEdit *>(QStringLiteral("consoleActor"))->setText(QStringLiteral("Jane Auditor"));
        QSignalSpy applied(window.get(), &MainWindow::settingsApplied);
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
        QVERIFY(!applied.isEmpty() || applied.wait(20000));
        QCOMPARE(host.config().localStorePath, storeB);
        QCOMPARE(host.config().actor, QStringLiteral("Jane Auditor"));
        BackupService *service = host.service();
        QVERIFY(service);

        // The next backup, through the widgets, goes to the new folder.
        shown.clear();
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
        SitePage *page = window->sitePage();
        QTest::mouseClick(page->environmentButton(Environment::Dev), Qt::LeftButton);
        QSignalSpy changed(service, &BackupService::backupChanged);
        QTest::mouseClick(page->actions()->createButton(), Qt::LeftButton);
        BackupRecord done;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &args : changed) {
                    const BackupRecord r = args.at(0).value<BackupRecord>();
                    if (Backups::isTerminal(r.status))
                        done = r;
                }
                return done.isValid();
            }(),
            60000);
        QCOMPARE(done.status, BackupStatus::Completed);
        QCOMPARE(done.createdBy, QStringLiteral("Jane Auditor"));
        auto dumpsUnder = [&](const QString &root) {
            QStringList found;
            QDirIterator it(root, { QStringLiteral("*.sql.gz") }, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.contains(done.id))
                    found.append(path);
            }
            return found;
        };
        QCOMPARE(dumpsUnder(storeB).size(), 1);
        QVERIFY(dumpsUnder(storeA).isEmpty());

        // The console's audit entry names the actor from Settings.
        QString error;
        CatalogLocation location;
        location.sqlitePath = AppSettings::defaultCatalogPath();
        std::unique_ptr<Catalog> catalog = Catalog::open(location, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        bool audited = false;
        for (const AuditEntry &entry : catalog->auditLog(m_siteId)) {
            if (entry.backupId == done.id && entry.action == QLatin1String("backup.create"))
                audited = entry.actor == QLatin1String("Jane Auditor");
        }
        QVERIFY(audited);

        // With a backup running, OK asks before stopping anything; "Apply When Finished" keeps
        // the service until the backup is done, then applies. The dump waits on a table lock
        // meanwhile, so the backup is surely still running when the question comes.
        {
            QSqlDatabase lock = TestServices::openMySql(QStringLiteral("e2e-lock"), m_database, &error);
            QVERIFY2(lock.isOpen(), qPrintable(error));
            QSqlQuery q(lock);
            QVERIFY(q.exec(QStringLiteral("LOCK TABLES orders WRITE")));
            QSignalSpy started(service, &BackupService::jobStarted);
            QTest::mouseClick(page->actions()->createButton(), Qt::LeftButton);
            QVERIFY(!started.isEmpty() || started.wait(20000));
            QTRY_VERIFY_WITH_TIMEOUT(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                                           "WHERE STATE LIKE 'Waiting for table metadata lock%'"))
                                         && q.next() && q.value(0).toInt() > 0,
                                     30000);
            window->actions().settings->trigger();
            QTRY_VERIFY((dialog = window->findChild<SettingsDialog *>()) != nullptr);
            dialog->findChild<QLineEdit *>(QStringLiteral("localStorePath"))->setText(storeA);
            applied.clear();
            QTest::mouseClick(
                dialog->findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Ok),
                Qt::LeftButton);
            QMessageBox *box = nullptr;
            QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("confirmApplySettings"))) != nullptr);
            QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("applyWhenFinished")), Qt::LeftButton);
            QCOMPARE(host.service(), service); // nothing stopped
            QCOMPARE(host.config().localStorePath, storeB);
            QVERIFY(q.exec(QStringLiteral("UNLOCK TABLES")));
            QVERIFY(applied.wait(60000));
            QCOMPARE(host.config().localStorePath, storeA);

            // "Stop Jobs and Apply": the running backup is cancelled (within the service's
            // shutdown grace, the lock still held), its row in the jobs panel closes, and the
            // new settings apply at once.
            service = host.service();
            QVERIFY(q.exec(QStringLiteral("LOCK TABLES orders WRITE")));
            QSignalSpy started2(service, &BackupService::jobStarted);
            QTest::mouseClick(page->actions()->createButton(), Qt::LeftButton);
            QVERIFY(!started2.isEmpty() || started2.wait(20000));
            const QString runningId = started2.first().at(0).value<JobProgress>().backupId;
            window->actions().settings->trigger();
            QTRY_VERIFY((dialog = window->findChild<SettingsDialog *>()) != nullptr);
            dialog->findChild<QLineEdit *>(QStringLiteral("localStorePath"))->setText(storeB);
            applied.clear();
            QTest::mouseClick(
                dialog->findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Ok),
                Qt::LeftButton);
            QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("confirmApplySettings"))) != nullptr);
            QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("stopAndApply")), Qt::LeftButton);
            QVERIFY(!applied.isEmpty() || applied.wait(60000));
            QCOMPARE(host.config().localStorePath, storeB);
            QCOMPARE(window->jobsPanel()->runningCount(), 0);
            QCOMPARE(catalog->backup(runningId)->status, BackupStatus::Cancelled);
            QVERIFY(q.exec(QStringLiteral("UNLOCK TABLES")));
            q = QSqlQuery();
            lock.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("e2e-lock"));
        window->close();
        window.reset();
    }
};

QTEST_MAIN(TestMainWindowEndToEnd)
#include "TestMainWindowEndToEnd.moc"
