// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

/// Removes an environment's schedule ("schedule.remove"); its backups stay.
class RemoveScheduleOperation
{
public:
    explicit RemoveScheduleOperation(const OperationContext &context);

    OperationResult run(const QString &siteId, Environment env);

private:
    OperationContext m_context;
};
