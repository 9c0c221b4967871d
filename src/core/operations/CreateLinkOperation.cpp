// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CreateLinkOperation.h"

#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "util/Clock.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CreateLinkOperation", text);
}
} // namespace

CreateLinkOperation::CreateLinkOperation(const OperationContext &context)
    : m_context(context)
{ }

OperationResult CreateLinkOperation::run(const QString &backupId)
{
    const QString action = QStringLiteral("backup.link");
    const int failedBefore = m_context.catalog->failedStatements();
    const auto record = m_context.catalog->backup(backupId);
    if (!record) {
        const QString message
            = m_context.catalog->absentReason(failedBefore, tr("There is no backup %1 in the catalog.").arg(backupId));
        m_context.audit(action, AuditOutcome::Refused, {}, std::nullopt, backupId, message);
        return OperationResult::refused(message);
    }
    auto refuse = [&](const QString &message) {
        m_context.audit(action, AuditOutcome::Refused, record->siteId, record->environment, backupId, message);
        return OperationResult::refused(message);
    };
    if (record->status != BackupStatus::Completed)
        return refuse(tr("Backup %1 is %2; only completed backups have download links.")
                          .arg(backupId, Backups::statusToString(record->status)));
    if (!m_context.store || !m_context.store->canPresign())
        return refuse(tr("The local folder store cannot make download links: a link is a signed R2/S3 URL, and a "
                         "folder on this computer has none. Download the backup instead "
                         "('creodrop-backupctl backup download %1'), or store backups in R2/S3 (Settings).")
                          .arg(backupId));
    QString error;
    const QDateTime now = m_context.clock->nowUtc();
    const QUrl url = m_context.store->presignedGetUrl(record->objectKey, validitySeconds(), &error);
    if (url.isEmpty()) {
        const QString message = tr("Cannot sign a download link: %1").arg(error);
        m_context.audit(action, AuditOutcome::Failure, record->siteId, record->environment, backupId, message);
        return OperationResult::failure(message);
    }
    m_url = url;
    m_expiresAt = now.addSecs(validitySeconds());
    m_context.audit(action, AuditOutcome::Success, record->siteId, record->environment, backupId, tr("15-minute link"));
    return OperationResult::success(url.toString(QUrl::FullyEncoded));
}
