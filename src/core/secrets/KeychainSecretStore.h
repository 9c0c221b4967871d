// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretStore.h"

/// The platform keychain through QtKeychain (Secret Service on Linux: gnome-keyring or
/// KWallet; Keychain on macOS; Credential Store on Windows). Entries live under the service
/// name "creodrop-backups" with the SecretStore key names as account names.
///
/// Each operation wraps one QKeychain Read/Write/DeletePasswordJob. Keychain failures become
/// messages that say what to do, e.g. when no Secret Service runs on a headless server:
/// start one, or use the environment variables that EnvironmentSecretStore reads.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(const QString &serviceName = defaultServiceName());

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QString &secret) override;
    SecretJob *remove(const QString &key) override;

    static QString defaultServiceName() { return QStringLiteral("creodrop-backups"); }
    /// The message for "no keychain reachable" (shared with callers that add their own hint).
    static QString noSecretServiceMessage();

private:
    QString m_serviceName;
};
