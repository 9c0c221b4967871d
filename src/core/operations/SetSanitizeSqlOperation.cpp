// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetSanitizeSqlOperation.h"

#include "catalog/Catalog.h"

#include <QCoreApplication>

SetSanitizeSqlOperation::SetSanitizeSqlOperation(const OperationContext &context)
    : m_context(context)
{ }

OperationResult SetSanitizeSqlOperation::run(const QString &siteId, const QString &sql)
{
    const QString action = QStringLiteral("env.sanitize-sql");
    const int failedBefore = m_context.catalog->failedStatements();
    if (!m_context.catalog->site(siteId)) {
        const QString message = m_context.catalog->absentReason(
            failedBefore,
            QCoreApplication::translate("SetSanitizeSqlOperation", "There is no site %1 in the catalog.").arg(siteId));
        m_context.audit(action, AuditOutcome::Refused, siteId, std::nullopt, {}, message);
        return OperationResult::refused(message);
    }
    if (!m_context.catalog->setSanitizeSql(siteId, sql, m_context.actor)) {
        const QString message = m_context.catalog->lastError();
        m_context.audit(action, AuditOutcome::Failure, siteId, std::nullopt, {}, message);
        return OperationResult::failure(message);
    }
    const bool cleared = sql.isEmpty();
    m_context.audit(action, AuditOutcome::Success, siteId, std::nullopt, {},
                    cleared ? QStringLiteral("cleared") : QStringLiteral("set"));
    return OperationResult::success(
        cleared ? QCoreApplication::translate("SetSanitizeSqlOperation", "Removed the custom sanitizing SQL of %1.")
                      .arg(siteId)
                : QCoreApplication::translate("SetSanitizeSqlOperation",
                                              "Stored the custom sanitizing SQL of %1; env sync runs it after every "
                                              "sync into dev or stage.")
                      .arg(siteId));
}
