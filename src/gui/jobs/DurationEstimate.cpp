// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DurationEstimate.h"

#include <algorithm>

std::map<Environment, qint64> DurationEstimate::typicalSeconds(const QVector<BackupRecord> &newestFirst)
{
    std::map<Environment, QVector<qint64>> durations;
    int full = 0; // environments with enough samples: stop there instead of walking every row
    for (const BackupRecord &r : newestFirst) {
        if (r.status != BackupStatus::Completed || !r.startedAt.isValid() || !r.finishedAt.isValid())
            continue;
        QVector<qint64> &list = durations[r.environment];
        if (list.size() >= Samples)
            continue;
        list.append(r.startedAt.secsTo(r.finishedAt));
        if (list.size() == Samples && ++full == 3)
            break;
    }
    std::map<Environment, qint64> typical;
    for (auto &[env, list] : durations) {
        std::sort(list.begin(), list.end());
        typical[env] = std::max<qint64>(1, list.at(list.size() / 2));
    }
    return typical;
}
