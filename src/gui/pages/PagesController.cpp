// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PagesController.h"

#include "audit/AuditView.h"
#include "operations/BackupService.h"
#include "schedules/SchedulesPage.h"
#include "sites/SitePage.h"

#include <QAction>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

namespace {
// auditLoaded() carries the asking view's request id.
const QString SiteAuditRequest = QStringLiteral("audit-site");
const QString GlobalAuditRequest = QStringLiteral("audit-all");
} // namespace

PagesController::PagesController(BackupService *service, SitePage *page, QWidget *window)
    : QObject(window)
    , m_service(service)
    , m_page(page)
    , m_globalWindow(new QWidget(window, Qt::Window))
    , m_globalAudit(new AuditView(m_globalWindow))
    , m_auditLogAction(new QAction(tr("Audit &Log (All Sites)"), window))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("PagesController"));
    m_globalWindow->setObjectName(QStringLiteral("auditLogWindow"));
    m_globalWindow->setWindowTitle(tr("Audit Log — All Sites"));
    m_globalAudit->setObjectName(QStringLiteral("globalAuditView"));
    auto *layout = new QVBoxLayout(m_globalWindow);
    layout->addWidget(m_globalAudit);
    m_globalWindow->resize(1000, 560);

    m_auditLogAction->setObjectName(QStringLiteral("actionAuditLog"));
    m_auditLogAction->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    m_auditLogAction->setStatusTip(tr("Who did what to which site, environment or backup, and how it ended"));
    connect(m_auditLogAction, &QAction::triggered, this, &PagesController::showGlobalAudit);

    // The console's own work shows up in the views a moment later, once per burst of changes.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        m_page->auditView()->refreshWhenVisible();
        m_globalAudit->refreshWhenVisible();
        m_page->schedulesPage()->refreshWhenVisible();
    });

    // View -> service: through the current service, whichever it is.
    SchedulesPage *schedules = m_page->schedulesPage();
    connect(schedules, &SchedulesPage::refreshRequested, this, [this](const QString &siteId) {
        if (m_service)
            m_service->refreshScheduleOverview(siteId);
    });
    connect(schedules, &SchedulesPage::saveRequested, this, [this](const Schedule &schedule) {
        if (m_service)
            m_service->setSchedule(schedule);
    });
    connect(schedules, &SchedulesPage::removeRequested, this, [this](const QString &siteId, Environment env) {
        if (m_service)
            m_service->removeSchedule(siteId, env);
    });
    connect(m_page->auditView(), &AuditView::refreshRequested, this, [this](const AuditFilter &query) {
        if (m_service)
            m_service->refreshAudit(SiteAuditRequest, query);
    });
    connect(m_globalAudit, &AuditView::refreshRequested, this, [this](const AuditFilter &query) {
        if (m_service)
            m_service->refreshAudit(GlobalAuditRequest, query);
    });
    connectService();
}

void PagesController::setService(BackupService *service)
{
    if (service == m_service)
        return;
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    connectService();
    if (m_service)
        refreshSoon();
}

void PagesController::connectService()
{
    if (!m_service)
        return;
    SchedulesPage *schedules = m_page->schedulesPage();
    AuditView *siteAudit = m_page->auditView();
    connect(m_service, &BackupService::scheduleOverviewLoaded, this,
            [this, schedules](const QString &siteId, const QVector<Schedule> &list, const QVector<BackupRecord> &last) {
                if (siteId == schedules->siteId())
                    schedules->setOverview(list, last, QDateTime::currentDateTimeUtc());
                // A schedule saved or removed is an audit entry; reloading the overview does not
                // loop back here (only the audit views refresh).
                m_page->auditView()->refreshWhenVisible();
                m_globalAudit->refreshWhenVisible();
            });
    // Whoever answers a schedule change with the bare list (refreshSchedules, or a setSchedule
    // that answers with schedulesLoaded) also gets the page's last results reloaded.
    connect(m_service, &BackupService::schedulesLoaded, this, [this, schedules](const QString &siteId) {
        if (siteId == schedules->siteId())
            schedules->refreshWhenVisible();
    });
    connect(m_service, &BackupService::auditLoaded, this,
            [this, siteAudit](const QString &requestId, const QVector<AuditEntry> &entries) {
                if (requestId == GlobalAuditRequest)
                    m_globalAudit->setEntries(entries);
                else if (requestId == SiteAuditRequest
                         && std::all_of(entries.cbegin(), entries.cend(),
                                        [&](const AuditEntry &e) { return e.siteId == siteAudit->siteId(); }))
                    siteAudit->setEntries(entries); // not an answer for the site shown before
            });
    connect(m_service, &BackupService::backupChanged, this, &PagesController::refreshSoon);
    connect(m_service, &BackupService::backupRemoved, this, &PagesController::refreshSoon);
    connect(m_service, &BackupService::jobFinished, this, &PagesController::refreshSoon);
    connect(m_service, &BackupService::linkReady, this, &PagesController::refreshSoon);
    connect(m_service, &BackupService::sitesLoaded, this, &PagesController::refreshSoon);
    connect(m_service, &BackupService::environmentsLoaded, this, &PagesController::refreshSoon);
}

void PagesController::showGlobalAudit()
{
    m_globalWindow->show();
    m_globalWindow->raise();
    m_globalWindow->activateWindow();
    m_globalAudit->refreshWhenVisible();
}

void PagesController::refreshSoon()
{
    m_debounce->start();
}
