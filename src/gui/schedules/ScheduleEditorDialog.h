// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Schedule.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ScheduleEditorDialog;
}

/// Edits one environment's schedule: daily or weekly (with its day), the UTC time, retention
/// (keep the newest N, and those younger than D days) and whether it runs. The form is
/// ScheduleEditorDialog.ui (tests find its fields by their object names); schedule() gives what
/// `schedule set` would store.
class ScheduleEditorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ScheduleEditorDialog(QWidget *parent = nullptr);
    ~ScheduleEditorDialog() override;

    /// Fills the form from @p schedule (its site and environment are kept as they are).
    void setSchedule(const Schedule &schedule);
    Schedule schedule() const;

private:
    void updateWeekday();

    std::unique_ptr<Ui::ScheduleEditorDialog> m_ui;
    Schedule m_schedule;
};
