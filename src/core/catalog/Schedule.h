// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QTime>

/// When an environment is backed up automatically, and how many scheduled backups are kept.
/// Daily at a time, or weekly on a day at a time (UTC). Manual backups are never pruned;
/// pinned ones always stay.
struct Schedule
{
    enum class Frequency { Daily, Weekly };

    QString siteId;
    Environment environment = Environment::Prod;
    Frequency frequency = Frequency::Daily;
    QTime timeUtc; ///< time of day, UTC
    int weekday = 1; ///< 1 = Monday .. 7 = Sunday (Qt's numbering); weekly only
    int keepLast = 7; ///< keep the newest N completed scheduled backups
    int keepDays = 0; ///< and also those younger than D days; 0 = off
    bool enabled = true;
    QDateTime lastRunAt; ///< UTC, null if never run
    QDateTime createdAt; ///< UTC, set by the catalog when the schedule is first stored

    /// The first due time strictly after @p afterUtc.
    QDateTime nextRunAfter(const QDateTime &afterUtc) const;
    /// Whether a run is due at @p nowUtc: a due time passed since lastRunAt (or since the
    /// schedule was created when it never ran).
    bool isDue(const QDateTime &nowUtc, const QDateTime &createdAtUtc) const;
    /// The longest gap between two scheduled runs (1 day or 7 days): the "overdue" threshold.
    qint64 periodSeconds() const { return frequency == Frequency::Daily ? 86400 : 7 * 86400; }
};

Q_DECLARE_METATYPE(Schedule)
