// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"
#include "CliContext.h"
#include "CommandGroup.h"
#include "Commands.h"
#include "JobsSession.h"
#include "StopSignals.h"
#include "catalog/Catalog.h"
#include "jobs/BackupJob.h"
#include "jobs/RecoveryJob.h"
#include "jobs/RescanJob.h"
#include "jobs/WorkerIdentity.h"
#include "operations/AutomaticRetention.h"
#include "operations/BackupQueue.h"
#include "operations/RescanCatalogOperation.h"
#include "operations/RetentionJob.h"
#include "operations/RunDueSchedulesOperation.h"
#include "util/Counted.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSet>
#include <QTextStream>
#include <QTimer>

using Cli::tr;

namespace {

/// What an apply of retention did, as the worker and `schedules run` say it: each deleted
/// backup through @p say, each failure (or, failing without one, why) as a warning.
void reportRetention(const QStringList &deleted, const QStringList &failures, const QString &error,
                     void (*say)(const QString &))
{
    for (const QString &id : deleted)
        say(Cli::tr("retention deleted %1").arg(id));
    for (const QString &failure : failures)
        CliContext::warn(Cli::tr("retention: %1").arg(failure));
    if (failures.isEmpty() && !error.isEmpty())
        CliContext::warn(Cli::tr("retention: %1").arg(error));
}

/// The worker loop: schedules, then Pending backups through the BackupQueue (one per
/// environment, JobConcurrency across sites); polls the catalog so backups queued by other
/// hosts are seen. Retention is applied on the first pass, after every scheduled backup that
/// completes, and once an hour (AutomaticRetention).
class WorkerLoop : public QObject
{
public:
    WorkerLoop(CliContext &ctx, JobsSession &session, bool once)
        : m_ctx(ctx)
        , m_session(session)
        , m_once(once)
        , m_queue(session.context(), ctx.settings().integer(AppSettings::JobConcurrency))
        , m_retention(session.context())
    {
        connect(&m_queue, &JobQueue::jobStarted, this,
                [this](const QString &id, Job *job) { m_running.insert(id, qobject_cast<BackupJob *>(job)); });
        connect(&m_queue, &JobQueue::jobFinished, this, [this](const QString &id, Job *job) {
            m_known.remove(id);
            m_running.remove(id);
            if (job->succeeded())
                CliContext::printLine(tr("backup %1 completed").arg(id));
            else
                CliContext::warn(tr("backup %1: %2").arg(id, job->errorString()));
            if (!job->succeeded() && job->error() != Job::Error::Aborted)
                ++m_failures;
            m_retention.backupFinished(job);
        });
        connect(&m_queue, &JobQueue::idle, this, &WorkerLoop::exitWhenDone);
        connect(&m_retention, &AutomaticRetention::finished, this,
                [](const QStringList &deleted, const QStringList &failures, const QString &error) {
                    reportRetention(deleted, failures, error, &CliContext::printLine);
                });
        connect(&m_retention, &AutomaticRetention::idle, this, &WorkerLoop::exitWhenDone);
        const int pollSeconds = qEnvironmentVariableIntValue("CREODROP_WORKER_POLL_SECONDS");
        m_poll.setInterval((pollSeconds > 0 ? pollSeconds : 5) * 1000);
        connect(&m_poll, &QTimer::timeout, this, &WorkerLoop::pass);
        connect(&m_signals, &StopSignals::stopRequested, this, [this] {
            if (!m_stopping)
                stop();
        });
    }

    void begin()
    {
        pass();
        if (m_once) {
            exitWhenDone();
            return;
        }
        m_poll.start();
    }

    int failures() const { return m_failures; }
    /// The last pass could not read the catalog (said on stderr).
    bool catalogUnreadable() const { return m_catalogUnreadable; }

private:
    void pass()
    {
        if (m_stopping)
            return;
        recover();
        Catalog *catalog = m_session.catalog();
        const int failedBefore = catalog->failedStatements();
        // Due schedules become Pending rows, picked up below with everyone else's.
        RunDueSchedulesOperation schedules(m_session.context());
        for (const BackupRecord &record : schedules.run())
            CliContext::printLine(tr("scheduled backup %1 of %2/%3")
                                      .arg(record.id, record.siteId, Environments::toString(record.environment)));
        const QVector<BackupRecord> pending = catalog->backupsWithStatus(BackupStatus::Pending);
        QStringList problems = schedules.problems();
        // A failed read answers "nothing pending": the worker says so, once per outage (it
        // polls every few seconds), and --once fails.
        const QString failure = catalog->readFailureSince(failedBefore);
        if (!failure.isEmpty()) {
            problems.removeAll(failure);
            if (!m_catalogUnreadable)
                CliContext::warn(failure + QLatin1Char(' ') + tr("The worker keeps trying."));
            m_catalogUnreadable = true;
        } else if (m_catalogUnreadable) {
            m_catalogUnreadable = false;
            CliContext::printLine(tr("the catalog can be read again"));
        }
        for (const QString &p : std::as_const(problems))
            CliContext::warn(p);
        for (const BackupRecord &record : pending) {
            if (m_known.contains(record.id))
                continue;
            m_known.insert(record.id);
            m_queue.enqueueBackup(record);
        }
        if (failure.isEmpty())
            m_retention.requestIfDue();
    }

