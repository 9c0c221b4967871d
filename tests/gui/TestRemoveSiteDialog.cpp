// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The typed confirmation of Remove Site: Remove Site enables only for the exact slug, and only
// together with the backups while the site has some; Cancel is the default; the mnemonic
// labels focus their fields.
#include "sites/RemoveSiteDialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

class TestRemoveSiteDialog : public QObject
{
    Q_OBJECT

    static Site shop()
    {
        return { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} };
    }

private slots:
    void typedSlugEnablesRemove()
    {
        RemoveSiteDialog dialog;
        dialog.setSite(shop());
        dialog.setBackupCount(0);
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        QVERIFY(edit);
        QVERIFY(!dialog.removeButton()->isEnabled());
        QVERIFY(dialog.cancelButton()->isDefault());
        QVERIFY(!dialog.removeButton()->isDefault());
        for (const QString &wrong : { QStringLiteral("sho"), QStringLiteral("Shop"), QStringLiteral("shop "),
                                      QStringLiteral(" shop"), QStringLiteral("SHOP"), QStringLiteral("shops") }) {
            edit->setText(wrong);
            QVERIFY2(!dialog.removeButton()->isEnabled(), qPrintable(wrong));
            QVERIFY(!dialog.canRemove());
        }
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("shop"));
        QVERIFY(dialog.removeButton()->isEnabled());
        QVERIFY(dialog.cancelButton()->isDefault());

        QSignalSpy requested(&dialog, &RemoveSiteDialog::removeRequested);
        QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("shop"));
        QCOMPARE(requested.first().at(1).toBool(), false);
        QCOMPARE(requested.first().at(2).toString(), QStringLiteral("shop"));

        // Busy: nothing can be asked twice; an error gives the button back.
        dialog.setBusy(true);
        QVERIFY(!dialog.removeButton()->isEnabled());
        dialog.showError(QStringLiteral("Refused."));
        dialog.setBusy(false);
        QVERIFY(dialog.removeButton()->isEnabled());
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QCOMPARE(error->text(), QStringLiteral("Refused."));
    }

    void backupsMustGoToo()
    {
        RemoveSiteDialog dialog;
        dialog.setSite(shop());
        dialog.setBackupCount(3);
        auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("deleteBackupsCheck"));
        QVERIFY(check->isEnabled());
        QVERIFY(check->text().contains(QLatin1Char('3')));
        QVERIFY(!check->isChecked()); // never pre-checked
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("backupsNoteLabel"));
        QVERIFY(note->text().contains(QLatin1Char('3')));
        QCOMPARE(check->text(), QStringLiteral("Also &delete all 3 backups"));
        dialog.setBackupCount(1); // English has no plural forms without a catalog
        QCOMPARE(check->text(), QStringLiteral("Also &delete its backup"));
        QVERIFY2(note->text().startsWith(QLatin1String("The site still has a backup,")), qPrintable(note->text()));
        dialog.setBackupCount(3);

        dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(QStringLiteral("shop"));
        QVERIFY(!dialog.removeButton()->isEnabled()); // removeSite() would refuse it
        check->setChecked(true);
        QVERIFY(dialog.removeButton()->isEnabled());
        QVERIFY(note->text().contains(QStringLiteral("cannot be undone")));
        QSignalSpy requested(&dialog, &RemoveSiteDialog::removeRequested);
        dialog.removeButton()->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(1).toBool(), true);

        // No backups: nothing to delete, the checkbox is off and disabled.
        dialog.setBackupCount(0);
        QVERIFY(!check->isChecked());
        QVERIFY(!check->isEnabled());
        QVERIFY(dialog.removeButton()->isEnabled());
    }

    void buddiesAndTabOrder()
    {
        RemoveSiteDialog dialog;
        dialog.setSite(shop());
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("confirmLabel"));
        QVERIFY(label->text().contains(QLatin1Char('&')));
        QCOMPARE(label->buddy(), dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit")));
        // The label focuses the field (TestFormBuddies checks the tab order with the other forms).
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(dialog.focusWidget(), label->buddy());
    }
};

QTEST_MAIN(TestRemoveSiteDialog)
#include "TestRemoveSiteDialog.moc"
