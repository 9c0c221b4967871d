// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

class DeleteJob;
class QObject;

/// Deletes a backup's object, manifest and row ("backup.delete"). Refused for unknown, pinned
/// (unpin first) and running (cancel first) backups; prepare() hands out the DeleteJob, not
/// started, which writes the audit entry when it finishes.
class DeleteBackupOperation
{
public:
    explicit DeleteBackupOperation(const OperationContext &context);

    /// Null when refused (audited; refusal() says why). The job auto-deletes after finished().
    DeleteJob *prepare(const QString &backupId, QObject *parent = nullptr);
    OperationResult refusal() const { return m_refusal; }

private:
    OperationContext m_context;
    OperationResult m_refusal;
};
