// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "actions/QuickActionsPanel.h"
#include "backups/BackupFilterProxyModel.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupTableView.h"
#include "sites/SitePage.h"
#include "widgets/MessageBanner.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

using namespace GuiTestData;

class TestSitePage : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        SitePage page;
        QCOMPARE(page.objectName(), QStringLiteral("SitePage"));
        QVERIFY(!page.hasSite());
        QVERIFY(!page.environment().has_value());
        QCOMPARE(page.table()->objectName(), QStringLiteral("backupTable"));
        QCOMPARE(page.actions()->objectName(), QStringLiteral("QuickActionsPanel"));
        QVERIFY(page.banner()->isHidden());
        QVERIFY(page.table()->isSortingEnabled());
        QCOMPARE(page.table()->horizontalHeader()->sortIndicatorSection(), int(BackupTableModel::CreatedColumn));
        QVERIFY(!page.table()->accessibleName().isEmpty());
    }

    void headerAndEnvironmentSelector()
    {
        SitePage page;
        page.show();
        page.setSite(
            site(QStringLiteral("acme-shop"), QStringLiteral("Acme Shop"), QStringLiteral("acme"), Tier::Developer));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("siteName"))->text(), QStringLiteral("Acme Shop"));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("siteDetails"))->text().contains(QStringLiteral("acme")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("siteTier"))->text().contains(QStringLiteral("Developer")));
        for (auto env : { std::optional<Environment>(), std::optional(Environment::Prod),
                          std::optional(Environment::Stage), std::optional(Environment::Dev) })
            QVERIFY(page.environmentButton(env)->isVisible());
        QVERIFY(page.environmentButton(std::nullopt)->isChecked());

        page.table()->backupModel()->setBackups(QStringLiteral("acme-shop"), fiveBackups());
        QSignalSpy envChanged(&page, &SitePage::environmentChanged);
        QTest::mouseClick(page.environmentButton(Environment::Dev), Qt::LeftButton);
        QCOMPARE(envChanged.count(), 1);
        QCOMPARE(page.environment(), std::optional(Environment::Dev));
        QCOMPARE(page.table()->model()->rowCount(), 2);
        QCOMPARE(page.actions()->createButton()->text().remove(QLatin1Char('&')),
                 QStringLiteral("Create Backup (dev)"));
        QTest::mouseClick(page.environmentButton(std::nullopt), Qt::LeftButton);
        QCOMPARE(page.table()->model()->rowCount(), 5);
    }

    void basicTierOffersProdOnly()
    {
        SitePage page;
        page.show();
        page.setSite(site(QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("bakery"), Tier::Basic));
        QVERIFY(page.environmentButton(Environment::Prod)->isVisible());
        QVERIFY(!page.environmentButton(Environment::Stage)->isVisible());
        QVERIFY(!page.environmentButton(Environment::Dev)->isVisible());
        QVERIFY(!page.environmentButton(std::nullopt)->isVisible());
        QCOMPARE(page.environment(), std::optional(Environment::Prod));
        page.setEnvironment(Environment::Dev); // not offered: ignored
        QCOMPARE(page.environment(), std::optional(Environment::Prod));
    }
};

QTEST_MAIN(TestSitePage)
#include "TestSitePage.moc"
