// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "SyncRequest.h"
#include "catalog/AuditEntry.h"
#include "catalog/Site.h"
#include "jobs/JobProgress.h"
#include "util/Job.h"

#include <QStringList>

#include <atomic>
#include <memory>

class BackupJob;
class QTemporaryDir;
class QThread;

/// Copies one environment's database over another's of a developer-tier site, all or nothing:
///
///     check the request (refused: nothing touched)
///       -> pre-sync backup of the target (BackupJob, type pre-sync; failed: target untouched)
///       -> on a thread: drop the target's objects, stream source dump -> target load
///          (MySqlStreamCopier: no file, no bucket, bounded memory), check the row counts
///          against the dump, sanitize (profile, then the site's custom SQL)
///       -> on any failure or cancel() after the backup: the target is reloaded from the
///          pre-sync backup, and the message says what failed and that the target is back
///
/// Writes exactly one audit entry "env.sync" (actor, target environment, "from ENV to ENV",
/// outcome). The job's thread needs an event loop. A refused sync finishes with Error::Fatal and
/// refusal() set; the CLI turns Refusal::Invalid into exit 2 and the others into exit 1.
class SyncJob : public Job
{
    Q_OBJECT

public:
    enum class Refusal {
        None,
        Invalid, ///< the request cannot be a sync: same environments, basic tier, sanitize into prod
        Confirmation, ///< prod (or a given confirmation) not confirmed as SITE/ENV exactly
        Unavailable, ///< unknown site, environment not configured, no storage, same database
    };
    Q_ENUM(Refusal)

    SyncJob(const OperationContext &context, const SyncRequest &request, QObject *parent = nullptr);
    ~SyncJob() override;

    /// Checks @p request against the catalog without touching anything; Refusal::None when it
    /// may run (storage and secrets are checked when the job runs).
    static Refusal check(Catalog *catalog, const SyncRequest &request, QString *message);
    /// The preflight for people (dialog, CLI): what will happen, in order, with the site's
    /// custom sanitizing SQL when it has one.
    static QStringList plan(Catalog *catalog, const SyncRequest &request);

    /// Cancels; a load already running is stopped and the target reloaded from the pre-sync
    /// backup before finished() (Error::Aborted). Unlike abort(), which does not wait for that.
    void cancel();

    Refusal refusal() const { return m_refusal; }
    AuditOutcome outcome() const { return m_outcome; }
    QString preSyncBackupId() const { return m_backupId; }
    /// After a failure after the backup: whether the target was reloaded from it.
    bool rolledBack() const { return m_rolledBack; }
    /// What sanitizing changed (Sanitizer::actions()).
    QStringList sanitizeActions() const { return m_actions; }
    QString resultText() const { return m_resultText; }
    JobProgress lastProgress() const { return m_progress; }

signals:
    void progressChanged(const JobProgress &progress);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void readSecrets();
    void startBackup();
    void startStream();
    void streamFinished();
    void startRollback(const QString &failure);
    void finishRefused(Refusal refusal, const QString &message);
    void finishFailed(const QString &message, bool aborted = false);
    void audit(AuditOutcome outcome, const QString &detail);
    void setPhase(const QString &phase);

    OperationContext m_context;
    SyncRequest m_request;
    Site m_site;
    EnvironmentConfig m_source;
    EnvironmentConfig m_target;
    QString m_customSql;
    std::unique_ptr<BackupJob> m_backupJob;
    QString m_backupId;
    QString m_backupObjectKey;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{ false };
    bool m_cancelRequested = false;
    // Written by the worker thread, read after it finished.
    bool m_streamOk = false;
    QString m_streamError;
    QString m_streamSummary;
    QStringList m_actions;
    QString m_failure;
    Refusal m_refusal = Refusal::None;
    AuditOutcome m_outcome = AuditOutcome::Success;
    bool m_rolledBack = false;
    QString m_resultText;
    JobProgress m_progress;
};
