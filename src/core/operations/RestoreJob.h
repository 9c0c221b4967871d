// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "RestoreRequest.h"
#include "RestoreSource.h"
#include "catalog/AuditEntry.h"
#include "catalog/EnvironmentLock.h"
#include "catalog/Site.h"
#include "jobs/JobProgress.h"
#include "mysql/MySqlEndpoint.h"
#include "util/Job.h"

#include <QElapsedTimer>
#include <QPointer>

#include <atomic>

class BackupJob;
class QThread;
class QTimer;

/// Replaces a target database's contents with what a RestoreSource loads, never leaving it in
/// between: it ends equal to the source or equal to its state before.
///
///     Verify     source->prepare() (hash, gzip, foreign databases); failure: Refused
///     (lock)     the environment's lock in the catalog; held by another: Refused
///     PreBackup  a pre-restore (pre-sync) backup of the target, verified like any backup;
///                failure: Failure, target unchanged
///     Replace    drop every table, view, routine, trigger, event and sequence, then load the
///                source through MySqlLoader (definers stripped when the user cannot set others)
///     Check      row counts of every table equal the source's manifest (when it has one)
///     Done       lock removed, success
///
/// Any failure or cancel() in Replace or Check goes to Rollback: the pre-restore backup is
/// fetched, verified and loaded the same way, and the job fails with a message that says both
/// what failed and that the target is back as it was. If the rollback fails too, the lock is
/// left Interrupted, so no backup, restore or sync of the environment starts until a worker or
/// console start rolls it back (rollbackInterrupted()). A process killed meanwhile leaves a
/// lock whose heartbeat lapses: RecoveryJob marks it Interrupted, with the same effect.
///
/// Exactly one audit entry (request.auditAction) is written, whatever the outcome. Progress
/// comes as JobProgress (kind Restore or Sync; phase, bytes read of the source, rate, ETA).
class RestoreJob : public Job
{
    Q_OBJECT

public:
    enum class Phase { Verify, PreBackup, Replace, Check, Rollback, Done };
    Q_ENUM(Phase)

    /// Takes ownership of @p source.
    RestoreJob(const OperationContext &context, const RestoreRequest &request, RestoreSource *source,
               QObject *parent = nullptr);
    /// A job that rolls back the Interrupted restore or sync @p lock (from its pre-restore
    /// backup) and removes the lock; when the target was not touched yet it only unlocks.
    static RestoreJob *rollbackInterrupted(const OperationContext &context, const EnvironmentLock &lock,
                                           QObject *parent = nullptr);
    ~RestoreJob() override;

    const RestoreRequest &request() const { return m_request; }
    Phase phase() const { return m_phase; }
    /// Success; Refused (nothing was touched: confirmation, lock, source verification); Failure
    /// (see rolledBack()).
    AuditOutcome outcome() const { return m_outcome; }
    /// After a failure past the pre-restore backup: whether the target is back as it was.
    bool rolledBack() const { return m_rolledBack; }
    QString preBackupId() const { return m_preBackupId; }
    /// What happened, for people: the success summary or the failure's message.
    QString message() const { return m_message; }
    bool definersStripped() const { return m_definersStripped; }
    JobProgress lastProgress() const { return m_progress; }
    static QString phaseName(Phase phase);

    /// Stops: before the target is touched nothing changes; after, the target is rolled back.
    /// Invokable: the service's cancelJob() finds it by name.
    Q_INVOKABLE void cancel();

signals:
    void progressChanged(const JobProgress &progress);
    void phaseChanged(RestoreJob::Phase phase);

protected:
    void doStart() override;
    void doAbort() override;

private:
    struct LoadResult
    {
        bool ok = false;
        bool touched = false;
        bool cancelled = false;
        bool definersStripped = false;
        QString error;
        QVector<QPair<QString, qint64>> counts;
    };

    void setPhase(Phase phase);
    void readPassword(std::function<void()> next);
    void onPrepared(bool ok, const QString &message);
    void lockAndBackUp();
    void startReplace();
    void startLoad(RestoreSource *source, std::function<void(const LoadResult &)> done);
    void onLoaded(const LoadResult &result);
    void startRollback(const QString &failure);
    void onRollbackLoaded(const LoadResult &result);
    void rollbackFailed(const QString &why);
    void renewLock();
    void emitProgress();
    void refuse(const QString &message);
    void end(AuditOutcome outcome, const QString &message, Job::Error error = Job::Error::Fatal);

    OperationContext m_ctx;
    RestoreRequest m_request;
    RestoreSource *m_source;
    RestoreSource *m_rollbackSource = nullptr;
    std::optional<EnvironmentLock> m_rollbackOf;
    std::optional<Site> m_site;
    MySqlEndpoint m_endpoint;
    Phase m_phase = Phase::Verify;
    AuditOutcome m_outcome = AuditOutcome::Failure;
    bool m_rolledBack = false;
    bool m_locked = false;
    bool m_definersStripped = false;
    QString m_preBackupId;
    QString m_failure; ///< what failed, while rolling back
    QString m_message;
    QPointer<BackupJob> m_backupJob;
    QThread *m_thread = nullptr;
    QTimer *m_heartbeat = nullptr;
    QTimer *m_progressTimer = nullptr;
    std::atomic<bool> m_cancel{ false };
    std::atomic<qint64> m_bytesRead{ 0 };
    std::atomic<qint64> m_statements{ 0 };
    bool m_cancelRequested = false;
    JobProgress m_progress;
    QElapsedTimer m_phaseTimer;
    LoadResult m_threadResult;
};
