// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "util/Job.h"

#include <QPointer>

#include <functional>

class Catalog;
class ObjectStore;
class StoreJob;

/// Deletes a backup: marks its row Deleting, then removes the dump object, the manifest and the
/// row (the audit entry is DeleteBackupOperation's). Removing the row last means a failure
/// half-way leaves a Deleting row that can be deleted again, never an object nobody knows about
/// nor a row that looks usable without its object. When the dump object's removal fails and the
/// object is then found whole, nothing was deleted: the row gets its status back. Refuses pinned
/// backups (unpin first) and running ones (cancel first).
class DeleteJob : public Job
{
    Q_OBJECT

public:
    DeleteJob(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent = nullptr);

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

    Catalog *m_catalog;
    ObjectStore *m_store;
    QString m_backupId;
    BackupRecord m_record;
    BackupStatus m_statusBefore = BackupStatus::Completed;
    QPointer<StoreJob> m_current; ///< the removal (or the look at the object) under way
};