    // --once ends when its backups and its retention are done; a stopping worker when its
    // backups are (the retention apply was aborted at once).
    void exitWhenDone()
    {
        if ((m_once || m_stopping) && m_queue.isIdle() && !m_retention.isRunning())
            QCoreApplication::exit(0);
    }

    // Interrupted-backup recovery on every pass, without waiting for it (we are inside the
    // event loop): backups of dead runners anywhere on the catalog become Failed.
    void recover()
    {
        if (m_recovery)
            return;
        auto *job = new RecoveryJob(m_session.catalog(), m_session.store(), WorkerIdentity::heartbeatSeconds(), this);
        m_recovery = job;
        connect(job, &Job::finished, this, [job] {
            for (const QString &id : job->recoveredIds())
                CliContext::warn(tr("backup %1 was interrupted and is now failed").arg(id));
            for (const QString &warning : job->warnings())
                CliContext::warn(warning);
        });
        job->start();
    }

    void stop()
    {
        m_stopping = true;
        m_poll.stop();
        CliContext::printLine(tr("stopping: cancelling running backups"));
        m_retention.stop();
        // Waiting backups are dropped (they stay Pending for the next worker). Running ones are
        // cancelled asynchronously: the dump is stopped (KILL QUERY when it waits in the
        // server), the upload removed and that confirmed, then the row becomes Cancelled. The
        // loop ends when the queue is idle, or StopSignals' grace period ends the process.
        for (const QString &id : QStringList(m_known.values())) {
            if (!m_running.value(id))
                m_queue.cancel(id);
        }
        for (const QPointer<BackupJob> &job : std::as_const(m_running)) {
            if (job)
                job->cancel();
        }
        exitWhenDone();
    }

