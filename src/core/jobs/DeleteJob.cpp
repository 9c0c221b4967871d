// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeleteJob.h"

#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Logging.h"
#include "util/Sentence.h"

#include <QTimer>

#include <algorithm>

DeleteJob::DeleteJob(Catalog *catalog, ObjectStore *store, const QString &backupId, int heartbeatSeconds,
                     QObject *parent)
    : Job(parent)
    , m_catalog(catalog)
    , m_store(store)
    , m_backupId(backupId)
    , m_heartbeatSeconds(std::max(1, heartbeatSeconds))
{ }

void DeleteJob::doStart()
{
    const auto record = m_catalog->backup(m_backupId);
    if (!record) {
        finishWithError(Error::Fatal, tr("There is no backup %1 in the catalog.").arg(m_backupId));
        return;
    }
    m_record = *record;
    if (m_record.status == BackupStatus::Pending || m_record.status == BackupStatus::InProgress) {
        finishWithError(Error::Fatal,
                        tr("Backup %1 is %2; cancel it or wait until it ends before deleting it.")
                            .arg(m_backupId, Backups::statusToString(m_record.status)));
        return;
    }
    if (m_record.pinned) {
        finishWithError(
            Error::Fatal,
            tr("Backup %1 is pinned; unpin it first ('creodrop-backupctl backup unpin %1').").arg(m_backupId));
        return;
    }
    // Marked before the first object goes: from here on the backup may be incomplete in storage,
    // so a deletion that does not finish must never leave it looking usable.
    if (!m_catalog->markDeleting(m_backupId, m_heartbeatSeconds, &m_heartbeatStamp)) {
        finishWithError(Error::Fatal,
                        tr("Could not mark backup %1 as being deleted in the catalog: %2. Nothing was deleted.")
                            .arg(m_backupId, m_catalog->lastError()));
        return;
    }
    m_statusBefore = m_record.status;
    m_record.status = BackupStatus::Deleting;
    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(m_heartbeatSeconds * 1000);
    connect(m_heartbeat, &QTimer::timeout, this, &DeleteJob::renewHeartbeat);
    m_heartbeat->start();
    if (m_record.objectKey.isEmpty()) {
        removeKey(QString(), {});
        return;
    }
    removeKey(m_record.objectKey, [this] { removeKey(Catalog::manifestKey(m_record.objectKey), {}); });
}

void DeleteJob::removeKey(const QString &key, std::function<void()> next)
{
    if (key.isEmpty() || !next) {
        if (!key.isEmpty()) {
            StoreJob *job = m_store->remove(key);
            m_current = job;
            connect(job, &Job::finished, this, [this, job] {
                if (!job->succeeded()) {
                    finishLeavingDeleting(
                        job->error(),
                        tr("Could not delete the manifest of backup %1 from %2: %3 %4")
                            .arg(m_backupId, m_store->describe(), Sentence::ended(job->errorString()), leftDeleting()));
                    return;
                }
                removeKey(QString(), {});
            });
            job->start();
            return;
        }
        stopHeartbeat();
        if (!m_catalog->removeBackup(m_backupId)) {
            // Another deletion of this backup (retention in the worker next to `backup delete`,
            // say) removed the row first: the backup is gone, which is what was asked.
            if (m_catalog->backupIsGone(m_backupId)) {
                finishWithSuccess();
                return;
            }
            finishLeavingDeleting(
                Error::Fatal,
                tr("Could not remove backup %1 from the catalog: %2").arg(m_backupId, m_catalog->lastError()));
            return;
        }
        finishWithSuccess();
        return;
    }
    StoreJob *job = m_store->remove(key);
    m_current = job;
    connect(job, &Job::finished, this, [this, job, next] {
        if (!job->succeeded()) {
            const QString failure = tr("Could not delete backup %1 from %2: %3")
                                        .arg(m_backupId, m_store->describe(), Sentence::ended(job->errorString()));
            // Without any answer from the store, a look at the object would only wait as long again.
            if (job->result().httpStatus == 0 && job->error() != Error::Fatal)
                finishLeavingDeleting(job->error(), failure + QLatin1Char(' ') + leftDeleting());
            else
                checkObjectAfterFailure(job->error(), failure);
            return;
        }
        next();
    });
    job->start();
}

void DeleteJob::checkObjectAfterFailure(Error error, const QString &failure)
{
    // A DELETE that failed may still have been carried out (an answer lost on the way back); one
    // that was refused (access denied, say) left the object as it was. Only a look tells which.
    StoreJob *probe = m_store->head(m_record.objectKey);
    m_current = probe;
    connect(probe, &Job::finished, this, [this, probe, error, failure] {
        const bool whole = probe->succeeded()
            && (m_statusBefore != BackupStatus::Completed || probe->result().object.size == m_record.sizeBytes);
        if (whole && m_catalog->unmarkDeleting(m_backupId, m_statusBefore)) {
            stopHeartbeat();
            m_record.status = m_statusBefore;
            finishWithError(error,
                            failure + QLatin1Char(' ')
                                + tr("Nothing was deleted: backup %1 is listed as %2 again.")
                                      .arg(m_backupId, Backups::statusToString(m_statusBefore)));
            return;
        }
        finishLeavingDeleting(error, failure + QLatin1Char(' ') + leftDeleting());
    });
    probe->start();
}

QString DeleteJob::leftDeleting() const
{
    return tr("Backup %1 stays listed as deleting: delete it again to finish, or run a catalog rescan to list it as "
              "completed again if its file is still there.")
        .arg(m_backupId);
}

void DeleteJob::finishLeavingDeleting(Error error, const QString &message)
{
    stopHeartbeat();
    // From now on nothing of this deletion touches the storage: a rescan that lists it later may
    // list the backup again if its files are whole.
    if (!m_catalog->releaseDeletion(m_backupId, m_heartbeatStamp) && !m_catalog->lastError().isEmpty())
        qCWarning(lcJobs).noquote() << "could not let go of deleting backup" << m_backupId << ":"
                                    << m_catalog->lastError();
    finishWithError(error, message);
}

void DeleteJob::renewHeartbeat()
{
    if (isFinished())
        return;
    if (m_catalog->heartbeatDeletion(m_backupId, &m_heartbeatStamp))
        return;
    // Gone: another deletion of the backup ended first, which the removals will find. Listed again:
    // this deletion stalled so long that a rescan took it for dead; it must not go on.
    const int failedBefore = m_catalog->failedStatements();
    const std::optional<BackupRecord> row = m_catalog->backup(m_backupId);
    if (m_catalog->failedStatements() != failedBefore || !row || row->status == BackupStatus::Deleting) {
        qCWarning(lcJobs).noquote() << "heartbeat of the deletion of backup" << m_backupId
                                    << "failed:" << m_catalog->lastError();
        return;
    }
    stopHeartbeat();
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
    }
    m_record.status = row->status;
    finishWithError(Error::Fatal,
                    tr("The deletion of backup %1 stalled, and a catalog rescan meanwhile listed the backup as %2 "
                       "again; nothing more was deleted. Delete it again if it should go.")
                        .arg(m_backupId, Backups::statusToString(row->status)));
}

void DeleteJob::stopHeartbeat()
{
    if (m_heartbeat)
        m_heartbeat->stop();
}

void DeleteJob::doAbort()
{
    // Nothing more is removed: the row stays Deleting, so the backup can be deleted again (a
    // removed object is no error then).
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
    }
    if (m_record.status == BackupStatus::Deleting)
        finishLeavingDeleting(Error::Aborted, leftDeleting());
}
