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
/// nor a row that looks usable without its object. Refuses pinned backups (unpin first) and
/// running ones (cancel first).
class DeleteJob : public Job
{
    Q_OBJECT

public:
    DeleteJob(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent = nullptr);

    /// The backup as it was read at the start; its status is Deleting once the deletion began.
    BackupRecord record() const { return m_record; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void removeKey(const QString &key, std::function<void()> next);
    /// What to do about a backup whose deletion started and did not finish.
    QString leftDeleting() const;
    /// @p text ending with a full stop, once.
    static QString sentence(const QString &text);

    Catalog *m_catalog;
    ObjectStore *m_store;
    QString m_backupId;
    BackupRecord m_record;
    QPointer<StoreJob> m_current; ///< the removal under way
};
