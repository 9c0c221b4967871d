// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SitePage.h"

#include "actions/QuickActionsPanel.h"
#include "audit/AuditView.h"
#include "backups/BackupFilterProxyModel.h"
#include "backups/BackupTableView.h"
#include "schedules/SchedulesPage.h"
#include "widgets/Format.h"
#include "widgets/MessageBanner.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// Button ids of the selector: 100 = All (negative ids mean "assign one" to QButtonGroup), else
// the Environment value.
constexpr int AllId = 100;
int idOf(std::optional<Environment> env)
{
    return env ? static_cast<int>(*env) : AllId;
}
} // namespace

SitePage::SitePage(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_tier(new QLabel(this))
    , m_loading(new QLabel(this))
    , m_envGroup(new QButtonGroup(this))
    , m_banner(new MessageBanner(this))
    , m_table(new BackupTableView(this))
    , m_actions(new QuickActionsPanel(this))
    , m_tabs(new QTabWidget(this))
    , m_schedules(new SchedulesPage(this))
    , m_audit(new AuditView(this))
{
    setObjectName(QStringLiteral("SitePage"));

    // Nothing selected, or nothing to select yet: then the one thing to do is a button away.
    auto *placeholder = new QWidget(this);
    m_placeholder = new QLabel(tr("Select a site on the left to see its backups."), placeholder);
    m_placeholder->setObjectName(QStringLiteral("sitePagePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    auto *addFirst = new QPushButton(tr("Add Your First Site…"), placeholder);
    addFirst->setObjectName(QStringLiteral("addFirstSiteButton"));
    addFirst->hide();
    m_addFirstSite = addFirst;
    connect(addFirst, &QPushButton::clicked, this, &SitePage::addSiteRequested);
    auto *placeholderLayout = new QVBoxLayout(placeholder);
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(m_placeholder);
    placeholderLayout->addWidget(addFirst, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch(1);

    m_name->setObjectName(QStringLiteral("siteName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setWeight(QFont::DemiBold);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("siteDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tier->setObjectName(QStringLiteral("siteTier"));
    m_tier->setAlignment(Qt::AlignCenter);
    m_tier->setMargin(3);
    m_tier->setAutoFillBackground(true);
    m_loading->setObjectName(QStringLiteral("siteLoading"));
    m_loading->setText(tr("Loading backups…"));
    m_loading->hide();

    auto *envLabel = new QLabel(tr("Environment:"), this);
    auto *envRow = new QHBoxLayout;
    envRow->setSpacing(0);
    envRow->addWidget(envLabel);
    envRow->addSpacing(8);
    m_envGroup->setExclusive(true);
    const std::optional<Environment> choices[]
        = { std::nullopt, Environment::Prod, Environment::Stage, Environment::Dev };
    for (const auto &env : choices) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setText(env ? Format::environment(*env) : tr("All"));
        button->setObjectName(env ? QStringLiteral("env_") + Environments::toString(*env) : QStringLiteral("env_all"));
        button->setAccessibleName(env ? tr("Show %1 backups").arg(Format::environmentLong(*env))
                                      : tr("Show backups of all environments"));
        button->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 5);
        m_envGroup->addButton(button, idOf(env));
        envLabel->setBuddy(button);
        envRow->addWidget(button);
    }
    envLabel->setBuddy(m_envGroup->button(AllId));
    envRow->addStretch(1);
    envRow->addWidget(m_loading);
    m_envGroup->button(AllId)->setChecked(true);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_name);
    titles->addWidget(m_details);
    header->addLayout(titles, 1);
    header->addWidget(m_tier, 0, Qt::AlignTop);

    // No backups where the engineer looks: say so and offer the backup (the table's headers
    // over an empty grid say nothing).
    m_emptyBackups = new QWidget(this);
    m_emptyBackups->setObjectName(QStringLiteral("emptyBackupsState"));
    m_emptyBackupsText = new QLabel(m_emptyBackups);
    m_emptyBackupsText->setObjectName(QStringLiteral("emptyBackupsText"));
    m_emptyBackupsText->setAlignment(Qt::AlignCenter);
    m_emptyBackupsText->setWordWrap(true);
    auto *createFirst = new QPushButton(tr("Create Backup"), m_emptyBackups);
    createFirst->setObjectName(QStringLiteral("emptyCreateBackupButton"));
    connect(createFirst, &QPushButton::clicked, this, [this] { m_actions->createButton()->click(); });
    auto *emptyLayout = new QVBoxLayout(m_emptyBackups);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyBackupsText);
    emptyLayout->addWidget(createFirst, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);
    m_tableStack = new QStackedWidget(this);
    m_tableStack->setObjectName(QStringLiteral("backupTableStack"));
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_emptyBackups);

    auto *body = new QHBoxLayout;
    body->addWidget(m_tableStack, 1);
    body->addWidget(m_actions);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(header);
    contentLayout->addWidget(m_banner);
    // The environment selector filters the backups only: it lives on their tab.
    auto *backupsTab = new QWidget(this);
    auto *backupsLayout = new QVBoxLayout(backupsTab);
    backupsLayout->addLayout(envRow);
    backupsLayout->addLayout(body, 1);
    auto *schedulesTab = new QWidget(this);
    (new QVBoxLayout(schedulesTab))->addWidget(m_schedules);
    auto *auditTab = new QWidget(this);
    (new QVBoxLayout(auditTab))->addWidget(m_audit);
    m_tabs->setObjectName(QStringLiteral("siteTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(backupsTab, tr("Backups"));
    m_tabs->addTab(schedulesTab, tr("Schedules"));
    m_tabs->addTab(auditTab, tr("Audit Log"));
    m_audit->setObjectName(QStringLiteral("siteAuditView"));
    contentLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(placeholder);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_envGroup, &QButtonGroup::idClicked, this, [this](int id) {
        const std::optional<Environment> env
            = id == AllId ? std::nullopt : std::optional<Environment>(static_cast<Environment>(id));
        setEnvironment(env);
    });
    connect(m_table, &BackupTableView::currentRecordChanged, m_actions, &QuickActionsPanel::setRecord);
    QAbstractItemModel *proxy = m_table->model();
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(proxy, signal, this, &SitePage::updateEmptyState);
    connect(proxy, &QAbstractItemModel::modelReset, this, &SitePage::updateEmptyState);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &SitePage::updateEmptyState);
    updateEmptyState();
}

QAbstractButton *SitePage::addFirstSiteButton() const
{
    return m_addFirstSite;
}

void SitePage::setHaveSites(bool haveSites)
{
    m_placeholder->setText(haveSites ? tr("Select a site on the left to see its backups.")
                                     : tr("No sites yet. Add the first customer site to back up its databases."));
    m_addFirstSite->setVisible(!haveSites);
}

void SitePage::updateEmptyState()
{
    const bool empty = !m_isLoading && hasSite() && m_table->model()->rowCount() == 0;
    if (empty) {
        m_emptyBackupsText->setText(
            m_environment ? tr("No %1 backups of %2 yet.").arg(Format::environmentLong(*m_environment), m_site.id)
                          : tr("No backups of %1 yet.").arg(m_site.id));
    }
    m_tableStack->setCurrentWidget(empty ? m_emptyBackups : static_cast<QWidget *>(m_table));
}

QAbstractButton *SitePage::environmentButton(std::optional<Environment> environment) const
{
    return m_envGroup->button(idOf(environment));
}

void SitePage::setSite(const Site &site)
{
    const bool sameSite = site.id == m_site.id;
    m_site = site;
    m_stack->setCurrentIndex(site.id.isEmpty() ? 0 : 1);
    m_name->setText(site.name.isEmpty() ? site.id : site.name);
    m_details->setText(tr("Customer: %1 · Site: %2").arg(site.customer, site.id));
    m_tier->setText(tr("%1 tier").arg(Format::tier(site.tier)));
    m_tier->setToolTip(site.tier == Tier::Basic ? tr("Basic tier: production only")
                                                : tr("Developer tier: production, staging and development"));
    QPalette pal = m_tier->palette();
    pal.setColor(QPalette::Window, site.tier == Tier::Basic ? QColor(0x8a, 0x8f, 0x98) : QColor(0x6a, 0x4c, 0xc4));
    pal.setColor(QPalette::WindowText, Qt::white);
    m_tier->setPalette(pal);
    if (!sameSite) {
        m_banner->dismiss();
        m_actions->setSite(site);
    }
    m_schedules->setSite(site);
    m_audit->setSiteId(site.id);
    updateEnvironmentButtons();
    // A basic-tier site has only prod: select it so Create Backup never has to ask.
    std::optional<Environment> env = sameSite ? m_environment : std::nullopt;
    if (site.tier == Tier::Basic)
        env = Environment::Prod;
    else if (env && !site.environments().contains(*env))
        env = std::nullopt;
    m_envGroup->button(idOf(env))->setChecked(true);
    const bool changed = env != m_environment;
    m_environment = env;
    m_table->proxy()->setEnvironment(env);
    m_actions->setEnvironment(env);
    updateEmptyState();
    if (changed)
        emit environmentChanged(env);
}

void SitePage::updateEnvironmentButtons()
{
    const QVector<Environment> offered = m_site.environments();
    m_envGroup->button(AllId)->setVisible(m_site.tier != Tier::Basic);
    for (Environment env : { Environment::Prod, Environment::Stage, Environment::Dev })
        m_envGroup->button(idOf(env))->setVisible(offered.contains(env));
}

void SitePage::setEnvironment(std::optional<Environment> environment)
{
    if (environment && !m_site.environments().contains(*environment))
        return;
    if (QAbstractButton *button = m_envGroup->button(idOf(environment)); button && !button->isChecked())
        button->setChecked(true);
    if (environment == m_environment)
        return;
    m_environment = environment;
    m_table->proxy()->setEnvironment(environment);
    m_actions->setEnvironment(environment);
    updateEmptyState();
    emit environmentChanged(environment);
}

void SitePage::setLoading(bool loading)
{
    m_isLoading = loading;
    m_loading->setVisible(loading);
    updateEmptyState();
}

void SitePage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}
