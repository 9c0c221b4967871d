// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoveScheduleOperation.h"

#include "catalog/Catalog.h"

RemoveScheduleOperation::RemoveScheduleOperation(const OperationContext &context)
    : m_context(context)
{ }

OperationResult RemoveScheduleOperation::run(const QString &siteId, Environment env)
{
    const QString action = QStringLiteral("schedule.remove");
    const QString detail = Environments::toString(env);
    if (!m_context.catalog->removeSchedule(siteId, env)) {
        // The catalog checks before it changes anything: no site, no such schedule.
        const QString message = m_context.catalog->lastError();
        const bool refused = !message.startsWith(QLatin1String("Catalog error"));
        m_context.audit(action, refused ? AuditOutcome::Refused : AuditOutcome::Failure, siteId, env, {},
                        detail + QStringLiteral(": ") + message);
        return refused ? OperationResult::refused(message) : OperationResult::failure(message);
    }
    m_context.audit(action, AuditOutcome::Success, siteId, env, {}, detail);
    return OperationResult::success();
}
