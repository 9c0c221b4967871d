// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class AuditView;
class BackupService;
class QAction;
class QTimer;
class QWidget;
class SitePage;

/// Connects the site page's Schedules and Audit tabs and the all-sites Audit Log window to
/// BackupService: their requests become service calls, the service's queued answers go back to
/// the view that asked, and whatever the console does (backups, downloads, links, schedule and
/// site changes) refreshes the visible views. Kept apart from MainWindow so the window only
/// creates it and puts auditLogAction() in its View menu.
class PagesController : public QObject
{
    Q_OBJECT

public:
    /// @p service may be null (widget tests): then nothing is asked.
    PagesController(BackupService *service, SitePage *page, QWidget *window);

    /// Talk to @p service from now on (null: none); the previous one is disconnected and the
    /// visible views reload from the new one (another catalog may answer).
    void setService(BackupService *service);

    /// View > Audit Log: shows every site's audit log in its own window.
    QAction *auditLogAction() const { return m_auditLogAction; }
    /// The all-sites view (its window is created hidden).
    AuditView *globalAudit() const { return m_globalAudit; }
    void showGlobalAudit();

private:
    void connectService();
    void refreshSoon();

    BackupService *m_service;
    SitePage *m_page;
    QWidget *m_globalWindow;
    AuditView *m_globalAudit;
    QAction *m_auditLogAction;
    QTimer *m_debounce;
};
