// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Restore through the console's widgets against the real MariaDB and S3 server: back up prod,
// open Restore… on the backup, restore it into dev (another environment) and then into prod
// itself behind the typed confirmation (a wrong text keeps Restore disabled), and check that
// each target equals the backup (CHECKSUM TABLE, objects only in the target gone) and that a
// pre-restore backup of it is listed. A file naming another database is refused with the
// reason in the banner and the target unchanged.
#include "ConsoleConfigs.h"
#include "TestServices.h"
#include "actions/QuickActionsPanel.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupTableView.h"
#include "catalog/Catalog.h"
#include "jobs/JobsPanel.h"
#include "mainwindow/MainWindow.h"
#include "operations/BackupService.h"
#include "restore/RestoreController.h"
#include "restore/RestoreDialog.h"
#include "secrets/InMemorySecretStore.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "widgets/MessageBanner.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestRestoreEndToEnd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_prodDb;
    QString m_devDb;
    QString m_siteId;
    SystemClock m_clock;

    static QString query(const QString &database, const QString &sql, int column = 0)
    {
        QString error;
        QString value;
        {
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-e2e-q"), database, &error);
            if (!db.isOpen())
                return QStringLiteral("ERROR ") + error;
            QSqlQuery q(db);
            if (!q.exec(sql))
                return QStringLiteral("ERROR ") + q.lastError().text();
            value = q.next() ? q.value(column).toString() : QString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restore-e2e-q"));
        return value;
    }
    static QString checksum(const QString &database, const QString &table)
    {
        return query(database, QStringLiteral("CHECKSUM TABLE `%1`").arg(table), 1);
    }
    static int indexOf(QComboBox *combo, Environment env)
    {
        return combo->findData(QVariant::fromValue(static_cast<int>(env)));
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_home.isValid());
        qputenv("CREODROP_HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);

        m_prodDb = TestServices::createScratchDatabase(QStringLiteral("rgui_prod"));
        m_devDb = TestServices::createScratchDatabase(QStringLiteral("rgui_dev"));
        QString error;
        {
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-e2e-setup"), m_prodDb, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, customer "
                                           "VARCHAR(64), total DECIMAL(10,2), note TEXT)")),
                     qPrintable(q.lastError().text()));
            for (int i = 0; i < 30; ++i)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO orders (customer, total, note) VALUES ('c%1', %1.25, "
                                              "REPEAT('x', 300))")
                                   .arg(i)));
            QVERIFY2(q.exec(QStringLiteral("CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 10")),
                     qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restore-e2e-setup"));
        {
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-e2e-setup"), m_devDb, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE only_in_dev (id INT PRIMARY KEY)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(64))")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO orders VALUES (1, 'stale dev data')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restore-e2e-setup"));

        m_siteId = QStringLiteral("restore-shop-") + QString::number(QCoreApplication::applicationPid());
        CatalogLocation location;
        location.sqlitePath = AppSettings::defaultCatalogPath();
        std::unique_ptr<Catalog> catalog = Catalog::open(location, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        Site site;
        site.id = m_siteId;
        site.name = QStringLiteral("Restore Shop");
        site.customer = QStringLiteral("rgui-") + QString::number(QCoreApplication::applicationPid());
        site.tier = Tier::Developer;
        QVERIFY2(catalog->addSite(site), qPrintable(catalog->lastError()));
        const TestServices::MySql mysql = TestServices::mysql();
        for (const auto &[env, database] :
             { std::pair{ Environment::Prod, m_prodDb }, std::pair{ Environment::Dev, m_devDb } }) {
            EnvironmentConfig config;
            config.siteId = m_siteId;
            config.environment = env;
            config.endpoint.host = mysql.host;
            config.endpoint.port = mysql.port;
            config.endpoint.user = mysql.user;
            config.endpoint.database = database;
            QVERIFY2(catalog->setEnvironment(config), qPrintable(catalog->lastError()));
        }
    }

    void cleanupTestCase()
    {
        for (const QString &db : { m_prodDb, m_devDb }) {
            if (!db.isEmpty())
                TestServices::dropDatabase(db);
        }
    }

    void restoreThroughTheWidgets()
    {
        const TestServices::MySql mysql = TestServices::mysql();
        InMemorySecretStore secrets;
        secrets.insert(QStringLiteral("mysql/%1/prod").arg(m_siteId), mysql.password);
        secrets.insert(QStringLiteral("mysql/%1/dev").arg(m_siteId), mysql.password);

        const BackupServiceConfig config = ConsoleConfigs::onTestS3(
            AppSettings::defaultCatalogPath(), QStringLiteral("rgui-engineer"), QStringLiteral("rgui-e2e"));

        AppSettings settings(m_home.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        BackupService service(config, &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        window.setRefreshInterval(0);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy shown(&window, &MainWindow::backupsShown);
        QSignalSpy serviceErrors(&service, &BackupService::error);
        service.start();
        QVERIFY(shown.wait(20000));
        SitePage *page = window.sitePage();
        QCOMPARE(page->site().id, m_siteId);

        // A backup of prod, made through the Quick Actions.
        QTest::mouseClick(page->environmentButton(Environment::Prod), Qt::LeftButton);
        QuickActionsPanel *actions = page->actions();
        QSignalSpy jobsFinished(&service, &BackupService::jobFinished);
        QSignalSpy &backupFinished = jobsFinished;
        QTest::mouseClick(actions->createButton(), Qt::LeftButton);
        QVERIFY(backupFinished.wait(60000));
        const JobOutcome backedUp = backupFinished.first().at(0).value<JobOutcome>();
        QVERIFY2(backedUp.success, qPrintable(backedUp.message));
        const QString prodChecksum = checksum(m_prodDb, QStringLiteral("orders"));
        QVERIFY(!prodChecksum.isEmpty() && !prodChecksum.startsWith(QStringLiteral("ERROR")));
        BackupTableView *table = page->table();
        QTRY_VERIFY_WITH_TIMEOUT(table->selectBackup(backedUp.backupId), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(table->currentRecord().status == BackupStatus::Completed, 10000);

        // 1. Into dev: another environment, no typed confirmation.
        QVERIFY(actions->restoreButton()->isEnabled());
        QTest::mouseClick(actions->restoreButton(), Qt::LeftButton);
        RestoreDialog *dialog = window.restoreFlow()->dialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->isModal());
        QCOMPARE(dialog->target(), Environment::Prod); // the backup's own by default
        dialog->targetCombo()->setCurrentIndex(indexOf(dialog->targetCombo(), Environment::Dev));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPreflight(), 20000);
        QVERIFY2(dialog->preflight().canRun(), qPrintable(dialog->preflight().problems.join(QLatin1Char('\n'))));
        QVERIFY(dialog->preflight().targetReachable);
        QCOMPARE(dialog->preflight().targetTables, 2);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("targetObjects"))->text().contains(QStringLiteral("2 ")));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("sourceCreator"))->text(), QStringLiteral("rgui-engineer"));
        QVERIFY(dialog->confirmEdit()->isHidden());
        QVERIFY(dialog->runButton()->isEnabled());
        QSignalSpy restoreFinished(&service, &BackupService::restoreFinished);
        QSignalSpy restoreStarted(&service, &BackupService::jobStarted);
        jobsFinished.clear();
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(restoreFinished.wait(120000));
        QVERIFY(!restoreStarted.isEmpty());
        QCOMPARE(restoreStarted.first().at(0).value<JobProgress>().kind, JobKind::Restore);
        // The jobs panel's row (jobFinished) and the restore's own outcome.
        QTRY_VERIFY_WITH_TIMEOUT(!jobsFinished.isEmpty(), 5000);
        JobOutcome outcome = jobsFinished.last().at(0).value<JobOutcome>();
        QCOMPARE(outcome.kind, JobKind::Restore);
        QVERIFY2(outcome.success, qPrintable(outcome.message));
        QCOMPARE(outcome.environment, Environment::Dev);
        QCOMPARE(restoreFinished.first().at(0).toString(), m_siteId);
        QCOMPARE(restoreFinished.first().at(2).value<AuditOutcome>(), AuditOutcome::Success);
        QCOMPARE(checksum(m_devDb, QStringLiteral("orders")), prodChecksum);
        QCOMPARE(query(m_devDb,
                       QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                      "DATABASE() AND TABLE_NAME = 'only_in_dev'")),
                 QStringLiteral("0"));
        QCOMPARE(query(m_devDb, QStringLiteral("SELECT COUNT(*) FROM big_orders")),
                 query(m_prodDb, QStringLiteral("SELECT COUNT(*) FROM big_orders")));
        // The outcome is in the page's banner, and the jobs panel has the restore's row.
        QVERIFY(page->banner()->isVisible());
        QVERIFY2(page->banner()->text().contains(QStringLiteral("Restore into %1/dev").arg(m_siteId)),
                 qPrintable(page->banner()->text()));
        // The pre-restore backup of dev is listed once the window refreshed the site's backups.
        auto preRestoreOf = [&](Environment env) {
            BackupTableModel *model = table->backupModel();
            for (int row = 0; row < model->rowCount(); ++row) {
                const BackupRecord r = model->recordAt(row);
                if (r.type == BackupType::PreRestore && r.environment == env && r.status == BackupStatus::Completed)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(preRestoreOf(Environment::Dev), 20000);

        // 2. Into prod itself, after prod changed: the typed confirmation decides.
        QCOMPARE(query(m_prodDb, QStringLiteral("INSERT INTO orders (customer, total) VALUES ('late', 1)")), QString());
        QVERIFY(checksum(m_prodDb, QStringLiteral("orders")) != prodChecksum);
        QTRY_VERIFY_WITH_TIMEOUT(table->selectBackup(backedUp.backupId), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actions->restoreButton()->isEnabled(), 10000);
        QTest::mouseClick(actions->restoreButton(), Qt::LeftButton);
        dialog = window.restoreFlow()->dialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->target(), Environment::Prod);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPreflight(), 20000);
        QVERIFY(dialog->preflight().canRun());
        QVERIFY(!dialog->confirmEdit()->isHidden());
        QVERIFY(!dialog->runButton()->isEnabled());
        QTest::keyClicks(dialog->confirmEdit(), m_siteId + QStringLiteral("/dev"));
        QVERIFY(!dialog->runButton()->isEnabled());
        dialog->confirmEdit()->clear();
        QTest::keyClicks(dialog->confirmEdit(), m_siteId.toUpper() + QStringLiteral("/PROD"));
        QVERIFY(!dialog->runButton()->isEnabled());
        dialog->confirmEdit()->clear();
        QTest::keyClicks(dialog->confirmEdit(), m_siteId + QStringLiteral("/prod"));
        QVERIFY(dialog->runButton()->isEnabled());
        restoreFinished.clear();
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(restoreFinished.wait(120000));
        QVERIFY2(restoreFinished.first().at(2).value<AuditOutcome>() == AuditOutcome::Success,
                 qPrintable(restoreFinished.first().at(4).toString()));
        QCOMPARE(checksum(m_prodDb, QStringLiteral("orders")), prodChecksum);
        QTRY_VERIFY_WITH_TIMEOUT(preRestoreOf(Environment::Prod), 20000);

        // 3. A file that names another database is refused; dev stays as it is.
        const QString devBefore = checksum(m_devDb, QStringLiteral("orders"));
        const QString path = m_home.filePath(QStringLiteral("foreign.sql"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("CREATE TABLE t (id INT);\nUSE other_customer;\nDROP TABLE orders;\n");
        }
        window.restoreFlow()->setFileChooser([path](std::function<void(const QString &)> done) { done(path); });
        QVERIFY(actions->restoreFileButton()->isEnabled());
        QTest::mouseClick(actions->restoreFileButton(), Qt::LeftButton);
        dialog = window.restoreFlow()->dialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->mode(), RestoreDialog::Mode::File);
        dialog->targetCombo()->setCurrentIndex(indexOf(dialog->targetCombo(), Environment::Dev));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPreflight(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), 5000);
        jobsFinished.clear();
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(jobsFinished.wait(60000));
        const JobOutcome refused = jobsFinished.last().at(0).value<JobOutcome>();
        QCOMPARE(refused.kind, JobKind::Restore);
        QVERIFY(!refused.success);
        QVERIFY2(refused.message.contains(QStringLiteral("another database")), qPrintable(refused.message));
        QTRY_VERIFY2_WITH_TIMEOUT(page->banner()->text().contains(QStringLiteral("another database")),
                                  qPrintable(page->banner()->text()), 5000);
        QCOMPARE(checksum(m_devDb, QStringLiteral("orders")), devBefore);
        QVERIFY2(serviceErrors.isEmpty(),
                 serviceErrors.isEmpty() ? "" : qPrintable(serviceErrors.first().at(1).toString()));
    }
};

QTEST_MAIN(TestRestoreEndToEnd)
#include "TestRestoreEndToEnd.moc"
