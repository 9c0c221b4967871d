// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperationContext.h"

#include "catalog/Catalog.h"
#include "util/Clock.h"

void OperationContext::audit(const QString &action, AuditOutcome outcome, const QString &siteId,
                             std::optional<Environment> env, const QString &backupId, const QString &detail) const
{
    if (!catalog)
        return;
    catalog->audit(
        AuditEntry{ clock ? clock->nowUtc() : QDateTime(), actor, action, siteId, backupId, detail, env, outcome });
}
