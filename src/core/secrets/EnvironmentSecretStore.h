// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretStore.h"

/// Environment variables over another store, for headless runs (servers, CI, scripts):
///   CREODROP_S3_SECRET_ACCESS_KEY  -> "s3/secret-access-key"
///   MYSQL_PWD                      -> every "mysql/..." key
///   CREODROP_CATALOG_PASSWORD      -> every "catalog/..." key
/// A set, non-empty variable answers reads of its keys; everything else (and every write and
/// remove) goes to the fallback store. When the fallback fails a read of a key that has a
/// variable, the message names the variable as the way out.
class EnvironmentSecretStore : public SecretStore
{
public:
    /// @p fallback is not owned and must outlive this store; null = environment variables only.
    explicit EnvironmentSecretStore(SecretStore *fallback);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QString &secret) override;
    SecretJob *remove(const QString &key) override;

    /// The variable that overrides @p key ("" when none does).
    static QString overrideVariable(const QString &key);

private:
    SecretStore *m_fallback;
};
