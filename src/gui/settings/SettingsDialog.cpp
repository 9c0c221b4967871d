// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "catalog/Catalog.h"
#include "secrets/SecretStore.h"
#include "ui_SettingsDialog.h"
#include "util/AppSettings.h"
#include "util/CurrentUser.h"

#include <QFileDialog>

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    // Item data is not translatable text, so the choices are added here rather than in the form.
    m_ui->storageKind->addItem(tr("Local folder (embedded default)"), QStringLiteral("local"));
    m_ui->storageKind->addItem(tr("Cloudflare R2 / S3-compatible"), QStringLiteral("s3"));
    m_ui->catalogKind->addItem(tr("Local file (SQLite, just me)"), QStringLiteral("sqlite"));
    m_ui->catalogKind->addItem(tr("Shared MySQL/MariaDB database (team)"), QStringLiteral("mysql"));
    m_ui->localStorePath->setPlaceholderText(AppSettings::defaultLocalStorePath());
    m_ui->catalogFile->setPlaceholderText(AppSettings::defaultCatalogPath());
    m_ui->downloadsFolder->setPlaceholderText(m_settings ? m_settings->downloadsFolder() : QString());
    m_ui->consoleActor->setPlaceholderText(currentUserName());
    setUpBrowse(m_ui->localStorePathBrowse, m_ui->localStorePath, tr("Local store folder"), true);
    setUpBrowse(m_ui->catalogFileBrowse, m_ui->catalogFile, tr("Catalog file"), false);
    setUpBrowse(m_ui->downloadsFolderBrowse, m_ui->downloadsFolder, tr("Downloads folder"), true);

    connect(m_ui->testStorageButton, &QPushButton::clicked, this, [this] {
        m_ui->storageTestResult->setText(tr("Testing…"));
        emit testStorageRequested(storageValues(), m_ui->storageSecretKey->text());
    });
    connect(m_ui->storageKind, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateStorageKind);
    connect(m_ui->catalogKind, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateCatalogKind);
    connect(m_ui->catalogUrl, &QLineEdit::textChanged, this, &SettingsDialog::updateCatalogKind);
    load();
    updateCatalogKind();
}

SettingsDialog::~SettingsDialog() = default;

QTabWidget *SettingsDialog::tabs() const
{
    return m_ui->settingsTabs;
}

QLineEdit *SettingsDialog::secretKeyField() const
{
    return m_ui->storageSecretKey;
}

