// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeleteJob.h"

#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Sentence.h"

DeleteJob::DeleteJob(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent)
    : Job(parent)
    , m_catalog(catalog)
    , m_store(store)
    , m_backupId(backupId)
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
    if (!m_catalog->markDeleting(m_backupId)) {
        finishWithError(Error::Fatal,
                        tr("Could not mark backup %1 as being deleted in the catalog: %2. Nothing was deleted.")
                            .arg(m_backupId, m_catalog->lastError()));
        return;
    }
    m_statusBefore = m_record.status;
    m_record.status = BackupStatus::Deleting;
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
                    finishWithError(
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
        if (!m_catalog->removeBackup(m_backupId)) {
            // Another deletion of this backup (retention in the worker next to `backup delete`,
            // say) removed the row first: the backup is gone, which is what was asked.
            if (m_catalog->backupIsGone(m_backupId)) {
                finishWithSuccess();
                return;
            }
            finishWithError(
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
                finishWithError(job->error(), failure + QLatin1Char(' ') + leftDeleting());
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
            m_record.status = m_statusBefore;
            finishWithError(error,
                            failure + QLatin1Char(' ')
                                + tr("Nothing was deleted: backup %1 is listed as %2 again.")
                                      .arg(m_backupId, Backups::statusToString(m_statusBefore)));
            return;
        }
        finishWithError(error, failure + QLatin1Char(' ') + leftDeleting());
    });
    probe->start();
}

QString DeleteJob::leftDeleting() const
{
    return tr("Backup %1 stays listed as deleting: delete it again to finish, or run a catalog rescan to list it as "
              "completed again if its file is still there.")
        .arg(m_backupId);
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
        finishWithError(Error::Aborted, leftDeleting());
}
