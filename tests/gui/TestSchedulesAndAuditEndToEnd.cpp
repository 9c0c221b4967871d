// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The console's Schedules tab and Audit Log against the real creodrop-backupctl on one catalog
// (the SQLite catalog under CREODROP_HOME): a schedule edited through the page's widgets is
// what `schedule list --json` reads back, and the audit entries the console writes are listed
// by `audit list --json`, with the console's actor, the environment and the outcome.
#include "ConsoleConfigs.h"
#include "FormField.h"
#include "audit/AuditFilterProxyModel.h"
#include "audit/AuditTableModel.h"
#include "audit/AuditView.h"
#include "catalog/Catalog.h"
#include "mainwindow/MainWindow.h"
#include "operations/BackupService.h"
#include "pages/PagesController.h"
#include "schedules/ScheduleEditorDialog.h"
#include "schedules/SchedulesPage.h"
#include "secrets/InMemorySecretStore.h"
#include "sites/SiteListWidget.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QtTest>

class TestSchedulesAndAuditEndToEnd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    SystemClock m_clock;

    /// `creodrop-backupctl ARGS` on the same CREODROP_HOME; its stdout parsed as JSON.
    QJsonDocument cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CREODROP_HOME"), m_home.path());
        env.remove(QStringLiteral("CREODROP_CATALOG"));
        env.insert(QStringLiteral("USER"), QStringLiteral("cli-reader"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning() << "creodrop-backupctl" << args << "failed:" << p.readAllStandardError();
            return {};
        }
        return QJsonDocument::fromJson(p.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("CREODROP_HOME", m_home.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        CatalogLocation location;
        location.sqlitePath = AppSettings::defaultCatalogPath();
        QString error;
        std::unique_ptr<Catalog> catalog = Catalog::open(location, &m_clock, &error);
        QVERIFY2(catalog, qPrintable(error));
        QVERIFY(catalog->addSite(
            { QStringLiteral("shop"), QStringLiteral("Acme Shop"), QStringLiteral("acme"), Tier::Developer, {} }));
    }

    void scheduleAndAuditThroughTheWidgets()
    {
        const BackupServiceConfig config
            = ConsoleConfigs::onLocalFolder(AppSettings::defaultCatalogPath(), m_home.filePath(QStringLiteral("store")),
                                            QStringLiteral("console-tester"), QStringLiteral("gui-schedules"));
        InMemorySecretStore secrets;
        AppSettings settings(m_home.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::FirstRunDone, true);
        BackupService service(config, &secrets, &m_clock);
        MainWindow window(&service, &settings, &secrets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::backupsShown);
        QSignalSpy errors(&service, &BackupService::error);
        QSignalSpy overviews(&service, &BackupService::scheduleOverviewLoaded);
        service.start();
        QVERIFY(shown.wait(20000));
        SitePage *page = window.sitePage();
        QCOMPARE(page->site().id, QStringLiteral("shop"));

        // Schedules tab: one row per environment, none scheduled yet.
        QTabBar *tabBar = page->tabs()->tabBar();
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(int(SitePage::Tab::Schedules)).center());
        QCOMPARE(page->tabs()->currentIndex(), int(SitePage::Tab::Schedules));
        SchedulesPage *schedules = page->schedulesPage();
        QVERIFY(overviews.wait(20000));
        QTableWidget *table = schedules->table();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(1, SchedulesPage::WhenColumn)->text(), QStringLiteral("Not scheduled"));

        // Stage: weekly on Sunday at 03:15 UTC, keep 5 and 14 days, through the editor's widgets.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(table->item(1, SchedulesPage::WhenColumn)).center());
        QCOMPARE(schedules->currentEnvironment(), std::optional(Environment::Stage));
        QCOMPARE(schedules->editButton()->text(), QStringLiteral("Add Schedule…"));
        QVERIFY(!schedules->removeButton()->isEnabled());
        QTest::mouseClick(schedules->editButton(), Qt::LeftButton);
        QTRY_VERIFY(schedules->editor() && schedules->editor()->isVisible());
        ScheduleEditorDialog *editor = schedules->editor();
        formField<QComboBox>(*editor, "frequencyCombo")->setFocus();
        QTest::keyClick(formField<QComboBox>(*editor, "frequencyCombo"), Qt::Key_Down); // Daily -> Weekly
        QVERIFY(formField<QComboBox>(*editor, "weekdayCombo")->isEnabled());
        formField<QComboBox>(*editor, "weekdayCombo")
            ->setCurrentIndex(formField<QComboBox>(*editor, "weekdayCombo")->findData(7));
        formField<QTimeEdit>(*editor, "timeEdit")->setTime(QTime(3, 15));
        formField<QSpinBox>(*editor, "keepLastSpin")->selectAll();
        QTest::keyClicks(formField<QSpinBox>(*editor, "keepLastSpin"), QStringLiteral("5"));
        formField<QSpinBox>(*editor, "keepDaysSpin")->selectAll();
        QTest::keyClicks(formField<QSpinBox>(*editor, "keepDaysSpin"), QStringLiteral("14"));
        overviews.clear();
        QTest::mouseClick(formField<QDialogButtonBox>(*editor, "buttonBox")->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
        QVERIFY(overviews.wait(20000));
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().at(1).toString()));
        QCOMPARE(table->item(1, SchedulesPage::WhenColumn)->text(), QStringLiteral("Weekly on Sunday at 03:15 UTC"));
        QCOMPARE(table->item(1, SchedulesPage::LastResultColumn)->text(), QStringLiteral("Never run"));

        // The CLI reads the same row back.
        const QJsonArray listed = cli({ QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("shop"),
                                        QStringLiteral("--json") })
                                      .array();
        QCOMPARE(listed.size(), 1);
        const QJsonObject s = listed.at(0).toObject();
        QCOMPARE(s.value(QStringLiteral("env")).toString(), QStringLiteral("stage"));
        QCOMPARE(s.value(QStringLiteral("frequency")).toString(), QStringLiteral("weekly"));
        QCOMPARE(s.value(QStringLiteral("weekday")).toString(), QStringLiteral("sun"));
        QCOMPARE(s.value(QStringLiteral("time_utc")).toString(), QStringLiteral("03:15"));
        QCOMPARE(s.value(QStringLiteral("keep_last")).toInt(), 5);
        QCOMPARE(s.value(QStringLiteral("keep_days")).toInt(), 14);
        QCOMPARE(s.value(QStringLiteral("enabled")).toBool(), true);
        QVERIFY(s.value(QStringLiteral("last_run_at")).isNull());

        // ... and the console's audit entry.
        QJsonArray audit = cli({ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--site"),
                                 QStringLiteral("shop"), QStringLiteral("--json") })
                               .array();
        QCOMPARE(audit.size(), 1);
        QJsonObject entry = audit.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("schedule.set"));
        QCOMPARE(entry.value(QStringLiteral("actor")).toString(), QStringLiteral("console-tester"));
        QCOMPARE(entry.value(QStringLiteral("site")).toString(), QStringLiteral("shop"));
        QCOMPARE(entry.value(QStringLiteral("env")).toString(), QStringLiteral("stage"));
        QVERIFY(entry.value(QStringLiteral("backup_id")).isNull());
        QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
        QCOMPARE(entry.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("stage weekly sun@03:15 UTC, keep 5 and 14 days"));

        // The site's Audit Log tab shows it.
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(int(SitePage::Tab::Audit)).center());
        AuditView *siteAudit = page->auditView();
        QTRY_COMPARE_WITH_TIMEOUT(siteAudit->model()->rowCount(), 1, 20000);
        QCOMPARE(siteAudit->model()->index(0, AuditTableModel::Action).data().toString(),
                 QStringLiteral("schedule.set"));
        QCOMPARE(siteAudit->model()->index(0, AuditTableModel::Target).data().toString(),
                 QStringLiteral("shop / stage"));

        // Remove it from the Schedules tab: the CLI sees no schedule, and a second entry.
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(int(SitePage::Tab::Schedules)).center());
        QCOMPARE(schedules->currentEnvironment(), std::optional(Environment::Stage));
        QVERIFY(schedules->removeButton()->isEnabled());
        overviews.clear();
        QTest::mouseClick(schedules->removeButton(), Qt::LeftButton);
        QVERIFY(overviews.wait(20000));
        QCOMPARE(table->item(1, SchedulesPage::WhenColumn)->text(), QStringLiteral("Not scheduled"));
        QCOMPARE(cli({ QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--json") }).array().size(),
                 0);
        audit = cli({ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                      QStringLiteral("--limit"), QStringLiteral("1") })
                    .array();
        QCOMPARE(audit.size(), 1);
        entry = audit.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("schedule.remove"));
        QCOMPARE(entry.value(QStringLiteral("env")).toString(), QStringLiteral("stage"));
        QCOMPARE(entry.value(QStringLiteral("actor")).toString(), QStringLiteral("console-tester"));
        QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));

        // View > Audit Log (All Sites): both entries, newest first, filterable.
        QAction *auditLog = window.action(QStringLiteral("actionAuditLog"));
        QVERIFY(auditLog);
        auditLog->trigger();
        AuditView *global = window.pages()->globalAudit();
        QVERIFY(QTest::qWaitForWindowExposed(global->window()));
        QTRY_COMPARE_WITH_TIMEOUT(global->proxy()->rowCount(), 2, 20000);
        QCOMPARE(global->proxy()->index(0, AuditTableModel::Action).data().toString(),
                 QStringLiteral("schedule.remove"));
        QTest::keyClicks(global->searchEdit(), QStringLiteral("sun@03"));
        QCOMPARE(global->proxy()->rowCount(), 1);
        QCOMPARE(global->proxy()->index(0, AuditTableModel::Action).data().toString(), QStringLiteral("schedule.set"));

        // The site tab refreshed after the removal too (the console's own operation).
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(int(SitePage::Tab::Audit)).center());
        QTRY_COMPARE_WITH_TIMEOUT(siteAudit->model()->rowCount(), 2, 20000);
        QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().at(1).toString()));
    }
};

QTEST_MAIN(TestSchedulesAndAuditEndToEnd)
#include "TestSchedulesAndAuditEndToEnd.moc"
