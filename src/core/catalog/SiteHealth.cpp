// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteHealth.h"

#include <QCoreApplication>

QStringList SiteHealth::problems(const QVector<Schedule> &schedules, const QVector<BackupRecord> &siteBackups,
                                 const QDateTime &nowUtc, qint64 graceSeconds)
{
    QStringList result;
    for (const Schedule &s : schedules) {
        if (!s.enabled)
            continue;
        const BackupRecord *lastScheduled = nullptr;
        const BackupRecord *newestCompleted = nullptr;
        for (const BackupRecord &b : siteBackups) {
            if (b.siteId != s.siteId || b.environment != s.environment)
                continue;
            if (b.type == BackupType::Scheduled && Backups::isTerminal(b.status) && b.status != BackupStatus::Deleting
                && (!lastScheduled || b.createdAt > lastScheduled->createdAt))
                lastScheduled = &b;
            if (b.status == BackupStatus::Completed && (!newestCompleted || b.createdAt > newestCompleted->createdAt))
                newestCompleted = &b;
        }
        const QString env = Environments::toString(s.environment);
        if (lastScheduled && lastScheduled->status != BackupStatus::Completed) {
            result << QCoreApplication::translate("SiteHealth", "%1: the last scheduled backup %2: %3")
                          .arg(env, Backups::statusToString(lastScheduled->status), lastScheduled->errorText);
            continue;
        }
        const QDateTime since = newestCompleted ? newestCompleted->createdAt : s.createdAt;
        if (since.isValid() && since.secsTo(nowUtc) > s.periodSeconds() + graceSeconds) {
            result << (newestCompleted
                           ? QCoreApplication::translate("SiteHealth", "%1: the newest completed backup is from %2")
                                 .arg(env, since.toString(Qt::ISODate))
                           : QCoreApplication::translate("SiteHealth",
                                                         "%1: no completed backup since the schedule "
                                                         "was set on %2")
                                 .arg(env, since.toString(Qt::ISODate)));
        }
    }
    return result;
}