void SettingsDialog::setUpBrowse(QAbstractButton *browse, QLineEdit *edit, const QString &caption, bool directory)
{
    connect(browse, &QAbstractButton::clicked, this, [this, edit, caption, directory] {
        // Non-blocking: open() on a dialog parented to this one, not getExistingDirectory().
        auto *dialog = new QFileDialog(this, caption, edit->text());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(directory ? QFileDialog::Directory : QFileDialog::AnyFile);
        connect(dialog, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        dialog->open();
    });
}

void SettingsDialog::updateCatalogKind()
{
    const bool mysql = m_ui->catalogKind->currentData().toString() == QLatin1String("mysql");
    m_ui->catalogFile->setEnabled(!mysql);
    m_ui->catalogFileBrowse->setEnabled(!mysql);
    m_ui->catalogUrl->setEnabled(mysql);
    m_ui->catalogPassword->setEnabled(mysql);
    QString error;
    if (mysql && !m_ui->catalogUrl->text().isEmpty() && !CatalogLocation::parse(m_ui->catalogUrl->text(), &error))
        m_ui->catalogHint->setText(error);
    else
        m_ui->catalogHint->setText(mysql ? tr("Everyone who points at the same database sees the same sites, "
                                              "backups and audit log.")
                                         : tr("The catalog is a file on this computer."));
}

void SettingsDialog::load()
{
    if (!m_settings) {
        m_ui->jobConcurrency->setValue(AppSettings::defaultValue(AppSettings::JobConcurrency).toInt());
        return;
    }
    m_ui->storageKind->setCurrentIndex(m_settings->string(AppSettings::StorageKind) == QLatin1String("s3") ? 1 : 0);
    m_ui->localStorePath->setText(m_settings->string(AppSettings::StorageLocalPath));
    m_ui->storageEndpoint->setText(m_settings->string(AppSettings::StorageEndpoint));
    m_ui->storageRegion->setText(m_settings->string(AppSettings::StorageRegion));
    m_ui->storageBucket->setText(m_settings->string(AppSettings::StorageBucket));
    m_ui->storageAccessKeyId->setText(m_settings->string(AppSettings::StorageAccessKeyId));
    m_ui->storagePathStyle->setChecked(m_settings->boolean(AppSettings::StoragePathStyle));
    const QString catalog = m_settings->string(AppSettings::CatalogLocation);
    const bool mysql = catalog.startsWith(QLatin1String("mysql://"));
    m_ui->catalogKind->setCurrentIndex(mysql ? 1 : 0);
    (mysql ? m_ui->catalogUrl : m_ui->catalogFile)->setText(catalog);
    m_ui->downloadsFolder->setText(m_settings->string(AppSettings::DownloadsFolder));
    m_ui->jobConcurrency->setValue(m_settings->integer(AppSettings::JobConcurrency));
    m_ui->consoleActor->setText(m_settings->string(AppSettings::ConsoleActor));
    updateStorageKind();
}

void SettingsDialog::updateStorageKind()
{
    m_ui->storageStack->setCurrentIndex(m_ui->storageKind->currentIndex());
}

QHash<QString, QString> SettingsDialog::storageValues() const
{
    const QString region = m_ui->storageRegion->text().trimmed();
    return {
        { QStringLiteral("kind"), m_ui->storageKind->currentData().toString() },
        { QStringLiteral("localPath"), m_ui->localStorePath->text().trimmed() },
        { QStringLiteral("endpoint"), m_ui->storageEndpoint->text().trimmed() },
        { QStringLiteral("region"), region.isEmpty() ? QStringLiteral("auto") : region },
        { QStringLiteral("bucket"), m_ui->storageBucket->text().trimmed() },
        { QStringLiteral("accessKeyId"), m_ui->storageAccessKeyId->text().trimmed() },
        { QStringLiteral("pathStyle"),
          m_ui->storagePathStyle->isChecked() ? QStringLiteral("true") : QStringLiteral("false") },
    };
}

QHash<QString, QString> SettingsDialog::changedSecrets() const
{
    QHash<QString, QString> secrets;
    if (!m_ui->storageSecretKey->text().isEmpty())
        secrets.insert(SecretStore::s3SecretKey(), m_ui->storageSecretKey->text());
    if (!m_ui->catalogPassword->text().isEmpty() && m_ui->catalogKind->currentIndex() == 1) {
        if (const auto location = CatalogLocation::parse(m_ui->catalogUrl->text()))
            secrets.insert(location->secretKey(), m_ui->catalogPassword->text());
    }
    return secrets;
}

void SettingsDialog::setSecretStored(const QString &key, bool stored)
{
    if (key == SecretStore::s3SecretKey())
        m_ui->storageSecretKey->setPlaceholderText(stored ? tr("stored in the keychain (type to replace)")
                                                          : tr("not stored yet"));
}

void SettingsDialog::showTestResult(bool ok, const QString &message)
{
    m_ui->storageTestResult->setText(ok ? tr("✔ %1").arg(message) : tr("✘ %1").arg(message));
}

void SettingsDialog::accept()
{
    if (m_settings) {
        const QHash<QString, QString> s = storageValues();
        m_settings->setValue(AppSettings::StorageKind, s.value(QStringLiteral("kind")));
        m_settings->setValue(AppSettings::StorageLocalPath, s.value(QStringLiteral("localPath")));
        m_settings->setValue(AppSettings::StorageEndpoint, s.value(QStringLiteral("endpoint")));
        m_settings->setValue(AppSettings::StorageRegion, s.value(QStringLiteral("region")));
        m_settings->setValue(AppSettings::StorageBucket, s.value(QStringLiteral("bucket")));
        m_settings->setValue(AppSettings::StorageAccessKeyId, s.value(QStringLiteral("accessKeyId")));
        m_settings->setValue(AppSettings::StoragePathStyle, m_ui->storagePathStyle->isChecked());
        const bool mysql = m_ui->catalogKind->currentIndex() == 1;
        m_settings->setValue(AppSettings::CatalogLocation,
                             mysql ? m_ui->catalogUrl->text().trimmed() : m_ui->catalogFile->text().trimmed());
        m_settings->setValue(AppSettings::DownloadsFolder, m_ui->downloadsFolder->text().trimmed());
        m_settings->setValue(AppSettings::JobConcurrency, m_ui->jobConcurrency->value());
        m_settings->setValue(AppSettings::ConsoleActor, m_ui->consoleActor->text().trimmed());
    }
    QDialog::accept();
}
