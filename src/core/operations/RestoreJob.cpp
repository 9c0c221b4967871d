// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoreJob.h"

#include "BackupRestoreSource.h"
#include "RestoreTarget.h"
#include "catalog/Catalog.h"
#include "jobs/BackupJob.h"
#include "jobs/SecretLookup.h"
#include "mysql/MySqlConnection.h"
#include "mysql/MySqlLoader.h"
#include "util/Clock.h"
#include "util/Counted.h"
#include "util/Logging.h"
#include "util/Sentence.h"

#include <QThread>
#include <QTimer>

RestoreJob::RestoreJob(const OperationContext &context, const RestoreRequest &request, RestoreSource *source,
                       QObject *parent)
    : Job(parent)
    , m_ctx(context)
    , m_request(request)
    , m_source(source)
{
    if (m_source)
        m_source->setParent(this);
    m_progress.jobId
        = QStringLiteral("%1-%2-%3").arg(request.kind, request.siteId, Environments::toString(request.target));
    m_progress.kind = request.kind == QLatin1String("sync") ? JobKind::Sync : JobKind::Restore;
    m_progress.backupId = request.sourceBackupId;
    m_progress.siteId = request.siteId;
    m_progress.environment = request.target;
}

RestoreJob *RestoreJob::rollbackInterrupted(const OperationContext &context, const EnvironmentLock &lock,
                                            QObject *parent)
{
    RestoreRequest request;
    request.siteId = lock.siteId;
    request.target = lock.environment;
    request.kind = lock.kind;
    request.auditAction
        = lock.kind == QLatin1String("sync") ? QStringLiteral("env.sync") : QStringLiteral("backup.restore");
    auto *job = new RestoreJob(context, request, nullptr, parent);
    job->m_rollbackOf = lock;
    job->m_preBackupId = lock.preBackupId;
    return job;
}

RestoreJob::~RestoreJob()
{
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QString RestoreJob::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Verify:
        return tr("Verifying");
    case Phase::PreBackup:
        return tr("Pre-restore backup");
    case Phase::Replace:
        return tr("Replacing");
    case Phase::Check:
        return tr("Checking");
    case Phase::Rollback:
        return tr("Rolling back");
    case Phase::Done:
        return tr("Done");
    }
    return {};
}

void RestoreJob::setPhase(Phase phase)
{
    m_phase = phase;
    m_phaseTimer.start();
    m_bytesRead = 0;
    m_statements = 0;
    m_progress.bytesDone = 0;
    m_progress.bytesTotal = -1;
    m_progress.rows = 0;
    m_progress.table.clear();
    emit phaseChanged(phase);
    emitProgress();
}

void RestoreJob::emitProgress()
{
    m_progress.phase = phaseName(m_phase);
    if (m_phase == Phase::Replace || m_phase == Phase::Rollback) {
        m_progress.bytesDone = m_bytesRead;
        m_progress.rows = m_statements; // statements executed: the closest to rows a load knows
    }
    const double seconds = m_phaseTimer.isValid() ? m_phaseTimer.elapsed() / 1000.0 : 0;
    m_progress.bytesPerSecond = seconds > 0.5 ? m_progress.bytesDone / seconds : 0;
    m_progress.etaSeconds = -1;
    if (m_progress.bytesTotal > m_progress.bytesDone && m_progress.bytesPerSecond > 0)
        m_progress.etaSeconds
            = static_cast<qint64>((m_progress.bytesTotal - m_progress.bytesDone) / m_progress.bytesPerSecond);
    emit progressChanged(m_progress);
    emit progress(m_progress.bytesDone, m_progress.bytesTotal);
}

void RestoreJob::end(AuditOutcome outcome, const QString &message, Job::Error error)
{
    if (isFinished())
        return;
    if (m_heartbeat)
        m_heartbeat->stop();
    if (m_progressTimer)
        m_progressTimer->stop();
    m_outcome = outcome;
    m_message = message;
    AuditEntry entry;
    entry.actor = m_ctx.actor;
    entry.action = m_request.auditAction;
    entry.siteId = m_request.siteId;
    entry.backupId = m_request.sourceBackupId;
    entry.environment = m_request.target;
    entry.outcome = outcome;
    entry.detail = message;
    if (!m_ctx.catalog->audit(entry))
        qCWarning(lcJobs).noquote() << "could not audit" << m_request.auditAction << ":" << m_ctx.catalog->lastError();
    if (outcome == AuditOutcome::Success) {
        setPhase(Phase::Done);
        finishWithSuccess();
    } else {
        finishWithError(error, message);
    }
}

