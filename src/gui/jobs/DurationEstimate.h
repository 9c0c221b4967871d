// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"

#include <QVector>

#include <map>

/// How long a backup of one environment typically takes: the median duration of its newest
/// completed backups. The Jobs panel shows it as the ETA of a running backup until the backup
/// knows its own size (dumps rarely do early on).
///
///     for (const auto &[env, seconds] : DurationEstimate::typicalSeconds(backupsNewestFirst))
///         panel->setTypicalDuration(siteId, env, seconds);
class DurationEstimate
{
public:
    /// How many of the newest completed backups of an environment count: recent ones say most
    /// about the next, and a long history need not be walked.
    static constexpr int Samples = 10;

    /// Median seconds (at least 1) per environment that has completed backups in
    /// @p newestFirst (a site's backups, newest first); environments without any are absent.
    static std::map<Environment, qint64> typicalSeconds(const QVector<BackupRecord> &newestFirst);
};
