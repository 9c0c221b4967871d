// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "backups/BackupDetailsDialog.h"

#include <QPlainTextEdit>
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
};

QTEST_MAIN(TestBackupDetailsDialog)
#include "TestBackupDetailsDialog.moc"
