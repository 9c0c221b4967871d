// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobsCliSupport.h"

#include "CliContext.h"
#include "Commands.h"
#include "jobs/RecoveryJob.h"
#include "jobs/StoreFactory.h"
#include "jobs/WorkerIdentity.h"
#include "storage/ObjectStore.h"

#include <QCoreApplication>
#include <QTextStream>

JobsSession::~JobsSession() = default;

std::unique_ptr<JobsSession> JobsSession::open(CliContext &ctx, int *exitCode)
{
    std::unique_ptr<JobsSession> session(new JobsSession);
    session->m_catalog = ctx.catalog();
    if (!session->m_catalog) {
        *exitCode = CliContext::fail(ctx.lastError());
        return nullptr;
    }
    BackupServiceConfig config = StoreFactory::configFromSettings(ctx.settings());
    if (config.storageKind == QLatin1String("s3")) {
        const auto secret = ctx.readSecret(SecretStore::s3SecretKey());
        if (!secret) {
            *exitCode = CliContext::fail(
                QCoreApplication::translate("Cli", "Cannot read the storage secret key: %1").arg(ctx.lastError()));
            return nullptr;
        }
        config.s3SecretAccessKey = *secret;
    }
    QString error;
    session->m_network = std::make_unique<QNetworkAccessManager>();
    session->m_store = StoreFactory::create(config, session->m_network.get(), &error);
    if (!session->m_store) {
        *exitCode = CliContext::fail(error);
        return nullptr;
    }
    // Every process that opens the catalog fails the backups whose runner is gone.
    RecoveryJob recovery(session->m_catalog, session->m_store.get(), WorkerIdentity::heartbeatSeconds());
    ctx.runJob(&recovery);
    session->m_recovered = recovery.recoveredIds();
    for (const QString &id : session->m_recovered)
        warn(QCoreApplication::translate("Cli", "backup %1 was interrupted and is now failed").arg(id));
    for (const QString &warning : recovery.warnings())
        warn(warning);
    return session;
}

BackupJob::Options JobsSession::backupOptions()
{
    BackupJob::Options options;
    options.workerId = WorkerIdentity::current();
    options.heartbeatSeconds = WorkerIdentity::heartbeatSeconds();
    return options;
}

void JobsSession::warn(const QString &line)
{
    QTextStream(stderr) << "creodrop-backupctl: warning: " << line << '\n';
}
