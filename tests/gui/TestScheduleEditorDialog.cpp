// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule editor (ScheduleEditorDialog.ui): its fields round-trip a Schedule, every
// mnemonic label focuses its field, and Tab walks the form in reading order.
#include "FormField.h"
#include "schedules/ScheduleEditorDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QtTest>

class TestScheduleEditorDialog : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        ScheduleEditorDialog dialog;
        Schedule s;
        s.siteId = QStringLiteral("shop");
        s.environment = Environment::Stage;
        s.frequency = Schedule::Frequency::Weekly;
        s.weekday = 7;
        s.timeUtc = QTime(3, 15);
        s.keepLast = 5;
        s.keepDays = 14;
        s.enabled = false;
        s.lastRunAt = QDateTime(QDate(2026, 11, 29), QTime(3, 15), Qt::UTC);
        dialog.setSchedule(s);
        QVERIFY(formField<QComboBox>(dialog, "weekdayCombo")->isEnabled());
        const Schedule back = dialog.schedule();
        QCOMPARE(back.siteId, s.siteId);
        QCOMPARE(back.environment, s.environment);
        QCOMPARE(back.frequency, s.frequency);
        QCOMPARE(back.weekday, 7);
        QCOMPARE(back.timeUtc, QTime(3, 15));
        QCOMPARE(back.keepLast, 5);
        QCOMPARE(back.keepDays, 14);
        QCOMPARE(back.enabled, false);
        QCOMPARE(back.lastRunAt, s.lastRunAt);

        formField<QComboBox>(dialog, "frequencyCombo")->setCurrentIndex(0);
        QVERIFY(!formField<QComboBox>(dialog, "weekdayCombo")->isEnabled());
        QCOMPARE(dialog.schedule().frequency, Schedule::Frequency::Daily);
        formField<QSpinBox>(dialog, "keepDaysSpin")->setValue(0);
        QCOMPARE(formField<QSpinBox>(dialog, "keepDaysSpin")->text(), QStringLiteral("Off"));
        QVERIFY(formField<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save));
    }

    void mnemonicsFocusTheirFields()
    {
        ScheduleEditorDialog dialog;
        Schedule weekly;
        weekly.frequency = Schedule::Frequency::Weekly; // the day field is enabled
        weekly.timeUtc = QTime(1, 0);
        dialog.setSchedule(weekly);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        int checked = 0;
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        for (QLabel *label : labels) {
            const int amp = label->text().indexOf(u'&');
            if (amp < 0)
                continue;
            QVERIFY2(label->buddy(), qPrintable(label->objectName() + QStringLiteral(" has no buddy")));
            const QChar key = label->text().at(amp + 1).toUpper();
            formField<QDialogButtonBox>(dialog, "buttonBox")->setFocus();
            QTest::keyClick(&dialog, Qt::Key(key.unicode()), Qt::AltModifier);
            QVERIFY2(label->buddy()->hasFocus(), qPrintable(label->text()));
            ++checked;
        }
        QCOMPARE(checked, 5);
        // The check box carries its own mnemonic.
        formField<QDialogButtonBox>(dialog, "buttonBox")->setFocus();
        QTest::keyClick(&dialog, Qt::Key_E, Qt::AltModifier);
        QVERIFY(formField<QCheckBox>(dialog, "enabledCheck")->hasFocus());
    }

    void tabOrderFollowsTheForm()
    {
        ScheduleEditorDialog dialog;
        const QList<QWidget *> expected{
            formField<QComboBox>(dialog, "frequencyCombo"), formField<QComboBox>(dialog, "weekdayCombo"),
            formField<QTimeEdit>(dialog, "timeEdit"),       formField<QSpinBox>(dialog, "keepLastSpin"),
            formField<QSpinBox>(dialog, "keepDaysSpin"),    formField<QCheckBox>(dialog, "enabledCheck")
        };
        QWidget *w = formField<QComboBox>(dialog, "frequencyCombo");
        for (int i = 1; i < expected.size(); ++i) {
            do
                w = w->nextInFocusChain();
            while (w->focusPolicy() == Qt::NoFocus || !expected.contains(w));
            QCOMPARE(w, expected.at(i));
        }
    }
};

QTEST_MAIN(TestScheduleEditorDialog)
#include "TestScheduleEditorDialog.moc"
