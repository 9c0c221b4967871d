// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "backups/BackupTableModel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QtTest>

using namespace GuiTestData;

class TestBackupTableModel : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        BackupTableModel model;
        QCOMPARE(model.objectName(), QStringLiteral("BackupTableModel"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(BackupTableModel::ColumnCount));
        QCOMPARE(model.headerData(BackupTableModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size"));
        QCOMPARE(model.headerData(BackupTableModel::CreatedByColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Created by"));
    }

    void rolesUnderTester()
    {
        BackupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups(QStringLiteral("acme-shop"), fiveBackups());
        QCOMPARE(model.rowCount(), 5);

        const QModelIndex completedSize = model.index(1, BackupTableModel::SizeColumn);
        QCOMPARE(completedSize.data().toString(), Format_size4096());
        QCOMPARE(completedSize.data(BackupTableModel::SortRole).toLongLong(), 4096);
        // Size shows a dash until the backup completed.
        QCOMPARE(model.index(0, BackupTableModel::SizeColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(2, BackupTableModel::SizeColumn).data().toString(), QStringLiteral("—"));

        const QModelIndex created = model.index(1, BackupTableModel::CreatedColumn);
        QCOMPARE(created.data(BackupTableModel::SortRole).toDateTime(), t0().addSecs(3 * 3600));
        QVERIFY(created.data(Qt::ToolTipRole).toString().contains(QStringLiteral("11:00:00")));

        QCOMPARE(model.index(2, BackupTableModel::StatusColumn).data().toString(), QStringLiteral("Failed"));
        QVERIFY(!model.index(2, BackupTableModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(0, BackupTableModel::EnvironmentColumn).data().toString(), QStringLiteral("dev"));
        QCOMPARE(model.index(0, BackupTableModel::TypeColumn).data().toString(), QStringLiteral("Manual"));
        QCOMPARE(model.index(0, BackupTableModel::CreatedByColumn).data().toString(), QStringLiteral("alice"));
        const BackupRecord r = model.index(3, 0).data(BackupTableModel::RecordRole).value<BackupRecord>();
        QCOMPARE(r.id, QStringLiteral("b2"));
        QCOMPARE(r.environment, Environment::Dev);
    }

    void firstPageThenComplete()
    {
        BackupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QVector<BackupRecord> all = fiveBackups();
        QVERIFY(model.setFirstPage(QStringLiteral("acme-shop"), all.mid(0, 2)));
        QVERIFY(model.isPartial());
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setBackups(QStringLiteral("acme-shop"), all);
        QVERIFY(!model.isPartial());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(resets.size(), 1); // replaced in one go, not merged row by row
        QCOMPARE(model.rowOf(QStringLiteral("b1")), 4);
        // A refresh of the site already shown in full ignores the first page and merges.
        QVERIFY(!model.setFirstPage(QStringLiteral("acme-shop"), all.mid(0, 2)));
        QCOMPARE(model.rowCount(), 5);
        // Another site's first page replaces the rows.
        QVERIFY(model.setFirstPage(QStringLiteral("other-site"), all.mid(0, 1)));
        QCOMPARE(model.rowCount(), 1);
    }

    void changesAnnounceOnlyTheirColumns()
    {
        BackupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVector<BackupRecord> rows = fiveBackups();
        model.setBackups(QStringLiteral("acme-shop"), rows);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // The running backup completes: status and size change, Created (the sort column) not.
        rows[0].status = BackupStatus::Completed;
        rows[0].sizeBytes = 5000;
        model.updateBackup(rows.at(0));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(BackupTableModel::StatusColumn));
        QCOMPARE(changed.first().at(1).toModelIndex().column(), int(BackupTableModel::SizeColumn));
        // An identical periodic refresh announces nothing.
        changed.clear();
        model.setBackups(QStringLiteral("acme-shop"), rows);
        QCOMPARE(changed.size(), 0);
        // Pinning touches the Type column only.
        rows[1].pinned = true;
        model.setBackups(QStringLiteral("acme-shop"), rows);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(BackupTableModel::TypeColumn));
        QCOMPARE(changed.first().at(1).toModelIndex().column(), int(BackupTableModel::TypeColumn));
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        // The pin is an icon beside the type, in words in the tooltip and for screen readers.
        const QModelIndex pinnedType = model.index(1, BackupTableModel::TypeColumn);
        QCOMPARE(pinnedType.data().toString(), QStringLiteral("Manual"));
        const QImage pin = pinnedType.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
        QVERIFY(!pin.isNull());
        QVERIFY(pin.pixelColor(8, 8).alpha() > 0);
        QCOMPARE(pinnedType.data(Qt::ToolTipRole).toString(), QStringLiteral("Manual (pinned)"));
        QCOMPARE(pinnedType.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Manual (pinned)"));
        const QModelIndex plainType = model.index(0, BackupTableModel::TypeColumn);
        // An empty icon of the same size: the type texts stay aligned.
        const QImage none = plainType.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
        QCOMPARE(none.size(), pin.size());
        QCOMPARE(none.pixelColor(8, 8).alpha(), 0);
        QCOMPARE(plainType.data(Qt::ToolTipRole).toString(), QStringLiteral("Manual"));
    }

    void largeMergeOffTheGuiThread()
    {
        BackupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVector<BackupRecord> rows;
        const int n = BackupTableModel::AsyncMergeThreshold / 2 + 100;
        for (int i = 0; i < n; ++i)
            rows << backup(QStringLiteral("id%1").arg(i), Environment::Prod, BackupStatus::Completed,
                           t0().addSecs(-i * 60), 100 + i);
        rows[1].status = BackupStatus::InProgress;
        rows[1].sizeBytes = -1;
        model.setBackups(QStringLiteral("acme-shop"), rows);
        QCOMPARE(model.rowCount(), n);

        // The catalog answer: id0 changed, id5 gone, a new one. Meanwhile id1 completes here (a
        // job's backupChanged, newer than the answer that still says In Progress).
        QVector<BackupRecord> fresh = rows;
        fresh[0].pinned = true;
        fresh.remove(5);
        fresh.prepend(backup(QStringLiteral("new"), Environment::Dev, BackupStatus::Pending, t0().addSecs(60)));
        QSignalSpy merged(&model, &BackupTableModel::merged);
        model.setBackups(QStringLiteral("acme-shop"), fresh);
        BackupRecord done = rows.at(1);
        done.status = BackupStatus::Completed;
        done.sizeBytes = 777;
        model.updateBackup(done);
        QVERIFY(merged.wait(10000));
        QCOMPARE(model.rowCount(), n); // one removed, one added
        QVERIFY(model.recordAt(model.rowOf(QStringLiteral("id0"))).pinned);
        QCOMPARE(model.rowOf(QStringLiteral("id5")), -1);
        QVERIFY(model.rowOf(QStringLiteral("new")) >= 0);
        QCOMPARE(model.recordAt(model.rowOf(QStringLiteral("id1"))).status, BackupStatus::Completed);
        QCOMPARE(model.recordAt(model.rowOf(QStringLiteral("id1"))).sizeBytes, 777);

        // Another site while a merge runs: the stale plan is dropped.
        model.setBackups(QStringLiteral("acme-shop"), rows);
        model.setBackups(QStringLiteral("other-site"), rows.mid(0, 3));
        QTest::qWait(200);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.siteId(), QStringLiteral("other-site"));
    }

    void progressOfRunningBackup()
    {
        BackupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups(QStringLiteral("acme-shop"), fiveBackups());
        const QModelIndex status = model.index(0, BackupTableModel::StatusColumn);
        QCOMPARE(status.data(BackupTableModel::ProgressRole).toInt(), -1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        JobProgress p;
        p.jobId = QStringLiteral("j1");
        p.backupId = QStringLiteral("b5");
        p.phase = QStringLiteral("Dumping");
        p.bytesDone = 250;
        p.bytesTotal = 1000;
        model.setProgress(p);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(status.data(BackupTableModel::ProgressRole).toInt(), 250);
        QVERIFY(status.data().toString().startsWith(QStringLiteral("Dumping")));
        // Progress for a backup that is not shown changes nothing.
        p.backupId = QStringLiteral("elsewhere");
        model.setProgress(p);
        QCOMPARE(changed.count(), 1);
    }

    void refreshMergesInPlace()
    {
        BackupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups(QStringLiteral("acme-shop"), fiveBackups());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        QVector<BackupRecord> next = fiveBackups();
        next[0].status = BackupStatus::Completed; // b5 finished elsewhere
        next[0].sizeBytes = 77;
        next.removeAt(2); // b3 deleted by a colleague
        next.prepend(backup(QStringLiteral("b6"), Environment::Prod, BackupStatus::Pending, t0().addSecs(5 * 3600)));
        model.setBackups(QStringLiteral("acme-shop"), next);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(QStringLiteral("b3")), -1);
        QVERIFY(model.rowOf(QStringLiteral("b6")) >= 0);
        QCOMPARE(model.recordAt(model.rowOf(QStringLiteral("b5"))).status, BackupStatus::Completed);

        // Another site replaces everything.
        model.setBackups(QStringLiteral("other"),
                         { backup(QStringLiteral("x"), Environment::Prod, BackupStatus::Pending, t0(), -1,
                                  QStringLiteral("other")) });
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    void liveUpdatesAndRemoval()
    {
        BackupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackups(QStringLiteral("acme-shop"), fiveBackups());
        BackupRecord fresh = backup(QStringLiteral("b7"), Environment::Dev, BackupStatus::Pending, t0().addDays(1));
        model.updateBackup(fresh);
        QCOMPARE(model.rowCount(), 6);
        fresh.status = BackupStatus::InProgress;
        model.updateBackup(fresh);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.recordAt(model.rowOf(QStringLiteral("b7"))).status, BackupStatus::InProgress);
        // Records of other sites are not this table's business.
        model.updateBackup(backup(QStringLiteral("z"), Environment::Dev, BackupStatus::Pending, t0(), -1,
                                  QStringLiteral("other-site")));
        QCOMPARE(model.rowCount(), 6);
        model.removeBackup(QStringLiteral("b1"));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(QStringLiteral("b1")), -1);
        QCOMPARE(model.recordAt(model.rowOf(QStringLiteral("b7"))).id, QStringLiteral("b7"));
    }

private:
    static QString Format_size4096() { return QLocale().formattedDataSize(4096, 1, QLocale::DataSizeIecFormat); }
};

QTEST_MAIN(TestBackupTableModel)
#include "TestBackupTableModel.moc"
