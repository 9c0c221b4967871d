// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PinBackupOperation.h"

#include "catalog/Catalog.h"

#include <QCoreApplication>

PinBackupOperation::PinBackupOperation(const OperationContext &context)
    : m_context(context)
{ }

OperationResult PinBackupOperation::run(const QString &backupId, bool pinned)
{
    const QString action = pinned ? QStringLiteral("backup.pin") : QStringLiteral("backup.unpin");
    const int failedBefore = m_context.catalog->failedStatements();
    const auto record = m_context.catalog->backup(backupId);
    if (!record) {
        const QString message = m_context.catalog->absentReason(
            failedBefore,
            QCoreApplication::translate("PinBackupOperation", "There is no backup %1 in the catalog.").arg(backupId));
        m_context.audit(action, AuditOutcome::Refused, {}, std::nullopt, backupId, message);
        return OperationResult::refused(message);
    }
    if (!m_context.catalog->setPinned(backupId, pinned)) {
        const QString message = m_context.catalog->lastError();
        m_context.audit(action, AuditOutcome::Failure, record->siteId, record->environment, backupId, message);
        return OperationResult::failure(message);
    }
    m_context.audit(action, AuditOutcome::Success, record->siteId, record->environment, backupId);
    return OperationResult::success(
        pinned ? QCoreApplication::translate("PinBackupOperation", "Pinned backup %1.").arg(backupId)
               : QCoreApplication::translate("PinBackupOperation", "Unpinned backup %1.").arg(backupId));
}
