// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BackupServiceConfig.h"

#include <QString>

#include <functional>
#include <memory>

class AppSettings;
class ObjectStore;
class QNetworkAccessManager;
class QObject;
class SecretStore;

/// Builds the configuration of storage and catalog from settings and the environment, and the
/// ObjectStore it describes. Used by the CLI, the worker and the GUI alike so they all agree
/// on where backups live.
///
/// Precedence: CREODROP_S3_ENDPOINT (with the other CREODROP_S3_* variables) selects S3 over
/// the settings; otherwise storage/kind decides, "local" (the default) meaning a folder store
/// under CREODROP_HOME/store. Secrets (the S3 secret key, the catalog password) are read from
/// the secret store in resolveSecrets(), never from settings.
namespace StoreFactory {
/// Settings + environment, without secrets. Sets @p error when the catalog location or the
/// storage kind is invalid (the storage is then the local folder store).
BackupServiceConfig configFromSettings(const AppSettings &settings, QString *error = nullptr);
/// Reads the secrets @p config needs into it, then calls @p done(ok, error) in @p context's thread.
void resolveSecrets(BackupServiceConfig *config, SecretStore *secrets, QObject *context,
                    std::function<void(bool ok, const QString &error)> done);
/// The store @p config describes, living in the caller's thread (S3 uses @p network).
/// Returns null with @p error set when the configuration is incomplete.
std::unique_ptr<ObjectStore> create(const BackupServiceConfig &config, QNetworkAccessManager *network, QString *error);
} // namespace StoreFactory
