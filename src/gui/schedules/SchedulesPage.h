// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Schedule.h"
#include "catalog/Site.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class ScheduleEditorDialog;

/// A site's schedules, one row per environment the site has: daily or weekly time (UTC),
/// retention, enabled, next run and the status of the last scheduled backup. Edit opens
/// ScheduleEditorDialog; saving and removing are asked for with saveRequested() /
/// removeRequested() and the page shows what setOverview() gives back. No I/O here.
class SchedulesPage : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        EnvironmentColumn,
        WhenColumn,
        RetentionColumn,
        EnabledColumn,
        NextRunColumn,
        LastResultColumn,
        ColumnCount
    };

    explicit SchedulesPage(QWidget *parent = nullptr);

    void setSite(const Site &site);
    QString siteId() const { return m_site.id; }
    /// The site's schedules and, per environment, its newest scheduled backup. @p nowUtc
    /// places "next run" (a due time in the past means "due now").
    void setOverview(const QVector<Schedule> &schedules, const QVector<BackupRecord> &lastScheduled,
                     const QDateTime &nowUtc);
    /// Asks for a fresh overview if the page is visible, else when it is shown next.
    void refreshWhenVisible();

    /// Opens the editor for @p env (non-modal to the event loop: window-modal, open()).
    void editSchedule(Environment env);
    void removeSchedule(Environment env);
    /// The open editor, if any (tests).
    ScheduleEditorDialog *editor() const;
    QTableWidget *table() const { return m_table; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    std::optional<Schedule> schedule(Environment env) const;
    /// The environment of the selected row, if any.
    std::optional<Environment> currentEnvironment() const;

signals:
    void refreshRequested(const QString &siteId);
    void saveRequested(const Schedule &schedule);
    void removeRequested(const QString &siteId, Environment env);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void updateButtons();

    Site m_site;
    QVector<Schedule> m_schedules;
    QVector<BackupRecord> m_last;
    QDateTime m_now;
    bool m_stale = true;
    QLabel *m_intro;
    QTableWidget *m_table;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPointer<ScheduleEditorDialog> m_editor;
};
