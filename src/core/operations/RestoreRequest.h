// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Environment.h"
#include "mysql/LoadOptions.h"

#include <QString>

#include <optional>

/// What a RestoreJob replaces and how: the same for a restore of a backup, of a file, and for an
/// environment sync (which sets kind "sync", auditAction "env.sync" and preBackupType PreSync).
struct RestoreRequest
{
    QString siteId;
    Environment target = Environment::Prod;
    QString kind = QStringLiteral("restore");
    QString auditAction = QStringLiteral("backup.restore");
    BackupType preBackupType = BackupType::PreRestore;
    /// The backup restored, when the source is one (audit entry, messages).
    QString sourceBackupId;
    /// What the person typed to confirm; a prod target needs exactly "SITE/prod".
    QString confirmation;
    /// Unset: keep DEFINER clauses when the target user may set other definers (SUPER, SET USER),
    /// else strip them.
    std::optional<LoadOptions::Definer> definer;
    int loadConnections = 2;
    /// gzip of the pre-restore (pre-sync) backup: a sync trades size for time (level 1, two
    /// threads), as its safety backup is kept only 7 days and stands between it and the copy.
    int preBackupGzipLevel = 6;
    int preBackupGzipThreads = 1;

    /// The confirmation a target needs ("site/prod"), or empty when it needs none.
    static QString requiredConfirmation(const QString &siteId, Environment target)
    {
        return target == Environment::Prod ? siteId + QStringLiteral("/prod") : QString();
    }
};
