// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteEditorDialog.h"

#include "ui_SiteEditorDialog.h"
#include "ui_SiteEnvironmentForm.h"
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
    , m_ui(std::make_unique<Ui::SiteEditorDialog>())
{
    m_ui->setupUi(this);
    m_id = m_ui->siteId;
    m_name = m_ui->siteNameEdit;
    m_customer = m_ui->siteCustomer;
    m_tier = m_ui->siteTierCombo;
    m_envTabs = m_ui->environmentTabs;
    m_error = m_ui->siteEditorError;
    m_id->setAccessibleName(tr("Site slug"));
    m_name->setAccessibleName(tr("Site name"));
    m_customer->setAccessibleName(tr("Customer slug"));
    m_tier->setAccessibleName(tr("Tier"));
    m_tier->addItem(tr("Basic (production only)"), static_cast<int>(Tier::Basic));
    m_tier->addItem(tr("Developer (production, staging, development)"), static_cast<int>(Tier::Developer));
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, Format::statusColor(BackupStatus::Failed));
    m_error->setPalette(errorPalette);

    // The environment pages are made here, after the form: chain their fields between the tabs
    // and the buttons, where the form's own tab order leaves them.
    QWidget *previous = m_envTabs;
    for (Environment env : { Environment::Prod, Environment::Stage, Environment::Dev }) {
        m_envTabs->addTab(createEnvironmentPage(env), Format::environmentLong(env));
        const EnvFields &f = m_env[static_cast<int>(env)];
        for (QWidget *w : std::initializer_list<QWidget *>{ f.host, f.port, f.socket, f.user, f.database, f.password,
                                                            f.tlsMode, f.tlsCa, f.test }) {
            QWidget::setTabOrder(previous, w);
            previous = w;
        }
    }
    for (QAbstractButton *button : m_ui->siteEditorButtons->buttons()) {
        QWidget::setTabOrder(previous, button);
        previous = button;
    }

    connect(m_tier, &QComboBox::currentIndexChanged, this, &SiteEditorDialog::updateTabs);
    connect(m_id, &QLineEdit::textChanged, this, [this] { m_error->clear(); });
    updateTabs();
}

SiteEditorDialog::~SiteEditorDialog() = default;

QString SiteEditorDialog::requestIdFor(Environment env)
{
    return QStringLiteral("site-editor/") + Environments::toString(env);
}

QWidget *SiteEditorDialog::createEnvironmentPage(Environment env)
{
    EnvFields f;
    f.page = new QWidget(m_envTabs);
    Ui::SiteEnvironmentForm form;
    form.setupUi(f.page);
    const QString envName = Environments::toString(env);
    f.page->setObjectName(QStringLiteral("envPage_") + envName);
    f.host = form.host;
    f.port = form.port;
    f.socket = form.socket;
    f.user = form.user;
    f.database = form.database;
    f.password = form.password;
    f.tlsMode = form.tlsMode;
    f.tlsCa = form.tlsCa;
    f.test = form.testConnection;
    f.result = form.testResult;
    // One form, three pages: the environment in the names keeps them apart for tests and
    // screen readers.
    const QString envLong = Format::environmentLong(env);
    const std::pair<QWidget *, QString> accessible[] = {
        { f.host, tr("Host") },         { f.socket, tr("Socket") },     { f.user, tr("User") },
        { f.database, tr("Database") }, { f.password, tr("Password") }, { f.tlsCa, tr("TLS CA file") },
    };
    for (const auto &[widget, name] : accessible)
        widget->setAccessibleName(tr("%1 (%2)").arg(name, envLong));
    f.port->setAccessibleName(tr("Port (%1)").arg(envLong));
    f.tlsMode->setAccessibleName(tr("TLS (%1)").arg(envLong));
    for (QWidget *w : f.page->findChildren<QWidget *>()) {
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            w->setObjectName(w->objectName() + QLatin1Char('_') + envName);
    }
    f.tlsMode->addItem(tr("Off"), static_cast<int>(MySqlTlsMode::Off));
    f.tlsMode->addItem(tr("Preferred (encrypt when the server offers it)"), static_cast<int>(MySqlTlsMode::Preferred));
    f.tlsMode->addItem(tr("Required (encrypt, do not check the certificate)"),
                       static_cast<int>(MySqlTlsMode::Required));
    f.tlsMode->addItem(tr("Verify CA (certificate signed by the CA)"), static_cast<int>(MySqlTlsMode::VerifyCa));
    f.tlsMode->addItem(tr("Verify identity (CA and host name)"), static_cast<int>(MySqlTlsMode::VerifyIdentity));
    f.tlsMode->setCurrentIndex(f.tlsMode->findData(static_cast<int>(MySqlTlsMode::Preferred)));
    auto updateCa = [mode = f.tlsMode, ca = f.tlsCa] {
        const int m = mode->currentData().toInt();
        ca->setEnabled(m == static_cast<int>(MySqlTlsMode::VerifyCa)
                       || m == static_cast<int>(MySqlTlsMode::VerifyIdentity));
    };
    connect(f.tlsMode, &QComboBox::currentIndexChanged, this, updateCa);
    updateCa();
    connect(f.test, &QPushButton::clicked, this, [this, env] {
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