void RestoreJob::refuse(const QString &message)
{
    end(AuditOutcome::Refused, message, m_cancelRequested ? Error::Aborted : Error::Fatal);
}

void RestoreJob::doStart()
{
    m_progress.startedAt = m_ctx.clock ? m_ctx.clock->nowUtc() : QDateTime::currentDateTimeUtc();
    const QString where = m_request.siteId + QLatin1Char('/') + Environments::toString(m_request.target);
    const int failedBefore = m_ctx.catalog->failedStatements();
    m_site = m_ctx.catalog->site(m_request.siteId);
    if (!m_site) {
        refuse(
            m_ctx.catalog->absentReason(failedBefore, tr("There is no site %1 in the catalog.").arg(m_request.siteId)));
        return;
    }
    if (const QString missing = m_site->missingEnvironmentReason(m_request.target); !missing.isEmpty()) {
        refuse(missing + QLatin1Char(' ') + tr("Nothing was changed."));
        return;
    }
    const auto config = m_ctx.catalog->environment(m_request.siteId, m_request.target);
    if (!config) {
        refuse(tr("Environment %1 has no MySQL settings: set them with 'creodrop-backupctl env set %2 %3 ...'.")
                   .arg(where, m_request.siteId, Environments::toString(m_request.target)));
        return;
    }
    m_endpoint = config->endpoint;

    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(std::max(1, m_ctx.heartbeatSeconds) * 1000);
    connect(m_heartbeat, &QTimer::timeout, this, &RestoreJob::renewLock);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(500);
    connect(m_progressTimer, &QTimer::timeout, this, &RestoreJob::emitProgress);

    if (m_rollbackOf) {
        if (!m_ctx.catalog->takeOverEnvironmentLock(m_rollbackOf->siteId, m_rollbackOf->environment,
                                                    m_rollbackOf->workerId, m_ctx.workerId, m_ctx.heartbeatSeconds)) {
            refuse(tr("The interrupted %1 of %2 is being rolled back by another process.").arg(m_request.kind, where));
            return;
        }
        m_locked = true;
        m_heartbeat->start();
        if (!m_rollbackOf->targetTouched()) {
            m_ctx.catalog->unlockEnvironment(m_request.siteId, m_request.target, m_ctx.workerId);
            m_locked = false;
            end(AuditOutcome::Success,
                tr("The interrupted %1 of %2 had not changed it yet; the environment is unlocked.")
                    .arg(m_request.kind, where));
            return;
        }
        readPassword([this] { startRollback(m_rollbackOf->reason); });
        return;
    }

    const QString required = RestoreRequest::requiredConfirmation(m_request.siteId, m_request.target);
    if (!required.isEmpty() && m_request.confirmation != required) {
        refuse(m_request.confirmation.isEmpty()
                   ? tr("Replacing %1 needs the typed confirmation \"%2\" (--confirm %2); nothing was changed.")
                         .arg(where, required)
                   : tr("The confirmation \"%1\" does not match \"%2\"; nothing was changed.")
                         .arg(m_request.confirmation, required));
        return;
    }
    if (const auto holder = m_ctx.catalog->environmentLock(m_request.siteId, m_request.target)) {
        refuse(holder->state == EnvironmentLock::State::Interrupted
                   ? tr("%1 is locked: a %2 of it was interrupted (%3) and must be rolled back first; start "
                        "'creodrop-backupctl worker --once' or the console, which roll it back. Nothing was changed.")
                         .arg(where, holder->kind, holder->reason)
                   : tr("%1 is locked: a %2 by %3 has been running since %4. Nothing was changed; try again when it "
                        "has ended.")
                         .arg(where, holder->kind, holder->actor, holder->startedAt.toString(Qt::ISODate)));
        return;
    }
    if (!m_source) {
        refuse(tr("Nothing to restore from."));
        return;
    }
    setPhase(Phase::Verify);
    m_progress.bytesTotal = m_source->sizeBytes();
    connect(m_source, &RestoreSource::prepared, this, &RestoreJob::onPrepared, Qt::QueuedConnection);
    m_source->prepare();
}

