// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Site.h"

#include <QDialog>
#include <QHash>
#include <QVector>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace Ui {
class SiteEditorDialog;
}

/// Adds or edits a site: slug, name, customer, tier, and for each environment of the tier its
/// MySQL endpoint, TLS mode (and CA file) and password with "Test connection". Slugs are
/// validated as typed (never trimmed into validity). The password fields are masked and the
/// passwords only leave through password()/passwordChanged() for the secret store. The forms are
/// SiteEditorDialog.ui and, once per environment, SiteEnvironmentForm.ui.
class SiteEditorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SiteEditorDialog(QWidget *parent = nullptr);
    ~SiteEditorDialog() override;

    /// Edit an existing site (the slug becomes read-only).
    void setSite(const Site &site, const QVector<EnvironmentConfig> &environments);
    Site site() const;
    QVector<EnvironmentConfig> environments() const;
    QString password(Environment env) const;
    bool passwordChanged(Environment env) const;
    /// A sentence saying what is wrong, or "" when the input can be saved.
    QString validationError() const;

    void showTestResult(const QString &requestId, bool ok, const QString &message);
    static QString requestIdFor(Environment env);

public slots:
    void accept() override;

signals:
    void testConnectionRequested(const QString &requestId, const MySqlEndpoint &endpoint, const QString &password);

private:
    struct EnvFields
    {
        QWidget *page = nullptr;
        QLineEdit *host = nullptr;
        QSpinBox *port = nullptr;
        QLineEdit *socket = nullptr;
        QLineEdit *user = nullptr;
        QLineEdit *database = nullptr;
        QLineEdit *password = nullptr;
        QComboBox *tlsMode = nullptr;
        QLineEdit *tlsCa = nullptr;
        QPushButton *test = nullptr;
        QLabel *result = nullptr;
    };
    QWidget *createEnvironmentPage(Environment env);
    MySqlEndpoint endpoint(Environment env) const;
    void updateTabs();

    std::unique_ptr<Ui::SiteEditorDialog> m_ui;
    bool m_editing = false;
    QDateTime m_createdAt;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QLineEdit *m_customer;
    QComboBox *m_tier;
    QTabWidget *m_envTabs;
    QLabel *m_error;
    QHash<int, EnvFields> m_env;
};
