// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"
#include "catalog/BackupRecord.h"

class BackupQueue;

/// Creates a backup ("backup.create"): checks the site exists and the environment is one of its
/// tier's and has a MySQL endpoint (refused otherwise), inserts the Pending row and, given a
/// queue, queues it. Without a queue the row waits for whoever runs Pending backups (the CLI's
/// `backup create` runs it itself, a worker picks it up).
class CreateBackupOperation
{
public:
    explicit CreateBackupOperation(const OperationContext &context);

    OperationResult run(const QString &siteId, Environment env, BackupType type, BackupQueue *queue = nullptr);
    /// The Pending row after a successful run().
    BackupRecord record() const { return m_record; }

private:
    OperationContext m_context;
    BackupRecord m_record;
};