    CliContext &m_ctx;
    JobsSession &m_session;
    bool m_once;
    BackupQueue m_queue;
    AutomaticRetention m_retention;
    QTimer m_poll;
    StopSignals m_signals;
    QHash<QString, QPointer<BackupJob>> m_running;
    QSet<QString> m_known;
    QPointer<RecoveryJob> m_recovery;
    bool m_stopping = false;
    bool m_catalogUnreadable = false;
    int m_failures = 0;
};

int schedulesRun(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("no-wait"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    RunDueSchedulesOperation schedules(session->context());
    const QVector<BackupRecord> created = schedules.run();
    const QStringList problems = schedules.problems();
    for (const QString &p : problems)
        CliContext::warn(p);
    for (const BackupRecord &record : created)
        CliContext::printLine(record.id);
    if (args.isSet(QStringLiteral("no-wait")))
        return problems.isEmpty() ? Cli::Success : Cli::Failure;
    // SIGINT/SIGTERM cancel the running backup cleanly, as in 'backup create'; the ones not
    // started yet stay Pending for a worker.
    StopSignals stopSignals;
    BackupJob *running = nullptr;
    RetentionJob *retention = nullptr;
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &stopSignals, [&running, &retention] {
        if (running)
            running->cancel();
        if (retention)
            retention->abort();
    });
    int failures = 0;
    int notStarted = 0;
    int completed = 0;
    bool retentionFailed = false;
    for (const BackupRecord &record : created) {
        if (StopSignals::received()) {
            ++notStarted;
            continue;
        }
        const auto job = session->newBackupJob(record.id);
        running = job.get();
        const bool ok = ctx.runJob(job.get());
        running = nullptr;
        completed += ok ? 1 : 0;
        if (!ok) {
            CliContext::warn(tr("backup %1: %2").arg(record.id, job->errorString()));
            if (!StopSignals::received())
                ++failures;
        }
    }
    // Whoever runs the schedules keeps their retention, as the worker and the console do: the
    // new backups may take older ones past their schedule's "keep N". Said on stderr, so that
    // stdout stays the list of created backups.
    if (completed > 0 && !StopSignals::received()) {
        RetentionJob job(session->context(), false);
        job.setAutomatic(true);
        retention = &job;
        const bool ok = ctx.runJob(&job);
        retention = nullptr;
        reportRetention(job.deletedIds(), job.failures(), ok ? QString() : job.errorString(), &CliContext::note);
        retentionFailed = !ok;
    }
    if (StopSignals::received()) {
        const QString signal = StopSignals::receivedName();
        CliContext::fail(notStarted == 0
                             ? tr("stopped by %1.").arg(signal)
                             : tr("stopped by %1; %2 left Pending for a worker.")
                                   .arg(signal, Counted::of(notStarted, "scheduled backup", "scheduled backups")));
        return StopSignals::exitCode();
    }
    if (failures > 0)
        return CliContext::fail(tr("%1 failed.").arg(Counted::of(failures, "scheduled backup", "scheduled backups")));
    return problems.isEmpty() && !retentionFailed ? Cli::Success : Cli::Failure;
}

int retentionApply(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("dry-run"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    const bool dryRun = args.isSet(QStringLiteral("dry-run"));
    RetentionJob job(session->context(), dryRun);
    const bool ok = ctx.runStoppableJob(&job);
    if (dryRun) {
        if (!ok)
            return CliContext::failJob(job);
        for (const BackupRecord &record : job.candidates())
            CliContext::printLine(tr("would delete %1 (%2/%3, %4, %5)")
                                      .arg(record.id, record.siteId, Environments::toString(record.environment),
                                           Backups::statusToString(record.status),
                                           CliContext::formatTime(record.createdAt)));
        return Cli::Success;
    }
    for (const QString &id : job.deletedIds())
        CliContext::printLine(tr("deleted %1").arg(id));
    for (const QString &failure : job.failures())
        CliContext::warn(failure);
    return ok ? Cli::Success : CliContext::failJob(job);
}

int catalogRescan(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    std::unique_ptr<RescanJob> job(RescanCatalogOperation(session->context()).prepare());
    if (!ctx.runStoppableJob(job.get()))
        return CliContext::failJob(*job);
    for (const QString &w : job->warnings())
        CliContext::warn(w);
    CliContext::printLine(RescanCatalogOperation::summary(*job));
    return Cli::Success;
}

int worker(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("once"));
    args.flag(QStringLiteral("verbose"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    if (args.isSet(QStringLiteral("verbose")))
        Cli::enableVerboseLogging();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    // Before any backup: a target a dead restore left half replaced is rolled back (this
    // process holds the secrets) and unlocked.
    session->rollbackInterrupted();
    WorkerLoop loop(ctx, *session, args.isSet(QStringLiteral("once")));
    QTimer::singleShot(0, &loop, [&loop] { loop.begin(); });
    QCoreApplication::exec();
    if (!args.isSet(QStringLiteral("once")))
        return Cli::Success;
    if (loop.failures() > 0)
        return CliContext::fail(tr("%1 failed.").arg(Counted::of(loop.failures(), "backup", "backups")));
    return loop.catalogUnreadable() ? Cli::Failure : Cli::Success;
}

} // namespace

const CommandGroup &Cli::schedulesCommands()
{
    static const CommandGroup group(
        "schedules", "run the backups whose schedule is due",
        {
            { "run", nullptr, "schedules run [--no-wait]", "create and run the due scheduled backups",
              QT_TRANSLATE_NOOP("Cli",
                                "Creates a scheduled backup for every schedule that is due and runs them in "
                                "this process (one per environment at a time), then applies retention as "
                                "'retention apply' does; --no-wait only queues them for a worker."),
              schedulesRun },
        });
    return group;
}

const CommandGroup &Cli::retentionCommands()
{
    static const CommandGroup group(
        "retention", "delete scheduled backups that retention no longer keeps",
        {
            { "apply", nullptr, "retention apply [--dry-run]",
              "delete (or with --dry-run list) what retention no longer keeps",
              QT_TRANSLATE_NOOP("Cli",
                                "Deletes the scheduled backups that their schedule's retention no longer keeps, "
                                "and pre-restore and pre-sync backups older than 7 days (manual and pinned "
                                "backups always stay). --dry-run only lists them."),
              retentionApply },
        });
    return group;
}

const CommandGroup &Cli::catalogCommands()
{
    static const CommandGroup group(
        "catalog", "rebuild catalog rows from the manifests in the bucket (rescan)",
        {
            { "rescan", nullptr, "catalog rescan", "rebuild or repair catalog rows from the manifests in the bucket",
              QT_TRANSLATE_NOOP("Cli",
                                "Rebuilds or repairs catalog rows from the manifests in the bucket; sites "
                                "missing from the catalog are recreated from the manifests."),
              catalogRescan },
        });
    return group;
}

const CommandGroup &Cli::workerCommand()
{
    static const CommandGroup group(
        "worker", "run due schedules and pending backups headless",
        {
            { "", nullptr, "worker [--once] [--verbose]", "run until SIGTERM, or one pass with --once",
              QT_TRANSLATE_NOOP("Cli",
                                "Runs due schedules and the Pending backups anyone sharing the catalog "
                                "requested, until SIGTERM or SIGINT (running backups are cancelled cleanly "
                                "within seconds, even a dump waiting on a table lock). "
                                "--once: one pass, then exit when its backups ended. "
                                "--verbose: log retries, heartbeats, recoveries and aborts to stderr (the "
                                "journal). CREODROP_WORKER_POLL_SECONDS sets the poll period (5)."),
              worker },
        });
    return group;
}