void RestoreJob::readPassword(std::function<void()> next)
{
    const auto config = m_ctx.catalog->environment(m_request.siteId, m_request.target);
    SecretLookup::read(m_ctx.secrets, config ? config->secretKey() : QString(), this,
                       [this, next](bool ok, const QString &password, const QString &error) {
                           if (isFinished())
                               return;
                           if (!ok) {
                               const QString message
                                   = tr("Could not read the MySQL password of %1/%2 from the secret store: %3")
                                         .arg(m_request.siteId, Environments::toString(m_request.target), error);
                               if (m_phase == Phase::Rollback)
                                   rollbackFailed(message);
                               else
                                   refuse(message + QLatin1Char(' ') + tr("Nothing was changed."));
                               return;
                           }
                           m_endpoint.password = password;
                           next();
                       });
}

void RestoreJob::onPrepared(bool ok, const QString &message)
{
    if (isFinished())
        return;
    if (m_cancelRequested) {
        refuse(tr("Cancelled; nothing was changed."));
        return;
    }
    if (!ok) {
        // The source says what is wrong with it; only this job knows the target is untouched.
        refuse(Sentence::ended(message) + QLatin1Char(' ') + tr("The target was not changed."));
        return;
    }
    readPassword([this] { lockAndBackUp(); });
}

void RestoreJob::lockAndBackUp()
{
    if (m_cancelRequested) {
        refuse(tr("Cancelled; nothing was changed."));
        return;
    }
    EnvironmentLock lock;
    lock.siteId = m_request.siteId;
    lock.environment = m_request.target;
    lock.kind = m_request.kind;
    lock.source = m_source->describe();
    lock.workerId = m_ctx.workerId;
    lock.actor = m_ctx.actor;
    lock.heartbeatSeconds = std::max(1, m_ctx.heartbeatSeconds);
    if (!m_ctx.catalog->lockEnvironment(lock)) {
        refuse(m_ctx.catalog->lastError() + QLatin1Char(' ') + tr("Nothing was changed."));
        return;
    }
    m_locked = true;
    m_heartbeat->start();
    setPhase(Phase::PreBackup);
    const QString where = m_request.siteId + QLatin1Char('/') + Environments::toString(m_request.target);
    auto unchanged = [this, where](const QString &why) {
        m_ctx.catalog->unlockEnvironment(m_request.siteId, m_request.target, m_ctx.workerId);
        m_locked = false;
        end(AuditOutcome::Failure,
            tr("The pre-%1 backup of %2 failed: %3 The target was not changed.").arg(m_request.kind, where, why),
            m_cancelRequested ? Error::Aborted : Error::Fatal);
    };
    const BackupRecord pre
        = m_ctx.catalog->createBackup(m_request.siteId, m_request.target, m_request.preBackupType, m_ctx.actor);
    if (!pre.isValid()) {
        unchanged(m_ctx.catalog->lastError());
        return;
    }
    m_preBackupId = pre.id;
    if (!m_ctx.catalog->updateEnvironmentLock(m_request.siteId, m_request.target, m_ctx.workerId,
                                              EnvironmentLock::Phase::PreBackup, m_preBackupId)) {
        m_ctx.catalog->failBackup(m_preBackupId, BackupStatus::Cancelled, tr("The restore lost its lock."));
        unchanged(m_ctx.catalog->lastError());
        return;
    }
    BackupJob::Options options;
    options.workerId = m_ctx.workerId;
    options.heartbeatSeconds = m_ctx.heartbeatSeconds;
    options.gzipLevel = m_request.preBackupGzipLevel;
    options.gzipThreads = m_request.preBackupGzipThreads;
    auto *job = new BackupJob(m_ctx.catalog, m_ctx.store, m_ctx.secrets, m_ctx.clock, m_preBackupId, options, this);
    m_backupJob = job;
    connect(job, &BackupJob::progressChanged, this, [this](const JobProgress &p) {
        m_progress.bytesDone = p.bytesDone;
        m_progress.bytesTotal = p.bytesTotal;
        m_progress.table = p.table;
        m_progress.rows = p.rows;
        emitProgress();
    });
    connect(job, &Job::finished, this, [this, job, unchanged] {
        if (isFinished())
            return;
        if (!job->succeeded()) {
            unchanged(job->errorString());
            return;
        }
        if (m_cancelRequested) {
            unchanged(tr("Cancelled."));
            return;
        }
        startReplace();
    });
    job->start();
}

