// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobsSession.h"

#include "CliContext.h"
#include "Commands.h"
#include "jobs/RecoveryJob.h"
#include "jobs/StoreFactory.h"
#include "jobs/WorkerIdentity.h"
#include "operations/BackupQueue.h"
#include "operations/RollbackInterruptedJob.h"
#include "storage/ObjectStore.h"
#include "util/Sentence.h"

#include <QTimer>

JobsSession::JobsSession(CliContext &ctx)
    : m_ctx(ctx)
{ }

JobsSession::~JobsSession() = default;

std::unique_ptr<JobsSession> JobsSession::open(CliContext &ctx)
{
    std::unique_ptr<JobsSession> session(new JobsSession(ctx));
    session->m_catalog = ctx.openCatalog();
    if (!session->m_catalog)
        return nullptr;
    QString error;
    if (!session->openStore(&error)) {
        CliContext::fail(error);
        return nullptr;
    }
    // Opening the catalog already failed the backups whose runner is gone (recoverIfNeeded()).
    return session;
}

void JobsSession::recover()
{
    RecoveryJob recovery(m_catalog, m_store.get(), WorkerIdentity::heartbeatSeconds());
    // The rows are Failed at once; only the storage cleanup can take long.
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &recovery, [&recovery] { recovery.abort(); });
    deadline.start(kCleanupBudgetMs);
    m_ctx.runJob(&recovery);
    for (const QString &id : recovery.recoveredIds()) {
        CliContext::warn(Cli::tr("backup %1 was interrupted and is now failed").arg(id));
        if (!m_store)
            CliContext::warn(Cli::tr("what backup %1 left in the storage was not removed, as the storage cannot be "
                                     "opened (%2); 'creodrop-backupctl backup delete %1' removes it once it can")
                                 .arg(id, Sentence::unended(m_storeError)));
    }
    for (const QString &warning : recovery.warnings())
        CliContext::warn(warning);
    for (const QString &env : recovery.interruptedLocks())
        CliContext::warn(Cli::tr("the restore or sync of %1 was interrupted: %1 stays locked until a worker or the "
                                 "console rolls it back")
                             .arg(env));
}

OperationContext JobsSession::operationContext() const
{
    OperationContext context;
    context.catalog = m_catalog;
    context.secrets = m_ctx.secrets();
    context.store = m_store.get();
    context.clock = m_ctx.clock();
    context.actor = CliContext::actor();
    context.workerId = WorkerIdentity::current();
    context.heartbeatSeconds = WorkerIdentity::heartbeatSeconds();
    return context;
}

void JobsSession::rollbackInterrupted()
{
    RollbackInterruptedJob job(operationContext());
    m_ctx.runJob(&job);
    for (const QString &line : job.messages())
        CliContext::printLine(line);
}

void JobsSession::recoverIfNeeded(CliContext &ctx)
{
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return;
    // The common case costs one indexed query: the store (and its secret) is only opened when
    // a backup's runner is gone and its heartbeat lapsed.
    bool needed = false;
    for (const BackupRecord &record : catalog->staleBackups(WorkerIdentity::heartbeatSeconds()))
        needed = needed || WorkerIdentity::isGone(record.workerId);
    for (const EnvironmentLock &lock : catalog->staleEnvironmentLocks(WorkerIdentity::heartbeatSeconds()))
        needed = needed || WorkerIdentity::isGone(lock.workerId);
    if (!needed)
        return;
    std::unique_ptr<JobsSession> session(new JobsSession(ctx));
    session->m_catalog = catalog;
    QString error;
    if (!session->openStore(&error))
        session->m_storeError = error; // the rows are failed all the same; the warning says what is left
    session->recover();
}

bool JobsSession::openStore(QString *error)
{
    BackupServiceConfig config = StoreFactory::configFromSettings(m_ctx.settings());
    if (!StorageKinds::fromString(m_ctx.settings().string(AppSettings::StorageKind))) {
        StoreFactory::configFromSettings(m_ctx.settings(), error);
        return false;
    }
    if (config.storageKind == StorageKind::S3) {
        const auto secret = m_ctx.readSecret(SecretStore::s3SecretKey());
        if (!secret) {
            *error = Cli::tr("Cannot read the storage secret key: %1").arg(m_ctx.lastError());
            return false;
        }
        config.s3SecretAccessKey = *secret;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_store = StoreFactory::create(config, m_network.get(), error);
    return m_store != nullptr;
}

OperationContext JobsSession::context() const
{
    OperationContext context = m_ctx.operationContext();
    context.store = m_store.get();
    return context;
}

std::unique_ptr<BackupJob> JobsSession::newBackupJob(const QString &backupId) const
{
    return std::unique_ptr<BackupJob>(BackupQueue::newJob(context(), backupId));
}
