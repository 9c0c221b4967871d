// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WindowActions.h"
#include "backups/BackupActionsController.h"
#include "catalog/BackupRecord.h"
#include "catalog/Site.h"
#include "jobs/BackupServiceConfig.h"
#include "jobs/JobProgress.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

class AppSettings;
class BackupService;
class JobsPanel;
class PagesController;
class QAction;
class QDockWidget;
class QSettings;
class QStackedWidget;
class QSystemTrayIcon;
class QTimer;
class RemoveSiteController;
class RestoreController;
class SecretStore;
class ServiceHost;
class SettingsApplier;
class SettingsController;
class SiteEditorDialog;
class SiteListWidget;
class SitePage;
class AttentionPage;
class QPushButton;

/// The console's window: the panels and pages emit what the engineer asks for, the window and
/// its controllers (backup actions, restore and sync, site removal, settings, the site's pages)
/// turn that into BackupService requests and route the queued answers back. Nothing here does
/// I/O; the service does it in its threads.
///
/// Native dialogs and the delete confirmation go through replaceable hooks so the end-to-end
/// test can drive the whole window with QTest clicks.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// @p service, @p settings and @p secrets may be null (widget tests); they must outlive
    /// the window.
    MainWindow(BackupService *service, AppSettings *settings, SecretStore *secrets, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The hooks of BackupActionsController: where to save a download, and the confirmation of
    /// a destructive action.
    void setSavePathChooser(BackupActionsController::SavePathChooser chooser);
    void setConfirmer(BackupActionsController::Confirmer confirmer);
    /// Periodic refresh for work by others on a shared catalog (0 = off).
    void setRefreshInterval(int msec);

    SiteListWidget *siteList() const { return m_siteList; }
    SitePage *sitePage() const { return m_page; }
    JobsPanel *jobsPanel() const { return m_jobs; }
    AttentionPage *attentionPage() const { return m_attention; }
    PagesController *pages() const { return m_pages; }
    const WindowActions &actions() const { return m_act; }
    /// The action named @p objectName (tests and the demo tool; code uses actions()).
    QAction *action(const QString &objectName) const;
    SettingsController *settingsFlow() const { return m_settingsFlow; }
    /// Restore, Restore from File and Sync Environments (dialogs, jobs, locks).
    RestoreController *restoreFlow() const { return m_restoreFlow; }
    /// Remove Site… (the dialog with the typed confirmation, the service calls, the outcome).
    RemoveSiteController *removeSiteFlow() const { return m_removeSiteFlow; }

    /// Talk to @p service from now on (null: none). The previous one is disconnected.
    void setService(BackupService *service);
    /// Follow @p host's services, and rebuild through it when Settings changes storage, catalog
    /// or actor: at once when nothing runs, else after asking.
    void setServiceHost(ServiceHost *host);
    /// "local" or "s3": what the store can do decides which actions are offered.
    void setStorageKind(StorageKind kind);

    /// Milliseconds of GUI-thread work to show the last loaded site's backups (bench/gui.sh).
    qint64 lastBackupsApplyMsec() const { return m_lastApplyMsec; }

signals:
    /// The site page shows the backups of @p siteId (after the catalog answered).
    void backupsShown(const QString &siteId, int rowCount);
    /// A service built from changed settings was connected (after ServiceHost::restart()).
    void settingsApplied();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void connectService();
    void restoreWindowState();
    void updateActions();
    void showSite(const Site &site);
    void showFirstRun(bool show);

    // Requests from the widgets.
    void createBackup(Environment env);
    void openSettings();
    void openSiteEditor(const QString &siteId);
    void refresh();

    // Answers from the service.
    void onSitesLoaded(const QVector<Site> &sites, const QVector<QString> &needingAttention);
    void onBackupsLoaded(const QString &siteId, const QVector<BackupRecord> &backups);
    void onBackupsFirstPage(const QString &siteId, const QVector<BackupRecord> &newest);
    void onBackupChanged(const BackupRecord &record);
    void onJobStarted(const JobProgress &progress);
    void onJobProgress(const JobProgress &progress);
    void onJobFinished(const JobOutcome &outcome);
    void onServiceError(const QString &context, const QString &message);
    /// The end of an Apply Retention (asked here, or the service's own) or a Rescan Storage.
    void onOperationFinished(const QString &action, bool ok, const QString &message, const QStringList &warnings);
    /// Site > Apply Retention's list: confirmed, only its backups are deleted.
    void onRetentionPreviewed(const QVector<BackupRecord> &candidates, const QString &error);
    void showRetentionMessage(bool ok, const QString &text, const QStringList &warnings = {});
    /// Apply Retention's question: what will be deleted, a line per backup (the first 12).
    static QString retentionQuestion(const QVector<BackupRecord> &candidates);
    void notify(const JobOutcome &outcome);

    static QString jobKey(JobKind kind, const QString &backupId);
    /// " 2 warnings: ..." (the first few) for a banner that ends an operation, or empty.
    static QString withWarnings(const QStringList &warnings);

    BackupService *m_service;
    AppSettings *m_settings;
    SecretStore *m_secrets;
    std::unique_ptr<QSettings> m_guiState;
    SiteListWidget *m_siteList;
    QStackedWidget *m_rightStack;
    SitePage *m_page;
    QWidget *m_firstRun = nullptr;
    JobsPanel *m_jobs;
    QDockWidget *m_jobsDock;
    QTimer *m_refreshTimer;
    QSystemTrayIcon *m_tray = nullptr;
    WindowActions m_act;
    SettingsController *m_settingsFlow;
    RestoreController *m_restoreFlow;
    ServiceHost *m_host = nullptr;
    bool m_linksAvailable = true;
    SettingsApplier *m_applier;
    QPointer<SiteEditorDialog> m_siteEditor;
    AttentionPage *m_attention = nullptr; ///< failed, interrupted, overdue across sites
    QPushButton *m_attentionButton = nullptr; ///< opens it, from the sidebar

    QVector<Site> m_sites;
    QHash<QString, QVector<EnvironmentConfig>> m_environments;
    QSet<QString> m_mine; ///< jobKey()s of work this engineer started in this window
    QHash<QString, int> m_pendingCreates; ///< "site/env" -> backups asked for, not yet seen
    QString m_selectAfterCreate;
    QString m_loadingSiteId;
    qint64 m_lastApplyMsec = -1;
    BackupActionsController *m_backupActions = nullptr;
    PagesController *m_pages = nullptr; ///< the site's Schedules and Audit tabs, the Audit Log window
    RemoveSiteController *m_removeSiteFlow = nullptr;
};