void RestoreJob::startReplace()
{
    if (!m_ctx.catalog->updateEnvironmentLock(m_request.siteId, m_request.target, m_ctx.workerId,
                                              EnvironmentLock::Phase::Replace, m_preBackupId)) {
        // Nothing was dropped yet: stop with the target unchanged.
        end(AuditOutcome::Failure,
            tr("The %1 lost its lock on %2/%3 (%4); the target was not changed.")
                .arg(m_request.kind, m_request.siteId, Environments::toString(m_request.target),
                     m_ctx.catalog->lastError()));
        return;
    }
    setPhase(Phase::Replace);
    m_progress.bytesTotal = m_source->sizeBytes();
    startLoad(m_source, [this](const LoadResult &r) { onLoaded(r); });
}

void RestoreJob::startLoad(RestoreSource *source, std::function<void(const LoadResult &)> done)
{
    const MySqlEndpoint endpoint = m_endpoint;
    const std::optional<LoadOptions::Definer> definer = m_request.definer;
    const int connections = m_request.loadConnections;
    // The rollback must not stop on a cancel: it is what makes a cancel safe.
    const bool cancellable = m_phase != Phase::Rollback;
    m_threadResult = LoadResult();
    m_thread = QThread::create([this, source, endpoint, definer, connections, cancellable] {
        LoadResult &r = m_threadResult;
        static const std::atomic<bool> never{ false };
        const std::atomic<bool> *cancel = cancellable ? &m_cancel : &never;
        MySqlConnection connection(endpoint);
        if (!connection.open(&r.error))
            return;
        LoadOptions options;
        options.connections = connections;
        if (definer) {
            options.definer = *definer;
        } else {
            QString error;
            const bool can = RestoreTarget::canSetOtherDefiners(connection, &error);
            options.definer = can ? LoadOptions::Definer::Keep : LoadOptions::Definer::Strip;
        }
        r.definersStripped = options.definer == LoadOptions::Definer::Strip;
        QSet<QString> collations;
        if (RestoreTarget::collations(connection, &collations, &r.error))
            options.mapMysql8Collations = collations.contains(QStringLiteral("utf8mb4_uca1400_ai_ci"));
        std::unique_ptr<QIODevice> in = source->open(&r.error);
        if (!in)
            return;
        if (*cancel) {
            r.cancelled = true;
            r.error = QObject::tr("Cancelled.");
            return;
        }
        r.touched = true;
        if (!RestoreTarget::dropEverything(connection, cancel, &r.error)) {
            r.cancelled = *cancel;
            return;
        }
        MySqlLoader loader(endpoint, options);
        loader.setCancelFlag(cancel);
        loader.setProgressCallback([this](const LoadProgress &p) {
            m_bytesRead = p.bytesRead;
            m_statements = p.statements;
        });
        if (!loader.load(in.get())) {
            r.cancelled = *cancel;
            r.error = loader.errorString();
            return;
        }
        // The loader's connections are closed; the check reads on a fresh one (the first may
        // have timed out during a long load).
        MySqlConnection check(endpoint);
        if (!check.open(&r.error) || !RestoreTarget::rowCounts(check, &r.counts, &r.error))
            return;
        if (!source->afterLoad(endpoint, &r.error))
            return;
        r.ok = true;
    });
    m_thread->setObjectName(QStringLiteral("restore-load"));
    connect(m_thread, &QThread::finished, this, [this, done] {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        m_progressTimer->stop();
        const LoadResult result = m_threadResult;
        if (result.definersStripped)
            m_definersStripped = true;
        if (!isFinished())
            done(result);
    });
    m_progressTimer->start();
    m_thread->start();
}

