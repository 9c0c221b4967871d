// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetentionJob.h"

#include "catalog/Catalog.h"
#include "catalog/RetentionPolicy.h"
#include "jobs/DeleteJob.h"
#include "util/Clock.h"
#include "util/Counted.h"

#include <algorithm>

RetentionJob::RetentionJob(const OperationContext &context, bool dryRun, QObject *parent)
    : Job(parent)
    , m_context(context)
    , m_dryRun(dryRun)
{ }

void RetentionJob::doStart()
{
    const QDateTime now = m_context.clock->nowUtc();
    const int failedBefore = m_context.catalog->failedStatements();
    for (const Schedule &schedule : m_context.catalog->schedules()) {
        const QVector<BackupRecord> backups
            = m_context.catalog->backups(schedule.siteId, EnvironmentFilter(schedule.environment));
        m_candidates += RetentionPolicy::backupsToDelete(schedule, backups, now);
    }
    // Pre-restore and pre-sync backups: 7 days, whether or not the environment has a schedule.
    for (const Site &site : m_context.catalog->sites())
        m_candidates += RetentionPolicy::safetyBackupsToDelete(m_context.catalog->backups(site.id), now);
    // A read that fails answers "none": the plan would be incomplete, not empty.
    if (const QString failure = m_context.catalog->readFailureSince(failedBefore); !failure.isEmpty()) {
        finishWithError(Error::Fatal, tr("Nothing was deleted. %1").arg(failure));
        return;
    }
    if (m_limit) {
        m_candidates.erase(std::remove_if(m_candidates.begin(), m_candidates.end(),
                                          [this](const BackupRecord &r) { return !m_limit->contains(r.id); }),
                           m_candidates.end());
    }
    if (m_dryRun) {
        finishWithSuccess();
        return;
    }
    deleteNext();
}

void RetentionJob::limitTo(const QStringList &backupIds)
{
    m_limit = QSet<QString>(backupIds.begin(), backupIds.end());
}

void RetentionJob::deleteNext()
{
    if (isFinished())
        return;
    m_deleting = true;
    if (m_next >= m_candidates.size()) {
        audit(false);
        if (m_failures.isEmpty())
            finishWithSuccess();
        else
            finishWithError(Error::Fatal,
                            tr("%1 could not be deleted.").arg(Counted::of(m_failures.size(), "backup", "backups")));
        return;
    }
    const BackupRecord record = m_candidates.at(m_next++);
    auto *job = new DeleteJob(m_context.catalog, m_context.store, record.id, m_context.heartbeatSeconds, this);
    m_current = job;
    connect(job, &Job::finished, this, [this, job, record] {
        // One another process sharing the catalog deleted after the plan was made (the worker's
        // retention next to the console's, or a `backup delete`): nothing left to do, nothing failed.
        // Each deletion is also the site's entry, so that the site's audit log explains it.
        const QString by = m_automatic ? tr("automatic retention") : tr("retention");
        if (job->succeeded()) {
            m_deleted.append(record.id);
            m_context.audit(QStringLiteral("retention.delete"), AuditOutcome::Success, record.siteId,
                            record.environment, record.id, tr("deleted by %1").arg(by));
        } else if (!m_context.catalog->backupIsGone(record.id)) {
            m_failures.append(job->errorString());
            m_context.audit(QStringLiteral("retention.delete"), AuditOutcome::Failure, record.siteId,
                            record.environment, record.id, tr("%1: %2").arg(by, job->errorString()));
        }
        // Next turn of the loop, not from inside this job's finished().
        QMetaObject::invokeMethod(this, &RetentionJob::deleteNext, Qt::QueuedConnection);
    });
    job->start();
}

QString RetentionJob::summary(const QStringList &deletedIds)
{
    if (deletedIds.isEmpty())
        return tr("Retention deleted no backup: every one is still kept.");
    return tr("Retention deleted %1 (scheduled ones their schedule no longer keeps, pre-restore and pre-sync ones "
              "older than 7 days): %2.")
        .arg(Counted::of(deletedIds.size(), "backup", "backups"), deletedIds.join(QStringLiteral(", ")));
}

void RetentionJob::audit(bool stopped, const QString &stopDetail)
{
    if (m_automatic && m_candidates.isEmpty())
        return;
    QString detail = (m_automatic ? tr("automatic: ") : QString())
        + tr("deleted %1").arg(Counted::of(m_deleted.size(), "backup", "backups"));
    if (!m_deleted.isEmpty())
        detail += QStringLiteral(": ") + m_deleted.join(QStringLiteral(", "));
    if (!m_failures.isEmpty())
        detail += QStringLiteral("; ") + tr("%1 failed: %2").arg(m_failures.size()).arg(m_failures.join(u' '));
    if (stopped)
        detail += QStringLiteral("; ")
            + tr("stopped with %1 left")
                  .arg(Counted::of(m_candidates.size() - m_deleted.size() - m_failures.size(), "backup", "backups"))
            + (stopDetail.isEmpty() ? QString() : QStringLiteral("; ") + stopDetail);
    m_context.audit(QStringLiteral("retention.apply"),
                    m_failures.isEmpty() && !stopped ? AuditOutcome::Success : AuditOutcome::Failure, {}, std::nullopt,
                    {}, detail);
}

void RetentionJob::doAbort()
{
    m_next = static_cast<int>(m_candidates.size());
    QString left;
    if (m_current) {
        // The backup being deleted stays listed as Deleting, so a later apply deletes it again.
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
        if (m_current->record().status == BackupStatus::Deleting)
            left = tr("backup %1 stays listed as deleting").arg(m_current->record().id);
    }
    if (!m_deleting)
        return; // Job::abort() finishes this job as plainly cancelled: nothing had begun
    audit(true, left);
    finishWithError(Error::Aborted,
                    tr("%1 of %2 deleted%3. Apply retention again to delete the rest.")
                        .arg(m_deleted.size())
                        .arg(Counted::of(m_candidates.size(), "backup", "backups"),
                             left.isEmpty() ? QString() : QStringLiteral("; ") + left));
}
