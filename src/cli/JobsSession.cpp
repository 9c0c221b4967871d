// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobsSession.h"

#include "CliContext.h"
#include "Commands.h"
#include "jobs/RecoveryJob.h"
#include "jobs/StoreFactory.h"
#include "jobs/WorkerIdentity.h"
#include "storage/ObjectStore.h"

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
    BackupServiceConfig config = StoreFactory::configFromSettings(ctx.settings());
    if (config.storageKind == QLatin1String("s3")) {
        const auto secret = ctx.readSecret(SecretStore::s3SecretKey());
        if (!secret) {
            CliContext::fail(Cli::tr("Cannot read the storage secret key: %1").arg(ctx.lastError()));
            return nullptr;
        }
        config.s3SecretAccessKey = *secret;
    }
    QString error;
    session->m_network = std::make_unique<QNetworkAccessManager>();
    session->m_store = StoreFactory::create(config, session->m_network.get(), &error);
    if (!session->m_store) {
        CliContext::fail(error);
        return nullptr;
    }
    // Every process that opens the catalog fails the backups whose runner is gone.
    RecoveryJob recovery(session->m_catalog, session->m_store.get(), WorkerIdentity::heartbeatSeconds());
    ctx.runJob(&recovery);
    for (const QString &id : recovery.recoveredIds())
        CliContext::warn(Cli::tr("backup %1 was interrupted and is now failed").arg(id));
    for (const QString &warning : recovery.warnings())
        CliContext::warn(warning);
    return session;
}

std::unique_ptr<BackupJob> JobsSession::newBackupJob(const QString &backupId) const
{
    BackupJob::Options options;
    options.workerId = WorkerIdentity::current();
    options.heartbeatSeconds = WorkerIdentity::heartbeatSeconds();
    return std::make_unique<BackupJob>(m_catalog, m_store.get(), m_ctx.secrets(), m_ctx.clock(), backupId, options);
}
