// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

/// How an audited operation ended: it ran (Success), it ran and failed (Failure), or it was
/// refused before it touched anything (Refused: bad input, a missing confirmation, a lock).
enum class AuditOutcome { Success, Failure, Refused };

namespace AuditOutcomes {
QString toString(AuditOutcome outcome); ///< "success", "failure", "refused"
std::optional<AuditOutcome> fromString(const QString &text);
} // namespace AuditOutcomes

/// One audit log entry: who did what to which site, environment or backup, when, and how it
/// ended. Every operation writes exactly one, whichever front end ran it.
struct AuditEntry
{
    QDateTime at; ///< UTC; the catalog's clock when left null
    QString actor;
    QString action; ///< dotted: "backup.create", "backup.link", "backup.download", "site.add", ...
    QString siteId;
    QString backupId;
    QString detail;
    std::optional<Environment> environment;
    AuditOutcome outcome = AuditOutcome::Success;
};

Q_DECLARE_METATYPE(AuditEntry)
