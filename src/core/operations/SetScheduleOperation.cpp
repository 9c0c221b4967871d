// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetScheduleOperation.h"

#include "catalog/Catalog.h"
#include "catalog/Site.h"
#include "util/Counted.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SetScheduleOperation", text);
}
} // namespace

SetScheduleOperation::SetScheduleOperation(const OperationContext &context)
    : m_context(context)
{ }

QString SetScheduleOperation::describe(const Schedule &schedule)
{
    static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    const QString time = schedule.timeUtc.toString(QStringLiteral("HH:mm"));
    const QString when = schedule.frequency == Schedule::Frequency::Daily
        ? QStringLiteral("daily %1").arg(time)
        : QStringLiteral("weekly %1@%2").arg(QLatin1String(days[qBound(1, schedule.weekday, 7) - 1]), time);
    return when + QStringLiteral(" UTC, keep %1").arg(schedule.keepLast)
        + (schedule.keepDays > 0 ? QStringLiteral(" and %1").arg(Counted::of(schedule.keepDays, "day", "days"))
                                 : QString());
}

OperationResult SetScheduleOperation::run(const Schedule &schedule)
{
    const QString action = QStringLiteral("schedule.set");
    const QString detail = Environments::toString(schedule.environment) + QLatin1Char(' ') + describe(schedule);
    auto refuse = [&](const QString &message) {
        m_context.audit(action, AuditOutcome::Refused, schedule.siteId, schedule.environment, {}, message);
        return OperationResult::refused(message);
    };
    const int failedBefore = m_context.catalog->failedStatements();
    const auto site = Slug::isValid(schedule.siteId) ? m_context.catalog->site(schedule.siteId) : std::nullopt;
    if (!site)
        return refuse(m_context.catalog->absentReason(
            failedBefore, tr("There is no site \"%1\" in the catalog.").arg(schedule.siteId)));
    if (const QString missing = site->missingEnvironmentReason(schedule.environment); !missing.isEmpty())
        return refuse(missing);
    if (schedule.keepLast < 1 || schedule.keepDays < 0)
        return refuse(tr("Keep at least one scheduled backup (keep N with N >= 1, keep days D with D >= 0)."));
    Schedule s = schedule;
    for (const Schedule &existing : m_context.catalog->schedules(s.siteId)) {
        if (existing.environment == s.environment)
            s.lastRunAt = existing.lastRunAt;
    }
    if (!m_context.catalog->setSchedule(s)) {
        const QString message = m_context.catalog->lastError();
        m_context.audit(action, AuditOutcome::Failure, s.siteId, s.environment, {}, message);
        return OperationResult::failure(message);
    }
    m_context.audit(action, AuditOutcome::Success, s.siteId, s.environment, {}, detail);
    return OperationResult::success(describe(s));
}
