// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Job.h"

#include <QHash>
#include <QStringList>

class Catalog;
class ObjectStore;

/// Interrupted-backup recovery, run by every process that opens the catalog (CLI commands, the
/// worker, BackupService) before it does anything else.
///
/// An In Progress backup whose heartbeat is older than two heartbeat periods and whose worker is
/// gone (WorkerIdentity::isGone) becomes Failed ("interrupted ..."). Then everything it may have
/// left in the bucket goes: its incomplete multipart uploads (listed with the object key as
/// prefix) are aborted, and the dump object and manifest are removed in case the process died
/// between the upload and the catalog update. Cleanup problems are reported in warnings() but do
/// not fail the job: the catalog row is what protects users from a partial backup.
class RecoveryJob : public Job
{
    Q_OBJECT

public:
    RecoveryJob(Catalog *catalog, ObjectStore *store, int heartbeatSeconds, QObject *parent = nullptr);

    /// Ids of the backups this job marked Failed.
    QStringList recoveredIds() const { return m_recovered; }
    QStringList warnings() const { return m_warnings; }
    /// SITE/ENV of the restores and syncs this job marked Interrupted (their process died).
    QStringList interruptedLocks() const { return m_interruptedLocks; }

    static QString interruptedMessage();

protected:
    void doStart() override;
    /// Stops the storage cleanup (a deadline ran out): the rows are already Failed, and a
    /// warning names each backup whose objects may remain, with the command that removes them.
    void doAbort() override;

private:
    void cleanNext();
    void markInterruptedRestores();
    void warnLeftBehind(const QString &key, const QString &what, const QString &error);

    Catalog *m_catalog;
    ObjectStore *m_store;
    int m_heartbeatSeconds;
    QStringList m_recovered;
    QStringList m_keysToClean;
    QHash<QString, QString> m_idOfKey; ///< object key -> backup id, for the warnings
    QString m_cleaning; ///< the key being cleaned now
    QStringList m_warnings;
    QStringList m_interruptedLocks;
};
