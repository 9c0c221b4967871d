// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backups/BackupTableView.h"
#include "catalog/BackupRecord.h"
#include "jobs/JobProgress.h"

#include <QObject>
#include <QString>

#include <functional>

class AppSettings;
class BackupService;
class SitePage;
class QWidget;

/// What the engineer asks of one backup on the site page, out of MainWindow: Quick Actions and
/// the table's menu (download, copy link, verify, pin, delete, details, cancel, copy id) become
/// BackupService requests; download and verify feedback, the link's expiry and the details'
/// manifest come back to the page. The two questions these need, where to save and whether to
/// replace or delete, go through replaceable hooks so the end-to-end tests can answer them.
/// Nothing here does I/O.
class BackupActionsController : public QObject
{
    Q_OBJECT

public:
    /// @p window parents the dialogs; @p settings (may be null) gives the downloads folder.
    BackupActionsController(QWidget *window, SitePage *page, AppSettings *settings, QObject *parent = nullptr);

    /// Null: the actions do nothing (widget tests, no service yet).
    void setService(BackupService *service);

    /// Asks where to save a download; calls @p done with the path, or never when cancelled.
    using SavePathChooser
        = std::function<void(const QString &suggestedPath, std::function<void(const QString &)> done)>;
    void setSavePathChooser(SavePathChooser chooser) { m_chooseSavePath = std::move(chooser); }
    /// The one modal question of the application (destructive actions): shows @p text and calls
    /// @p answer once, with true to go on. It returns at once (a window-modal box, no event loop
    /// of its own), so whatever asks must expect the answer later.
    using Confirmer
        = std::function<void(const QString &title, const QString &text, std::function<void(bool accepted)> answer)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    /// Asks it (for the window's other destructive actions, Apply Retention).
    void confirm(const QString &title, const QString &text, std::function<void(bool accepted)> answer) const
    {
        m_confirm(title, text, std::move(answer));
    }

    void download(const BackupRecord &record);
    void copyLink(const BackupRecord &record);
    void verify(const BackupRecord &record);
    void setPinned(const BackupRecord &record, bool pinned);
    void remove(const BackupRecord &record);
    void showDetails(const BackupRecord &record);
    void handle(BackupTableView::Action action, const BackupRecord &record);

    /// The service's job reports, passed on by the window (which also closes the jobs of a
    /// stopping service through jobFinished): download progress and the download and verify
    /// results on the page.
    void jobProgress(const JobProgress &progress);
    void jobFinished(const JobOutcome &outcome);

signals:
    /// This window started @p kind for @p backupId (its end is worth a notification).
    void jobRequested(JobKind kind, const QString &backupId);
    void statusMessage(const QString &text, int timeoutMs);

private:
    QWidget *m_window;
    SitePage *m_page;
    AppSettings *m_settings;
    BackupService *m_service = nullptr;
    SavePathChooser m_chooseSavePath;
    Confirmer m_confirm;
    QString m_downloadBackupId; ///< the download whose progress the page shows
};
