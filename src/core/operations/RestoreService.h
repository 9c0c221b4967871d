// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RestorePreflight.h"
#include "RestoreRequest.h"
#include "SyncRequest.h"
#include "catalog/EnvironmentLock.h"
#include "operations/BackupService.h"
#include "jobs/JobProgress.h"

#include <QObject>
#include <QVector>

#include <memory>

class Clock;
class SecretStore;

/// The console's entry points for restore and environment sync: preflights, RestoreJob and
/// SyncJob runs and the environment locks, with BackupService's threading contract (lives in
/// the caller's thread, every piece of I/O in a service thread of its own with its own catalog
/// connection and store; answers come back as queued signals). Jobs report through the same
/// jobStarted / jobProgress / jobFinished as BackupService, so the jobs panel shows them alike.
///
/// It is separate from BackupService only because BackupService lives in the jobs area, which
/// cannot link operations; once the service moves to operations, these slots belong there.
///
///     RestoreService restore(config, &secrets, &clock);
///     connect(&restore, &RestoreService::preflightReady, dialog, ...);
///     restore.start(); // rolls back restores a dead process left interrupted
///     restore.requestPreflight(id, "shop", Environment::Dev, backupId, {});
class RestoreService : public QObject
{
    Q_OBJECT

public:
    RestoreService(const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock,
                   QObject *parent = nullptr);
    ~RestoreService() override; ///< cancels a running restore (it rolls back), waits for its thread

    /// Opens catalog and store in the service thread, marks restores of dead processes
    /// interrupted and rolls them back (the console holds the secrets). Answers ready() or error().
    void start();

public slots:
    /// Answered by preflightReady(requestId, ...). Exactly one of @p backupId, @p filePath is set.
    void requestPreflight(const QString &requestId, const QString &siteId, Environment target, const QString &backupId,
                          const QString &filePath);
    /// The same for an environment sync: the target's state, the plan and what refuses it.
    void requestSyncPreflight(const QString &requestId, const SyncRequest &request);
    /// Restores backup request.sourceBackupId, or @p filePath when it is set, into request.target.
    void restore(const RestoreRequest &request, const QString &filePath = QString());
    void sync(const SyncRequest &request);
    /// Answered by locksLoaded(siteId, locks) (every lock of the site, running and interrupted).
    void refreshLocks(const QString &siteId);
    /// Cancels the restore or sync @p jobId (the target is rolled back); other ids are ignored.
    void cancelJob(const QString &jobId);

signals:
    void ready();
    void error(const QString &context, const QString &message);
    /// @p error is empty when @p preflight was computed.
    void preflightReady(const QString &requestId, const RestorePreflight &preflight, const QString &error);
    void locksLoaded(const QString &siteId, const QVector<EnvironmentLock> &locks);
    void jobStarted(const JobProgress &progress);
    void jobProgress(const JobProgress &progress);
    /// JobKind Restore or Sync; the message says what happened, on failure also whether the
    /// target is back as it was.
    void jobFinished(const JobOutcome &outcome);

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr;
};
