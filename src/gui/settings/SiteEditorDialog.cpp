// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteEditorDialog.h"

#include "widgets/Format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

SiteEditorDialog::SiteEditorDialog(QWidget *parent)
    : QDialog(parent)
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_customer(new QLineEdit(this))
    , m_tier(new QComboBox(this))
    , m_envTabs(new QTabWidget(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("SiteEditorDialog"));
    setWindowTitle(tr("Add Site"));
    m_id->setObjectName(QStringLiteral("siteId"));
    m_id->setAccessibleName(tr("Site slug"));
    m_id->setPlaceholderText(QStringLiteral("acme-shop"));
    m_name->setObjectName(QStringLiteral("siteNameEdit"));
    m_name->setAccessibleName(tr("Site name"));
    m_customer->setObjectName(QStringLiteral("siteCustomer"));
    m_customer->setAccessibleName(tr("Customer slug"));
    m_customer->setPlaceholderText(QStringLiteral("acme"));
    m_tier->setObjectName(QStringLiteral("siteTierCombo"));
    m_tier->setAccessibleName(tr("Tier"));
    m_tier->addItem(tr("Basic (production only)"), static_cast<int>(Tier::Basic));
    m_tier->addItem(tr("Developer (production, staging, development)"), static_cast<int>(Tier::Developer));
    m_envTabs->setObjectName(QStringLiteral("environmentTabs"));
    m_error->setObjectName(QStringLiteral("siteEditorError"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, Format::statusColor(BackupStatus::Failed));
    m_error->setPalette(errorPalette);

    auto *form = new QFormLayout;
    form->addRow(tr("&Slug:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Customer:"), m_customer);
    form->addRow(tr("&Tier:"), m_tier);

    for (Environment env : { Environment::Prod, Environment::Stage, Environment::Dev })
        m_envTabs->addTab(createEnvironmentPage(env), Format::environmentLong(env));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SiteEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Databases:"), this));
    layout->addWidget(m_envTabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_tier, &QComboBox::currentIndexChanged, this, &SiteEditorDialog::updateTabs);
    connect(m_id, &QLineEdit::textChanged, this, [this] { m_error->clear(); });
    updateTabs();
    resize(560, 520);
}

QString SiteEditorDialog::requestIdFor(Environment env)
{
    return QStringLiteral("site-editor/") + Environments::toString(env);
}

QWidget *SiteEditorDialog::createEnvironmentPage(Environment env)
{
    EnvFields f;
    f.page = new QWidget(m_envTabs);
    const QString envName = Environments::toString(env);
    f.page->setObjectName(QStringLiteral("envPage_") + envName);
    auto *form = new QFormLayout(f.page);
    auto named = [&](QLineEdit *edit, const QString &name, const QString &accessible) {
        edit->setObjectName(name + QLatin1Char('_') + envName);
        edit->setAccessibleName(tr("%1 (%2)").arg(accessible, Format::environmentLong(env)));
        return edit;
    };
    f.host = named(new QLineEdit(QStringLiteral("127.0.0.1"), f.page), QStringLiteral("host"), tr("Host"));
    f.port = new QSpinBox(f.page);
    f.port->setObjectName(QStringLiteral("port_") + envName);
    f.port->setRange(1, 65535);
    f.port->setValue(3306);
    f.port->setAccessibleName(tr("Port (%1)").arg(Format::environmentLong(env)));
    f.socket = named(new QLineEdit(f.page), QStringLiteral("socket"), tr("Socket"));
    f.socket->setPlaceholderText(tr("optional; used instead of host and port"));
    f.user = named(new QLineEdit(f.page), QStringLiteral("user"), tr("User"));
    f.database = named(new QLineEdit(f.page), QStringLiteral("database"), tr("Database"));
    f.password = named(new QLineEdit(f.page), QStringLiteral("password"), tr("Password"));
    f.password->setEchoMode(QLineEdit::Password);
    f.password->setPlaceholderText(tr("unchanged"));
    f.password->setToolTip(tr("Kept in the system keychain, never in the catalog or settings"));
    form->addRow(tr("&Host:"), f.host);
    form->addRow(tr("&Port:"), f.port);
    form->addRow(tr("Soc&ket:"), f.socket);
    form->addRow(tr("&User:"), f.user);
    form->addRow(tr("&Database:"), f.database);
    form->addRow(tr("Pass&word:"), f.password);
    f.tlsMode = new QComboBox(f.page);
    f.tlsMode->setObjectName(QStringLiteral("tlsMode_") + envName);
    f.tlsMode->setAccessibleName(tr("TLS (%1)").arg(Format::environmentLong(env)));
    f.tlsMode->addItem(tr("Off"), static_cast<int>(MySqlTlsMode::Off));
    f.tlsMode->addItem(tr("Preferred (encrypt when the server offers it)"), static_cast<int>(MySqlTlsMode::Preferred));
    f.tlsMode->addItem(tr("Required (encrypt, do not check the certificate)"),
                       static_cast<int>(MySqlTlsMode::Required));
    f.tlsMode->addItem(tr("Verify CA (certificate signed by the CA)"), static_cast<int>(MySqlTlsMode::VerifyCa));
    f.tlsMode->addItem(tr("Verify identity (CA and host name)"), static_cast<int>(MySqlTlsMode::VerifyIdentity));
    f.tlsMode->setCurrentIndex(f.tlsMode->findData(static_cast<int>(MySqlTlsMode::Preferred)));
    f.tlsCa = named(new QLineEdit(f.page), QStringLiteral("tlsCa"), tr("TLS CA file"));
    f.tlsCa->setPlaceholderText(tr("PEM file; empty: the system's certificate authorities"));
    form->addRow(tr("T&LS:"), f.tlsMode);
    form->addRow(tr("C&A file:"), f.tlsCa);
    auto updateCa = [mode = f.tlsMode, ca = f.tlsCa] {
        const int m = mode->currentData().toInt();
        ca->setEnabled(m == static_cast<int>(MySqlTlsMode::VerifyCa)
                       || m == static_cast<int>(MySqlTlsMode::VerifyIdentity));
    };
    connect(f.tlsMode, &QComboBox::currentIndexChanged, this, updateCa);
    updateCa();
    auto *test = new QPushButton(tr("&Test Connection"), f.page);
    test->setObjectName(QStringLiteral("testConnection_") + envName);
    f.result = new QLabel(f.page);
    f.result->setObjectName(QStringLiteral("testResult_") + envName);
    f.result->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(test);
    row->addWidget(f.result, 1);
    form->addRow(QString(), row);
    connect(test, &QPushButton::clicked, this, [this, env] {
        const EnvFields &fields = m_env[static_cast<int>(env)];
        fields.result->setText(tr("Testing…"));
        emit testConnectionRequested(requestIdFor(env), endpoint(env), fields.password->text());
    });
    m_env.insert(static_cast<int>(env), f);
    return f.page;
}

void SiteEditorDialog::updateTabs()
{
    const bool developer = m_tier->currentData().toInt() == static_cast<int>(Tier::Developer);
    for (int i = 1; i < m_envTabs->count(); ++i)
        m_envTabs->setTabVisible(i, developer);
}

void SiteEditorDialog::setSite(const Site &site, const QVector<EnvironmentConfig> &environments)
{
    m_editing = true;
    m_createdAt = site.createdAt;
    setWindowTitle(tr("Edit Site — %1").arg(site.name));
    m_id->setText(site.id);
    m_id->setReadOnly(true);
    m_name->setText(site.name);
    m_customer->setText(site.customer);
    m_tier->setCurrentIndex(site.tier == Tier::Developer ? 1 : 0);
    for (const EnvironmentConfig &config : environments) {
        const EnvFields &f = m_env[static_cast<int>(config.environment)];
        f.host->setText(config.endpoint.host);
        f.port->setValue(config.endpoint.port);
        f.socket->setText(config.endpoint.socket);
        f.user->setText(config.endpoint.user);
        f.database->setText(config.endpoint.database);
        f.tlsMode->setCurrentIndex(f.tlsMode->findData(static_cast<int>(config.endpoint.tlsMode)));
        f.tlsCa->setText(config.endpoint.tlsCa);
    }
    updateTabs();
}

Site SiteEditorDialog::site() const
{
    Site s;
    // Slugs exactly as entered: trimming would quietly accept " acme\n" as "acme".
    s.id = m_id->text();
    s.name = m_name->text().trimmed().isEmpty() ? s.id : m_name->text().trimmed();
    s.customer = m_customer->text();
    s.tier = static_cast<Tier>(m_tier->currentData().toInt());
    s.createdAt = m_createdAt;
    return s;
}

MySqlEndpoint SiteEditorDialog::endpoint(Environment env) const
{
    const EnvFields &f = m_env[static_cast<int>(env)];
    MySqlEndpoint e;
    e.host = f.host->text().trimmed();
    e.port = f.port->value();
    e.socket = f.socket->text().trimmed();
    e.user = f.user->text().trimmed();
    e.database = f.database->text().trimmed();
    e.tlsMode = static_cast<MySqlTlsMode>(f.tlsMode->currentData().toInt());
    if (e.tlsMode == MySqlTlsMode::VerifyCa || e.tlsMode == MySqlTlsMode::VerifyIdentity)
        e.tlsCa = f.tlsCa->text().trimmed();
    return e;
}

QVector<EnvironmentConfig> SiteEditorDialog::environments() const
{
    QVector<EnvironmentConfig> configs;
    const Site s = site();
    for (Environment env : s.environments()) {
        EnvironmentConfig c;
        c.siteId = s.id;
        c.environment = env;
        c.endpoint = endpoint(env);
        if (!c.endpoint.database.isEmpty())
            configs.append(c);
    }
    return configs;
}

QString SiteEditorDialog::password(Environment env) const
{
    return m_env[static_cast<int>(env)].password->text();
}

bool SiteEditorDialog::passwordChanged(Environment env) const
{
    return !password(env).isEmpty();
}

QString SiteEditorDialog::validationError() const
{
    const Site s = site();
    QString error = Slug::validationError(s.id, tr("site slug"));
    if (error.isEmpty())
        error = Slug::validationError(s.customer, tr("customer slug"));
    for (const EnvironmentConfig &c : environments()) {
        if (!error.isEmpty())
            break;
        if (!c.endpoint.tlsCa.isEmpty() && !QFileInfo(c.endpoint.tlsCa).isReadable())
            error = tr("The CA file %1 of %2 cannot be read: choose a readable PEM file or leave it empty.")
                        .arg(c.endpoint.tlsCa, Format::environmentLong(c.environment));
    }
    return error;
}

void SiteEditorDialog::showTestResult(const QString &requestId, bool ok, const QString &message)
{
    for (Environment env : { Environment::Prod, Environment::Stage, Environment::Dev }) {
        if (requestIdFor(env) == requestId)
            m_env[static_cast<int>(env)].result->setText(ok ? tr("✔ %1").arg(message) : tr("✘ %1").arg(message));
    }
}

void SiteEditorDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}
