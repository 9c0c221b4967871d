// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "backups/BackupFilterProxyModel.h"
#include "backups/BackupTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace GuiTestData;

class TestBackupFilterProxyModel : public QObject
{
    Q_OBJECT

    static QStringList ids(const QAbstractItemModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, 0).data(BackupTableModel::IdRole).toString();
        return out;
    }

private slots:
    void defaults()
    {
        BackupFilterProxyModel proxy;
        QCOMPARE(proxy.objectName(), QStringLiteral("BackupFilterProxyModel"));
        QCOMPARE(proxy.sortRole(), int(BackupTableModel::SortRole));
        QVERIFY(proxy.filter() == EnvironmentFilter::all());
    }

    void filtersByEnvironmentAndStatus()
    {
        BackupTableModel model;
        BackupFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups(QStringLiteral("acme-shop"), fiveBackups());
        proxy.sort(BackupTableModel::CreatedColumn, Qt::DescendingOrder);
        QCOMPARE(ids(proxy), QStringList({ "b5", "b4", "b3", "b2", "b1" }));

        proxy.setEnvironment(Environment::Dev);
        QCOMPARE(ids(proxy), QStringList({ "b5", "b2" }));
        proxy.setEnvironment(Environment::Prod);
        QCOMPARE(ids(proxy), QStringList({ "b4", "b1" }));
        proxy.setStatus(BackupStatus::Completed);
        QCOMPARE(ids(proxy), QStringList({ "b4", "b1" }));
        proxy.setEnvironment(std::nullopt);
        QCOMPARE(ids(proxy), QStringList({ "b4", "b2", "b1" }));
        proxy.setStatus(std::nullopt);
        QCOMPARE(proxy.rowCount(), 5);

        // The proxy and core's filter agree on every row (the proxy only delegates).
        const EnvironmentFilter stage(Environment::Stage);
        proxy.setFilter(stage);
        for (const BackupRecord &r : fiveBackups())
            QCOMPARE(ids(proxy).contains(r.id), stage.accepts(r));

        // Live rows obey the filter: a new stage backup shows up, a dev one does not.
        model.updateBackup(backup(QStringLiteral("b8"), Environment::Stage, BackupStatus::Pending, t0().addDays(2)));
        model.updateBackup(backup(QStringLiteral("b9"), Environment::Dev, BackupStatus::Pending, t0().addDays(2)));
        QCOMPARE(ids(proxy), QStringList({ "b8", "b3" }));
    }

    void sortsOnRawValues()
    {
        BackupTableModel model;
        BackupFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups(QStringLiteral("acme-shop"), fiveBackups());

        // 10 B < 4 KiB < 1 MiB: sizes sort by bytes, not by their text; unknown sizes (-1) first.
        proxy.sort(BackupTableModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy), QStringList({ "b3", "b5", "b1", "b4", "b2" }));
        proxy.sort(BackupTableModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy), QStringList({ "b1", "b2", "b3", "b4", "b5" }));
        proxy.sort(BackupTableModel::EnvironmentColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy), QStringList({ "b1", "b4", "b3", "b2", "b5" }));
        proxy.sort(BackupTableModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(ids(proxy).first(), QStringLiteral("b3")); // Failed sorts after Completed

        // RecordRole reaches through the proxy.
        const BackupRecord r = proxy.index(0, 0).data(BackupTableModel::RecordRole).value<BackupRecord>();
        QCOMPARE(r.id, QStringLiteral("b3"));
        QCOMPARE(r.status, BackupStatus::Failed);
    }
};

QTEST_MAIN(TestBackupFilterProxyModel)
#include "TestBackupFilterProxyModel.moc"
