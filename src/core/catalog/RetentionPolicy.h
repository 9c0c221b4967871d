// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BackupRecord.h"
#include "Schedule.h"

#include <QDateTime>
#include <QVector>

/// Which scheduled backups an environment's schedule no longer keeps. Pure logic: the caller
/// (`retention apply`, the worker) deletes what it returns.
///
/// Rules, per schedule (site + environment):
/// - only Scheduled backups in a terminal state are candidates: manual backups stay until someone
///   deletes them (pre-restore and pre-sync ones: see safetyBackupsToDelete()); Pending and In
///   Progress ones are never touched; pinned ones always stay;
/// - of the Completed ones the newest keepLast stay, and with keepDays > 0 also every one
///   younger than keepDays days; the rest go;
/// - a Failed or Cancelled one goes when it is older than the oldest Completed one kept (it
///   documents nothing the kept history does not) and outside the keepDays window; while no
///   Completed one is kept, the newest keepLast of them stay so a failing schedule stays visible;
/// - a Deleting one (a deletion that did not finish) always goes: its objects may be gone already.
class RetentionPolicy
{
public:
    /// @p backups may contain any backups; only those of the schedule's site and environment count.
    /// Returns the backups to delete, oldest first.
    static QVector<BackupRecord> backupsToDelete(const Schedule &schedule, const QVector<BackupRecord> &backups,
                                                 const QDateTime &nowUtc);

    /// Days a pre-restore or pre-sync backup is kept (the safety net of a restore or sync).
    static constexpr int safetyBackupDays = 7;
    /// The pre-restore and pre-sync backups of @p backups (any site or environment, with or
    /// without a schedule) in a terminal state, not pinned and created more than
    /// safetyBackupDays days before @p nowUtc, or Deleting at any age, oldest first.
    static QVector<BackupRecord> safetyBackupsToDelete(const QVector<BackupRecord> &backups, const QDateTime &nowUtc);
};
