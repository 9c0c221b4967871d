// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "backups/BackupDetailsDialog.h"
#include "catalog/Catalog.h"
#include "jobs/BackupManifest.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QtTest>

using namespace GuiTestData;

class TestBackupDetailsDialog : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        BackupDetailsDialog dialog;
        QCOMPARE(dialog.objectName(), QStringLiteral("BackupDetailsDialog"));
        QVERIFY(!dialog.record().isValid());
    }

    void showsEverythingKnown()
    {
        BackupDetailsDialog dialog;
        BackupRecord r
            = backup(QStringLiteral("20261120T080000000Z-1"), Environment::Dev, BackupStatus::Completed, t0(), 2048);
        r.objectKey = QStringLiteral("customers/acme/acme-shop/dev/x.sql.gz");
        dialog.setRecord(r);
        QCOMPARE(dialog.fieldText(QStringLiteral("sha256Field")), r.sha256);
        QCOMPARE(dialog.fieldText(QStringLiteral("keyField")), r.objectKey);
        QCOMPARE(dialog.fieldText(QStringLiteral("durationField")), QStringLiteral("1 min 00 s"));
        QCOMPARE(dialog.fieldText(QStringLiteral("errorField")), QStringLiteral("—"));
        r.status = BackupStatus::Failed;
        r.errorText = QStringLiteral("Lost connection to MySQL server");
        dialog.setRecord(r);
        QCOMPARE(dialog.fieldText(QStringLiteral("errorField")), r.errorText);
        dialog.setManifest(QStringLiteral("{\"sha256\":\"ab\"}"));
        QVERIFY(dialog.findChild<QPlainTextEdit *>(QStringLiteral("manifestText"))
                    ->toPlainText()
                    .contains(QStringLiteral("\"sha256\": \"ab\"")));
    }

    void showsTheManifestTables()
    {
        BackupDetailsDialog dialog;
        dialog.setRecord(
            backup(QStringLiteral("20261120T080000000Z-2"), Environment::Prod, BackupStatus::Completed, t0(), 4096));
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("manifestStatus"));
        QVERIFY(status);
        dialog.setManifestLoading();
        QVERIFY(!status->isHidden());
        BackupManifest m;
        m.backupId = QStringLiteral("20261120T080000000Z-2");
        m.siteId = QStringLiteral("acme-shop");
        m.customer = QStringLiteral("acme");
        m.environment = Environment::Prod;
        m.objectKey = Catalog::objectKey(m.customer, m.siteId, m.environment, m.backupId);
        m.sha256 = QString(64, u'a');
        m.sizeBytes = 4096;
        m.rawSizeBytes = 20000;
        m.createdAt = t0();
        m.serverVersion = QStringLiteral("10.11.6-MariaDB");
        m.dumpOptions = QStringLiteral("single-transaction, extended-insert");
        m.tables = { { QStringLiteral("wp_posts"), 1200 }, { QStringLiteral("wp_options"), 350 } };
        dialog.setManifest(QString::fromUtf8(m.toJson()));
        QVERIFY2(status->isHidden(), qPrintable(status->text()));
        QCOMPARE(dialog.fieldText(QStringLiteral("serverField")), m.serverVersion);
        QCOMPARE(dialog.fieldText(QStringLiteral("optionsField")), m.dumpOptions);
        QCOMPARE(dialog.fieldText(QStringLiteral("tablesField")),
                 QStringLiteral("2 tables, %1 rows").arg(QLocale().toString(1550)));
        QTreeWidget *tables = dialog.tablesView();
        QCOMPARE(tables->topLevelItemCount(), 2);
        // Sorted by name; row counts sort as numbers.
        QCOMPARE(tables->topLevelItem(0)->text(0), QStringLiteral("wp_options"));
        QCOMPARE(tables->topLevelItem(0)->data(1, Qt::DisplayRole).toLongLong(), 350);
        QCOMPARE(tables->topLevelItem(1)->text(0), QStringLiteral("wp_posts"));

        // A count of one is singular.
        BackupManifest single = m;
        single.tables = { { QStringLiteral("wp_options"), 1 } };
        dialog.setManifest(QString::fromUtf8(single.toJson()));
        QCOMPARE(dialog.fieldText(QStringLiteral("tablesField")), QStringLiteral("1 table, 1 row"));

        // Something that is not a manifest: said so, the raw text still shown.
        dialog.setManifest(QStringLiteral("not json"));
        QVERIFY(!status->isHidden());
        QCOMPARE(tables->topLevelItemCount(), 0);
        QCOMPARE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("manifestText"))->toPlainText(),
                 QStringLiteral("not json"));
        dialog.setManifestError(QStringLiteral("the object does not exist"));
        QVERIFY(status->text().contains(QStringLiteral("the object does not exist")));
    }
};

QTEST_MAIN(TestBackupDetailsDialog)
#include "TestBackupDetailsDialog.moc"
