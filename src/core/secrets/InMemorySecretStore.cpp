// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "InMemorySecretStore.h"

InMemorySecretStore::InMemorySecretStore()
    : m_secrets(std::make_shared<QHash<QString, QString>>())
    , m_failure(std::make_shared<QString>())
{ }

SecretJob *InMemorySecretStore::read(const QString &key)
{
    return SecretJob::fromFunction(SecretJob::Operation::Read, key,
                                   [secrets = m_secrets, failure = m_failure, key](SecretJob &job) {
                                       if (!failure->isEmpty())
                                           job.completeFailed(Job::Error::Fatal, *failure);
                                       else if (secrets->contains(key))
                                           job.completeRead(secrets->value(key));
                                       else
                                           job.completeNotFound();
                                   });
}

SecretJob *InMemorySecretStore::write(const QString &key, const QString &secret)
{
    return SecretJob::fromFunction(SecretJob::Operation::Write, key,
                                   [secrets = m_secrets, failure = m_failure, key, secret](SecretJob &job) {
                                       if (!failure->isEmpty()) {
                                           job.completeFailed(Job::Error::Fatal, *failure);
                                           return;
                                       }
                                       secrets->insert(key, secret);
                                       job.completeDone();
                                   });
}

SecretJob *InMemorySecretStore::remove(const QString &key)
{
    return SecretJob::fromFunction(SecretJob::Operation::Remove, key,
                                   [secrets = m_secrets, failure = m_failure, key](SecretJob &job) {
                                       if (!failure->isEmpty()) {
                                           job.completeFailed(Job::Error::Fatal, *failure);
                                           return;
                                       }
                                       secrets->remove(key);
                                       job.completeDone();
                                   });
}
