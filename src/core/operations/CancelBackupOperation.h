// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

#include <QCoreApplication>

/// Cancels a backup, whichever process runs it:
/// - Pending: Cancelled at once (compare-and-set on the status; nothing was uploaded yet);
/// - In Progress: a cancel request is stored on the row. Its runner (a BackupJob in the
///   console, a worker or `backup create`, on any host sharing the catalog) reads it with its
///   next heartbeat and stops itself: the dump's query is killed, the upload removed and that
///   confirmed, then the row ends Cancelled. A second request while the first is pending is a
///   success that changes nothing;
/// - Completed, Failed, Cancelled, unknown: refused.
/// Writes one audit entry "backup.cancel" with the outcome.
///
///     const OperationResult result = CancelBackupOperation(context).run(backupId);
///     print(result.message);   // success: "Cancelled ..." or "Asked ... to cancel ..."
class CancelBackupOperation
{
    Q_DECLARE_TR_FUNCTIONS(CancelBackupOperation)

public:
    explicit CancelBackupOperation(const OperationContext &context);

    OperationResult run(const QString &backupId);
    /// After a successful run(): true when the row is already terminal (a Pending backup),
    /// false when the runner still has to stop.
    bool finishedAtOnce() const { return m_finishedAtOnce; }

private:
    OperationResult decide(const QString &backupId, QString *siteId, std::optional<Environment> *env);

    OperationContext m_context;
    bool m_finishedAtOnce = false;
};
