// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretJob.h"

#include <QString>

/// Where passwords and keys live: never in settings, the catalog, logs or messages.
///
/// Every operation returns a new, not yet started SecretJob (auto-deleting by default):
/// connect to finished(), then start(). Results arrive asynchronously, never inside start().
///
/// Key names (one namespace shared by every implementation):
///   "s3/secret-access-key"           the R2/S3 secret access key (CREODROP_S3_SECRET_ACCESS_KEY)
///   "mysql/<site>/<env>"             an environment's MySQL password (EnvironmentConfig::secretKey();
///                                    MYSQL_PWD overrides every "mysql/..." key)
///   "catalog/<user>@<host>:<port>/<db>"  the shared MySQL catalog's password
///                                    (CatalogLocation::secretKey(); CREODROP_CATALOG_PASSWORD)
///
/// Implementations: KeychainSecretStore (the platform keychain via QtKeychain),
/// EnvironmentSecretStore (environment variables over another store, for headless runs) and
/// InMemorySecretStore (tests).
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    /// Reads @p key: the job's secret(), or isNotFound().
    virtual SecretJob *read(const QString &key) = 0;
    /// Stores @p secret under @p key, replacing any previous one.
    virtual SecretJob *write(const QString &key, const QString &secret) = 0;
    /// Removes @p key; removing a missing key succeeds.
    virtual SecretJob *remove(const QString &key) = 0;

    static QString s3SecretKey() { return QStringLiteral("s3/secret-access-key"); }
};
