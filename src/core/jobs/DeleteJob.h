// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "util/Job.h"

#include <QDateTime>
#include <QPointer>

#include <functional>

class Catalog;
class ObjectStore;
class StoreJob;
class QTimer;

/// Deletes a backup: marks its row Deleting, then removes the dump object, the manifest and the
/// row (the audit entry is DeleteBackupOperation's). Removing the row last means a failure
/// half-way leaves a Deleting row that can be deleted again, never an object nobody knows about
/// nor a row that looks usable without its object. When the dump object's removal fails and the
/// object is then found whole, nothing was deleted: the row gets its status back. Refuses pinned
/// backups (unpin first) and running ones (cancel first).
///
/// While it runs, the deletion renews a heartbeat in the row every @p heartbeatSeconds, so that
/// a rescan (in any process) never lists the backup as Completed again from a listing its
/// files may have left since; one that ends with the row still Deleting lets go of it at once.
class DeleteJob : public Job
{
    Q_OBJECT

public:
    DeleteJob(Catalog *catalog, ObjectStore *store, const QString &backupId, int heartbeatSeconds,
              QObject *parent = nullptr);

    /// The backup as it was read at the start; its status is Deleting once the deletion began (and
    /// as it was again when a failed deletion turned out to have deleted nothing).
    BackupRecord record() const { return m_record; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void removeKey(const QString &key, std::function<void()> next);
    /// After the dump object's removal failed with @p failure: looks for the object, and lists the
    /// backup as it was when the object is still there whole.
    void checkObjectAfterFailure(Error error, const QString &failure);
    /// What to do about a backup whose deletion started and did not finish.
    QString leftDeleting() const;
    /// Ends with the row still Deleting: lets go of it (Catalog::releaseDeletion), then fails.
    void finishLeavingDeleting(Error error, const QString &message);
    void renewHeartbeat();
    void stopHeartbeat();

    Catalog *m_catalog;
    ObjectStore *m_store;
    QString m_backupId;
    BackupRecord m_record;
    BackupStatus m_statusBefore = BackupStatus::Completed;
    int m_heartbeatSeconds;
    QTimer *m_heartbeat = nullptr;
    QDateTime m_heartbeatStamp; ///< the heartbeat this deletion last wrote into the row
    QPointer<StoreJob> m_current; ///< the removal (or the look at the object) under way
};
