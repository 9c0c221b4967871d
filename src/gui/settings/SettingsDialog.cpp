// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "catalog/Catalog.h"
#include "secrets/SecretStore.h"
#include "util/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
QLineEdit *lineEdit(QWidget *parent, const char *objectName, const QString &accessible)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessible);
    return edit;
}

QWidget *withBrowse(QWidget *parent, QLineEdit *edit, const QString &caption, bool directory)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(QCoreApplication::translate("SettingsDialog", "Browse…"), row);
    browse->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, row, [row, edit, caption, directory] {
        // Non-blocking: open() on a dialog parented to the row, not getExistingDirectory().
        auto *dialog = new QFileDialog(row->window(), caption, edit->text());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(directory ? QFileDialog::Directory : QFileDialog::AnyFile);
        QObject::connect(dialog, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        dialog->open();
    });
    return row;
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(createStoragePage(), tr("Storage"));
    m_tabs->addTab(createCatalogPage(), tr("Catalog"));
    m_tabs->addTab(createGeneralPage(), tr("General"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *note = new QLabel(tr("Changes to storage and catalog take effect after a restart."), this);
    note->setObjectName(QStringLiteral("restartNote"));
    note->setEnabled(false);
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    load();
    resize(600, 480);
}

QWidget *SettingsDialog::createStoragePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("storagePage"));
    auto *form = new QFormLayout(page);
    m_storageKind = new QComboBox(page);
    m_storageKind->setObjectName(QStringLiteral("storageKind"));
    m_storageKind->setAccessibleName(tr("Storage kind"));
    m_storageKind->addItem(tr("Local folder (embedded default)"), QStringLiteral("local"));
    m_storageKind->addItem(tr("Cloudflare R2 / S3-compatible"), QStringLiteral("s3"));
    form->addRow(tr("&Store backups in:"), m_storageKind);

    m_storageStack = new QStackedWidget(page);
    auto *localPage = new QWidget(m_storageStack);
    auto *localForm = new QFormLayout(localPage);
    localForm->setContentsMargins(0, 0, 0, 0);
    m_localPath = lineEdit(localPage, "localStorePath", tr("Local store folder"));
    m_localPath->setPlaceholderText(AppSettings::defaultLocalStorePath());
    localForm->addRow(tr("&Folder:"), withBrowse(localPage, m_localPath, tr("Local store folder"), true));

    auto *s3Page = new QWidget(m_storageStack);
    auto *s3Form = new QFormLayout(s3Page);
    s3Form->setContentsMargins(0, 0, 0, 0);
    m_endpoint = lineEdit(s3Page, "storageEndpoint", tr("Endpoint"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://<account-id>.r2.cloudflarestorage.com"));
    s3Form->addRow(tr("&Endpoint:"), m_endpoint);
    m_region = lineEdit(s3Page, "storageRegion", tr("Region"));
    m_region->setPlaceholderText(QStringLiteral("auto"));
    s3Form->addRow(tr("&Region:"), m_region);
    m_bucket = lineEdit(s3Page, "storageBucket", tr("Bucket"));
    s3Form->addRow(tr("&Bucket:"), m_bucket);
    m_accessKeyId = lineEdit(s3Page, "storageAccessKeyId", tr("Access key ID"));
    s3Form->addRow(tr("&Access key ID:"), m_accessKeyId);
    m_secretKey = lineEdit(s3Page, "storageSecretKey", tr("Secret access key"));
    m_secretKey->setEchoMode(QLineEdit::Password);
    m_secretKey->setPlaceholderText(tr("not stored yet"));
    m_secretKey->setToolTip(tr("Kept in the system keychain, never in the settings file"));
    s3Form->addRow(tr("&Secret access key:"), m_secretKey);
    m_pathStyle = new QCheckBox(tr("Path-style addressing"), s3Page);
    m_pathStyle->setObjectName(QStringLiteral("storagePathStyle"));
    s3Form->addRow(QString(), m_pathStyle);
    auto *test = new QPushButton(tr("&Test Connection"), s3Page);
    test->setObjectName(QStringLiteral("testStorageButton"));
    m_storageTestResult = new QLabel(s3Page);
    m_storageTestResult->setObjectName(QStringLiteral("storageTestResult"));
    m_storageTestResult->setWordWrap(true);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(test);
    testRow->addWidget(m_storageTestResult, 1);
    s3Form->addRow(QString(), testRow);
    connect(test, &QPushButton::clicked, this, [this] {
        m_storageTestResult->setText(tr("Testing…"));
        emit testStorageRequested(storageValues(), m_secretKey->text());
    });

    m_storageStack->addWidget(localPage);
    m_storageStack->addWidget(s3Page);
    form->addRow(m_storageStack);
    connect(m_storageKind, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateStorageKind);
    return page;
}

QWidget *SettingsDialog::createCatalogPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("catalogPage"));
    auto *form = new QFormLayout(page);
    m_catalogKind = new QComboBox(page);
    m_catalogKind->setObjectName(QStringLiteral("catalogKind"));
    m_catalogKind->setAccessibleName(tr("Catalog kind"));
    m_catalogKind->addItem(tr("Local file (SQLite, just me)"), QStringLiteral("sqlite"));
    m_catalogKind->addItem(tr("Shared MySQL/MariaDB database (team)"), QStringLiteral("mysql"));
    form->addRow(tr("&Catalog:"), m_catalogKind);
    m_catalogFile = lineEdit(page, "catalogFile", tr("Catalog file"));
    m_catalogFile->setPlaceholderText(AppSettings::defaultCatalogPath());
    form->addRow(tr("&File:"), withBrowse(page, m_catalogFile, tr("Catalog file"), false));
    m_catalogUrl = lineEdit(page, "catalogUrl", tr("Catalog URL"));
    m_catalogUrl->setPlaceholderText(QStringLiteral("mysql://user@host:3306/creodrop"));
    form->addRow(tr("&URL:"), m_catalogUrl);
    m_catalogPassword = lineEdit(page, "catalogPassword", tr("Catalog password"));
    m_catalogPassword->setEchoMode(QLineEdit::Password);
    m_catalogPassword->setPlaceholderText(tr("unchanged"));
    m_catalogPassword->setToolTip(tr("Kept in the system keychain, never in the settings file"));
    form->addRow(tr("&Password:"), m_catalogPassword);
    m_catalogHint = new QLabel(page);
    m_catalogHint->setObjectName(QStringLiteral("catalogHint"));
    m_catalogHint->setWordWrap(true);
    form->addRow(m_catalogHint);
    auto update = [this] {
        const bool mysql = m_catalogKind->currentData().toString() == QLatin1String("mysql");
        m_catalogFile->parentWidget()->setEnabled(!mysql);
        m_catalogFile->setEnabled(!mysql);
        m_catalogUrl->setEnabled(mysql);
        m_catalogPassword->setEnabled(mysql);
        QString error;
        if (mysql && !m_catalogUrl->text().isEmpty() && !CatalogLocation::parse(m_catalogUrl->text(), &error))
            m_catalogHint->setText(error);
        else
            m_catalogHint->setText(mysql ? tr("Everyone who points at the same database sees the same sites, "
                                              "backups and audit log.")
                                         : tr("The catalog is a file on this computer."));
    };
    connect(m_catalogKind, &QComboBox::currentIndexChanged, this, update);
    connect(m_catalogUrl, &QLineEdit::textChanged, this, update);
    update();
    return page;
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("generalPage"));
    auto *form = new QFormLayout(page);
    m_downloads = lineEdit(page, "downloadsFolder", tr("Downloads folder"));
    m_downloads->setPlaceholderText(m_settings ? m_settings->downloadsFolder() : QString());
    form->addRow(tr("&Downloads folder:"), withBrowse(page, m_downloads, tr("Downloads folder"), true));
    m_concurrency = new QSpinBox(page);
    m_concurrency->setObjectName(QStringLiteral("jobConcurrency"));
    m_concurrency->setAccessibleName(tr("Backups running at once"));
    m_concurrency->setRange(1, 16);
    m_concurrency->setToolTip(tr("Backups of different sites run in parallel up to this number; one environment "
                                 "never runs two at once."));
    form->addRow(tr("Backups running at &once:"), m_concurrency);
    return page;
}

