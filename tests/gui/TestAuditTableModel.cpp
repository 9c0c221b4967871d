// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// The audit model and its filter proxy (checked with QAbstractItemModelTester) and the view's
// search and outcome filters.
#include "audit/AuditFilterProxyModel.h"
#include "audit/AuditTableModel.h"
#include "audit/AuditView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

namespace {
QVector<AuditEntry> entries()
{
    const QDateTime t0(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
    return {
        { t0.addSecs(300),
          QStringLiteral("carol"),
          QStringLiteral("schedule.set"),
          QStringLiteral("shop"),
          {},
          QStringLiteral("prod daily 02:30 UTC, keep 7"),
          Environment::Prod,
          AuditOutcome::Success },
        { t0.addSecs(200),
          QStringLiteral("bob"),
          QStringLiteral("backup.delete"),
          QStringLiteral("shop"),
          QStringLiteral("b-2"),
          {},
          Environment::Stage,
          AuditOutcome::Refused },
        { t0.addSecs(100), QStringLiteral("alice"), QStringLiteral("backup.link"), QStringLiteral("blog"),
          QStringLiteral("b-1"), QStringLiteral("15-minute link"), Environment::Prod, AuditOutcome::Failure },
        { t0,
          QStringLiteral("alice"),
          QStringLiteral("site.add"),
          QStringLiteral("blog"),
          {},
          {},
          std::nullopt,
          AuditOutcome::Success },
    };
}

QStringList actions(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, AuditTableModel::Action).data().toString();
    return out;
}
} // namespace

class TestAuditTableModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsAndRoles()
    {
        AuditTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));
        QCOMPARE(model.rowCount(), 0);
        model.setEntries(entries());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.headerData(AuditTableModel::Time, Qt::Horizontal).toString(), QStringLiteral("Time"));
        QCOMPARE(model.headerData(AuditTableModel::Target, Qt::Horizontal).toString(), QStringLiteral("Target"));
        const QModelIndex row1 = model.index(1, AuditTableModel::Target);
        QCOMPARE(row1.data().toString(), QStringLiteral("shop / stage / b-2"));
        QCOMPARE(model.index(3, AuditTableModel::Target).data().toString(), QStringLiteral("blog"));
        QCOMPARE(model.index(1, AuditTableModel::Outcome).data().toString(), QStringLiteral("Refused"));
        QCOMPARE(model.index(2, AuditTableModel::Outcome).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(0, AuditTableModel::Actor).data().toString(), QStringLiteral("carol"));
        QCOMPARE(model.index(0, AuditTableModel::Detail).data().toString(),
                 QStringLiteral("prod daily 02:30 UTC, keep 7"));
        QCOMPARE(model.index(0, AuditTableModel::Time).data(AuditTableModel::SortRole).toLongLong(),
                 entries().at(0).at.toMSecsSinceEpoch());
        const AuditEntry e = row1.data(AuditTableModel::RecordRole).value<AuditEntry>();
        QCOMPARE(e.backupId, QStringLiteral("b-2"));
        QCOMPARE(e.outcome, AuditOutcome::Refused);
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void proxySortsAndFilters()
    {
        AuditTableModel model;
        AuditFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(proxy.sortRole(), int(AuditTableModel::SortRole));
        model.setEntries(entries());
        proxy.sort(AuditTableModel::Time, Qt::AscendingOrder);
        QCOMPARE(actions(proxy), QStringList({ "site.add", "backup.link", "backup.delete", "schedule.set" }));
        proxy.sort(AuditTableModel::Time, Qt::DescendingOrder);
        QCOMPARE(actions(proxy), QStringList({ "schedule.set", "backup.delete", "backup.link", "site.add" }));

        proxy.setText(QStringLiteral("ALICE"));
        QCOMPARE(actions(proxy), QStringList({ "backup.link", "site.add" }));
        proxy.setText(QStringLiteral("stage")); // the environment is searched too
        QCOMPARE(actions(proxy), QStringList({ "backup.delete" }));
        proxy.setText(QString());
        proxy.setOutcome(AuditOutcome::Failure);
        QCOMPARE(actions(proxy), QStringList({ "backup.link" }));
        // The record role goes through the proxy.
        const AuditEntry e
            = proxy.index(0, AuditTableModel::Actor).data(AuditTableModel::RecordRole).value<AuditEntry>();
        QCOMPARE(e.action, QStringLiteral("backup.link"));
        QCOMPARE(e.siteId, QStringLiteral("blog"));
        proxy.setOutcome(std::nullopt);
        QCOMPARE(proxy.rowCount(), 4);

        // The proxy and core's filter agree on every row.
        AuditFilter filter;
        filter.setText(QStringLiteral("shop"));
        filter.setOutcome(AuditOutcome::Success);
        proxy.setFilter(filter);
        for (const AuditEntry &entry : entries())
            QCOMPARE(actions(proxy).contains(entry.action), filter.accepts(entry));
    }

    void viewFiltersAndAsks()
    {
        AuditView view;
        view.setSiteId(QStringLiteral("shop"));
        QSignalSpy asked(&view, &AuditView::refreshRequested);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(asked.size(), 1); // shown: asks for its site's entries
        QCOMPARE(asked.first().at(0).value<AuditFilter>().siteId(), QStringLiteral("shop"));
        QCOMPARE(asked.first().at(0).value<AuditFilter>().limit(), 0);
        auto *empty = view.findChild<QLabel *>(QStringLiteral("auditEmpty"));
        QVERIFY(empty->isVisible());
        view.setEntries(entries());
        QVERIFY(!empty->isVisible());
        QCOMPARE(view.proxy()->rowCount(), 4);
        QTest::keyClicks(view.searchEdit(), QStringLiteral("backup."));
        QCOMPARE(view.proxy()->rowCount(), 2);
        view.outcomeCombo()->setCurrentIndex(view.outcomeCombo()->findData(int(AuditOutcome::Refused)));
        QCOMPARE(view.proxy()->rowCount(), 1);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("auditSummary"))->text(), QStringLiteral("1 of 4 entries"));
        const QList<AuditEntry> all = entries();
        view.setEntries({ all.first() }); // one entry, not "1 entries"
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("auditSummary"))->text(), QStringLiteral("0 of 1 entry"));
        view.searchEdit()->clear();
        view.outcomeCombo()->setCurrentIndex(0);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("auditSummary"))->text(), QStringLiteral("1 entry"));
        view.setEntries(all);
        QCOMPARE(view.proxy()->rowCount(), 4);
        QTest::mouseClick(view.refreshButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        view.refreshWhenVisible();
        QCOMPARE(asked.size(), 3);
        view.hide();
        view.refreshWhenVisible(); // hidden: asks when shown again
        QCOMPARE(asked.size(), 3);
        view.show();
        QCOMPARE(asked.size(), 4);
    }
};

QTEST_MAIN(TestAuditTableModel)
#include "TestAuditTableModel.moc"
