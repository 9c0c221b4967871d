// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"
#include "catalog/Schedule.h"

/// Sets an environment's schedule and retention ("schedule.set"), keeping the run history of the
/// schedule it replaces. Refused for an unknown site, an environment its tier lacks or keep < 1.
class SetScheduleOperation
{
public:
    explicit SetScheduleOperation(const OperationContext &context);

    OperationResult run(const Schedule &schedule);
    /// "daily 02:30 UTC, keep 7 and 30 days": what run() did, for messages and the audit log.
    static QString describe(const Schedule &schedule);

private:
    OperationContext m_context;
};
