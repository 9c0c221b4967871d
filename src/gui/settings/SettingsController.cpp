// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsController.h"

#include "SettingsDialog.h"
#include "operations/BackupService.h"
#include "secrets/SecretStore.h"

#include <memory>

namespace {
const QString StorageRequestId = QStringLiteral("settings/storage");
const QString CatalogRequestId = QStringLiteral("settings/catalog");
} // namespace

SettingsController::SettingsController(AppSettings *settings, SecretStore *secrets, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_window(window)
{ }

void SettingsController::setService(BackupService *service)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    if (!service)
        return;
    connect(service, &BackupService::storageTested, this, [this](const QString &requestId, bool ok, const QString &m) {
        if (m_dialog && requestId == StorageRequestId)
            m_dialog->showTestResult(ok, m);
    });
    connect(service, &BackupService::connectionTested, this,
            [this](const QString &requestId, bool ok, const QString &message) {
                if (m_dialog && requestId == CatalogRequestId)
                    m_dialog->showTestResult(ok, message);
            });
}

SettingsDialog *SettingsController::dialog() const
{
    return m_dialog;
}

void SettingsController::open()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_settings, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    if (m_secrets) {
        SecretJob *job = m_secrets->read(SecretStore::s3SecretKey());
        connect(job, &Job::finished, dialog, [dialog, job] {
            dialog->setSecretStored(SecretStore::s3SecretKey(), job->succeeded() && !job->isNotFound());
        });
        job->start();
    }
    connect(dialog, &SettingsDialog::testStorageRequested, this, &SettingsController::testStorage);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { storeSecrets(dialog->changedSecrets()); });
    dialog->show();
}

void SettingsController::testStorage(const QHash<QString, QString> &values, const QString &typedSecret)
{
    if (!m_service) {
        if (m_dialog)
            m_dialog->showTestResult(false, tr("The backup service is not running."));
        return;
    }
    // The settings as typed, not as saved: the point is to check before saving.
    BackupServiceConfig storage;
    storage.storageKind = StorageKinds::fromString(values.value(QStringLiteral("kind"))).value_or(StorageKind::Local);
    storage.localStorePath = values.value(QStringLiteral("localPath"));
    storage.s3Endpoint = values.value(QStringLiteral("endpoint"));
    storage.s3Region = values.value(QStringLiteral("region"));
    storage.s3Bucket = values.value(QStringLiteral("bucket"));
    storage.s3AccessKeyId = values.value(QStringLiteral("accessKeyId"));
    storage.s3PathStyle = values.value(QStringLiteral("pathStyle")) == QLatin1String("true");
    storage.s3SecretAccessKey = typedSecret;
    if (storage.storageKind != StorageKind::S3 || !typedSecret.isEmpty() || !m_secrets) {
        m_service->testStorage(StorageRequestId, storage);
        return;
    }
    // Nothing typed: test with the secret already in the keychain.
    SecretJob *job = m_secrets->read(SecretStore::s3SecretKey());
    connect(job, &Job::finished, this, [this, job, storage]() mutable {
        if (job->succeeded() && !job->isNotFound())
            storage.s3SecretAccessKey = job->secret();
        if (m_service)
            m_service->testStorage(StorageRequestId, storage);
    });
    job->start();
}

void SettingsController::storeSecrets(const QHash<QString, QString> &secrets)
{
    if (secrets.isEmpty() || !m_secrets) {
        emit saved(false);
        return;
    }
    auto pending = std::make_shared<int>(secrets.size());
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        SecretJob *job = m_secrets->write(it.key(), it.value());
        connect(job, &Job::finished, this, [this, job, pending] {
            if (!job->succeeded())
                emit error(tr("Could not store the secret in the keychain: %1").arg(job->errorString()));
            if (--*pending == 0)
                emit saved(true);
        });
        job->start();
    }
}
