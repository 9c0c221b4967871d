// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class AppSettings;
class BackupService;
class QWidget;
class SecretStore;
class SettingsDialog;

/// The settings flow, out of the window: opens one SettingsDialog, answers its "Test
/// connection" through the service with the values as typed, and on OK (the dialog saves the
/// plain values) writes the typed secrets to the keychain. saved() follows once every secret
/// is stored, so whoever applies the settings reads them back complete.
class SettingsController : public QObject
{
    Q_OBJECT

public:
    /// @p settings and @p secrets may be null (widget tests); the dialog is a child of @p window.
    SettingsController(AppSettings *settings, SecretStore *secrets, QWidget *window);

    /// The service that answers "Test connection" (null: none running).
    void setService(BackupService *service);
    /// Shows the dialog (or raises the open one).
    void open();
    SettingsDialog *dialog() const;

signals:
    /// The settings were saved and the secrets typed (@p secretsChanged) are in the keychain.
    void saved(bool secretsChanged);
    /// Something the engineer should see (a secret could not be stored).
    void error(const QString &message);

private:
    void testStorage(const QHash<QString, QString> &values, const QString &typedSecret);
    void storeSecrets(const QHash<QString, QString> &secrets);

    AppSettings *m_settings;
    SecretStore *m_secrets;
    QWidget *m_window;
    QPointer<BackupService> m_service;
    QPointer<SettingsDialog> m_dialog;
};
