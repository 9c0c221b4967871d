// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupActionsController.h"

#include "actions/QuickActionsPanel.h"
#include "backups/BackupDetailsDialog.h"
#include "backups/BackupTableModel.h"
#include "operations/BackupService.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"
#include "util/PrivateFiles.h"
#include "widgets/Format.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

BackupActionsController::BackupActionsController(QWidget *window, SitePage *page, AppSettings *settings,
                                                 QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_page(page)
    , m_settings(settings)
{
    // Default hooks: a non-blocking native file dialog, and one modal confirmation box.
    m_chooseSavePath = [this](const QString &suggested, std::function<void(const QString &)> done) {
        auto *dialog = new QFileDialog(m_window, tr("Save Backup As"), suggested, tr("Gzipped SQL (*.sql.gz)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        // download() asks itself, so the question is the same whichever dialog chose the path.
        dialog->setOption(QFileDialog::DontConfirmOverwrite);
        dialog->selectFile(suggested);
        connect(dialog, &QFileDialog::fileSelected, this, [done](const QString &path) { done(path); });
        dialog->open();
    };
    m_confirm = [this](const QString &title, const QString &text, std::function<void(bool)> answer) {
        auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, m_window);
        box->setObjectName(QStringLiteral("confirmDestructive"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *ok = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        // Closed with Escape or the title bar's button, the box answers no.
        connect(box, &QMessageBox::finished, this, [box, ok, answer] { answer(box->clickedButton() == ok); });
        box->open();
    };

    QuickActionsPanel *actions = m_page->actions();
    connect(actions, &QuickActionsPanel::downloadRequested, this, &BackupActionsController::download);
    connect(actions, &QuickActionsPanel::copyLinkRequested, this, &BackupActionsController::copyLink);
    connect(actions, &QuickActionsPanel::verifyRequested, this, &BackupActionsController::verify);
    connect(actions, &QuickActionsPanel::pinRequested, this, &BackupActionsController::setPinned);
    connect(actions, &QuickActionsPanel::deleteRequested, this, &BackupActionsController::remove);
    connect(m_page->table(), &BackupTableView::detailsRequested, this, &BackupActionsController::showDetails);
    connect(m_page->table(), &BackupTableView::actionRequested, this, &BackupActionsController::handle);
}

void BackupActionsController::setService(BackupService *service)
{
    if (m_service == service)
        return;
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_downloadBackupId.clear();
    if (!service)
        return;
    connect(service, &BackupService::manifestLoaded, this,
            [this](const QString &backupId, const QByteArray &json, const QString &error) {
                for (BackupDetailsDialog *dialog : m_window->findChildren<BackupDetailsDialog *>()) {
                    if (dialog->record().id != backupId)
                        continue;
                    if (error.isEmpty())
                        dialog->setManifest(QString::fromUtf8(json));
                    else
                        dialog->setManifestError(error);
                }
            });
    connect(service, &BackupService::linkReady, this,
            [this](const QString &backupId, const QUrl &url, const QDateTime &expiresAtUtc) {
                QApplication::clipboard()->setText(url.toString(QUrl::FullyEncoded));
                if (m_page->table()->currentRecord().id == backupId)
                    m_page->actions()->showLink(expiresAtUtc);
                emit statusMessage(
                    tr("Download link copied; it expires at %1.")
                        .arg(QLocale().toString(expiresAtUtc.toLocalTime().time(), QLocale::ShortFormat)),
                    10000);
            });
}

void BackupActionsController::download(const BackupRecord &record)
{
    if (!record.isValid() || record.status != BackupStatus::Completed || !m_service)
        return;
    const QString folder = m_settings ? m_settings->downloadsFolder() : QDir::homePath();
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("%1-%2-%3.sql.gz").arg(record.siteId, Environments::toString(record.environment), record.id));
    const QString backupId = record.id;
    m_chooseSavePath(suggested, [this, backupId](const QString &path) {
        if (path.isEmpty() || !m_service)
            return;
        auto start = [this, backupId, path](bool overwrite) {
            if (!m_service)
                return;
            m_downloadBackupId = backupId;
            emit jobRequested(JobKind::Download, backupId);
            m_page->actions()->showDownloadProgress(0, -1);
            m_service->download(backupId, path, overwrite);
        };
        if (!PrivateFiles::exists(path)) {
            start(false);
            return;
        }
        // Replacing a file is destructive: ask, and only then allow the download to replace it.
        auto *box
            = new QMessageBox(QMessageBox::Warning, tr("Replace File"),
                              tr("%1 already exists. Replace it with the backup?").arg(QDir::toNativeSeparators(path)),
                              QMessageBox::Yes | QMessageBox::Cancel, m_window);
        box->setObjectName(QStringLiteral("confirmOverwrite"));
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [start](int result) {
            if (result == QMessageBox::Yes)
                start(true);
        });
        box->open();
    });
}

void BackupActionsController::copyLink(const BackupRecord &record)
{
    if (record.isValid() && m_service)
        m_service->requestLink(record.id);
}

void BackupActionsController::verify(const BackupRecord &record)
{
    if (!record.isValid() || !m_service)
        return;
    emit jobRequested(JobKind::Verify, record.id);
    m_page->actions()->showDownloadResult(true, tr("Verifying…"));
    m_service->verify(record.id);
}

void BackupActionsController::setPinned(const BackupRecord &record, bool pinned)
{
    if (record.isValid() && m_service)
        m_service->setPinned(record.id, pinned);
}

void BackupActionsController::remove(const BackupRecord &record)
{
    if (!record.isValid() || !m_service)
        return;
    const QString text = tr("Delete the %1 backup of %2 / %3 from %4?\n\nThe dump and its manifest are removed from "
                            "storage. This cannot be undone.")
                             .arg(Format::typeInSentence(record.type), record.siteId,
                                  Format::environment(record.environment), Format::localTime(record.createdAt));
    m_confirm(tr("Delete Backup"), text, [this, id = record.id](bool accepted) {
        // The service is the one current when the answer comes (it may have been replaced).
        if (!accepted || !m_service)
            return;
        emit jobRequested(JobKind::Delete, id);
        m_service->deleteBackup(id);
    });
}

void BackupActionsController::showDetails(const BackupRecord &record)
{
    if (!record.isValid())
        return;
    auto *dialog = new BackupDetailsDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRecord(record);
    // The manifest lives next to the dump in storage: the service fetches it, the dialog fills
    // in when it arrives (manifestLoaded in setService()).
    if (m_service && record.status == BackupStatus::Completed) {
        dialog->setManifestLoading();
        m_service->requestManifest(record.id);
    }
    dialog->show();
}

void BackupActionsController::handle(BackupTableView::Action action, const BackupRecord &record)
{
    switch (action) {
    case BackupTableView::Action::Details:
        showDetails(record);
        break;
    case BackupTableView::Action::Download:
        download(record);
        break;
    case BackupTableView::Action::CopyLink:
        copyLink(record);
        break;
    case BackupTableView::Action::Verify:
        verify(record);
        break;
    case BackupTableView::Action::Pin:
        setPinned(record, !record.pinned);
        break;
    case BackupTableView::Action::Delete:
        remove(record);
        break;
    case BackupTableView::Action::Cancel:
        // Through the catalog: the backup may run in another process, here or on another host.
        if (m_service && record.isValid())
            m_service->cancelBackup(record.id);
        break;
    case BackupTableView::Action::CopyId:
        QApplication::clipboard()->setText(record.id);
        break;
    case BackupTableView::Action::Restore:
        break; // RestoreController answers it
    }
}

void BackupActionsController::jobProgress(const JobProgress &progress)
{
    if (progress.kind == JobKind::Download && progress.backupId == m_downloadBackupId)
        m_page->actions()->showDownloadProgress(progress.bytesDone, progress.bytesTotal);
}

void BackupActionsController::jobFinished(const JobOutcome &outcome)
{
    if (outcome.kind == JobKind::Download && outcome.backupId == m_downloadBackupId) {
        m_downloadBackupId.clear();
        m_page->actions()->showDownloadResult(
            outcome.success,
            outcome.success ? tr("Saved and verified: %1").arg(QDir::toNativeSeparators(outcome.localPath))
                            : outcome.message);
    }
    if (outcome.kind == JobKind::Verify && m_page->table()->currentRecord().id == outcome.backupId)
        m_page->actions()->showDownloadResult(outcome.success, outcome.message);
}
