// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoveSiteJob.h"

#include "catalog/Catalog.h"
#include "jobs/DeleteJob.h"
#include "secrets/SecretJob.h"
#include "secrets/SecretStore.h"
#include "util/Counted.h"

RemoveSiteJob::RemoveSiteJob(const OperationContext &context, const QString &siteId, bool deleteBackups,
                             const QString &confirmation, QObject *parent)
    : Job(parent)
    , m_context(context)
    , m_siteId(siteId)
    , m_deleteBackups(deleteBackups)
    , m_confirmation(confirmation)
{ }

void RemoveSiteJob::doStart()
{
    Catalog *catalog = m_context.catalog;
    // A read that fails answers "none": the site would look absent, or without backups, whose
    // objects would then outlive their rows.
    const int failedBefore = catalog->failedStatements();
    auto readFailed = [&] {
        const QString failure = catalog->readFailureSince(failedBefore);
        if (failure.isEmpty())
            return false;
        finish(AuditOutcome::Failure, tr("Nothing was deleted. %1").arg(failure));
        return true;
    };
    const bool exists = Slug::isValid(m_siteId) && catalog->site(m_siteId);
    if (readFailed())
        return;
    if (!exists) {
        finish(AuditOutcome::Refused, tr("Site \"%1\" does not exist.").arg(m_siteId));
        return;
    }
    if (m_deleteBackups && m_confirmation != m_siteId) {
        finish(AuditOutcome::Refused,
               tr("Refused: deleting the backups of site \"%1\" needs the confirmation "
                  "\"%1\", exactly; nothing was deleted.")
                   .arg(m_siteId));
        return;
    }
    const QVector<BackupRecord> backups = catalog->backups(m_siteId);
    const QVector<EnvironmentConfig> environments = catalog->environments(m_siteId);
    if (readFailed())
        return;
    if (!m_deleteBackups && !backups.isEmpty()) {
        finish(AuditOutcome::Refused,
               tr("Site \"%1\" still has %2: delete them first, or remove the site "
                  "with its backups (--delete-backups --confirm %1).")
                   .arg(m_siteId, Counted::of(backups.size(), "backup", "backups")));
        return;
    }
    for (const BackupRecord &backup : backups) {
        if (backup.status == BackupStatus::Pending || backup.status == BackupStatus::InProgress) {
            finish(AuditOutcome::Refused,
                   tr("Backup %1 of site \"%2\" is %3; cancel it or wait until it ends, then "
                      "remove the site. Nothing was deleted.")
                       .arg(backup.id, m_siteId, Backups::statusToString(backup.status)));
            return;
        }
        m_backupIds.append(backup.id);
        if (backup.pinned)
            m_pinned.insert(backup.id);
    }
    for (const EnvironmentConfig &config : environments)
        m_secretKeys.append(config.secretKey());
    if (!m_backupIds.isEmpty() && !m_context.store) {
        finish(AuditOutcome::Refused,
               tr("The storage is not available, so the backups of site \"%1\" cannot be "
                  "deleted. Nothing was deleted.")
                   .arg(m_siteId));
        return;
    }
    m_total = int(m_backupIds.size());
    deleteNext();
}

void RemoveSiteJob::deleteNext()
{
    if (m_backupIds.isEmpty()) {
        removeSite();
        return;
    }
    const QString id = m_backupIds.takeFirst();
    Catalog *catalog = m_context.catalog;
    // Pinned backups go too: the customer is leaving. DeleteJob refuses pinned ones; a backup
    // that is not deleted after all gets its pin back.
    const bool pinned = m_pinned.contains(id);
    if (pinned)
        catalog->setPinned(id, false);
    auto *job = new DeleteJob(catalog, m_context.store, id, m_context.heartbeatSeconds, this);
    m_current = job;
    connect(job, &Job::finished, this, [this, job, id, pinned] {
        if (!job->succeeded()) {
            if (pinned)
                m_context.catalog->setPinned(id, true);
            if (job->error() == Error::Aborted) {
                const QString left = job->record().status == BackupStatus::Deleting
                    ? tr("the site is still there, and backup %1 stays listed as deleting").arg(id)
                    : tr("the site and its backups not deleted are still there");
                finish(AuditOutcome::Failure,
                       tr("%1 of %2 deleted; %3. Run the removal again to delete the rest.")
                           .arg(m_deleted)
                           .arg(Counted::of(m_total, "backup", "backups"), left),
                       Error::Aborted);
                return;
            }
            finish(AuditOutcome::Failure,
                   tr("Stopped after deleting %1: %2 Run the removal again to "
                      "delete the rest.")
                       .arg(Counted::of(m_deleted, "backup", "backups"), job->errorString()));
            return;
        }
        ++m_deleted;
        deleteNext();
    });
    job->start();
}

void RemoveSiteJob::removeSite()
{
    if (isFinished())
        return;
    if (!m_context.catalog->removeSite(m_siteId, m_deleteBackups)) {
        finish(AuditOutcome::Failure, m_context.catalog->lastError());
        return;
    }
    m_siteRemoved = true;
    removeNextSecret();
}

void RemoveSiteJob::removeNextSecret()
{
    if (m_secretKeys.isEmpty() || !m_context.secrets) {
        finish(AuditOutcome::Success, {});
        return;
    }
    // The key leaves the list when its removal ends, so that a stop can name every one left.
    const QString key = m_secretKeys.first();
    SecretJob *job = m_context.secrets->remove(key);
    m_current = job;
    connect(job, &Job::finished, this, [this, job, key] {
        m_secretKeys.removeFirst();
        // The site is gone either way; a password left behind is reported, not fatal.
        if (!job->succeeded())
            m_warnings.append(
                tr("Could not remove the password %1 from the keychain: %2").arg(key, job->errorString()));
        removeNextSecret();
    });
    job->start();
}

void RemoveSiteJob::doAbort()
{
    if (!m_siteRemoved) {
        if (m_current)
            m_current->abort();
        return;
    }
    // The site is gone: what is left are its passwords, which the stop leaves in the keychain.
    if (m_current)
        disconnect(m_current, nullptr, this, nullptr);
    for (const QString &key : std::as_const(m_secretKeys))
        m_warnings.append(tr("The password %1 may still be in the keychain: its removal was stopped.").arg(key));
    m_secretKeys.clear();
    finish(AuditOutcome::Success, {});
}

void RemoveSiteJob::finish(AuditOutcome outcome, const QString &message, Error error)
{
    if (isFinished())
        return;
    m_outcome = outcome;
    QString detail = message;
    if (outcome == AuditOutcome::Success) {
        detail = m_deleteBackups ? tr("with its %1").arg(Counted::of(m_deleted, "backup", "backups")) : QString();
        if (!m_warnings.isEmpty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral("; ")) + m_warnings.join(QStringLiteral("; "));
    }
    m_context.audit(QStringLiteral("site.remove"), outcome, m_siteId, std::nullopt, {}, detail);
    if (outcome == AuditOutcome::Success)
        finishWithSuccess();
    else
        finishWithError(error, message);
}