void RestoreJob::onLoaded(const LoadResult &r)
{
    const QString where = m_request.siteId + QLatin1Char('/') + Environments::toString(m_request.target);
    if (!r.ok) {
        if (!r.touched) {
            m_ctx.catalog->unlockEnvironment(m_request.siteId, m_request.target, m_ctx.workerId);
            m_locked = false;
            end(AuditOutcome::Failure,
                tr("The %1 of %2 could not start: %3. The target was not changed; pre-%1 backup %4 is kept.")
                    .arg(m_request.kind, where, r.error, m_preBackupId),
                r.cancelled ? Error::Aborted : Error::Fatal);
            return;
        }
        startRollback(r.cancelled ? tr("The %1 of %2 was cancelled.").arg(m_request.kind, where)
                                  : tr("Loading %1 into %2 failed: %3.").arg(m_source->describe(), where, r.error));
        return;
    }
    QString producerError;
    if (!m_source->finish(&producerError)) {
        startRollback(tr("The source of the %1 failed: %2.").arg(m_request.kind, producerError));
        return;
    }
    setPhase(Phase::Check);
    m_ctx.catalog->updateEnvironmentLock(m_request.siteId, m_request.target, m_ctx.workerId,
                                         EnvironmentLock::Phase::Check, m_preBackupId);
    qint64 rows = 0;
    for (const auto &t : r.counts)
        rows += t.second;
    if (const auto expected = m_source->expectedTables()) {
        const QString diff = RestoreTarget::compareRowCounts(*expected, r.counts);
        if (!diff.isEmpty()) {
            startRollback(tr("The check after loading %1 into %2 failed: %3.").arg(m_source->describe(), where, diff));
            return;
        }
    }
    if (m_cancelRequested) {
        startRollback(tr("The %1 of %2 was cancelled.").arg(m_request.kind, where));
        return;
    }
    if (!m_ctx.catalog->unlockEnvironment(m_request.siteId, m_request.target, m_ctx.workerId)) {
        // The lock still says a restore runs here, so the next recovery rolls the target back to
        // the pre-restore backup: this restore must not be reported as done.
        const QString error = m_ctx.catalog->lastError();
        qCWarning(lcJobs).noquote() << "could not unlock" << where << ":" << error;
        m_locked = false;
        end(AuditOutcome::Failure,
            tr("%1 was loaded into %2, but the catalog could not record that the %3 finished (%4). %2 stays "
               "locked, and the next 'creodrop-backupctl worker --once' or console start rolls it back to pre-%3 "
               "backup %5. Make the catalog writable again (free space, or fix its connection), run the worker, "
               "then start the %3 again.")
                .arg(m_source->describe(), where, m_request.kind, Sentence::unended(error), m_preBackupId));
        return;
    }
    m_locked = false;
    QString message = tr("Restored %1 into %2: %3, %4%5; pre-%6 backup %7.")
                          .arg(m_source->describe(), where)
                          .arg(Counted::of(r.counts.size(), "table", "tables"), Counted::of(rows, "row", "rows"))
                          .arg(m_source->expectedTables()
                                   ? tr(" (row counts checked against %1)").arg(m_source->expectedTablesOrigin())
                                   : QString())
                          .arg(m_request.kind, m_preBackupId);
    if (m_definersStripped)
        message += QLatin1Char(' ')
            + tr("DEFINER clauses were stripped: the target user may not create objects for other users.");
    end(AuditOutcome::Success, message);
}

void RestoreJob::startRollback(const QString &failure)
{
    m_failure = failure;
    qCInfo(lcJobs).noquote() << "rolling back" << m_request.siteId << Environments::toString(m_request.target) << ":"
                             << failure;
    setPhase(Phase::Rollback);
    m_ctx.catalog->updateEnvironmentLock(m_request.siteId, m_request.target, m_ctx.workerId,
                                         EnvironmentLock::Phase::Rollback, m_preBackupId);
    if (m_preBackupId.isEmpty()) {
        rollbackFailed(tr("there is no pre-%1 backup").arg(m_request.kind));
        return;
    }
    auto *source = new BackupRestoreSource(m_ctx.catalog, m_ctx.store, m_preBackupId, this);
    m_rollbackSource = source;
    m_progress.bytesTotal = source->sizeBytes();
    connect(
        source, &RestoreSource::prepared, this,
        [this, source](bool ok, const QString &message) {
            if (isFinished())
                return;
            if (!ok) {
                rollbackFailed(message);
                return;
            }
            setPhase(Phase::Rollback);
            m_progress.bytesTotal = source->sizeBytes();
            startLoad(source, [this](const LoadResult &r) { onRollbackLoaded(r); });
        },
        Qt::QueuedConnection);
    source->prepare();
}

