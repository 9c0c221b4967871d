// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppIcon.h"
#include "ServiceHost.h"
#include "SettingsApplier.h"
#include "Theme.h"
#include "actions/QuickActionsPanel.h"
#include "attention/AttentionPage.h"
#include "backups/BackupActionsController.h"
#include "backups/BackupFilterProxyModel.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupTableView.h"
#include "jobs/DurationEstimate.h"
#include "jobs/JobsPanel.h"
#include "operations/BackupQueue.h"
#include "operations/BackupService.h"
#include "pages/PagesController.h"
#include "restore/RestoreController.h"
#include "secrets/SecretStore.h"
#include "settings/FirstRunPage.h"
#include "settings/SettingsController.h"
#include "settings/SiteEditorDialog.h"
#include "sites/RemoveSiteController.h"
#include "sites/SiteListWidget.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"
#include "widgets/Format.h"
#include "widgets/MessageBanner.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int DefaultRefreshMsec = 15000;

QString envKey(const QString &siteId, Environment env)
{
    return BackupQueue::key(siteId, env); // the backup queue's key: one backup per environment
}
} // namespace

MainWindow::MainWindow(BackupService *service, AppSettings *settings, SecretStore *secrets, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_siteList(new SiteListWidget(this))
    , m_rightStack(new QStackedWidget(this))
    , m_page(new SitePage(this))
    , m_jobs(new JobsPanel(this))
    , m_jobsDock(new QDockWidget(tr("Jobs"), this))
    , m_refreshTimer(new QTimer(this))
    , m_settingsFlow(new SettingsController(settings, secrets, this))
    , m_restoreFlow(new RestoreController(this, m_page, this))
    , m_applier(new SettingsApplier(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Creodrop Backups"));
    setWindowIcon(AppIcon::icon());
    if (m_settings)
        m_guiState = std::make_unique<QSettings>(m_settings->fileName(), QSettings::IniFormat);

    m_rightStack->setObjectName(QStringLiteral("rightStack"));
    m_rightStack->addWidget(m_page);
    // Attention across sites: a page in the right stack, opened from the sidebar.
    m_attention = new AttentionPage(this);
    m_rightStack->addWidget(m_attention);
    m_attentionButton = new QPushButton(Format::attentionIcon(), tr("Needs Attention"), this);
    m_attentionButton->setObjectName(QStringLiteral("attentionButton"));
    m_attentionButton->setToolTip(tr("Failed, interrupted and overdue backups of every site"));
    m_attentionButton->setFlat(true);
    m_attentionButton->setStyleSheet(QStringLiteral("text-align: left"));
    connect(m_attentionButton, &QPushButton::clicked, this, [this] {
        m_rightStack->setCurrentWidget(m_attention);
        if (m_service)
            m_service->refreshAttention();
    });
    connect(m_attention, &AttentionPage::refreshRequested, this, [this] {
        if (m_service)
            m_service->refreshAttention();
    });
    connect(m_attention, &AttentionPage::openSiteRequested, this, [this](const QString &siteId) {
        m_rightStack->setCurrentWidget(m_page);
        m_siteList->selectSite(siteId);
    });
    connect(m_attention, &AttentionPage::retryBackupRequested, this, [this](const QString &siteId, Environment env) {
        if (!m_service)
            return;
        m_pendingCreates[envKey(siteId, env)] += 1; // as Create Backup: this engineer asked for it
        m_service->createBackup(siteId, env, BackupType::Manual);
        statusBar()->showMessage(tr("Backing up %1/%2 again…").arg(siteId, Format::environment(env)), 5000);
    });
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 4, 8);
    leftLayout->addWidget(m_attentionButton);
    leftLayout->addWidget(m_siteList);
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 8, 8, 8);
    rightLayout->addWidget(m_rightStack);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 260, 940 });
    setCentralWidget(splitter);

    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobs);
    m_jobsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                            | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    resizeDocks({ m_jobsDock }, { 170 }, Qt::Vertical);

    m_pages = new PagesController(m_service, m_page, this);
    m_removeSiteFlow = new RemoveSiteController(this, m_page, this);
    connect(m_removeSiteFlow, &RemoveSiteController::statusMessage, statusBar(), &QStatusBar::showMessage);
    createActions();
    createMenus();
    statusBar()->setObjectName(QStringLiteral("statusBar"));

    m_backupActions = new BackupActionsController(this, m_page, m_settings, this);
    connect(m_backupActions, &BackupActionsController::jobRequested, this,
            [this](JobKind kind, const QString &backupId) { m_mine.insert(jobKey(kind, backupId)); });
    connect(m_backupActions, &BackupActionsController::statusMessage, statusBar(), &QStatusBar::showMessage);

    // Page and panels -> window.
    connect(m_siteList, &SiteListWidget::siteSelected, this, &MainWindow::showSite);
    connect(m_siteList, &SiteListWidget::addSiteRequested, this, [this] { openSiteEditor(QString()); });
    connect(m_page, &SitePage::addSiteRequested, this, [this] { openSiteEditor(QString()); });
    connect(m_siteList, &SiteListWidget::editSiteRequested, this, &MainWindow::openSiteEditor);
    QuickActionsPanel *actions = m_page->actions();
    connect(actions, &QuickActionsPanel::createBackupRequested, this, &MainWindow::createBackup);
    connect(m_page->table(), &BackupTableView::currentRecordChanged, this, &MainWindow::updateActions);
    connect(m_page, &SitePage::environmentChanged, this, &MainWindow::updateActions);
    connect(m_jobs, &JobsPanel::cancelRequested, this, [this](const QString &jobId) {
        if (m_service)
            m_service->cancelJob(jobId);
    });
    connect(m_jobs, &JobsPanel::runningCountChanged, this, [this](int count) {
        m_jobsDock->setWindowTitle(count > 0 ? tr("Jobs (%1 running)").arg(count) : tr("Jobs"));
    });

    connect(m_restoreFlow, &RestoreController::backupsChanged, this, [this](const QString &siteId) {
        if (m_service && siteId == m_page->site().id)
            m_service->refreshBackups(siteId);
    });
    connect(m_restoreFlow, &RestoreController::locksChanged, this, &MainWindow::updateActions);

    m_settingsFlow->setService(m_service);
    connect(m_settingsFlow, &SettingsController::saved, m_applier, &SettingsApplier::apply);
    connect(m_applier, &SettingsApplier::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_settingsFlow, &SettingsController::error, this,
            [this](const QString &message) { m_page->banner()->showMessage(MessageBanner::Kind::Error, message); });

    m_refreshTimer->setObjectName(QStringLiteral("refreshTimer"));
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    setRefreshInterval(DefaultRefreshMsec);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Creodrop Backups"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }

    resize(1200, 760);
    restoreWindowState();
    connectService();
    m_restoreFlow->setService(m_service);
    m_removeSiteFlow->setService(m_service);
    m_backupActions->setService(m_service);
    const bool firstRun = m_settings && !m_settings->boolean(AppSettings::FirstRunDone);
    showFirstRun(firstRun);
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::setSavePathChooser(BackupActionsController::SavePathChooser chooser)
{
    m_backupActions->setSavePathChooser(std::move(chooser));
}