void SettingsDialog::load()
{
    if (!m_settings)
        return;
    m_storageKind->setCurrentIndex(m_settings->string(AppSettings::StorageKind) == QLatin1String("s3") ? 1 : 0);
    m_localPath->setText(m_settings->string(AppSettings::StorageLocalPath));
    m_endpoint->setText(m_settings->string(AppSettings::StorageEndpoint));
    m_region->setText(m_settings->string(AppSettings::StorageRegion));
    m_bucket->setText(m_settings->string(AppSettings::StorageBucket));
    m_accessKeyId->setText(m_settings->string(AppSettings::StorageAccessKeyId));
    m_pathStyle->setChecked(m_settings->boolean(AppSettings::StoragePathStyle));
    const QString catalog = m_settings->string(AppSettings::CatalogLocation);
    const bool mysql = catalog.startsWith(QLatin1String("mysql://"));
    m_catalogKind->setCurrentIndex(mysql ? 1 : 0);
    (mysql ? m_catalogUrl : m_catalogFile)->setText(catalog);
    m_downloads->setText(m_settings->string(AppSettings::DownloadsFolder));
    m_concurrency->setValue(m_settings->integer(AppSettings::JobConcurrency));
    updateStorageKind();
}

void SettingsDialog::updateStorageKind()
{
    m_storageStack->setCurrentIndex(m_storageKind->currentIndex());
}

