// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Site.h"

#include <QObject>
#include <QPointer>

class BackupService;
class RemoveSiteDialog;
class SitePage;
class QWidget;

/// The console's side of `site rm` (with or without `--delete-backups`), out of MainWindow:
/// opens RemoveSiteDialog for a site, asks the service how many backups it has, calls
/// BackupService::removeSite() or removeSiteWithBackups() with the typed confirmation, keeps the
/// dialog open with the reason when the service refuses, and shows the outcome in the site
/// page's banner once the site list has been reloaded (the window then shows the next site or
/// the empty state). Nothing here does I/O.
class RemoveSiteController : public QObject
{
    Q_OBJECT

public:
    RemoveSiteController(QWidget *window, SitePage *page, QObject *parent = nullptr);
    ~RemoveSiteController() override;

    /// Null: removal is unavailable (widget tests, no service yet). Call after the window has
    /// connected its own slots, so the outcome is shown after the window reloaded the site list.
    void setService(BackupService *service);

    void open(const Site &site);
    /// The open dialog, if any (tests, screenshots).
    RemoveSiteDialog *dialog() const;

signals:
    /// Also for the status bar: the banner is hidden when no site is left.
    void statusMessage(const QString &message, int timeout);

private:
    void onRemoveRequested(const QString &siteId, bool deleteBackups, const QString &confirmation);
    void onSiteRemoved(const QString &siteId, int deletedBackups);
    void onError(const QString &context, const QString &message);
    void onBackupsLoaded(const QString &siteId, const QVector<BackupRecord> &backups);
    void onSitesLoaded();

    QWidget *m_window;
    SitePage *m_page;
    QPointer<BackupService> m_service;
    QPointer<RemoveSiteDialog> m_dialog;
    QString m_removing; ///< the site whose removal was asked for here and has not answered yet
    QString m_outcome; ///< shown once the site list without the removed site is shown
};