void RestoreJob::onRollbackLoaded(const LoadResult &r)
{
    if (!r.ok) {
        rollbackFailed(r.error);
        return;
    }
    if (const auto expected = m_rollbackSource->expectedTables()) {
        const QString diff = RestoreTarget::compareRowCounts(*expected, r.counts);
        if (!diff.isEmpty()) {
            rollbackFailed(diff);
            return;
        }
    }
    m_ctx.catalog->unlockEnvironment(m_request.siteId, m_request.target, m_ctx.workerId);
    m_locked = false;
    m_rolledBack = true;
    const QString where = m_request.siteId + QLatin1Char('/') + Environments::toString(m_request.target);
    if (m_rollbackOf) {
        end(AuditOutcome::Success,
            tr("The interrupted %1 of %2 was rolled back: the target is back as it was before (from pre-%1 backup "
               "%3), and the environment is unlocked.")
                .arg(m_request.kind, where, m_preBackupId));
        return;
    }
    end(AuditOutcome::Failure,
        tr("%1 The target %2 is back as it was before the %3 (restored from pre-%3 backup %4).")
            .arg(m_failure, where, m_request.kind, m_preBackupId),
        m_cancelRequested ? Error::Aborted : Error::Fatal);
}

void RestoreJob::rollbackFailed(const QString &why)
{
    const QString where = m_request.siteId + QLatin1Char('/') + Environments::toString(m_request.target);
    const QString reason = tr("rolling back from pre-%1 backup %2 failed: %3").arg(m_request.kind, m_preBackupId, why);
    // Left Interrupted: nothing starts on the environment until a start of the worker or the
    // console rolls it back.
    if (m_locked)
        m_ctx.catalog->interruptEnvironmentLock(m_request.siteId, m_request.target, m_ctx.workerId, reason);
    m_locked = false;
    end(AuditOutcome::Failure,
        tr("%1 Rolling %2 back from pre-%3 backup %4 failed too: %5 The environment stays locked; start "
           "'creodrop-backupctl worker --once' or the console to retry the rollback.")
            .arg(Sentence::ended(m_failure), where, m_request.kind, m_preBackupId, Sentence::ended(why)));
}

void RestoreJob::renewLock()
{
    if (!m_locked || isFinished())
        return;
    if (!m_ctx.catalog->heartbeatEnvironmentLock(m_request.siteId, m_request.target, m_ctx.workerId))
        qCWarning(lcJobs).noquote() << "heartbeat of the lock of" << m_request.siteId
                                    << Environments::toString(m_request.target)
                                    << "failed:" << m_ctx.catalog->lastError();
}

void RestoreJob::cancel()
{
    if (!isStarted() || isFinished()) {
        abort();
        return;
    }
    m_cancelRequested = true;
    switch (m_phase) {
    case Phase::Verify:
        if (m_source)
            m_source->cancel();
        refuse(tr("Cancelled; nothing was changed."));
        return;
    case Phase::PreBackup:
        if (m_backupJob)
            m_backupJob->cancel();
        return;
    case Phase::Replace:
    case Phase::Check:
        m_cancel = true; // the load stops, then the rollback runs
        return;
    case Phase::Rollback:
    case Phase::Done:
        return; // a rollback is never stopped halfway
    }
}

void RestoreJob::doAbort()
{
    m_cancel = true;
    if (m_source)
        m_source->cancel();
    if (m_rollbackSource)
        m_rollbackSource->cancel();
    if (m_backupJob)
        m_backupJob->abort();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (m_heartbeat)
        m_heartbeat->stop();
    if (m_progressTimer)
        m_progressTimer->stop();
    if (!m_locked)
        return;
    if (m_phase == Phase::Replace || m_phase == Phase::Check || m_phase == Phase::Rollback)
        m_ctx.catalog->interruptEnvironmentLock(
            m_request.siteId, m_request.target, m_ctx.workerId,
            tr("the %1 was aborted while it replaced the target").arg(m_request.kind));
    else
        m_ctx.catalog->unlockEnvironment(m_request.siteId, m_request.target, m_ctx.workerId);
    m_locked = false;
}
