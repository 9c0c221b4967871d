// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

class QObject;
class VerifyJob;

/// Re-reads a stored backup: manifest, size, SHA-256, gzip stream ("backup.verify"). prepare()
/// hands out the VerifyJob, not started, which writes the audit entry when it finishes.
class VerifyBackupOperation
{
public:
    explicit VerifyBackupOperation(const OperationContext &context);

    /// Null when refused (audited; refusal() says why). The job auto-deletes after finished().
    VerifyJob *prepare(const QString &backupId, QObject *parent = nullptr);
    OperationResult refusal() const { return m_refusal; }

private:
    OperationContext m_context;
    OperationResult m_refusal;
};
