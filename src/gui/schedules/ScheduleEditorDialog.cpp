// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScheduleEditorDialog.h"

#include "ui_ScheduleEditorDialog.h"
#include "widgets/Format.h"

#include <QLocale>
#include <QPushButton>

ScheduleEditorDialog::ScheduleEditorDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ScheduleEditorDialog>())
{
    m_ui->setupUi(this);
    for (int day = 1; day <= 7; ++day)
        m_ui->weekdayCombo->addItem(QLocale().dayName(day, QLocale::LongFormat), day);
    connect(m_ui->frequencyCombo, &QComboBox::currentIndexChanged, this, &ScheduleEditorDialog::updateWeekday);
    setSchedule(Schedule());
}

ScheduleEditorDialog::~ScheduleEditorDialog() = default;

void ScheduleEditorDialog::setSchedule(const Schedule &schedule)
{
    m_schedule = schedule;
    m_ui->headingLabel->setText(tr("Schedule of %1 / %2 (%3)")
                                    .arg(schedule.siteId, Format::environment(schedule.environment),
                                         Format::environmentLong(schedule.environment)));
    m_ui->frequencyCombo->setCurrentIndex(schedule.frequency == Schedule::Frequency::Weekly ? 1 : 0);
    m_ui->weekdayCombo->setCurrentIndex(qBound(1, schedule.weekday, 7) - 1);
    m_ui->timeEdit->setTime(schedule.timeUtc.isValid() ? schedule.timeUtc : QTime(2, 0));
    m_ui->keepLastSpin->setValue(schedule.keepLast);
    m_ui->keepDaysSpin->setValue(schedule.keepDays);
    m_ui->enabledCheck->setChecked(schedule.enabled);
    updateWeekday();
}

Schedule ScheduleEditorDialog::schedule() const
{
    Schedule s = m_schedule;
    s.frequency = m_ui->frequencyCombo->currentIndex() == 1 ? Schedule::Frequency::Weekly : Schedule::Frequency::Daily;
    s.weekday = m_ui->weekdayCombo->currentData().toInt();
    const QTime t = m_ui->timeEdit->time();
    s.timeUtc = QTime(t.hour(), t.minute());
    s.keepLast = m_ui->keepLastSpin->value();
    s.keepDays = m_ui->keepDaysSpin->value();
    s.enabled = m_ui->enabledCheck->isChecked();
    return s;
}

void ScheduleEditorDialog::updateWeekday()
{
    const bool weekly = m_ui->frequencyCombo->currentIndex() == 1;
    m_ui->weekdayCombo->setEnabled(weekly);
    m_ui->weekdayLabel->setEnabled(weekly);
}
