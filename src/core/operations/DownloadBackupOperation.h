// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

class DownloadJob;
class QObject;

/// Downloads a completed backup to a file, verified ("backup.download"). prepare() checks the
/// request and hands out the DownloadJob, not started, which writes the audit entry when it
/// finishes: success with the path, failure with the reason, refused when the file exists and
/// overwriting was not asked for.
class DownloadBackupOperation
{
public:
    explicit DownloadBackupOperation(const OperationContext &context);

    /// Null when refused (audited; refusal() says why). The job auto-deletes after finished().
    DownloadJob *prepare(const QString &backupId, const QString &targetPath, bool overwrite, QObject *parent = nullptr);
    OperationResult refusal() const { return m_refusal; }

private:
    OperationContext m_context;
    OperationResult m_refusal;
};
