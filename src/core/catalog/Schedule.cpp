// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Schedule.h"

QDateTime Schedule::nextRunAfter(const QDateTime &afterUtc) const
{
    const QDateTime after = afterUtc.toUTC();
    const QTime time = timeUtc.isValid() ? timeUtc : QTime(0, 0);
    QDate date = after.date();
    if (frequency == Frequency::Weekly) {
        const int day = (weekday >= 1 && weekday <= 7) ? weekday : 1;
        date = date.addDays((day - date.dayOfWeek() + 7) % 7);
    }
    QDateTime candidate(date, time, Qt::UTC);
    if (candidate <= after)
        candidate = candidate.addDays(frequency == Frequency::Weekly ? 7 : 1);
    return candidate;
}

bool Schedule::isDue(const QDateTime &nowUtc, const QDateTime &createdAtUtc) const
{
    if (!enabled)
        return false;
    // Runs missed while nothing was running collapse into one: after a run, lastRunAt moves
    // to that moment and the next due time is computed from there.
    QDateTime since = lastRunAt.isValid() ? lastRunAt : createdAtUtc;
    if (!since.isValid())
        since = createdAt;
    if (!since.isValid())
        return false;
    return nextRunAfter(since) <= nowUtc.toUTC();
}
