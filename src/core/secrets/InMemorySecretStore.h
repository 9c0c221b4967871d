// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretStore.h"

#include <QHash>

#include <memory>

/// A SecretStore in memory, for tests. Jobs still finish asynchronously like the real ones.
/// setFailure() makes every following job fail with a message (fault injection).
class InMemorySecretStore : public SecretStore
{
public:
    InMemorySecretStore();

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QString &secret) override;
    SecretJob *remove(const QString &key) override;

    void setFailure(const QString &message) { *m_failure = message; }
    /// Direct, synchronous access for test setup and assertions.
    QHash<QString, QString> contents() const { return *m_secrets; }
    void insert(const QString &key, const QString &secret) { m_secrets->insert(key, secret); }

private:
    // Shared with pending jobs so a job outliving the store stays safe.
    std::shared_ptr<QHash<QString, QString>> m_secrets;
    std::shared_ptr<QString> m_failure;
};
