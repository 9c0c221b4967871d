// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "catalog/BackupRecord.h"

#include <QStringList>
#include <QVector>

class BackupQueue;

/// The schedule -> queue pipeline, for the console, the worker and `schedules run`: a Pending
/// scheduled backup for every due schedule (Scheduler claims each due time once across every
/// process sharing the catalog), one "backup.create" entry each, queued when given a queue.
class RunDueSchedulesOperation
{
public:
    explicit RunDueSchedulesOperation(const OperationContext &context);

    /// The backups created; problems (a site whose tier lost the environment, a catalog error)
    /// in problems().
    QVector<BackupRecord> run(BackupQueue *queue = nullptr);
    QStringList problems() const { return m_problems; }

private:
    OperationContext m_context;
    QStringList m_problems;
};
