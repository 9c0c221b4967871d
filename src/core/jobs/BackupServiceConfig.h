// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Catalog.h"

#include <QString>

#include <optional>

/// Where backups are stored: a local folder (the embedded default, for a machine without a
/// bucket) or Cloudflare R2 / any S3-compatible service.
enum class StorageKind { Local, S3 };

namespace StorageKinds {
QString toString(StorageKind kind); ///< "local", "s3": the settings' storage/kind values
/// "" counts as local (the default); nullopt for anything else.
std::optional<StorageKind> fromString(const QString &text);
} // namespace StorageKinds

/// Everything the console's service needs to know, resolved by the caller from settings and the
/// environment (StoreFactory::configFromSettings, resolveSecrets).
struct BackupServiceConfig
{
    CatalogLocation catalog;
    /// Local uses localStorePath; S3 the s3* fields.
    StorageKind storageKind = StorageKind::Local;
    QString localStorePath;
    QString s3Endpoint;
    QString s3Region = QStringLiteral("auto");
    QString s3Bucket;
    QString s3AccessKeyId;
    QString s3SecretAccessKey; ///< filled from the secret store / environment; never persisted
    bool s3PathStyle = true;
    QString actor; ///< who acts (user name), recorded as created_by and in the audit log
    QString workerId; ///< unique per process: host:pid:random
    int heartbeatSeconds = 10;
    /// "Backups running at once" (AppSettings::JobConcurrency): across sites; one environment
    /// never runs two.
    int concurrency = 2;
    bool runSchedules = true; ///< the GUI runs due schedules while open
};
