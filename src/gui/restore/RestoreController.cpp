// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoreController.h"

#include "RestoreDialog.h"
#include "actions/QuickActionsPanel.h"
#include "backups/BackupTableView.h"
#include "operations/BackupService.h"
#include "sites/SitePage.h"
#include "widgets/Format.h"
#include "widgets/MessageBanner.h"

#include <QFileDialog>
#include <QPushButton>
#include <QWidget>

RestoreController::RestoreController(QWidget *window, SitePage *page, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_page(page)
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
}

RestoreController::~RestoreController() = default;

RestoreDialog *RestoreController::dialog() const
{
    return m_dialog;
}

void RestoreController::setService(BackupService *service)
{
    if (m_service == service)
        return;
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_mine.clear();
    if (!service)
        return;
    connect(service, &BackupService::restorePreflightReady, this, &RestoreController::onPreflight);
    connect(service, &BackupService::syncPlanReady, this, &RestoreController::onSyncPlan);
    connect(service, &BackupService::environmentLocksLoaded, this, &RestoreController::onLocks);
    connect(service, &BackupService::jobStarted, this, [this](const JobProgress &progress) {
        if (progress.kind == JobKind::Restore || progress.kind == JobKind::Sync)
            refreshLocks();
    });
    connect(service, &BackupService::jobFinished, this, &RestoreController::onJobFinished);
    connect(service, &BackupService::interruptedRestoresRolledBack, this, [this](bool ok, const QStringList &messages) {
        if (!messages.isEmpty())
            m_page->banner()->showMessage(ok ? MessageBanner::Kind::Information : MessageBanner::Kind::Error,
                                          messages.join(QLatin1Char('\n')));
        refreshLocks();
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
                             tr("The backup service is not running; check Settings > Storage and Catalog."));
        return;
    }
    if (dialog->mode() != RestoreDialog::Mode::Sync) {
        m_service->preflightRestore(requestId, dialog->site().id, dialog->target(), dialog->backup().id,
                                    dialog->filePath());
        return;
    }
    // The target's state as a restore sees it, and the sync's own plan and refusal.
    m_sync = SyncAnswer();
    m_sync.requestId = requestId;
    m_service->preflightRestore(requestId + QStringLiteral("/target"), dialog->site().id, dialog->target(), QString(),
                                QString());
    SyncRequest request = dialog->syncRequest();
    // The confirmation is typed after the preflight: ask about everything else.
    request.confirmation = RestoreRequest::requiredConfirmation(request.siteId, request.to);
    m_service->requestSyncPlan(requestId + QStringLiteral("/plan"), request);
}

void RestoreController::onPreflight(const QString &requestId, const RestorePreflight &preflight, const QString &error)
{
    if (!m_sync.requestId.isEmpty() && requestId == m_sync.requestId + QStringLiteral("/target")) {
        m_sync.haveTarget = true;
        m_sync.target = preflight;
        m_sync.targetError = error;
        answerSync();
        return;
    }
    if (m_dialog)
        m_dialog->setPreflight(requestId, preflight, error);
}

void RestoreController::onSyncPlan(const QString &requestId, const QString &refusal, bool needsConfirmation,
                                   const QStringList &plan)
{
    if (m_sync.requestId.isEmpty() || requestId != m_sync.requestId + QStringLiteral("/plan"))
        return;
    m_sync.havePlan = true;
    m_sync.refusal = refusal;
    m_sync.needsConfirmation = needsConfirmation;
    m_sync.plan = plan;
    answerSync();
}

void RestoreController::answerSync()
{
    if (!m_sync.haveTarget || !m_sync.havePlan || !m_dialog)
        return;
    RestorePreflight r = m_sync.target;
    const QString where = r.siteId + QLatin1Char('/') + Environments::toString(r.target);
    // What a restore preflight says about its (absent) source does not apply to a sync.
    r.filePath.clear();
    r.fileSizeBytes = -1;
    r.collationsMapped.clear();
    r.collationsUnsupported.clear();
    r.sourceDescription = tr("%1/%2, streamed straight into the target (no file, no bucket)")
                              .arg(m_dialog->site().id, Environments::toString(m_dialog->source()));
    r.steps = m_sync.plan;
    r.problems.clear();
    if (r.lock)
        r.problems << (r.lock->state == EnvironmentLock::State::Interrupted
                           ? tr("%1 is locked: an interrupted %2 waits for its rollback (%3)")
                                 .arg(where, r.lock->kind, r.lock->reason)
                           : tr("%1 is locked: a %2 by %3 is running").arg(where, r.lock->kind, r.lock->actor));
    if (!m_sync.refusal.isEmpty() && !m_sync.needsConfirmation)
        r.problems << m_sync.refusal;
    const QString requestId = m_sync.requestId;
    const QString error = m_sync.targetError;
    m_sync = SyncAnswer();
    m_dialog->setPreflight(requestId, r, error);
}

void RestoreController::run()
{
    RestoreDialog *dialog = qobject_cast<RestoreDialog *>(sender());
    if (!dialog || !m_service)
        return;
    const QString where = dialog->site().id + QLatin1Char('/') + Environments::toString(dialog->target());
    m_mine.insert(where);
    switch (dialog->mode()) {
    case RestoreDialog::Mode::Sync:
        m_service->syncEnvironments(dialog->syncRequest());
        m_page->banner()->showMessage(MessageBanner::Kind::Information,
                                      tr("Sync into %1 started: progress in the jobs panel.").arg(where));
        return;
    case RestoreDialog::Mode::Backup:
        m_service->restoreBackup(dialog->backup().id, dialog->target(), dialog->restoreRequest().confirmation);
        break;
    case RestoreDialog::Mode::File:
        m_service->restoreFromFile(dialog->filePath(), dialog->site().id, dialog->target(),
                                   dialog->restoreRequest().confirmation);
        break;
    }
    m_page->banner()->showMessage(MessageBanner::Kind::Information,
                                  tr("Restore into %1 started: progress in the jobs panel.").arg(where));
}

void RestoreController::refreshLocks()
{
    if (m_service && m_page->hasSite())
        m_service->refreshEnvironmentLocks(m_page->site().id);
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
    if (changed && !reasons.isEmpty() && m_mine.isEmpty())
        m_page->banner()->showMessage(MessageBanner::Kind::Warning, reasons.values().join(QLatin1Char('\n')));
    emit locksChanged(reasons);
}

void RestoreController::onJobFinished(const JobOutcome &outcome)
{
    if (outcome.kind != JobKind::Restore && outcome.kind != JobKind::Sync)
        return;
    const QString where = outcome.siteId + QLatin1Char('/') + Environments::toString(outcome.environment);
    m_mine.remove(where);
    const QString what
        = outcome.kind == JobKind::Sync ? tr("Sync into %1").arg(where) : tr("Restore into %1").arg(where);
    // After MainWindow's generic failure line: this one says it in the restore's own words.
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
