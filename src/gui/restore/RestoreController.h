// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/EnvironmentLock.h"
#include "jobs/JobProgress.h"
#include "operations/RestorePreflight.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class BackupService;
class RestoreDialog;
class SitePage;
class QWidget;

/// The console's side of restore and environment sync, out of MainWindow: opens the Restore,
/// Restore from File and Sync dialogs for the shown site, routes their preflights through
/// BackupService (its restore, sync and lock blocks), runs what the engineer confirmed (progress
/// reaches the jobs panel like every job, through MainWindow), shows the outcome in the site
/// page's banner (non-modal), and keeps the actions of locked environments disabled with the
/// reason. Nothing here does I/O.
class RestoreController : public QObject
{
    Q_OBJECT

public:
    RestoreController(QWidget *window, SitePage *page, QObject *parent = nullptr);
    ~RestoreController() override;

    /// Null: restore and sync are unavailable (widget tests, no service yet).
    void setService(BackupService *service);

    /// Asks for a .sql / .sql.gz file; calls @p done with the path, or never when cancelled.
    using FileChooser = std::function<void(std::function<void(const QString &)> done)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    void openRestore(const BackupRecord &record);
    void openRestoreFromFile();
    void openSync();
    /// The open dialog, if any (tests, screenshots).
    RestoreDialog *dialog() const;
    /// Reads the shown site's environment locks again (after a site change, on refresh).
    void refreshLocks();

signals:
    /// A restore or sync of @p siteId ended: its backups changed (pre-restore / pre-sync backup).
    void backupsChanged(const QString &siteId);
    /// The shown site's locks are known (again).
    void locksChanged(const QMap<Environment, QString> &reasons);

private:
    RestoreDialog *newDialog();
    void requestPreflight();
    void run();
    void onPreflight(const QString &requestId, const RestorePreflight &preflight, const QString &error);
    void onSyncPlan(const QString &requestId, const QString &refusal, bool needsConfirmation, const QStringList &plan);
    void answerSync();
    void onLocks(const QString &siteId, const QVector<EnvironmentLock> &locks);
    void onJobFinished(const JobOutcome &outcome);

    QWidget *m_window;
    SitePage *m_page;
    QPointer<BackupService> m_service;
    /// A sync's preflight comes in two answers: the target's state and the sync's plan.
    struct SyncAnswer
    {
        QString requestId;
        bool haveTarget = false;
        bool havePlan = false;
        RestorePreflight target;
        QString targetError;
        QString refusal;
        bool needsConfirmation = false;
        QStringList plan;
    };
    SyncAnswer m_sync;
    QPointer<RestoreDialog> m_dialog;
    FileChooser m_chooseFile;
    QSet<QString> m_mine; ///< "site/env" of restores and syncs started here and running
    QMap<Environment, QString> m_locked; ///< of the shown site
    QString m_lockedSite;
    int m_requests = 0;
};
