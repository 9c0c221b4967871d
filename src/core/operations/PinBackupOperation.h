// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

/// Pins a backup (exempt from retention, "backup.pin") or unpins it ("backup.unpin").
class PinBackupOperation
{
public:
    explicit PinBackupOperation(const OperationContext &context);

    OperationResult run(const QString &backupId, bool pinned);

private:
    OperationContext m_context;
};
