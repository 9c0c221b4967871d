// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/BackupJob.h"

#include <QNetworkAccessManager>

#include <memory>

class Catalog;
class CliContext;
class ObjectStore;

/// What every backup, worker, retention and rescan command opens first, in one place:
///
///     CliContext ctx;
///     int exitCode = Cli::Failure;
///     auto session = JobsSession::open(ctx, &exitCode);
///     if (!session)
///         return exitCode;                 // the reason is already on stderr
///     BackupJob job(session->catalog(), session->store(), ...);
///
/// open() opens the catalog (CliContext), builds the store from settings and CREODROP_S3_*
/// (StoreFactory, the secret key from the secret store), then runs interrupted-backup recovery
/// (RecoveryJob) so no command ever works next to a backup whose process died.
class JobsSession
{
public:
    /// Null on failure, after printing one line to stderr; @p exitCode is then what to return.
    static std::unique_ptr<JobsSession> open(CliContext &ctx, int *exitCode);
    ~JobsSession();

    Catalog *catalog() const { return m_catalog; }
    ObjectStore *store() const { return m_store.get(); }
    /// Ids of the backups the opening recovery marked Failed ("interrupted").
    QStringList recoveredIds() const { return m_recovered; }

    /// BackupJob options for this process: its worker id and CREODROP_HEARTBEAT_SECONDS.
    static BackupJob::Options backupOptions();
    /// Prints "creodrop-backupctl: warning: LINE" to stderr.
    static void warn(const QString &line);

private:
    JobsSession() = default;

    Catalog *m_catalog = nullptr; ///< owned by the CliContext
    // Declared before the store, which uses it: destroyed after it.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ObjectStore> m_store;
    QStringList m_recovered;
};
