// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>

#include <memory>

class AppSettings;
class QAbstractButton;
class QLineEdit;
class QTabWidget;

namespace Ui {
class SettingsDialog;
}

/// Storage (local folder or R2: endpoint, bucket, access key id, secret key), catalog (local
/// file or shared MySQL URL), downloads folder, job concurrency and the console's name in the
/// audit log. The form is SettingsDialog.ui (labels' buddies and the tab order live there).
///
/// Plain values go to AppSettings on accept. Secrets never do: the dialog only collects them
/// (masked) and hands them out through changedSecrets(); the window writes them to the
/// keychain asynchronously. "Test connection" is a request the window answers.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// Secrets the engineer typed, by SecretStore key (empty when unchanged).
    QHash<QString, QString> changedSecrets() const;
    /// Whether a secret is already stored (shows "stored in the keychain" instead of blank).
    void setSecretStored(const QString &key, bool stored);
    void showTestResult(bool ok, const QString &message);
    /// The storage settings as typed (for Test connection before saving).
    QHash<QString, QString> storageValues() const;

    QTabWidget *tabs() const;
    QLineEdit *secretKeyField() const;

public slots:
    void accept() override;

signals:
    void testStorageRequested(const QHash<QString, QString> &values, const QString &secretKey);
    void testCatalogRequested(const QString &location, const QString &password);

private:
    void setUpBrowse(QAbstractButton *browse, QLineEdit *edit, const QString &caption, bool directory);
    void load();
    void updateStorageKind();
    void updateCatalogKind();

    AppSettings *m_settings;
    std::unique_ptr<Ui::SettingsDialog> m_ui;
};
