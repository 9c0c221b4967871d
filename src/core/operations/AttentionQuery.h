// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AttentionFilter.h"
#include "AttentionItem.h"
#include "OperationContext.h"

#include <QCoreApplication>

/// Everything that needs attention across sites: failed, interrupted and overdue backups
/// (AttentionKind), newest first. One statement for the failures of every site, the stale
/// heartbeats, and two indexed one-row lookups per enabled schedule: never a scan of every
/// backup. A query, not a change: it writes no audit entry. The console's Attention page and
/// `backup list --all-sites` both call it.
///
///     const QVector<AttentionItem> items = AttentionQuery(context).run(AttentionFilter(), clock->nowUtc());
///
/// A failure that a later completed backup of the same environment superseded is resolved and
/// not listed; a cancelled backup is someone's decision and not listed either.
class AttentionQuery
{
    Q_DECLARE_TR_FUNCTIONS(AttentionQuery)

public:
    explicit AttentionQuery(const OperationContext &context);

    /// The items matching @p filter, newest first; @p nowUtc judges overdue schedules.
    QVector<AttentionItem> run(const AttentionFilter &filter, const QDateTime &nowUtc);

    /// Whether @p record failed because its runner stopped (RecoveryJob's message).
    static bool isInterrupted(const BackupRecord &record);

private:
    OperationContext m_context;
};
