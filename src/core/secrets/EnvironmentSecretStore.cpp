// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentSecretStore.h"

#include "util/Logging.h"

#include <QCoreApplication>

namespace {

// Forwards a read to the fallback store's job and adds the variable hint to failures.
class FallbackReadJob : public SecretJob
{
public:
    FallbackReadJob(const QString &key, SecretStore *fallback)
        : SecretJob(Operation::Read, key)
        , m_fallback(fallback)
    { }

protected:
    void doStart() override
    {
        m_inner = m_fallback->read(key());
        m_inner->setParent(this);
        m_inner->setAutoDelete(false);
        connect(m_inner, &Job::finished, this, [this] {
            if (m_inner->succeeded()) {
                if (m_inner->isNotFound())
                    completeNotFound();
                else
                    completeRead(m_inner->secret());
                return;
            }
            QString message = m_inner->errorString();
            const QString variable = EnvironmentSecretStore::overrideVariable(key());
            if (!message.contains(variable))
                message += QCoreApplication::translate("EnvironmentSecretStore", " Or set %1 for headless use.")
                               .arg(variable);
            completeFailed(m_inner->error(), message);
        });
        m_inner->start();
    }

    void doAbort() override
    {
        if (m_inner)
            m_inner->disconnect(this);
    }

private:
    SecretStore *m_fallback;
    SecretJob *m_inner = nullptr;
};

} // namespace

EnvironmentSecretStore::EnvironmentSecretStore(SecretStore *fallback)
    : m_fallback(fallback)
{ }

QString EnvironmentSecretStore::overrideVariable(const QString &key)
{
    if (key == SecretStore::s3SecretKey())
        return QStringLiteral("CREODROP_S3_SECRET_ACCESS_KEY");
    if (key.startsWith(QLatin1String("mysql/")))
        return QStringLiteral("MYSQL_PWD");
    if (key.startsWith(QLatin1String("catalog/")))
        return QStringLiteral("CREODROP_CATALOG_PASSWORD");
    return {};
}

SecretJob *EnvironmentSecretStore::read(const QString &key)
{
    const QString variable = overrideVariable(key);
    if (!variable.isEmpty()) {
        const QString value = qEnvironmentVariable(variable.toLatin1().constData());
        // Where a secret comes from, never its value.
        if (!value.isEmpty()) {
            qCDebug(lcSecrets).noquote() << "secret" << key << "from" << variable;
            return SecretJob::fromFunction(SecretJob::Operation::Read, key,
                                           [value](SecretJob &job) { job.completeRead(value); });
        }
        if (m_fallback)
            return new FallbackReadJob(key, m_fallback);
    }
    if (!m_fallback)
        return SecretJob::fromFunction(SecretJob::Operation::Read, key, [](SecretJob &job) { job.completeNotFound(); });
    qCDebug(lcSecrets).noquote() << "secret" << key << "from the keychain";
    return m_fallback->read(key);
}

namespace {
SecretJob *noStoreJob(SecretJob::Operation operation, const QString &key)
{
    return SecretJob::fromFunction(operation, key, [](SecretJob &job) {
        job.completeFailed(Job::Error::Fatal,
                           QCoreApplication::translate("EnvironmentSecretStore",
                                                       "No keychain is configured to store "
                                                       "secrets in."));
    });
}
} // namespace

SecretJob *EnvironmentSecretStore::write(const QString &key, const QString &secret)
{
    return m_fallback ? m_fallback->write(key, secret) : noStoreJob(SecretJob::Operation::Write, key);
}

SecretJob *EnvironmentSecretStore::remove(const QString &key)
{
    return m_fallback ? m_fallback->remove(key) : noStoreJob(SecretJob::Operation::Remove, key);
}
