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
        if (!m_catalog->markScheduleRun(schedule.siteId, schedule.environment, now)) {
            if (errors)
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
