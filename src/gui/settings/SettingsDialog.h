// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>

class AppSettings;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

/// Storage (local folder or R2: endpoint, bucket, access key id, secret key), catalog (local
/// file or shared MySQL URL), downloads folder and job concurrency.
///
/// Plain values go to AppSettings on accept. Secrets never do: the dialog only collects them
/// (masked) and hands them out through changedSecrets(); the window writes them to the
/// keychain asynchronously. "Test connection" is a request the window answers.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    /// Secrets the engineer typed, by SecretStore key (empty when unchanged).
    QHash<QString, QString> changedSecrets() const;
    /// Whether a secret is already stored (shows "stored in the keychain" instead of blank).
    void setSecretStored(const QString &key, bool stored);
    void showTestResult(bool ok, const QString &message);
    /// The storage settings as typed (for Test connection before saving).
    QHash<QString, QString> storageValues() const;

    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *secretKeyField() const { return m_secretKey; }

public slots:
    void accept() override;

signals:
    void testStorageRequested(const QHash<QString, QString> &values, const QString &secretKey);
    void testCatalogRequested(const QString &location, const QString &password);

private:
    QWidget *createStoragePage();
    QWidget *createCatalogPage();
    QWidget *createGeneralPage();
    void load();
    void updateStorageKind();

    AppSettings *m_settings;
    QTabWidget *m_tabs;
    QComboBox *m_storageKind;
    QStackedWidget *m_storageStack;
    QLineEdit *m_localPath;
    QLineEdit *m_endpoint;
    QLineEdit *m_region;
    QLineEdit *m_bucket;
    QLineEdit *m_accessKeyId;
    QLineEdit *m_secretKey;
    QCheckBox *m_pathStyle;
    QLabel *m_storageTestResult;
    QComboBox *m_catalogKind;
    QLineEdit *m_catalogFile;
    QLineEdit *m_catalogUrl;
    QLineEdit *m_catalogPassword;
    QLabel *m_catalogHint;
    QLineEdit *m_downloads;
    QSpinBox *m_concurrency;
};
