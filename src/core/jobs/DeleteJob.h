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

/// Deletes a backup: the dump object, then the manifest, then the catalog row (the audit entry
/// is DeleteBackupOperation's). Removing the row last means a failure half-way leaves a
/// row that can be deleted again, never an object nobody knows about. Refuses pinned backups
/// (unpin first) and running ones (cancel first).
class DeleteJob : public Job
{
    Q_OBJECT

public:
    DeleteJob(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent = nullptr);

    BackupRecord record() const { return m_record; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void removeKey(const QString &key, std::function<void()> next);

    Catalog *m_catalog;
    ObjectStore *m_store;
    QString m_backupId;
    BackupRecord m_record;
    QPointer<StoreJob> m_current; ///< the removal under way
};
