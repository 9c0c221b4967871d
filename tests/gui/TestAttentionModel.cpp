// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/AttentionModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

namespace {
const QDateTime t0(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC);

AttentionItem item(const QString &site, Environment env, AttentionKind kind, qint64 minutesAgo)
{
    AttentionItem i;
    i.kind = kind;
    i.siteId = site;
    i.siteName = site.toUpper();
    i.customer = QStringLiteral("acme");
    i.environment = env;
    i.at = t0.addSecs(-60 * minutesAgo);
    i.reason = QStringLiteral("%1 went wrong").arg(site);
    i.action = kind == AttentionKind::Overdue ? AttentionAction::OpenSite : AttentionAction::RetryBackup;
    if (kind != AttentionKind::Overdue) {
        i.backup.id = QStringLiteral("b-") + site;
        i.backup.siteId = site;
        i.backup.status = BackupStatus::Failed;
    }
    return i;
}

QVector<AttentionItem> threeItems()
{
    return { item(QStringLiteral("shop"), Environment::Prod, AttentionKind::Failed, 10),
             item(QStringLiteral("blog"), Environment::Dev, AttentionKind::Overdue, 600),
             item(QStringLiteral("wiki"), Environment::Stage, AttentionKind::Interrupted, 60) };
}
} // namespace

class TestAttentionModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsAndRolesUnderTester()
    {
        AttentionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(AttentionModel::ColumnCount));
        model.setItems(threeItems());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.headerData(AttentionModel::SiteColumn, Qt::Horizontal).toString(), QStringLiteral("Site"));
        QCOMPARE(model.headerData(AttentionModel::ProblemColumn, Qt::Horizontal).toString(), QStringLiteral("Problem"));
        QCOMPARE(model.index(0, AttentionModel::SiteColumn).data().toString(), QStringLiteral("SHOP"));
        QVERIFY(model.index(0, AttentionModel::SiteColumn).data(Qt::ToolTipRole).toString().contains(u"acme"));
        QCOMPARE(model.index(0, AttentionModel::EnvironmentColumn).data().toString(), QStringLiteral("prod"));
        QCOMPARE(model.index(0, AttentionModel::ProblemColumn).data().toString(), QStringLiteral("Failed"));
        QVERIFY(!model.index(0, AttentionModel::ProblemColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(1, AttentionModel::ProblemColumn).data().toString(), QStringLiteral("Overdue"));
        QCOMPARE(model.index(2, AttentionModel::ProblemColumn).data().toString(), QStringLiteral("Interrupted"));
        QCOMPARE(model.index(0, AttentionModel::DetailsColumn).data().toString(), QStringLiteral("shop went wrong"));
        QVERIFY(model.index(0, AttentionModel::DetailsColumn).data(Qt::ToolTipRole).toString().contains(u"b-shop"));
        QCOMPARE(model.index(0, AttentionModel::ActionColumn).data().toString(), QStringLiteral("Retry Backup"));
        QCOMPARE(model.index(1, AttentionModel::ActionColumn).data().toString(), QStringLiteral("Open Site"));
        QCOMPARE(model.index(1, AttentionModel::SinceColumn).data(AttentionModel::SortRole).toDateTime(),
                 t0.addSecs(-600 * 60));
        QVERIFY(!model.index(1, AttentionModel::SinceColumn).data().toString().isEmpty());
        model.setItems({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsAndGivesTheRecordThroughAProxy()
    {
        AttentionModel model;
        model.setItems(threeItems());
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(AttentionModel::SortRole);
        proxy.sort(AttentionModel::SinceColumn, Qt::DescendingOrder);
        auto siteAt = [&](int row) {
            return proxy.index(row, 0).data(AttentionModel::RecordRole).value<AttentionItem>().siteId;
        };
        QCOMPARE(siteAt(0), QStringLiteral("shop"));
        QCOMPARE(siteAt(1), QStringLiteral("wiki"));
        QCOMPARE(siteAt(2), QStringLiteral("blog"));
        proxy.sort(AttentionModel::SiteColumn, Qt::AscendingOrder);
        QCOMPARE(siteAt(0), QStringLiteral("blog"));
        proxy.sort(AttentionModel::ProblemColumn, Qt::AscendingOrder); // Failed, Interrupted, Overdue
        QCOMPARE(siteAt(0), QStringLiteral("shop"));
        QCOMPARE(siteAt(2), QStringLiteral("blog"));
        const AttentionItem record
            = proxy.index(0, AttentionModel::ActionColumn).data(AttentionModel::RecordRole).value<AttentionItem>();
        QCOMPARE(record.backup.id, QStringLiteral("b-shop"));
        QCOMPARE(record.environment, Environment::Prod);
        QCOMPARE(record.action, AttentionAction::RetryBackup);
    }
};

QTEST_MAIN(TestAttentionModel)
#include "TestAttentionModel.moc"
