// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "jobs/BackupServiceConfig.h"
#include "jobs/JobProgress.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class AutomaticRetention;
class BackupQueue;
class BackupRecord;
class BackupService;
class Job;
class ObjectStore;
class QNetworkAccessManager;
class QTimer;

/// What BackupService keeps in its service thread: its own Catalog connection, the ObjectStore
/// with its QNetworkAccessManager, the BackupQueue, the running jobs, recovery and the schedule
/// timer. It has no API of its own to mirror the service's: BackupService's slots post lambdas
/// here that call an operation on context(), and every answer is one of BackupService's own
/// signals, sent with send().
class ServiceRuntime : public QObject
{
    Q_OBJECT

public:
    ServiceRuntime(BackupService *service, const BackupServiceConfig &config, SecretStore *secrets, const Clock *clock);
    ~ServiceRuntime() override;

    /// Resolves secrets, opens catalog and store, runs recovery, starts the schedules; then
    /// BackupService::ready() (or error()).
    void start();
    /// Cancels queued and running jobs and releases catalog and store.
    void shutdown();
    /// Cancels the running jobs and waits for them (at most ShutdownGraceMs) in this thread's
    /// event loop, then shutdown() and quits the thread.
    void beginShutdown();
    static constexpr int ShutdownGraceMs = 10000;

    /// False, after BackupService::error(@p context, ...), until start() is done.
    bool ensureReady(const QString &context);
    /// Whether the catalog and store are open (and not closing).
    bool isReady() const { return m_ready && !m_shuttingDown; }
    /// What a call that needs the catalog and store answers before they are open.
    static QString notReadyMessage();
    /// For the operations: this thread's catalog, store, the secret store, clock and the actor.
    OperationContext context() const;
    const BackupServiceConfig &config() const { return m_config; }
    BackupQueue *queue() const { return m_queue; }

    /// BackupService::backupChanged with the row as stored now.
    void emitRecord(const QString &backupId);
    /// Reports @p job (not started) as running now (jobStarted with @p initial), starts it, and
    /// reports its end (jobFinished with @p successMessage, @p localPath for downloads).
    void runTracked(Job *job, const JobProgress &initial, std::function<QString()> successMessage,
                    std::function<QString()> localPath = {});
    void cancelJob(const QString &jobId);
    /// Cancels a backup whichever process runs it (CancelBackupOperation); one running or
    /// queued here stops at once. Answered by backupCancelRequested() or error().
    void cancelBackup(const QString &backupId);
    /// An apply of retention ended: its backups leave the console's tables (backupRemoved), and
    /// operationFinished says what it deleted or why it failed.
    void reportRetention(const QStringList &deletedIds, const QStringList &failures, const QString &error);
    /// Tracks @p job (living in this thread, started by the caller) like the runtime's own jobs:
    /// jobStarted(@p initial) now, cancelJob() reaches it (its cancel() slot when it has one,
    /// which lets a restore roll back), progress through forwardProgress(), and its end through
    /// finishOperation().
    void trackOperation(const QString &jobId, Job *job, const JobProgress &initial);
    void reportProgress(const JobProgress &progress) { forwardProgress(progress); }
    void finishOperation(const QString &jobId, const JobOutcome &outcome);
    /// Emits BackupService's @p signal with @p args in the service's own (GUI) thread, in order:
    /// receivers see exactly what they saw from a GUI-thread object, also with direct
    /// connections (QSignalSpy), and nothing is emitted once the service is gone.
    template <typename Signal, typename... Args>
    void send(Signal signal, Args... args)
    {
        BackupService *service = m_service;
        QMetaObject::invokeMethod(
            service, [service, signal, args...] { (service->*signal)(args...); }, Qt::QueuedConnection);
    }
    /// Catalog reads answer "none" when their statement fails. A refresh calls this after its
    /// reads with Catalog::failedStatements() from before them: when one failed, it sends
    /// error(@p context, why) and returns true, and the refresh sends nothing, so the console
    /// keeps what it shows instead of an empty list.
    bool catalogReadFailed(int failedBefore, const QString &context);
    /// Throttled BackupService::jobProgress.
    void forwardProgress(const JobProgress &progress);
    /// Queues the due scheduled backups (RunDueSchedulesOperation).
    void runSchedules();

private:
    void openEverything();
    void recoverInterrupted();
    void flushProgress();
    void onBackupQueued(const BackupRecord &record);
    void onBackupStarted(const QString &id, Job *job);
    void onBackupFinished(const QString &id, Job *job);
    void onRetentionApplied(const QStringList &deletedIds, const QStringList &failures, const QString &error);

    BackupService *m_service;
    BackupServiceConfig m_config;
    SecretStore *m_secrets;
    const Clock *m_clock;
    std::unique_ptr<Catalog> m_catalog;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<ObjectStore> m_store;
    BackupQueue *m_queue = nullptr;
    QTimer *m_scheduleTimer = nullptr;
    AutomaticRetention *m_retention = nullptr; ///< with the schedules (runSchedules)
    QTimer *m_recoveryTimer = nullptr;
    bool m_recovering = false;
    QPointer<Job> m_recovery;
    QHash<QString, QPointer<Job>> m_jobs; ///< jobId -> running job

    /// Progress sent to listeners at most this often per job (see forwardProgress()).
    static constexpr qint64 ProgressIntervalMs = 250;
    struct ThrottledProgress
    {
        qint64 lastSentMs = -1;
        QString sentPhase;
        bool pending = false;
        JobProgress latest;
    };
    QHash<QString, ThrottledProgress> m_progress; ///< jobId -> throttle state
    QElapsedTimer m_progressClock;
    QTimer *m_progressTimer = nullptr;
    bool m_ready = false;
    bool m_shuttingDown = false;
    bool m_stopping = false;
};
