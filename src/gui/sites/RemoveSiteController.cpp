// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoveSiteController.h"

#include "RemoveSiteDialog.h"
#include "operations/BackupService.h"
#include "sites/SitePage.h"
#include "widgets/MessageBanner.h"

#include <QWidget>

RemoveSiteController::RemoveSiteController(QWidget *window, SitePage *page, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_page(page)
{ }

RemoveSiteController::~RemoveSiteController() = default;

void RemoveSiteController::setService(BackupService *service)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_removing.clear();
    if (m_dialog && m_dialog->isBusy()) {
        m_dialog->setBusy(false);
        m_dialog->showError(tr("The service restarted before the site was removed; check the site list and "
                               "try again."));
    }
    if (!service)
        return;
    connect(service, &BackupService::siteRemoved, this, &RemoveSiteController::onSiteRemoved);
    connect(service, &BackupService::error, this, &RemoveSiteController::onError);
    connect(service, &BackupService::backupsLoaded, this, &RemoveSiteController::onBackupsLoaded);
    connect(service, &BackupService::sitesLoaded, this, &RemoveSiteController::onSitesLoaded);
}

RemoveSiteDialog *RemoveSiteController::dialog() const
{
    return m_dialog;
}

void RemoveSiteController::open(const Site &site)
{
    if (site.id.isEmpty())
        return;
    // One at a time, non-modal (no nested event loop); it deletes itself when closed.
    if (!m_dialog || (!m_dialog->isBusy() && m_dialog->site().id != site.id)) {
        if (m_dialog)
            m_dialog->close();
        m_dialog = new RemoveSiteDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setSite(site);
        connect(m_dialog, &RemoveSiteDialog::removeRequested, this, &RemoveSiteController::onRemoveRequested);
        if (m_service)
            m_service->refreshBackups(site.id); // the count the dialog states, answered by backupsLoaded
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void RemoveSiteController::onRemoveRequested(const QString &siteId, bool deleteBackups, const QString &confirmation)
{
    if (!m_service) {
        m_dialog->showError(tr("The backup service is not running; check Settings, then try again."));
        return;
    }
    m_removing = siteId;
    m_dialog->setBusy(true);
    if (deleteBackups)
        m_service->removeSiteWithBackups(siteId, confirmation);
    else
        m_service->removeSite(siteId);
}

void RemoveSiteController::onSiteRemoved(const QString &siteId, int deletedBackups)
{
    if (siteId != m_removing)
        return;
    m_removing.clear();
    if (m_dialog && m_dialog->site().id == siteId)
        m_dialog->accept();
    m_outcome = deletedBackups == 1 ? tr("Site %1 was removed with its backup.").arg(siteId)
        : deletedBackups > 1        ? tr("Site %1 was removed with its %2 backups.").arg(siteId).arg(deletedBackups)
                                    : tr("Site %1 was removed.").arg(siteId);
    emit statusMessage(m_outcome, 10000);
}

void RemoveSiteController::onError(const QString &context, const QString &message)
{
    if (m_removing.isEmpty() || context != BackupService::tr("Removing site %1").arg(m_removing))
        return;
    // Warnings after a successful removal come the same way; siteRemoved() then closes the dialog.
    if (m_dialog && m_dialog->site().id == m_removing) {
        m_dialog->setBusy(false);
        m_dialog->showError(message);
    }
}

void RemoveSiteController::onBackupsLoaded(const QString &siteId, const QVector<BackupRecord> &backups)
{
    if (m_dialog && m_dialog->site().id == siteId)
        m_dialog->setBackupCount(int(backups.size()));
}

void RemoveSiteController::onSitesLoaded()
{
    if (m_outcome.isEmpty())
        return;
    // After the window's own slot: it has shown the next site (which dismissed the old banner).
    m_page->banner()->showMessage(MessageBanner::Kind::Success, m_outcome);
    m_outcome.clear();
}
