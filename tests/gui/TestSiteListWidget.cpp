// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListWidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QtTest>

using namespace GuiTestData;

class TestSiteListWidget : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        SiteListWidget widget;
        QCOMPARE(widget.objectName(), QStringLiteral("SiteListWidget"));
        QCOMPARE(widget.searchField()->objectName(), QStringLiteral("siteSearch"));
        QVERIFY(widget.searchField()->isClearButtonEnabled());
        QVERIFY(!widget.searchField()->placeholderText().isEmpty());
        QCOMPARE(widget.view()->objectName(), QStringLiteral("siteList"));
        QVERIFY(widget.currentSiteId().isEmpty());
    }

    // "No sites yet" only once a load said so: before it, or when the catalog could not be
    // read (the list is then never set), an empty list means nothing.
    void emptyHintWaitsForALoad()
    {
        SiteListWidget widget;
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        auto *hint = widget.findChild<QLabel *>(QStringLiteral("siteListEmpty"));
        QVERIFY(hint);
        QVERIFY(!hint->isVisible());
        widget.setSites({}, {});
        QVERIFY(hint->isVisible());
        widget.setSites(
            { Site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Basic, {} } }, {});
        QVERIFY(!hint->isVisible());
    }

    void searchAndSelectionSurviveRefresh()
    {
        SiteListWidget widget;
        widget.show();
        const QVector<Site> sites = {
            site(QStringLiteral("acme-shop"), QStringLiteral("Acme Shop"), QStringLiteral("acme"), Tier::Developer),
            site(QStringLiteral("blog-1"), QStringLiteral("Bakery Blog"), QStringLiteral("bakery"), Tier::Basic),
        };
        QSignalSpy selected(&widget, &SiteListWidget::siteSelected);
        widget.setSites(sites, {});
        widget.selectSite(QStringLiteral("blog-1"));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(widget.currentSiteId(), QStringLiteral("blog-1"));

        QTest::keyClicks(widget.searchField(), QStringLiteral("bak"));
        QCOMPARE(widget.view()->model()->rowCount(), 1);
        widget.searchField()->clear();
        QCOMPARE(widget.view()->model()->rowCount(), 2);

        // A refresh with another site added keeps the selection and emits nothing new.
        QVector<Site> more = sites;
        more.append(site(QStringLiteral("zeta"), QStringLiteral("Zeta"), QStringLiteral("z"), Tier::Basic));
        widget.setSites(more, { QStringLiteral("zeta") });
        QCOMPARE(widget.currentSiteId(), QStringLiteral("blog-1"));
        QCOMPARE(widget.view()->currentIndex().data(SiteListModel::IdRole).toString(), QStringLiteral("blog-1"));
        QCOMPARE(selected.count(), 1);

        // Clicking another site selects it.
        const QModelIndex acme = widget.view()->model()->index(0, 0);
        QCOMPARE(acme.data(SiteListModel::IdRole).toString(), QStringLiteral("acme-shop"));
        QTest::mouseClick(widget.view()->viewport(), Qt::LeftButton, {}, widget.view()->visualRect(acme).center());
        QCOMPARE(selected.count(), 2);
        QCOMPARE(selected.last().at(0).value<Site>().id, QStringLiteral("acme-shop"));
    }
};

QTEST_MAIN(TestSiteListWidget)
#include "TestSiteListWidget.moc"
