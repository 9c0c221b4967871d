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

class DumpStreamRestoreSource;
class RestoreJob;

/// Copies one environment's database over another's of a developer-tier site, all or nothing,
/// on the restore engine (RestoreJob with a DumpStreamRestoreSource, kind "sync"):
///
///     check the request (refused: nothing touched)
///       -> RestoreJob: the target's lock, a pre-sync backup of the target (type pre-sync;
///          failed: target untouched), drop the target's objects, load the source's
///          consistent-snapshot dump streamed in-process (no file, no bucket, bounded memory),
///          count the rows, sanitize (profile, then the site's custom SQL), check the counts
///          against the snapshot
///       -> on any failure or cancel() after the backup: RestoreJob reloads the target from the
///          pre-sync backup, and the message says what failed and that the target is back
///
/// Exactly one audit entry "env.sync" (actor, target environment, the source in its detail,
/// outcome): written here for a refused request, by the RestoreJob otherwise. The job's thread
/// needs an event loop. A refused sync finishes with Error::Fatal and refusal() set; the CLI
/// turns Refusal::Invalid into exit 2 and the others into exit 1.
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
    /// What will happen, in order, one item per step (the console lists them): lock and pre-sync
    /// backup, copy, sanitize (with the site's custom sanitizing SQL on the lines after it when
    /// it has one), check.
    static QStringList steps(Catalog *catalog, const SyncRequest &request);
    /// The preflight as the command line prints it: the sync, its target database, then the
    /// steps() numbered.
    static QStringList plan(Catalog *catalog, const SyncRequest &request);

    /// Cancels: before the target is touched nothing changes; after, it is rolled back from the
    /// pre-sync backup before finished().
    Q_INVOKABLE void cancel();

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
    void finishRefused(Refusal refusal, const QString &message);

    OperationContext m_context;
    SyncRequest m_request;
    RestoreJob *m_restore = nullptr;
    DumpStreamRestoreSource *m_source = nullptr;
    bool m_cancelRequested = false;
    QStringList m_actions;
    Refusal m_refusal = Refusal::None;
    AuditOutcome m_outcome = AuditOutcome::Success;
    bool m_rolledBack = false;
    QString m_backupId;
    QString m_resultText;
    JobProgress m_progress;
};
