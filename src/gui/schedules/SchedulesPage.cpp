// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SchedulesPage.h"

#include "ScheduleEditorDialog.h"
#include "widgets/Format.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
constexpr int EnvironmentRole = Qt::UserRole + 1;

QString describe(const Schedule &s)
{
    const QString time = s.timeUtc.toString(QStringLiteral("HH:mm"));
    if (s.frequency == Schedule::Frequency::Daily)
        return SchedulesPage::tr("Daily at %1 UTC").arg(time);
    return SchedulesPage::tr("Weekly on %1 at %2 UTC").arg(QLocale().dayName(qBound(1, s.weekday, 7)), time);
}

QString retention(const Schedule &s)
{
    const QString last = SchedulesPage::tr("Keep the newest %n", nullptr, s.keepLast);
    if (s.keepDays <= 0)
        return last;
    // Without a catalog (English) %n has no plural forms: one day is a string of its own.
    return (s.keepDays == 1 ? SchedulesPage::tr("%1 and those younger than 1 day")
                            : SchedulesPage::tr("%1 and those younger than %n days", nullptr, s.keepDays))
        .arg(last);
}
} // namespace

SchedulesPage::SchedulesPage(QWidget *parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_edit(new QPushButton(tr("Edit Schedule…"), this))
    , m_remove(new QPushButton(tr("Remove Schedule"), this))
{
    setObjectName(QStringLiteral("SchedulesPage"));
    m_intro->setObjectName(QStringLiteral("schedulesIntro"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Scheduled backups run while this console or a backup worker is running. Times are UTC."));
    m_table->setObjectName(QStringLiteral("schedulesTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        { tr("Environment"), tr("When"), tr("Retention"), tr("Enabled"), tr("Next run"), tr("Last result") });
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Schedules"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_edit->setObjectName(QStringLiteral("editSchedule"));
    m_remove->setObjectName(QStringLiteral("removeSchedule"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_edit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SchedulesPage::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] {
        if (const auto env = currentEnvironment())
            editSchedule(*env);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const auto env = currentEnvironment())
            editSchedule(*env);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const auto env = currentEnvironment())
            removeSchedule(*env);
    });
    updateButtons();
}

void SchedulesPage::setSite(const Site &site)
{
    const bool changed = site.id != m_site.id;
    m_site = site;
    if (changed) {
        if (m_editor)
            m_editor->reject();
        m_schedules.clear();
        m_last.clear();
        m_stale = true;
        rebuild();
        refreshWhenVisible();
    }
}

void SchedulesPage::setOverview(const QVector<Schedule> &schedules, const QVector<BackupRecord> &lastScheduled,
                                const QDateTime &nowUtc)
{
    m_schedules = schedules;
    m_last = lastScheduled;
    m_now = nowUtc;
    rebuild();
}

void SchedulesPage::refreshWhenVisible()
{
    m_stale = true;
    if (isVisible() && !m_site.id.isEmpty()) {
        m_stale = false;
        emit refreshRequested(m_site.id);
    }
}

void SchedulesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refreshWhenVisible();
}

ScheduleEditorDialog *SchedulesPage::editor() const
{
    return m_editor;
}

std::optional<Schedule> SchedulesPage::schedule(Environment env) const
{
    for (const Schedule &s : m_schedules) {
        if (s.environment == env)
            return s;
    }
    return std::nullopt;
}

std::optional<Environment> SchedulesPage::currentEnvironment() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return std::nullopt;
    const QTableWidgetItem *first = m_table->item(selected.first()->row(), EnvironmentColumn);
    return static_cast<Environment>(first->data(EnvironmentRole).toInt());
}

void SchedulesPage::rebuild()
{
    const std::optional<Environment> selected = currentEnvironment();
    const QVector<Environment> envs = m_site.id.isEmpty() ? QVector<Environment>() : m_site.environments();
    m_table->setRowCount(int(envs.size()));
    for (int row = 0; row < envs.size(); ++row) {
        const Environment env = envs.at(row);
        const std::optional<Schedule> s = schedule(env);
        auto set = [&](int column, const QString &text, const QString &tip = {}) {
            auto *item = new QTableWidgetItem(text);
            item->setData(EnvironmentRole, static_cast<int>(env));
            item->setToolTip(tip);
            m_table->setItem(row, column, item);
            return item;
        };
        set(EnvironmentColumn, Format::environment(env), Format::environmentLong(env));
        if (!s) {
            set(WhenColumn, tr("Not scheduled"))->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            set(RetentionColumn, QStringLiteral("—"));
            set(EnabledColumn, QStringLiteral("—"));
            set(NextRunColumn, QStringLiteral("—"));
            set(LastResultColumn, QStringLiteral("—"));
            continue;
        }
        set(WhenColumn, describe(*s));
        // Short in the cell, in words in the tooltip.
        set(RetentionColumn,
            s->keepDays == 1      ? tr("%1 newest + 1 day").arg(s->keepLast)
                : s->keepDays > 0 ? tr("%1 newest + %2 days").arg(s->keepLast).arg(s->keepDays)
                                  : tr("%1 newest").arg(s->keepLast),
            retention(*s));
        set(EnabledColumn, s->enabled ? tr("Yes") : tr("No"));
        // As `schedule show` computes it: the first due time after the last run (or creation).
        const QDateTime since = s->lastRunAt.isValid() ? s->lastRunAt : s->createdAt;
        const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        const QDateTime next = s->nextRunAfter(since.isValid() ? since : now);
        if (!s->enabled)
            set(NextRunColumn, tr("Paused"));
        else if (next <= now)
            set(NextRunColumn, tr("Due now"), Format::exactTime(next));
        else
            set(NextRunColumn, Format::localTime(next), Format::exactTime(next));
        const BackupRecord *last = nullptr;
        for (const BackupRecord &r : m_last) {
            if (r.environment == env && r.siteId == m_site.id)
                last = &r;
        }
        if (!last) {
            set(LastResultColumn, tr("Never run"));
        } else {
            QTableWidgetItem *item = set(
                LastResultColumn, tr("%1, %2").arg(Format::status(last->status), Format::localTime(last->createdAt)),
                last->errorText.isEmpty() ? last->id : last->errorText);
            item->setIcon(Format::statusIcon(last->status));
        }
    }
    if (selected) {
        for (int row = 0; row < envs.size(); ++row) {
            if (envs.at(row) == *selected)
                m_table->selectRow(row);
        }
    } else if (!envs.isEmpty()) {
        m_table->selectRow(0);
    }
    // Every column as wide as its longest text (a handful of rows), the last one takes the rest.
    for (int column = 0; column < LastResultColumn; ++column)
        m_table->resizeColumnToContents(column);
    updateButtons();
}

void SchedulesPage::updateButtons()
{
    const std::optional<Environment> env = currentEnvironment();
    m_edit->setEnabled(env.has_value());
    m_remove->setEnabled(env && schedule(*env).has_value());
    m_edit->setText(env && !schedule(*env) ? tr("Add Schedule…") : tr("Edit Schedule…"));
}

void SchedulesPage::editSchedule(Environment env)
{
    if (m_site.id.isEmpty())
        return;
    Schedule s = schedule(env).value_or(Schedule());
    s.siteId = m_site.id;
    s.environment = env;
    if (m_editor)
        m_editor->reject();
    auto *dialog = new ScheduleEditorDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSchedule(s);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { emit saveRequested(dialog->schedule()); });
    m_editor = dialog;
    dialog->open();
}

void SchedulesPage::removeSchedule(Environment env)
{
    if (m_site.id.isEmpty() || !schedule(env))
        return;
    emit removeRequested(m_site.id, env);
}
