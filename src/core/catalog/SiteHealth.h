// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BackupRecord.h"
#include "Schedule.h"

#include <QDateTime>
#include <QStringList>
#include <QVector>

/// Whether a site needs a support engineer's attention, from its schedules and backups. Pure
/// logic for the site list (GUI) and the CLI.
///
/// For every enabled schedule of the site, the environment needs attention when
/// - its most recent finished scheduled backup Failed (or was Cancelled), or
/// - its newest Completed backup (of any type) is older than the schedule allows:
///   now - newest > period + grace; with no Completed backup at all, the schedule's creation
///   time stands in for "newest", so a new schedule gets one period + grace to produce one.
class SiteHealth
{
public:
    /// Default slack after a due time before a missing backup counts as overdue: the run itself
    /// takes time, and a worker may be briefly down.
    static constexpr qint64 DefaultGraceSeconds = 2 * 3600;

    /// One sentence per problem ("dev: the last scheduled backup failed: ..."); empty = healthy.
    static QStringList problems(const QVector<Schedule> &schedules, const QVector<BackupRecord> &siteBackups,
                                const QDateTime &nowUtc, qint64 graceSeconds = DefaultGraceSeconds);
    static bool needsAttention(const QVector<Schedule> &schedules, const QVector<BackupRecord> &siteBackups,
                               const QDateTime &nowUtc, qint64 graceSeconds = DefaultGraceSeconds)
    {
        return !problems(schedules, siteBackups, nowUtc, graceSeconds).isEmpty();
    }
};
