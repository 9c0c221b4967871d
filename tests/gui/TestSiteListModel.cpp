// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "sites/SiteFilterProxyModel.h"
#include "sites/SiteListModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace GuiTestData;

class TestSiteListModel : public QObject
{
    Q_OBJECT

    static QVector<Site> sites()
    {
        return { site(QStringLiteral("acme-shop"), QStringLiteral("Acme Shop"), QStringLiteral("acme"),
                      Tier::Developer),
                 site(QStringLiteral("blog-1"), QStringLiteral("Bakery Blog"), QStringLiteral("bakery"), Tier::Basic),
                 site(QStringLiteral("zeta"), QStringLiteral("Zeta Portal"), QStringLiteral("acme"), Tier::Basic) };
    }

private slots:
    void modelUnderTester()
    {
        SiteListModel model;
        QCOMPARE(model.objectName(), QStringLiteral("SiteListModel"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSites(sites(), { QStringLiteral("blog-1") });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Acme Shop"));
        QCOMPARE(model.index(1).data(SiteListModel::AttentionRole).toBool(), true);
        QCOMPARE(model.index(0).data(SiteListModel::AttentionRole).toBool(), false);
        QVERIFY(!model.index(1).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(2).data(SiteListModel::SiteRole).value<Site>().customer, QStringLiteral("acme"));

        // The same sites again update in place (selection survives); attention moves.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSites(sites(), { QStringLiteral("zeta") });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 2);
        QVERIFY(model.needsAttention(QStringLiteral("zeta")));
        QVERIFY(!model.needsAttention(QStringLiteral("blog-1")));
        model.setSites(sites().mid(1), {});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("acme-shop")), -1);
    }

    void searchMatchesNameSlugAndCustomer()
    {
        SiteListModel model;
        SiteFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSites(sites(), {});
        proxy.sort(0);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setSearchText(QStringLiteral("bakery")); // customer
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(SiteListModel::IdRole).toString(), QStringLiteral("blog-1"));
        proxy.setSearchText(QStringLiteral("BLOG-1")); // slug, any case
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QStringLiteral("portal")); // name
        QCOMPARE(proxy.index(0, 0).data(SiteListModel::IdRole).toString(), QStringLiteral("zeta"));
        proxy.setSearchText(QStringLiteral("acme")); // customer of two sites
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText(QStringLiteral("acme zeta")); // every word must match
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QStringLiteral("nothing-like-this"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setSearchText(QString());
        QCOMPARE(proxy.rowCount(), 3);
    }
};

QTEST_MAIN(TestSiteListModel)
#include "TestSiteListModel.moc"
