// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CreateBackupOperation.h"

#include "BackupQueue.h"
#include "catalog/Catalog.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CreateBackupOperation", text);
}
} // namespace

CreateBackupOperation::CreateBackupOperation(const OperationContext &context)
    : m_context(context)
{ }

OperationResult CreateBackupOperation::run(const QString &siteId, Environment env, BackupType type, BackupQueue *queue)
{
    const QString action = QStringLiteral("backup.create");
    const QString what = Environments::toString(env) + QLatin1Char(' ') + Backups::typeToString(type);
    auto refuse = [&](const QString &message) {
        m_context.audit(action, AuditOutcome::Refused, siteId, env, {}, what + QStringLiteral(": ") + message);
        return OperationResult::refused(message);
    };
    if (!Slug::isValid(siteId))
        return refuse(Slug::validationError(siteId, QStringLiteral("site")));
    const int failedBefore = m_context.catalog->failedStatements();
    const auto site = m_context.catalog->site(siteId);
    if (!site)
        return refuse(m_context.catalog->absentReason(
            failedBefore, tr("There is no site \"%1\" in the catalog; add it first.").arg(siteId)));
    if (const QString missing = site->missingEnvironmentReason(env); !missing.isEmpty())
        return refuse(missing);
    if (!m_context.catalog->environment(siteId, env))
        return refuse(tr("%1/%2 has no MySQL endpoint yet: set it in the site editor or with "
                         "'creodrop-backupctl env set %1 %2 ...'.")
                          .arg(siteId, Environments::toString(env)));
    m_record = m_context.catalog->createBackup(siteId, env, type, m_context.actor);
    if (!m_record.isValid()) {
        const QString message = m_context.catalog->lastError();
        m_context.audit(action, AuditOutcome::Failure, siteId, env, {}, what + QStringLiteral(": ") + message);
        return OperationResult::failure(message);
    }
    m_context.audit(action, AuditOutcome::Success, siteId, env, m_record.id, what);
    if (queue)
        queue->enqueueBackup(m_record);
    return OperationResult::success(m_record.id);
}
