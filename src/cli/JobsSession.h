// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/BackupJob.h"
#include "operations/OperationContext.h"

#include <QNetworkAccessManager>

#include <memory>

class Catalog;
class CliContext;
class ObjectStore;

/// What every backup, worker, retention and rescan command opens first, in one place:
///
///     CliContext ctx;
///     auto session = JobsSession::open(ctx);
///     if (!session)
///         return Cli::Failure;             // the reason is already on stderr
///     DeleteJob job(session->catalog(), session->store(), ...);
///
/// open() opens the catalog (CliContext, which runs recoverIfNeeded() on opening it, so no
/// command ever works next to a backup whose process died), then builds the store from settings
/// and CREODROP_S3_* (StoreFactory, the secret key from the secret store).
class JobsSession
{
public:
    /// Null on failure, after printing one line to stderr.
    static std::unique_ptr<JobsSession> open(CliContext &ctx);
    ~JobsSession();

    /// Fails the backups whose runner is gone, opening the store only when there is one (one
    /// catalog query otherwise). CliContext::openCatalog() runs it for every command.
    static void recoverIfNeeded(CliContext &ctx);

    Catalog *catalog() const { return m_catalog; }
    ObjectStore *store() const { return m_store.get(); }
    /// What the operations work with: this session's catalog and store, the context's secret
    /// store, clock and actor, this process's worker id and heartbeat.
    OperationContext context() const;
    /// A BackupJob for @p backupId run by this process: its worker id, CREODROP_HEARTBEAT_SECONDS.
    std::unique_ptr<BackupJob> newBackupJob(const QString &backupId) const;
    /// What operations (restore, ...) run with in this process: catalog, store, secrets, actor,
    /// this process's worker id and heartbeat period.
    OperationContext operationContext() const;
    /// Rolls back the restores and syncs a dead process left Interrupted (worker start).
    void rollbackInterrupted();

private:
    explicit JobsSession(CliContext &ctx);
    /// Runs interrupted-backup recovery now; its storage cleanup gets kCleanupBudgetMs, so that
    /// no command waits long on a storage that does not answer (what is left is named).
    void recover();
    static constexpr int kCleanupBudgetMs = 20000;
    bool openStore(QString *error);

    CliContext &m_ctx;
    Catalog *m_catalog = nullptr; ///< owned by the CliContext
    // Declared before the store, which uses it: destroyed after it.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ObjectStore> m_store;
    QString m_storeError; ///< why the store could not be opened, when it could not
};
