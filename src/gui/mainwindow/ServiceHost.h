// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operations/BackupService.h"

#include <QObject>

#include <memory>

class AppSettings;
class Clock;
class SecretStore;

/// Owns the console's BackupService and builds it from the settings: storage, catalog, the
/// actor (Settings > General, else the OS account) and the secrets from the keychain. When
/// Settings changes storage or catalog, restart() stops the running service (its destructor
/// cancels running jobs and waits a bounded time for its threads) and starts one with the new
/// configuration, so nothing needs a restart of the application.
///
///     ServiceHost host(&settings, &secrets, &clock);
///     connect(&host, &ServiceHost::serviceCreated, window, &MainWindow::setService);
///     host.start();
class ServiceHost : public QObject
{
    Q_OBJECT

public:
    /// @p settings, @p secrets and @p clock must outlive the host.
    ServiceHost(AppSettings *settings, SecretStore *secrets, const Clock *clock, QObject *parent = nullptr);
    ~ServiceHost() override;

    /// Null until the first serviceCreated().
    BackupService *service() const { return m_service.get(); }
    /// The configuration the current service runs with (secrets cleared).
    const BackupServiceConfig &config() const { return m_config; }
    /// The configuration the settings describe now, without secrets.
    BackupServiceConfig configFromSettings(QString *error = nullptr) const;
    /// Whether the settings now describe another storage, catalog or actor than the service uses.
    bool settingsChanged() const;

    /// Reads the secrets, creates the service, emits serviceCreated(), then starts it.
    void start();
    /// Stops the current service (serviceAboutToStop() first), then start().
    void restart();

signals:
    /// Disconnect from the service now: it is deleted right after this signal.
    void serviceAboutToStop(BackupService *service);
    /// A new service exists and is not started yet: connect to it (its ready() follows).
    void serviceCreated(BackupService *service);

private:
    AppSettings *m_settings;
    SecretStore *m_secrets;
    const Clock *m_clock;
    BackupServiceConfig m_config;
    std::unique_ptr<BackupService> m_service;
    int m_generation = 0; ///< start() calls so far: a secret lookup of an older one is dropped
};
