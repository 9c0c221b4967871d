// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/AttentionModel.h"
#include "attention/AttentionPage.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

namespace {
AttentionItem item(const QString &site, Environment env, AttentionKind kind, int minutesAgo)
{
    AttentionItem i;
    i.kind = kind;
    i.siteId = site;
    i.siteName = site;
    i.environment = env;
    i.at = QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC).addSecs(-60 * minutesAgo);
    i.reason = QStringLiteral("wrong");
    i.action = kind == AttentionKind::Overdue ? AttentionAction::OpenSite : AttentionAction::RetryBackup;
    return i;
}
} // namespace

class TestAttentionPage : public QObject
{
    Q_OBJECT

private slots:
    void emptyStateSaysNothingNeedsAttention()
    {
        AttentionPage page;
        page.show();
        auto *empty = page.findChild<QWidget *>(QStringLiteral("attentionEmptyState"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(!page.view()->isVisible());
        auto *text = page.findChild<QLabel *>(QStringLiteral("attentionEmptyText"));
        QCOMPARE(text->text(), QStringLiteral("Nothing needs attention"));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("attentionRetryButton"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("attentionOpenSiteButton"))->isEnabled());

        page.setItems({ item(QStringLiteral("shop"), Environment::Prod, AttentionKind::Failed, 5) });
        QVERIFY(page.view()->isVisible());
        QVERIFY(!empty->isVisible());
        page.setItems({});
        QVERIFY(empty->isVisible());
    }

    void rowsNewestFirstAndTheirActions()
    {
        AttentionPage page;
        page.show();
        page.setItems({ item(QStringLiteral("blog"), Environment::Dev, AttentionKind::Overdue, 300),
                        item(QStringLiteral("shop"), Environment::Stage, AttentionKind::Failed, 5) });
        QCOMPARE(page.view()->model(), page.proxy());
        QCOMPARE(page.proxy()->index(0, AttentionModel::SiteColumn).data().toString(), QStringLiteral("shop"));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("attentionSummary"))->text().contains(u'2'));

        QSignalSpy retry(&page, &AttentionPage::retryBackupRequested);
        QSignalSpy open(&page, &AttentionPage::openSiteRequested);
        page.view()->selectRow(0);
        auto *retryButton = page.findChild<QPushButton *>(QStringLiteral("attentionRetryButton"));
        QVERIFY(retryButton->isEnabled());
        QTest::mouseClick(retryButton, Qt::LeftButton);
        QCOMPARE(retry.size(), 1);
        QCOMPARE(retry.first().at(0).toString(), QStringLiteral("shop"));
        QCOMPARE(retry.first().at(1).value<Environment>(), Environment::Stage);

        page.view()->selectRow(1);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("attentionOpenSiteButton")), Qt::LeftButton);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), QStringLiteral("blog"));

        // A double click does the row's own action: Open Site for an overdue schedule.
        const QModelIndex overdue = page.proxy()->index(1, AttentionModel::DetailsColumn);
        const QRect rect = page.view()->visualRect(overdue);
        // The view takes a double click as the second press of a click pair.
        QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(page.view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(open.size(), 2);
        QCOMPARE(retry.size(), 1);

        // A refresh keeps the selected row.
        page.setItems({ item(QStringLiteral("new"), Environment::Prod, AttentionKind::Failed, 1),
                        item(QStringLiteral("blog"), Environment::Dev, AttentionKind::Overdue, 300) });
        QCOMPARE(page.currentItem().siteId, QStringLiteral("blog"));

        QSignalSpy refresh(&page, &AttentionPage::refreshRequested);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("attentionRefreshButton")), Qt::LeftButton);
        QCOMPARE(refresh.size(), 1);
    }
};

QTEST_MAIN(TestAttentionPage)
#include "TestAttentionPage.moc"
