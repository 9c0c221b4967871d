// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scheduler.h"

#include "catalog/Catalog.h"
#include "util/Clock.h"

Scheduler::Scheduler(Catalog *catalog, const Clock *clock, QString actor)
    : m_catalog(catalog)
    , m_clock(clock)
    , m_actor(std::move(actor))
{ }

QVector<BackupRecord> Scheduler::runDue(QStringList *errors)
{
    QVector<BackupRecord> created;
    const QDateTime now = m_clock->nowUtc();
    const QVector<Schedule> schedules = m_catalog->schedules();
    for (const Schedule &schedule : schedules) {
        if (!schedule.enabled || !schedule.isDue(now, schedule.createdAt))
            continue;
        // Compare-and-set on the last run we read: when a GUI, workers and `schedules run` share
        // the catalog, exactly one of them creates the backup for a due time.
        if (!m_catalog->claimScheduleRun(schedule, now)) {
            if (errors && !m_catalog->lastError().isEmpty())
                errors->append(m_catalog->lastError());
            continue;
        }
        const BackupRecord record
            = m_catalog->createBackup(schedule.siteId, schedule.environment, BackupType::Scheduled, m_actor);
        if (record.isValid())
            created.append(record);
        else if (errors)
            errors->append(
                QStringLiteral("%1/%2: %3")
                    .arg(schedule.siteId, Environments::toString(schedule.environment), m_catalog->lastError()));
    }
    return created;
}
