// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Site.h"

#include <QWidget>

#include <optional>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QStackedWidget;
class QTabWidget;
class AuditView;
class SchedulesPage;
class BackupTableView;
class MessageBanner;
class QuickActionsPanel;

/// The right side of the window for one site: the header (name, customer, tier), the
/// environment selector (All / prod / stage / dev; a basic-tier site offers prod only), a
/// banner for recoverable problems, the backup table and the Quick Actions. The environment
/// selector both filters the table and tells Create Backup where to run. Tabs: Backups (the
/// above), Schedules and Audit Log of the site.
class SitePage : public QWidget
{
    Q_OBJECT

public:
    explicit SitePage(QWidget *parent = nullptr);

    void setSite(const Site &site);
    Site site() const { return m_site; }
    bool hasSite() const { return !m_site.id.isEmpty(); }
    /// std::nullopt = All.
    std::optional<Environment> environment() const { return m_environment; }
    void setEnvironment(std::optional<Environment> environment);
    void setLoading(bool loading);
    /// No sites at all: the placeholder offers to add the first one instead of asking to select.
    void setHaveSites(bool haveSites);

    QAbstractButton *addFirstSiteButton() const;
    /// The empty state of the table ("no backups in this environment yet" with Create Backup).
    QWidget *emptyBackupsState() const { return m_emptyBackups; }

    BackupTableView *table() const { return m_table; }
    QuickActionsPanel *actions() const { return m_actions; }
    MessageBanner *banner() const { return m_banner; }
    QAbstractButton *environmentButton(std::optional<Environment> environment) const;

    // Tabs next to the backups: the site's schedules and its audit log.
    enum class Tab { Backups, Schedules, Audit };
    QTabWidget *tabs() const { return m_tabs; }
    void showTab(Tab tab);
    SchedulesPage *schedulesPage() const { return m_schedules; }
    AuditView *auditView() const { return m_audit; }

signals:
    void environmentChanged(std::optional<Environment> environment);
    void addSiteRequested();

private:
    void updateEnvironmentButtons();
    void updateEmptyState();

    Site m_site;
    std::optional<Environment> m_environment;
    QStackedWidget *m_stack;
    QLabel *m_name;
    QLabel *m_details;
    QLabel *m_tier;
    QLabel *m_loading;
    QLabel *m_placeholder;
    QAbstractButton *m_addFirstSite;
    QStackedWidget *m_tableStack;
    QWidget *m_emptyBackups;
    QLabel *m_emptyBackupsText;
    bool m_isLoading = false;
    QButtonGroup *m_envGroup;
    MessageBanner *m_banner;
    BackupTableView *m_table;
    QuickActionsPanel *m_actions;
    QTabWidget *m_tabs;
    SchedulesPage *m_schedules;
    AuditView *m_audit;
};
