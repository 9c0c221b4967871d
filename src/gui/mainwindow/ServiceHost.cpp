// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceHost.h"

#include "jobs/StoreFactory.h"
#include "jobs/WorkerIdentity.h"
#include "util/AppSettings.h"
#include "util/CurrentUser.h"

#include <QCoreApplication>

namespace {
// What decides where backups go and who is recorded: a change of any of these needs a new service.
bool sameService(const BackupServiceConfig &a, const BackupServiceConfig &b)
{
    return a.catalog.toString() == b.catalog.toString() && a.storageKind == b.storageKind
        && a.localStorePath == b.localStorePath && a.s3Endpoint == b.s3Endpoint && a.s3Region == b.s3Region
        && a.s3Bucket == b.s3Bucket && a.s3AccessKeyId == b.s3AccessKeyId && a.s3PathStyle == b.s3PathStyle
        && a.actor == b.actor && a.concurrency == b.concurrency;
}
} // namespace

ServiceHost::ServiceHost(AppSettings *settings, SecretStore *secrets, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_clock(clock)
{ }

ServiceHost::~ServiceHost() = default;

BackupServiceConfig ServiceHost::configFromSettings(QString *error) const
{
    BackupServiceConfig config = StoreFactory::configFromSettings(*m_settings, error);
    const QString actor = m_settings->string(AppSettings::ConsoleActor).trimmed();
    config.actor = actor.isEmpty() ? currentUserName() : actor;
    config.workerId = WorkerIdentity::current();
    config.heartbeatSeconds = WorkerIdentity::heartbeatSeconds(config.heartbeatSeconds);
    return config;
}

bool ServiceHost::settingsChanged() const
{
    return !m_service || !sameService(m_config, configFromSettings());
}

void ServiceHost::start()
{
    const int generation = ++m_generation;
    QString configError;
    auto config = std::make_shared<BackupServiceConfig>(configFromSettings(&configError));
    // Secrets come from the keychain asynchronously (a fraction of a second), so the service
    // starts with a complete configuration.
    StoreFactory::resolveSecrets(
        config.get(), m_secrets, this, [this, config, configError, generation](bool ok, const QString &error) {
            if (generation != m_generation)
                return; // restarted meanwhile: a newer start() builds the service
            m_service = std::make_unique<BackupService>(*config, m_secrets, m_clock);
            m_config = *config;
            m_config.s3SecretAccessKey.clear();
            m_config.catalog.password.clear();
            emit serviceCreated(m_service.get());
            if (!configError.isEmpty())
                emit m_service->error(QCoreApplication::translate("main", "Settings"), configError);
            if (!ok)
                emit m_service->error(QCoreApplication::translate("main", "Keychain"), error);
            m_service->start();
        });
}

void ServiceHost::restart()
{
    if (m_service) {
        emit serviceAboutToStop(m_service.get());
        m_service.reset();
    }
    start();
}
