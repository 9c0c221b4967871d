// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditEntry.h"

QString AuditOutcomes::toString(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return QStringLiteral("success");
    case AuditOutcome::Failure:
        return QStringLiteral("failure");
    case AuditOutcome::Refused:
        return QStringLiteral("refused");
    }
    return QStringLiteral("failure");
}

std::optional<AuditOutcome> AuditOutcomes::fromString(const QString &text)
{
    for (const AuditOutcome o : { AuditOutcome::Success, AuditOutcome::Failure, AuditOutcome::Refused }) {
        if (text == toString(o))
            return o;
    }
    return std::nullopt;
}
