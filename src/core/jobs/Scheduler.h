// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"

#include <QString>
#include <QVector>

class Catalog;
class Clock;

/// Turns due schedules into Pending "scheduled" backups. Synchronous and short (catalog
/// queries only): `schedules run`, the worker and BackupService call runDue() on their own
/// catalog; the backups it creates are then run like any other Pending backup.
///
/// A schedule is marked as run before its backup is queued, so a crash in between skips one
/// run instead of creating duplicates on every restart.
class Scheduler
{
public:
    Scheduler(Catalog *catalog, const Clock *clock, QString actor);

    /// Creates a Pending backup for every enabled schedule that is due now. Returns them;
    /// problems (e.g. a site whose tier lost the environment) go to @p errors.
    QVector<BackupRecord> runDue(QStringList *errors = nullptr);

private:
    Catalog *m_catalog;
    const Clock *m_clock;
    QString m_actor;
};
