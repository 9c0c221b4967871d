// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecoveryJob.h"

#include "WorkerIdentity.h"
#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Logging.h"
#include "util/Sentence.h"

#include <QPointer>

RecoveryJob::RecoveryJob(Catalog *catalog, ObjectStore *store, int heartbeatSeconds, QObject *parent)
    : Job(parent)
    , m_catalog(catalog)
    , m_store(store)
    , m_heartbeatSeconds(std::max(1, heartbeatSeconds))
{ }

QString RecoveryJob::interruptedMessage()
{
    return tr("interrupted: the process running it stopped; run the backup again");
}

void RecoveryJob::doStart()
{
    const QVector<BackupRecord> stale = m_catalog->staleBackups(m_heartbeatSeconds);
    for (const BackupRecord &record : stale) {
        if (!WorkerIdentity::isGone(record.workerId)) {
            qCDebug(lcJobs) << "backup" << record.id << "has a lapsed heartbeat but its worker" << record.workerId
                            << "is alive";
            continue;
        }
        // Compare-and-set: if the worker finished it meanwhile, this does nothing.
        if (!m_catalog->failBackup(record.id, BackupStatus::Failed, interruptedMessage()))
            continue;
        qCInfo(lcJobs).noquote() << "recovered interrupted backup" << record.id << "of worker" << record.workerId
                                 << "(last heartbeat" << record.heartbeatAt.toString(Qt::ISODateWithMs) << ")";
        m_recovered.append(record.id);
        if (!record.objectKey.isEmpty()) {
            m_keysToClean.append(record.objectKey);
            m_idOfKey.insert(record.objectKey, record.id);
        }
    }
    markInterruptedRestores();
    cleanNext();
}

void RecoveryJob::markInterruptedRestores()
{
    // A restore or sync whose process died may have left its target half replaced: it stays
    // locked (no backup, restore or sync starts) until a process holding the secrets (worker,
    // console) rolls it back from its pre-restore backup.
    for (const EnvironmentLock &lock : m_catalog->staleEnvironmentLocks(m_heartbeatSeconds)) {
        if (!WorkerIdentity::isGone(lock.workerId))
            continue;
        // Before its replace phase the target was not touched: there is nothing to roll back.
        const QString reason = lock.targetTouched()
            ? tr("interrupted: the process running it (%1) stopped during its %2 phase; the next worker or console "
                 "start rolls the target back from pre-%3 backup %4")
                  .arg(lock.workerId, EnvironmentLock::phaseToString(lock.phase), lock.kind,
                       lock.preBackupId.isEmpty() ? tr("(none yet)") : lock.preBackupId)
            : tr("interrupted: the process running it (%1) stopped during its %2 phase, before it changed the "
                 "target; the next worker or console start unlocks it")
                  .arg(lock.workerId, EnvironmentLock::phaseToString(lock.phase));
        if (m_catalog->interruptEnvironmentLock(lock.siteId, lock.environment, lock.workerId, reason)) {
            qCInfo(lcJobs).noquote() << "marked the" << lock.kind << "of" << lock.siteId
                                     << Environments::toString(lock.environment) << "interrupted";
            m_interruptedLocks.append(lock.siteId + QLatin1Char('/') + Environments::toString(lock.environment));
        }
    }
}

void RecoveryJob::warnLeftBehind(const QString &key, const QString &what, const QString &error)
{
    const QString id = m_idOfKey.value(key);
    m_warnings.append(tr("Could not %1 of interrupted backup %2 (%3): %4; 'creodrop-backupctl backup delete %2' "
                         "removes what it left in the storage")
                          .arg(what, id, key, Sentence::unended(error)));
}

void RecoveryJob::doAbort()
{
    QStringList left = m_keysToClean;
    if (!m_cleaning.isEmpty())
        left.prepend(m_cleaning);
    for (const QString &key : std::as_const(left))
        warnLeftBehind(key, tr("finish cleaning up the storage"), tr("the storage did not answer in time"));
    m_keysToClean.clear();
    m_cleaning.clear();
}

void RecoveryJob::cleanNext()
{
    m_cleaning.clear();
    if (m_keysToClean.isEmpty() || !m_store) {
        finishWithSuccess();
        return;
    }
    const QString key = m_keysToClean.takeFirst();
    m_cleaning = key;
    QPointer<RecoveryJob> self(this);
    // Steps, in order: abort incomplete uploads, remove the manifest, remove the object.
    StoreJob *listJob = m_store->listIncompleteUploads(key);
    connect(listJob, &Job::finished, this, [this, self, listJob, key] {
        if (!self || isFinished())
            return;
        QVector<IncompleteUpload> uploads;
        if (listJob->succeeded())
            uploads = listJob->result().uploads;
        else
            warnLeftBehind(key, tr("list the unfinished uploads"), listJob->errorString());
        for (const IncompleteUpload &upload : std::as_const(uploads)) {
            if (upload.key == key)
                qCInfo(lcJobs).noquote() << "aborting the unfinished upload of interrupted backup object" << key;
        }
        auto pending = std::make_shared<int>(uploads.size() + 2);
        auto stepDone = [this, self, pending, key](StoreJob *job, const QString &what) {
            if (!self || isFinished())
                return;
            if (!job->succeeded())
                warnLeftBehind(key, what, job->errorString());
            if (--*pending == 0)
                cleanNext();
        };
        for (const IncompleteUpload &upload : uploads) {
            if (upload.key != key) {
                --*pending; // a longer key that shares the prefix belongs to another backup
                continue;
            }
            StoreJob *abortJob = m_store->abortIncompleteUpload(upload.key, upload.uploadId);
            connect(abortJob, &Job::finished, this,
                    [stepDone, abortJob] { stepDone(abortJob, QStringLiteral("abort the unfinished upload")); });
            abortJob->start();
        }
        StoreJob *removeManifest = m_store->remove(Catalog::manifestKey(key));
        connect(removeManifest, &Job::finished, this,
                [stepDone, removeManifest] { stepDone(removeManifest, QStringLiteral("remove the manifest")); });
        removeManifest->start();
        StoreJob *removeObject = m_store->remove(key);
        connect(removeObject, &Job::finished, this,
                [stepDone, removeObject] { stepDone(removeObject, QStringLiteral("remove the object")); });
        removeObject->start();
    });
    listJob->start();
}