QHash<QString, QString> SettingsDialog::storageValues() const
{
    return {
        { QStringLiteral("kind"), m_storageKind->currentData().toString() },
        { QStringLiteral("localPath"), m_localPath->text().trimmed() },
        { QStringLiteral("endpoint"), m_endpoint->text().trimmed() },
        { QStringLiteral("region"),
          m_region->text().trimmed().isEmpty() ? QStringLiteral("auto") : m_region->text().trimmed() },
        { QStringLiteral("bucket"), m_bucket->text().trimmed() },
        { QStringLiteral("accessKeyId"), m_accessKeyId->text().trimmed() },
        { QStringLiteral("pathStyle"), m_pathStyle->isChecked() ? QStringLiteral("true") : QStringLiteral("false") },
    };
}

QHash<QString, QString> SettingsDialog::changedSecrets() const
{
    QHash<QString, QString> secrets;
    if (!m_secretKey->text().isEmpty())
        secrets.insert(SecretStore::s3SecretKey(), m_secretKey->text());
    if (!m_catalogPassword->text().isEmpty() && m_catalogKind->currentIndex() == 1) {
        if (const auto location = CatalogLocation::parse(m_catalogUrl->text()))
            secrets.insert(location->secretKey(), m_catalogPassword->text());
    }
    return secrets;
}

void SettingsDialog::setSecretStored(const QString &key, bool stored)
{
    if (key == SecretStore::s3SecretKey())
        m_secretKey->setPlaceholderText(stored ? tr("stored in the keychain (type to replace)") : tr("not stored yet"));
}

void SettingsDialog::showTestResult(bool ok, const QString &message)
{
    m_storageTestResult->setText(ok ? tr("✔ %1").arg(message) : tr("✘ %1").arg(message));
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
        m_settings->setValue(AppSettings::StoragePathStyle, m_pathStyle->isChecked());
        const bool mysql = m_catalogKind->currentIndex() == 1;
        m_settings->setValue(AppSettings::CatalogLocation,
                             mysql ? m_catalogUrl->text().trimmed() : m_catalogFile->text().trimmed());
        m_settings->setValue(AppSettings::DownloadsFolder, m_downloads->text().trimmed());
        m_settings->setValue(AppSettings::JobConcurrency, m_concurrency->value());
    }
    QDialog::accept();
}
