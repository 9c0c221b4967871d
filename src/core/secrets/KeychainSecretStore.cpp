// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KeychainSecretStore", text);
}

// Whether a QtKeychain error means "there is no keychain to talk to" rather than a problem
// with this entry. On Linux these arrive as OtherError with a D-Bus message.
bool isUnreachable(QKeychain::Error error, const QString &text)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    static const char *const markers[] = {
        "D-Bus",
        "DBus",
        "dbus",
        "autolaunch",
        "Could not connect",
        "org.freedesktop",
        "ServiceUnknown",
        "No such interface",
        "NoReply",
        "Secret Service",
    };
    for (const char *m : markers) {
        if (text.contains(QLatin1String(m)))
            return true;
    }
    return false;
}

class KeychainSecretJob : public SecretJob
{
public:
    KeychainSecretJob(Operation operation, const QString &key, const QString &secret, const QString &service)
        : SecretJob(operation, key)
        , m_secretToWrite(secret)
        , m_service(service)
    { }

    ~KeychainSecretJob() override
    {
        if (m_keychainJob)
            m_keychainJob->deleteLater();
    }

protected:
    void doStart() override
    {
        switch (operation()) {
        case Operation::Read:
            m_keychainJob = new QKeychain::ReadPasswordJob(m_service);
            break;
        case Operation::Write: {
            auto *job = new QKeychain::WritePasswordJob(m_service);
            job->setTextData(m_secretToWrite);
            m_keychainJob = job;
            break;
        }
        case Operation::Remove:
            m_keychainJob = new QKeychain::DeletePasswordJob(m_service);
            break;
        }
        m_secretToWrite.clear();
        m_keychainJob->setAutoDelete(false);
        m_keychainJob->setKey(key());
        QObject::connect(m_keychainJob, &QKeychain::Job::finished, this, [this] { onKeychainFinished(); });
        m_keychainJob->start();
    }

    void doAbort() override
    {
        // QtKeychain cannot cancel a running request; drop its answer instead.
        if (m_keychainJob)
            m_keychainJob->disconnect(this);
    }

private:
    void onKeychainFinished()
    {
        const QKeychain::Error error = m_keychainJob->error();
        const QString text = m_keychainJob->errorString();
        if (error == QKeychain::NoError) {
            if (operation() == Operation::Read)
                completeRead(static_cast<QKeychain::ReadPasswordJob *>(m_keychainJob.data())->textData());
            else
                completeDone();
            return;
        }
        if (error == QKeychain::EntryNotFound) {
            if (operation() == Operation::Read)
                completeNotFound();
            else if (operation() == Operation::Remove)
                completeDone();
            else
                completeFailed(Error::Fatal, tr("The keychain could not store \"%1\": %2").arg(key(), text));
            return;
        }
        if (isUnreachable(error, text)) {
            completeFailed(Error::Fatal,
                           KeychainSecretStore::noSecretServiceMessage() + tr(" (keychain: %1)").arg(text));
            return;
        }
        if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser) {
            completeFailed(Error::Fatal,
                           tr("The keychain refused access to \"%1\": unlock the keyring (or allow "
                              "Creodrop Backups) and try again. (keychain: %2)")
                               .arg(key(), text));
            return;
        }
        completeFailed(Error::Fatal,
                       tr("Keychain error for \"%1\": %2. Check that the keyring is unlocked.").arg(key(), text));
    }

    QPointer<QKeychain::Job> m_keychainJob;
    QString m_secretToWrite;
    QString m_service;
};

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &serviceName)
    : m_serviceName(serviceName)
{ }

SecretJob *KeychainSecretStore::read(const QString &key)
{
    return new KeychainSecretJob(SecretJob::Operation::Read, key, QString(), m_serviceName);
}

SecretJob *KeychainSecretStore::write(const QString &key, const QString &secret)
{
    return new KeychainSecretJob(SecretJob::Operation::Write, key, secret, m_serviceName);
}

SecretJob *KeychainSecretStore::remove(const QString &key)
{
    return new KeychainSecretJob(SecretJob::Operation::Remove, key, QString(), m_serviceName);
}

QString KeychainSecretStore::noSecretServiceMessage()
{
    return tr("No Secret Service is running (gnome-keyring/KWallet): start one, or set "
              "CREODROP_S3_SECRET_ACCESS_KEY / MYSQL_PWD / CREODROP_CATALOG_PASSWORD for headless use.");
}
