// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoreController.h"

#include "RestoreDialog.h"
#include "actions/QuickActionsPanel.h"
#include "backups/BackupTableView.h"
#include "jobs/JobsPanel.h"
#include "operations/RestoreService.h"
#include "sites/SitePage.h"
#include "widgets/Format.h"
#include "widgets/MessageBanner.h"

#include <QFileDialog>
#include <QPushButton>
#include <QWidget>

RestoreController::RestoreController(QWidget *window, SitePage *page, JobsPanel *jobs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_page(page)
    , m_jobs(jobs)
{
    m_chooseFile = [this](std::function<void(const QString &)> done) {
        auto *dialog = new QFileDialog(m_window, tr("Restore from File"), QString(),
                                       tr("SQL dumps (*.sql *.sql.gz);;All files (*)"));
        dialog->setObjectName(QStringLiteral("restoreFileDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, [done](const QString &path) { done(path); });
        dialog->open();
    };
    QuickActionsPanel *actions = m_page->actions();
    connect(actions, &QuickActionsPanel::restoreRequested, this, &RestoreController::openRestore);
    connect(actions, &QuickActionsPanel::restoreFromFileRequested, this, &RestoreController::openRestoreFromFile);
    connect(actions, &QuickActionsPanel::syncRequested, this, &RestoreController::openSync);
    connect(m_page->table(), &BackupTableView::actionRequested, this,
            [this](BackupTableView::Action action, const BackupRecord &record) {
                if (action == BackupTableView::Action::Restore)
                    openRestore(record);
            });
    connect(m_jobs, &JobsPanel::cancelRequested, this, [this](const QString &jobId) {
        if (m_service && m_running.contains(jobId))
            m_service->cancelJob(jobId);
    });
}

RestoreController::~RestoreController() = default;

RestoreDialog *RestoreController::dialog() const
{
    return m_dialog;
}

void RestoreController::setService(RestoreService *service)
{
    if (m_service == service)
        return;
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_running.clear();
    if (!service)
        return;
    connect(service, &RestoreService::preflightReady, this, &RestoreController::onPreflight);
    connect(service, &RestoreService::locksLoaded, this, &RestoreController::onLocks);
    connect(service, &RestoreService::jobStarted, this, &RestoreController::onJobStarted);
    connect(service, &RestoreService::jobProgress, m_jobs, &JobsPanel::jobProgress);
    connect(service, &RestoreService::jobFinished, this, &RestoreController::onJobFinished);
    connect(service, &RestoreService::ready, this, &RestoreController::refreshLocks);
    connect(service, &RestoreService::error, this, [this](const QString &context, const QString &message) {
        m_page->banner()->showMessage(MessageBanner::Kind::Error, tr("%1: %2").arg(context, message));
    });
}

RestoreDialog *RestoreController::newDialog()
{
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new RestoreDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &RestoreDialog::preflightRequested, this, &RestoreController::requestPreflight);
    connect(dialog, &QDialog::accepted, this, &RestoreController::run);
    return dialog;
}

void RestoreController::openRestore(const BackupRecord &record)
{
    if (!record.isValid() || record.status != BackupStatus::Completed || !m_page->hasSite())
        return;
    RestoreDialog *dialog = newDialog();
    dialog->setBackup(m_page->site(), record);
    dialog->open();
}

void RestoreController::openRestoreFromFile()
{
    if (!m_page->hasSite())
        return;
    const Site site = m_page->site();
    const Environment target = m_page->environment().value_or(Environment::Prod);
    m_chooseFile([this, site, target](const QString &path) {
        if (path.isEmpty() || m_page->site().id != site.id)
            return;
        RestoreDialog *dialog = newDialog();
        dialog->setFile(site, path, target);
        dialog->open();
    });
}

void RestoreController::openSync()
{
    if (!m_page->hasSite() || m_page->site().tier != Tier::Developer)
        return;
    // The usual direction: production data into an environment to debug it.
    const Environment to = m_page->environment().value_or(Environment::Dev);
    RestoreDialog *dialog = newDialog();
    dialog->setSync(m_page->site(), Environment::Prod, to == Environment::Prod ? Environment::Dev : to);
    dialog->open();
}

void RestoreController::requestPreflight()
{
    RestoreDialog *dialog = m_dialog;
    if (!dialog)
        return;
    const QString requestId = QStringLiteral("restore-preflight-%1").arg(++m_requests);
    dialog->setPendingRequest(requestId);
    if (!m_service) {
        dialog->setPreflight(requestId, RestorePreflight(),
                             tr("The restore service is not running; check Settings > Storage and Catalog."));
        return;
    }
    if (dialog->mode() == RestoreDialog::Mode::Sync)
        m_service->requestSyncPreflight(requestId, dialog->syncRequest());
    else
        m_service->requestPreflight(requestId, dialog->site().id, dialog->target(), dialog->backup().id,
                                    dialog->filePath());
}

void RestoreController::onPreflight(const QString &requestId, const RestorePreflight &preflight, const QString &error)
{
    if (m_dialog)
        m_dialog->setPreflight(requestId, preflight, error);
}

void RestoreController::run()
{
    RestoreDialog *dialog = qobject_cast<RestoreDialog *>(sender());
    if (!dialog || !m_service)
        return;
    const QString where = dialog->site().id + QLatin1Char('/') + Environments::toString(dialog->target());
    if (dialog->mode() == RestoreDialog::Mode::Sync) {
        m_service->sync(dialog->syncRequest());
        m_page->banner()->showMessage(MessageBanner::Kind::Information,
                                      tr("Sync into %1 started: progress in the jobs panel.").arg(where));
    } else {
        m_service->restore(dialog->restoreRequest(), dialog->filePath());
        m_page->banner()->showMessage(MessageBanner::Kind::Information,
                                      tr("Restore into %1 started: progress in the jobs panel.").arg(where));
    }
}

void RestoreController::refreshLocks()
{
    if (m_service && m_page->hasSite())
        m_service->refreshLocks(m_page->site().id);
}

void RestoreController::onLocks(const QString &siteId, const QVector<EnvironmentLock> &locks)
{
    if (siteId != m_page->site().id)
        return;
    QMap<Environment, QString> reasons;
    for (const EnvironmentLock &lock : locks) {
        const QString where = lock.siteId + QLatin1Char('/') + Environments::toString(lock.environment);
        const QString kind = lock.kind == QLatin1String("sync") ? tr("sync") : tr("restore");
        reasons.insert(lock.environment,
                       lock.state == EnvironmentLock::State::Interrupted
                           ? tr("%1 is locked: an interrupted %2 waits for its rollback from the pre-%2 backup. "
                                "Restarting the console or a worker rolls it back. (%3)")
                                 .arg(where, kind, lock.reason)
                           : tr("%1 is locked: a %2 by %3 is running since %4; backups and restores of it wait "
                                "until it ends.")
                                 .arg(where, kind, lock.actor, Format::localTime(lock.startedAt)));
    }
    const bool changed = reasons != m_locked || siteId != m_lockedSite;
    m_locked = reasons;
    m_lockedSite = siteId;
    m_page->actions()->setLockedEnvironments(reasons);
    m_page->table()->setLockedEnvironments(reasons);
    // Said once when it changes, not on every refresh (the banner also carries failures).
    if (changed && !reasons.isEmpty() && m_running.isEmpty())
        m_page->banner()->showMessage(MessageBanner::Kind::Warning, reasons.values().join(QLatin1Char('\n')));
    emit locksChanged(reasons);
}

void RestoreController::onJobStarted(const JobProgress &progress)
{
    m_running.insert(progress.jobId);
    m_jobs->jobStarted(progress);
    refreshLocks();
}

void RestoreController::onJobFinished(const JobOutcome &outcome)
{
    m_running.remove(outcome.jobId);
    m_jobs->jobFinished(outcome);
    const QString where = outcome.siteId + QLatin1Char('/') + Environments::toString(outcome.environment);
    const QString what
        = outcome.kind == JobKind::Sync ? tr("Sync into %1").arg(where) : tr("Restore into %1").arg(where);
    if (outcome.siteId == m_page->site().id) {
        if (outcome.success)
            m_page->banner()->showMessage(MessageBanner::Kind::Success,
                                          tr("%1 finished: %2").arg(what, outcome.message));
        else if (outcome.cancelled)
            m_page->banner()->showMessage(MessageBanner::Kind::Warning,
                                          tr("%1 cancelled: %2").arg(what, outcome.message));
        else
            m_page->banner()->showMessage(MessageBanner::Kind::Error, tr("%1 failed: %2").arg(what, outcome.message));
    }
    refreshLocks();
    emit backupsChanged(outcome.siteId);
}
