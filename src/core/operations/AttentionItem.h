// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

/// What is wrong with an environment:
/// - Failed: its newest decisive backup (completed or failed) failed;
/// - Interrupted: the same, failed because its runner stopped (RecoveryJob), or a backup still
///   In Progress whose runner stopped renewing its heartbeat (recovery has not failed it yet);
/// - Overdue: an enabled schedule's last scheduled backup did not complete, or no backup
///   completed for longer than the schedule's period plus a grace period (as SiteHealth).
enum class AttentionKind { Failed, Interrupted, Overdue };

/// What a support engineer does about it: run the backup again, or look at the site (its
/// schedule, its settings, the process that should run it).
enum class AttentionAction { RetryBackup, OpenSite };

namespace AttentionKinds {
QString toString(AttentionKind kind); ///< "failed", "interrupted", "overdue" (CLI, JSON)
std::optional<AttentionKind> fromString(const QString &name);
QString actionToString(AttentionAction action); ///< "retry_backup", "open_site"
} // namespace AttentionKinds

/// One thing that needs attention in one environment of one site (AttentionQuery).
struct AttentionItem
{
    AttentionKind kind = AttentionKind::Failed;
    QString siteId;
    QString siteName;
    QString customer;
    Environment environment = Environment::Prod;
    QDateTime at; ///< UTC: when it went wrong (the failure, the lapsed heartbeat, the missed due time)
    QString reason; ///< one sentence: what is wrong
    AttentionAction action = AttentionAction::RetryBackup;
    /// The backup concerned; invalid (no id) for an overdue schedule that produced none.
    BackupRecord backup;
};

Q_DECLARE_METATYPE(AttentionItem)
Q_DECLARE_METATYPE(QVector<AttentionItem>)
