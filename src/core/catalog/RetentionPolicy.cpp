// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetentionPolicy.h"

#include <algorithm>

QVector<BackupRecord> RetentionPolicy::backupsToDelete(const Schedule &schedule, const QVector<BackupRecord> &backups,
                                                       const QDateTime &nowUtc)
{
    QVector<BackupRecord> completed;
    QVector<BackupRecord> unsuccessful;
    QVector<BackupRecord> doomed; // a deletion that did not finish always goes
    for (const BackupRecord &b : backups) {
        if (b.siteId != schedule.siteId || b.environment != schedule.environment)
            continue;
        if (b.type != BackupType::Scheduled || b.pinned || !Backups::isTerminal(b.status))
            continue;
        if (b.status == BackupStatus::Deleting) {
            doomed.append(b);
            continue;
        }
        (b.status == BackupStatus::Completed ? completed : unsuccessful).append(b);
    }
    auto newestFirst = [](const BackupRecord &a, const BackupRecord &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
    };
    std::sort(completed.begin(), completed.end(), newestFirst);
    std::sort(unsuccessful.begin(), unsuccessful.end(), newestFirst);

    const QDateTime youngLimit = schedule.keepDays > 0 ? nowUtc.addDays(-schedule.keepDays) : QDateTime();
    auto isYoung = [&](const BackupRecord &b) { return youngLimit.isValid() && b.createdAt >= youngLimit; };
    const int keepLast = qMax(1, schedule.keepLast);

    QDateTime oldestKept;
    for (int i = 0; i < completed.size(); ++i) {
        const BackupRecord &b = completed.at(i);
        if (i < keepLast || isYoung(b))
            oldestKept = b.createdAt;
        else
            doomed.append(b);
    }
    for (int i = 0; i < unsuccessful.size(); ++i) {
        const BackupRecord &b = unsuccessful.at(i);
        if (isYoung(b))
            continue;
        const bool goes = oldestKept.isValid() ? b.createdAt < oldestKept : i >= keepLast;
        if (goes)
            doomed.append(b);
    }
    std::sort(doomed.begin(), doomed.end(),
              [&](const BackupRecord &a, const BackupRecord &b) { return newestFirst(b, a); });
    return doomed;
}

QVector<BackupRecord> RetentionPolicy::safetyBackupsToDelete(const QVector<BackupRecord> &backups,
                                                             const QDateTime &nowUtc)
{
    const QDateTime limit = nowUtc.addDays(-safetyBackupDays);
    QVector<BackupRecord> doomed;
    for (const BackupRecord &b : backups) {
        if ((b.type == BackupType::PreRestore || b.type == BackupType::PreSync) && !b.pinned
            && (b.status == BackupStatus::Deleting
                || (Backups::isTerminal(b.status) && b.createdAt.isValid() && b.createdAt < limit)))
            doomed.append(b);
    }
    std::sort(doomed.begin(), doomed.end(), [](const BackupRecord &a, const BackupRecord &b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    return doomed;
}