void MainWindow::setConfirmer(BackupActionsController::Confirmer confirmer)
{
    m_backupActions->setConfirmer(std::move(confirmer));
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::setRefreshInterval(int msec)
{
    if (msec <= 0) {
        m_refreshTimer->stop();
        return;
    }
    m_refreshTimer->start(msec);
}

void MainWindow::createActions()
{
    auto add
        = [this](const char *name, const QString &text, const QKeySequence &shortcut, std::function<void()> handler) {
              auto *a = new QAction(text, this);
              a->setObjectName(QString::fromLatin1(name));
              if (!shortcut.isEmpty())
                  a->setShortcut(shortcut);
              connect(a, &QAction::triggered, this, [handler] { handler(); });
              addAction(a);
              return a;
          };
    QuickActionsPanel *panel = m_page->actions();
    m_act.settings = add("actionSettings", tr("&Settings…"), QKeySequence::Preferences, [this] { openSettings(); });
    m_act.settings->setShortcuts({ QKeySequence(tr("Ctrl+,")) });
    m_act.quit = add("actionQuit", tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    m_act.addSite
        = add("actionAddSite", tr("&Add Site…"), QKeySequence(tr("Ctrl+N")), [this] { openSiteEditor(QString()); });
    m_act.editSite = add("actionEditSite", tr("&Edit Site…"), QKeySequence(tr("Ctrl+Shift+E")),
                         [this] { openSiteEditor(m_page->site().id); });
    m_act.findSite = add("actionFindSite", tr("&Find Site"), QKeySequence::Find, [this] { m_siteList->focusSearch(); });
    m_act.refresh = add("actionRefresh", tr("&Refresh"), QKeySequence::Refresh, [this] { refresh(); });
    // Rebuilds rows from the manifests in the bucket: a catalog that was lost, or a backup a
    // stopped deletion left Deleting while its file is still there.
    m_act.rescanStorage = add("actionRescanStorage", tr("Re&scan Storage"), QKeySequence(), [this] {
        if (!m_service)
            return;
        m_act.rescanStorage->setEnabled(false);
        statusBar()->showMessage(tr("Rescanning the storage…"));
        m_service->rescanCatalog();
    });
    // Retention is applied on its own (at start, after scheduled backups, hourly); this is for
    // "now", after lowering a schedule's "keep", say. It deletes backups: it names them and asks
    // first (onRetentionPreviewed). The action stays disabled until the apply has answered.
    m_act.applyRetention = add("actionApplyRetention", tr("Appl&y Retention…"), QKeySequence(), [this] {
        if (!m_service)
            return;
        m_act.applyRetention->setEnabled(false);
        statusBar()->showMessage(tr("Looking for the backups retention no longer keeps…"));
        m_service->previewRetention();
    });
    m_act.createBackup = add("actionCreateBackup", tr("&Create Backup"), QKeySequence(tr("Ctrl+B")),
                             [panel] { panel->createButton()->click(); });
    m_act.download = add("actionDownload", tr("&Download…"), QKeySequence(tr("Ctrl+D")),
                         [panel] { panel->downloadButton()->click(); });
    m_act.copyLink = add("actionCopyLink", tr("Copy Download &Link"), QKeySequence(tr("Ctrl+Shift+C")),
                         [panel] { panel->linkButton()->click(); });
    m_act.verify = add("actionVerify", tr("&Verify"), QKeySequence(tr("Ctrl+Shift+V")),
                       [panel] { panel->verifyButton()->click(); });
    m_act.pin = add("actionPin", tr("&Pin"), QKeySequence(tr("Ctrl+P")), [panel] { panel->pinButton()->click(); });
    m_act.deleteBackup
        = add("actionDelete", tr("De&lete…"), QKeySequence::Delete, [panel] { panel->deleteButton()->click(); });
    m_act.details = add("actionDetails", tr("Backup De&tails…"), QKeySequence(tr("Ctrl+I")),
                        [this] { m_backupActions->showDetails(m_page->table()->currentRecord()); });
    m_act.restore = add("actionRestore", tr("&Restore…"), QKeySequence(), [panel] { panel->restoreButton()->click(); });
    m_act.restoreFromFile = add("actionRestoreFromFile", tr("Restore from &File…"), QKeySequence(),
                                [panel] { panel->restoreFileButton()->click(); });
    m_act.syncEnvironments = add("actionSyncEnvironments", tr("S&ync Environments…"), QKeySequence(),
                                 [panel] { panel->syncButton()->click(); });
    const std::pair<QAction **, std::optional<Environment>> envs[] = { { &m_act.showAllEnvironments, std::nullopt },
                                                                       { &m_act.showProd, Environment::Prod },
                                                                       { &m_act.showStage, Environment::Stage },
                                                                       { &m_act.showDev, Environment::Dev } };
    const char *envNames[] = { "actionEnvAll", "actionEnvProd", "actionEnvStage", "actionEnvDev" };
    for (int i = 0; i < 4; ++i) {
        const std::optional<Environment> env = envs[i].second;
        *envs[i].first
            = add(envNames[i], env ? tr("Show %1").arg(Format::environmentLong(*env)) : tr("Show All Environments"),
                  QKeySequence(tr("Alt+%1").arg(i)), [this, env] {
                      if (m_page->hasSite())
                          m_page->setEnvironment(env);
                  });
    }
    m_act.about = add("actionAbout", tr("&About Creodrop Backups"), QKeySequence(), [this] {
        // One dialog at a time, non-modal (no nested event loop); it deletes itself when closed.
        auto *about = findChild<AboutDialog *>();
        if (!about) {
            about = new AboutDialog(this);
            about->setAttribute(Qt::WA_DeleteOnClose);
        }
        about->show();
        about->raise();
        about->activateWindow();
    });
    m_act.welcome
        = add("actionWelcome", tr("&Getting Started"), QKeySequence::HelpContents, [this] { showFirstRun(true); });
    m_act.removeSite = add("actionRemoveSite", tr("Re&move Site…"), QKeySequence(),
                           [this] { m_removeSiteFlow->open(m_page->site()); });
    m_siteList->setContextActions({ m_act.removeSite });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_act.settings);
    file->addSeparator();
    file->addAction(m_act.quit);

    QMenu *site = menuBar()->addMenu(tr("&Site"));
    site->addActions(
        { m_act.addSite, m_act.editSite, m_act.findSite, m_act.refresh, m_act.rescanStorage, m_act.applyRetention });
    site->addSeparator();
    site->addAction(m_act.removeSite);

    QMenu *backup = menuBar()->addMenu(tr("&Backup"));
    backup->addActions({ m_act.createBackup, m_act.download, m_act.copyLink, m_act.verify, m_act.pin });
    backup->addSeparator();
    backup->addAction(m_act.details);
    backup->addSeparator();
    backup->addActions({ m_act.restore, m_act.restoreFromFile, m_act.syncEnvironments });
    backup->addSeparator();
    backup->addAction(m_act.deleteBackup);
    backup->setToolTipsVisible(true); // a disabled action says why

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({ m_act.showAllEnvironments, m_act.showProd, m_act.showStage, m_act.showDev });
    view->addSeparator();
    QAction *jobsToggle = m_jobsDock->toggleViewAction();
    jobsToggle->setObjectName(QStringLiteral("actionShowJobs"));
    jobsToggle->setText(tr("&Jobs Panel"));
    jobsToggle->setShortcut(QKeySequence(tr("Ctrl+J")));
    m_act.showJobs = jobsToggle;
    view->addAction(jobsToggle);
    view->addAction(m_pages->auditLogAction());
    QMenu *theme = view->addMenu(tr("&Appearance"));
    auto *group = new QActionGroup(this);
    const Theme::Mode saved
        = Theme::fromString(m_guiState ? m_guiState->value(QStringLiteral("gui/theme")).toString() : QString());
    const std::pair<Theme::Mode, QString> modes[] = { { Theme::Mode::System, tr("Follow &System") },
                                                      { Theme::Mode::Light, tr("&Light") },
                                                      { Theme::Mode::Dark, tr("&Dark") } };
    for (const auto &[mode, text] : modes) {
        QAction *a = theme->addAction(text);
        a->setObjectName(QStringLiteral("actionTheme_") + Theme::toString(mode));
        a->setCheckable(true);
        a->setChecked(mode == saved);
        group->addAction(a);
        const Theme::Mode m = mode;
        connect(a, &QAction::triggered, this, [this, m] {
            Theme::apply(m);
            if (m_guiState)
                m_guiState->setValue(QStringLiteral("gui/theme"), Theme::toString(m));
        });
    }
    if (saved != Theme::Mode::System)
        Theme::apply(saved);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({ m_act.welcome, m_act.about });
}

void MainWindow::restoreWindowState()
{
    if (!m_guiState)
        return;
    restoreGeometry(m_guiState->value(QStringLiteral("gui/geometry")).toByteArray());
    restoreState(m_guiState->value(QStringLiteral("gui/windowState")).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(m_guiState->value(QStringLiteral("gui/splitter")).toByteArray());
    const QByteArray header = m_guiState->value(QStringLiteral("gui/backupTableHeader")).toByteArray();
    if (!header.isEmpty())
        m_page->table()->horizontalHeader()->restoreState(header);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_guiState) {
        m_guiState->setValue(QStringLiteral("gui/geometry"), saveGeometry());
        m_guiState->setValue(QStringLiteral("gui/windowState"), saveState());
        if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
            m_guiState->setValue(QStringLiteral("gui/splitter"), splitter->saveState());
        m_guiState->setValue(QStringLiteral("gui/backupTableHeader"), m_page->table()->horizontalHeader()->saveState());
        m_guiState->setValue(QStringLiteral("gui/lastSite"), m_page->site().id);
    }
    if (m_tray)
        m_tray->hide();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_page->table()->viewport()->update();
    QMainWindow::changeEvent(event);
}

void MainWindow::showFirstRun(bool show)
{
    if (show && !m_firstRun) {
        auto *page = new FirstRunPage(m_settings ? AppSettings::homeDir() : QString(), this);
        connect(page, &FirstRunPage::addSiteRequested, this, [this] { openSiteEditor(QString()); });
        connect(page, &FirstRunPage::settingsRequested, this, &MainWindow::openSettings);
        connect(page, &FirstRunPage::dismissed, this, [this] { showFirstRun(false); });
        m_firstRun = page;
        m_rightStack->addWidget(page);
    }
    if (show) {
        m_rightStack->setCurrentWidget(m_firstRun);
        return;
    }
    if (m_settings)
        m_settings->setValue(AppSettings::FirstRunDone, true);
    m_rightStack->setCurrentWidget(m_page);
}

void MainWindow::connectService()
{
    if (!m_service)
        return;
    BackupService *s = m_service;
    connect(s, &BackupService::ready, this, [this] {
        statusBar()->showMessage(tr("Catalog ready"), 3000);
        refresh();
        // A target a dead restore left half replaced is rolled back now (this process holds
        // the secrets) and unlocked.
        m_service->rollbackInterruptedRestores();
    });
    connect(s, &BackupService::error, this, &MainWindow::onServiceError);
    connect(s, &BackupService::operationFinished, this, &MainWindow::onOperationFinished);
    connect(s, &BackupService::retentionPreviewed, this, &MainWindow::onRetentionPreviewed);
    connect(s, &BackupService::sitesLoaded, this, &MainWindow::onSitesLoaded);
    connect(s, &BackupService::backupsLoaded, this, &MainWindow::onBackupsLoaded);
    connect(s, &BackupService::backupsFirstPage, this, &MainWindow::onBackupsFirstPage);
    connect(s, &BackupService::environmentsLoaded, this,
            [this](const QString &siteId, const QVector<EnvironmentConfig> &environments) {
                m_environments.insert(siteId, environments);
                if (m_siteEditor && m_siteEditor->site().id == siteId)
                    m_siteEditor->setSite(m_siteEditor->site(), environments);
            });
    connect(s, &BackupService::backupChanged, this, &MainWindow::onBackupChanged);
    connect(s, &BackupService::backupRemoved, this,
            [this](const QString &backupId) { m_page->table()->backupModel()->removeBackup(backupId); });
    connect(s, &BackupService::jobStarted, this, &MainWindow::onJobStarted);
    connect(s, &BackupService::jobProgress, this, &MainWindow::onJobProgress);
    connect(s, &BackupService::jobFinished, this, &MainWindow::onJobFinished);
    // Cancel through the catalog and attention across sites.
    connect(s, &BackupService::backupCancelRequested, this,
            [this](const QString &, const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(s, &BackupService::attentionLoaded, this, [this](const QVector<AttentionItem> &items) {
        m_attention->setItems(items);
        m_attentionButton->setText(items.isEmpty() ? tr("Needs Attention")
                                                   : tr("Needs Attention (%1)").arg(items.size()));
    });
    connect(s, &BackupService::jobFinished, this, [this] {
        if (m_service)
            m_service->refreshAttention();
    });
    connect(s, &BackupService::connectionTested, this,
            [this](const QString &requestId, bool ok, const QString &message) {
                if (m_siteEditor)
                    m_siteEditor->showTestResult(requestId, ok, message);
            });
}

void MainWindow::refresh()
{
    if (!m_service)
        return;
    m_service->refreshSites();
    m_service->refreshAttention();
    if (m_page->hasSite())
        m_service->refreshBackups(m_page->site().id);
    m_restoreFlow->refreshLocks();
}

void MainWindow::updateActions()
{
    const BackupRecord record = m_page->table()->currentRecord();
    const bool completed = record.isValid() && record.status == BackupStatus::Completed;
    const bool haveSite = m_page->hasSite();
    m_act.createBackup->setEnabled(haveSite);
    m_act.editSite->setEnabled(haveSite);
    m_act.removeSite->setEnabled(haveSite);
    m_act.download->setEnabled(completed);
    m_act.copyLink->setEnabled(completed && m_linksAvailable);
    m_act.verify->setEnabled(completed);
    m_act.pin->setEnabled(completed);
    m_act.deleteBackup->setEnabled(record.isValid() && Backups::isTerminal(record.status) && !record.pinned);
    m_act.details->setEnabled(record.isValid());
    QuickActionsPanel *panel = m_page->actions();
    for (auto [action, button] : { std::pair{ m_act.restore, panel->restoreButton() },
                                   std::pair{ m_act.restoreFromFile, panel->restoreFileButton() },
                                   std::pair{ m_act.syncEnvironments, panel->syncButton() },
                                   std::pair{ m_act.createBackup, panel->createButton() } }) {
        action->setEnabled(button->isEnabled());
        action->setToolTip(button->isEnabled() ? QString() : button->toolTip());
    }
}

void MainWindow::showSite(const Site &site)
{
    if (m_firstRun && m_rightStack->currentWidget() == m_firstRun)
        showFirstRun(false);
    if (m_rightStack->currentWidget() == m_attention)
        m_rightStack->setCurrentWidget(m_page);
    const bool other = site.id != m_page->site().id;
    m_page->setSite(site);
    if (other)
        m_page->table()->backupModel()->clear();
    m_page->setLoading(true);
    m_loadingSiteId = site.id;
    if (m_service)
        m_service->refreshBackups(site.id);
    m_restoreFlow->refreshLocks();
    updateActions();
}

void MainWindow::onSitesLoaded(const QVector<Site> &sites, const QVector<QString> &needingAttention)
{
    m_sites = sites;
    m_siteList->setSites(sites, needingAttention);
    m_page->setHaveSites(!sites.isEmpty());
    QString current = m_page->site().id;
    bool found = false;
    for (const Site &site : sites) {
        if (site.id == current) {
            m_page->setSite(site); // name, customer or tier may have changed elsewhere
            found = true;
        }
    }
    if (!current.isEmpty() && !found) {
        // Removed elsewhere, or another catalog since Settings changed: show no stale site.
        m_page->setSite(Site());
        m_page->table()->backupModel()->clear();
        m_page->setLoading(false);
        current.clear();
    }
    if (current.isEmpty() && !sites.isEmpty()) {
        const QString last = m_guiState ? m_guiState->value(QStringLiteral("gui/lastSite")).toString() : QString();
        const bool haveLast = std::any_of(sites.cbegin(), sites.cend(), [&](const Site &s) { return s.id == last; });
        m_siteList->selectSite(haveLast ? last : sites.first().id);
    }
    if (!sites.isEmpty() && m_firstRun && m_rightStack->currentWidget() == m_firstRun && m_page->hasSite())
        showFirstRun(false);
}

void MainWindow::onBackupsFirstPage(const QString &siteId, const QVector<BackupRecord> &newest)
{
    if (siteId != m_page->site().id)
        return;
    QElapsedTimer timer;
    timer.start();
    BackupTableView *table = m_page->table();
    if (!table->backupModel()->setFirstPage(siteId, newest))
        return; // a refresh of a site already shown in full: the complete list merges
    if (m_loadingSiteId == siteId) {
        m_loadingSiteId.clear();
        m_page->setLoading(false);
    }
    if (!m_selectAfterCreate.isEmpty() && table->selectBackup(m_selectAfterCreate))
        m_selectAfterCreate.clear();
    m_lastApplyMsec = timer.elapsed();
    emit backupsShown(siteId, table->model()->rowCount());
}

void MainWindow::onBackupsLoaded(const QString &siteId, const QVector<BackupRecord> &backups)
{
    if (siteId != m_page->site().id)
        return;
    QElapsedTimer timer;
    timer.start();
    BackupTableView *table = m_page->table();
    // The complete list replaces a first page: keep what the engineer selected meanwhile.
    const QString selected = table->backupModel()->isPartial() ? table->currentRecord().id : QString();
    table->backupModel()->setBackups(siteId, backups);
    if (!selected.isEmpty())
        table->selectBackup(selected);
    if (m_loadingSiteId == siteId) {
        m_loadingSiteId.clear();
        m_page->setLoading(false);
    }
    if (!m_selectAfterCreate.isEmpty() && table->selectBackup(m_selectAfterCreate))
        m_selectAfterCreate.clear();
    m_lastApplyMsec = timer.elapsed();

    for (const auto &[env, seconds] : DurationEstimate::typicalSeconds(backups))
        m_jobs->setTypicalDuration(siteId, env, seconds);
    emit backupsShown(siteId, table->model()->rowCount());
}

void MainWindow::onBackupChanged(const BackupRecord &record)
{
    const QString key = envKey(record.siteId, record.environment);
    if (record.status == BackupStatus::Pending && record.type == BackupType::Manual
        && m_pendingCreates.value(key) > 0) {
        if (--m_pendingCreates[key] == 0)
            m_pendingCreates.remove(key);
        m_mine.insert(jobKey(JobKind::Backup, record.id));
        m_selectAfterCreate = record.id;
    }
    BackupTableView *table = m_page->table();
    table->backupModel()->updateBackup(record);
    if (m_selectAfterCreate == record.id && table->selectBackup(record.id))
        m_selectAfterCreate.clear();
}

void MainWindow::onJobStarted(const JobProgress &progress)
{
    m_applier->jobStarted(progress);
    m_jobs->jobStarted(progress);
    m_page->table()->backupModel()->setProgress(progress);
}

void MainWindow::onJobProgress(const JobProgress &progress)
{
    m_jobs->jobProgress(progress);
    m_page->table()->backupModel()->setProgress(progress);
    m_backupActions->jobProgress(progress);
}

void MainWindow::onJobFinished(const JobOutcome &outcome)
{
    m_jobs->jobFinished(outcome);
    m_backupActions->jobFinished(outcome);

    // Failures also land on the affected site's page, with a way to try again.
    if (!outcome.success && !outcome.cancelled && outcome.siteId == m_page->site().id) {
        std::function<void()> retry;
        const QString siteId = outcome.siteId;
        const Environment env = outcome.environment;
        const QString backupId = outcome.backupId;
        switch (outcome.kind) {
        case JobKind::Backup:
            retry = [this, env] { createBackup(env); };
            break;
        case JobKind::Download:
            retry = [this, backupId] {
                const int row = m_page->table()->backupModel()->rowOf(backupId);
                if (row >= 0)
                    m_backupActions->download(m_page->table()->backupModel()->recordAt(row));
            };
            break;
        case JobKind::Verify:
            retry = [this, backupId] {
                if (m_service)
                    m_service->verify(backupId);
            };
            break;
        default:
            break;
        }
        m_page->banner()->showMessage(
            MessageBanner::Kind::Error,
            tr("%1 of %2 / %3 failed: %4")
                .arg(Format::jobKind(outcome.kind), siteId, Format::environment(env), outcome.message),
            retry);
    }
    notify(outcome);
    m_mine.remove(jobKey(outcome.kind, outcome.backupId));
    m_applier->jobFinished(outcome.jobId);
}

void MainWindow::notify(const JobOutcome &outcome)
{
    if (!m_mine.contains(jobKey(outcome.kind, outcome.backupId)) || isActiveWindow())
        return;
    const QString what
        = tr("%1 of %2 / %3")
              .arg(Format::jobKind(outcome.kind), outcome.siteId, Format::environment(outcome.environment));
    const QString title = outcome.success ? tr("%1 finished").arg(what)
        : outcome.cancelled               ? tr("%1 cancelled").arg(what)
                                          : tr("%1 failed").arg(what);
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, outcome.message,
                            outcome.success ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning, 8000);
    QApplication::alert(this);
}

void MainWindow::onServiceError(const QString &context, const QString &message)
{
    m_page->banner()->showMessage(MessageBanner::Kind::Error, tr("%1: %2").arg(context, message),
                                  [this] { refresh(); });
    if (!m_page->hasSite())
        statusBar()->showMessage(tr("%1: %2").arg(context, message));
}

void MainWindow::onOperationFinished(const QString &action, bool ok, const QString &message,
                                     const QStringList &warnings)
{
    if (action == QLatin1String("retention.apply")) {
        m_act.applyRetention->setEnabled(true);
        // The console applies retention on its own (at start, after scheduled backups, hourly):
        // say what went, so that no backup leaves the table unexplained.
        showRetentionMessage(ok, ok ? message : tr("Applying retention failed: %1").arg(message), warnings);
        return;
    }
    if (action != QLatin1String("catalog.rescan"))
        return;
    m_act.rescanStorage->setEnabled(true);
    const QString text
        = ok ? tr("Storage rescanned: %1").arg(message) : tr("Rescanning the storage failed: %1").arg(message);
    const MessageBanner::Kind kind = !ok ? MessageBanner::Kind::Error
        : warnings.isEmpty()             ? MessageBanner::Kind::Success
                                         : MessageBanner::Kind::Warning;
    m_page->banner()->showMessage(kind, text + withWarnings(warnings));
    statusBar()->showMessage(text, m_page->hasSite() ? 5000 : 0);
    refresh();
}

void MainWindow::showRetentionMessage(bool ok, const QString &text, const QStringList &warnings)
{
    // Retention concerns every site: the status bar says it whatever is shown (until replaced
    // when no site is), the site page's banner too when a site is shown.
    if (m_page->hasSite())
        m_page->banner()->showMessage(ok ? MessageBanner::Kind::Information : MessageBanner::Kind::Error,
                                      text + withWarnings(warnings));
    statusBar()->showMessage(text, m_page->hasSite() ? 15000 : 0);
}

void MainWindow::onRetentionPreviewed(const QVector<BackupRecord> &candidates, const QString &error)
{
    if (!error.isEmpty() || candidates.isEmpty()) {
        m_act.applyRetention->setEnabled(true);
        showRetentionMessage(error.isEmpty(),
                             error.isEmpty()
                                 ? tr("Retention has nothing to delete: every backup is still kept.")
                                 : tr("Looking for the backups retention no longer keeps failed: %1").arg(error));
        return;
    }
    // What is confirmed is what may go: the apply deletes none but these (RetentionJob::limitTo).
    QStringList ids;
    for (const BackupRecord &r : candidates)
        ids << r.id;
    statusBar()->clearMessage();
    m_backupActions->confirm(tr("Apply Retention"), retentionQuestion(candidates), [this, ids](bool accepted) {
        if (!accepted || !m_service) {
            m_act.applyRetention->setEnabled(true);
            return;
        }
        statusBar()->showMessage(tr("Applying retention…"));
        m_service->applyRetention(ids);
    });
}

QString MainWindow::retentionQuestion(const QVector<BackupRecord> &candidates)
{
    QStringList lines;
    constexpr int shown = 12;
    for (const BackupRecord &r : candidates.mid(0, shown))
        lines << tr("• %1 / %2: %3 backup of %4, %5 (%6)")
                     .arg(r.siteId, Format::environment(r.environment), Format::type(r.type),
                          Format::localTime(r.createdAt), Format::size(r.sizeBytes), r.id);
    if (candidates.size() > shown)
        lines << tr("… and %n more.", nullptr, int(candidates.size()) - shown);
    // Without a catalog (English) %n has no plural forms: one backup has sentences of its own.
    const bool one = candidates.size() == 1;
    return (one ? tr("Delete this backup now? Its schedule no longer keeps it, or it is a pre-restore or pre-sync "
                     "backup older than 7 days.")
                : tr("Delete these %n backups now? Their schedule no longer keeps them, or they are pre-restore or "
                     "pre-sync backups older than 7 days.",
                     nullptr, int(candidates.size())))
        + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
        + (one ? tr("Its dump and manifest are removed from storage. This cannot be undone. Manual and pinned backups "
                    "stay.")
               : tr("Their dumps and manifests are removed from storage. This cannot be undone. Manual and pinned "
                    "backups stay."));
}

QString MainWindow::withWarnings(const QStringList &warnings)
{
    if (warnings.isEmpty())
        return {};
    // The first ones name what to look at; the audit log keeps them all.
    constexpr int shown = 3;
    const QString first = QStringList(warnings.mid(0, shown)).join(QLatin1Char(' '));
    // Without a catalog (English) %n has no plural forms: one warning is a string of its own.
    QString text = QLatin1Char(' ')
        + (warnings.size() == 1 ? tr("1 warning: %1").arg(first)
                                : tr("%n warnings: %1", nullptr, int(warnings.size())).arg(first));
    if (warnings.size() > shown)
        text += QLatin1Char(' ') + tr("%n more in the Audit Log.", nullptr, int(warnings.size()) - shown);
    return text;
}

QString MainWindow::jobKey(JobKind kind, const QString &backupId)
{
    return QString::number(static_cast<int>(kind)) + QLatin1Char(':') + backupId;
}

void MainWindow::createBackup(Environment env)
{
    const Site site = m_page->site();
    if (site.id.isEmpty() || !m_service)
        return;
    m_pendingCreates[envKey(site.id, env)] += 1;
    m_service->createBackup(site.id, env, BackupType::Manual);
    statusBar()->showMessage(tr("Backup of %1 / %2 requested").arg(site.id, Format::environment(env)), 5000);
}

void MainWindow::openSettings()
{
    m_settingsFlow->open();
}

void MainWindow::setService(BackupService *service)
{
    if (service == m_service)
        return;
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    // A rescan of the replaced service never answers; the new one can run its own.
    m_act.rescanStorage->setEnabled(true);
    m_act.applyRetention->setEnabled(true);
    m_settingsFlow->setService(service);
    m_pages->setService(service);
    connectService();
    // After connectService(): its outcome line comes after the window's generic one.
    m_restoreFlow->setService(service);
    m_removeSiteFlow->setService(service);
    m_backupActions->setService(service);
}

void MainWindow::setServiceHost(ServiceHost *host)
{
    m_host = host;
    m_applier->setHost(host);
    connect(host, &ServiceHost::serviceAboutToStop, this, [this](BackupService *service) {
        if (service != m_service)
            return;
        setService(nullptr);
        // The stopping service cancels what still runs and reports no more: close those rows.
        const QList<JobProgress> running = m_applier->runningJobs();
        for (const JobProgress &progress : running) {
            JobOutcome outcome;
            outcome.jobId = progress.jobId;
            outcome.kind = progress.kind;
            outcome.backupId = progress.backupId;
            outcome.siteId = progress.siteId;
            outcome.environment = progress.environment;
            outcome.cancelled = true;
            outcome.message = tr("Stopped to apply the new settings.");
            onJobFinished(outcome);
        }
    });
    connect(host, &ServiceHost::serviceCreated, this, [this, host](BackupService *service) {
        const bool replaced = m_service != nullptr || m_applier->restarting();
        setService(service);
        setStorageKind(host->config().storageKind);
        if (replaced) {
            m_applier->restarted();
            // Another catalog or store: what the page showed came from the old one.
            m_page->table()->backupModel()->clear();
            if (m_page->hasSite()) {
                m_loadingSiteId = m_page->site().id;
                m_page->setLoading(true);
            }
            statusBar()->showMessage(tr("Settings applied."), 8000);
            emit settingsApplied();
        }
    });
    if (host->service()) {
        setService(host->service());
    }
    setStorageKind(host->config().storageKind);
}

void MainWindow::setStorageKind(StorageKind kind)
{
    m_linksAvailable = kind != StorageKind::Local;
    const QString reason = m_linksAvailable ? QString()
                                            : tr("The local folder store cannot make download links. To share backups "
                                                 "by link, choose Cloudflare R2 in Settings > Storage.");
    m_page->actions()->setLinksAvailable(m_linksAvailable, reason);
    m_page->table()->setLinksAvailable(m_linksAvailable, reason);
    m_act.copyLink->setToolTip(m_linksAvailable ? QString() : reason);
    m_act.copyLink->setStatusTip(m_linksAvailable ? QString() : reason);
    updateActions();
}

void MainWindow::openSiteEditor(const QString &siteId)
{
    if (m_siteEditor) {
        m_siteEditor->raise();
        return;
    }
    auto *dialog = new SiteEditorDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_siteEditor = dialog;
    for (const Site &site : qAsConst(m_sites)) {
        if (site.id == siteId)
            dialog->setSite(site, m_environments.value(siteId));
    }
    connect(dialog, &SiteEditorDialog::testConnectionRequested, this,
            [this](const QString &requestId, const MySqlEndpoint &endpoint, const QString &password) {
                if (m_service)
                    m_service->testConnection(requestId, endpoint, password);
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_service)
            return;
        m_service->saveSite(dialog->site());
        for (const EnvironmentConfig &config : dialog->environments())
            m_service->saveEnvironment(config, dialog->password(config.environment),
                                       dialog->passwordChanged(config.environment));
        m_service->refreshSites();
    });
    dialog->show();
}
