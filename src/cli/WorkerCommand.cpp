// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"
#include "Commands.h"
#include "JobsCliSupport.h"
#include "catalog/RetentionPolicy.h"
#include "jobs/BackupJob.h"
#include "jobs/DeleteJob.h"
#include "jobs/JobQueue.h"
#include "jobs/RescanJob.h"
#include "jobs/Scheduler.h"
#include "storage/ObjectStore.h"

#include <QCoreApplication>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

void warn(const QString &line)
{
    JobsSession::warn(line);
}

std::atomic<int> g_stopSignal{ 0 };

void onStopSignal(int signal)
{
    g_stopSignal = signal;
}

/// The worker loop: schedules, then Pending backups through a JobQueue (one per environment,
/// JobConcurrency across sites); polls the catalog so backups queued by other hosts are seen.
class WorkerLoop : public QObject
{
public:
    WorkerLoop(CliContext &ctx, JobsSession &session, bool once)
        : m_ctx(ctx)
        , m_session(session)
        , m_once(once)
        , m_queue(ctx.settings().integer(AppSettings::JobConcurrency))
    {
        connect(&m_queue, &JobQueue::jobFinished, this, [this](const QString &id, Job *job) {
            m_known.remove(id);
            if (job->succeeded())
                CliContext::printLine(tr("backup %1 completed").arg(id));
            else
                warn(tr("backup %1: %2").arg(id, job->errorString()));
            if (!job->succeeded() && job->error() != Job::Error::Aborted)
                ++m_failures;
        });
        connect(&m_queue, &JobQueue::idle, this, [this] {
            if (m_once || m_stopping)
                QCoreApplication::exit(0);
        });
        m_poll.setInterval(qMax(1, qEnvironmentVariableIntValue("CREODROP_WORKER_POLL_SECONDS")) * 1000);
        if (qEnvironmentVariableIntValue("CREODROP_WORKER_POLL_SECONDS") <= 0)
            m_poll.setInterval(5000);
        connect(&m_poll, &QTimer::timeout, this, &WorkerLoop::pass);
        m_signalCheck.setInterval(200);
        connect(&m_signalCheck, &QTimer::timeout, this, [this] {
            if (g_stopSignal && !m_stopping)
                stop();
        });
    }

    void begin()
    {
        m_signalCheck.start();
        pass();
        if (m_once) {
            if (m_queue.isIdle())
                QCoreApplication::exit(0);
            return;
        }
        m_poll.start();
    }

    int failures() const { return m_failures; }

private:
    void pass()
    {
        if (m_stopping)
            return;
        QStringList problems;
        Scheduler scheduler(m_session.catalog(), m_ctx.clock(), CliContext::actor());
        for (const BackupRecord &record : scheduler.runDue(&problems))
            CliContext::printLine(tr("scheduled backup %1 of %2/%3")
                                      .arg(record.id, record.siteId, Environments::toString(record.environment)));
        for (const QString &p : problems)
            warn(p);
        for (const BackupRecord &record : m_session.catalog()->backupsWithStatus(BackupStatus::Pending)) {
            if (m_known.contains(record.id))
                continue;
            m_known.insert(record.id);
            const QString id = record.id;
            m_queue.enqueue(record.siteId + QLatin1Char('/') + Environments::toString(record.environment), id,
                            [this, id]() -> Job * {
                                return new BackupJob(m_session.catalog(), m_session.store(), m_ctx.secrets(),
                                                     m_ctx.clock(), id, JobsSession::backupOptions());
                            });
        }
    }

    void stop()
    {
        m_stopping = true;
        m_poll.stop();
        CliContext::printLine(tr("stopping: cancelling running backups"));
        // Aborting is synchronous: rows become Cancelled and uploads are aborted, so nothing
        // is left In Progress for the next process to find.
        m_queue.cancelAll();
        if (m_queue.isIdle())
            QCoreApplication::exit(0);
    }

    CliContext &m_ctx;
    JobsSession &m_session;
    bool m_once;
    JobQueue m_queue;
    QTimer m_poll;
    QTimer m_signalCheck;
    QSet<QString> m_known;
    bool m_stopping = false;
    int m_failures = 0;
};

int schedulesRun(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("schedules run [--no-wait]"),
                          tr("Creates a scheduled backup for every schedule that is due and runs them in this process "
                             "(one per environment at a time); --no-wait only queues them for a worker."));
    args.flag(QStringLiteral("no-wait"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    QStringList problems;
    Scheduler scheduler(session->catalog(), ctx.clock(), CliContext::actor());
    const QVector<BackupRecord> created = scheduler.runDue(&problems);
    for (const QString &p : problems)
        warn(p);
    for (const BackupRecord &record : created)
        CliContext::printLine(record.id);
    if (args.isSet(QStringLiteral("no-wait")))
        return problems.isEmpty() ? Cli::Success : Cli::Failure;
    int failures = problems.size();
    for (const BackupRecord &record : created) {
        BackupJob job(session->catalog(), session->store(), ctx.secrets(), ctx.clock(), record.id,
                      JobsSession::backupOptions());
        if (!ctx.runJob(&job)) {
            warn(tr("backup %1: %2").arg(record.id, job.errorString()));
            ++failures;
        }
    }
    return failures == 0 ? Cli::Success : CliContext::fail(tr("%1 scheduled backup(s) failed.").arg(failures));
}

int retentionApply(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("retention apply [--dry-run]"),
                          tr("Deletes the scheduled backups that their schedule's retention no longer keeps (manual "
                             "and pinned backups always stay). --dry-run only lists them."));
    args.flag(QStringLiteral("dry-run"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    const bool dryRun = args.isSet(QStringLiteral("dry-run"));
    int failures = 0;
    const QDateTime now = ctx.clock()->nowUtc();
    for (const Schedule &schedule : session->catalog()->schedules()) {
        const QVector<BackupRecord> backups
            = session->catalog()->backups(schedule.siteId, EnvironmentFilter(schedule.environment));
        for (const BackupRecord &record : RetentionPolicy::backupsToDelete(schedule, backups, now)) {
            if (dryRun) {
                CliContext::printLine(tr("would delete %1 (%2/%3, %4, %5)")
                                          .arg(record.id, record.siteId, Environments::toString(record.environment),
                                               Backups::statusToString(record.status),
                                               CliContext::formatTime(record.createdAt)));
                continue;
            }
            DeleteJob job(session->catalog(), session->store(), ctx.clock(), record.id, CliContext::actor(),
                          QStringLiteral("retention"));
            if (ctx.runJob(&job)) {
                CliContext::printLine(tr("deleted %1").arg(record.id));
            } else {
                warn(job.errorString());
                ++failures;
            }
        }
    }
    return failures == 0 ? Cli::Success : CliContext::fail(tr("%1 backup(s) could not be deleted.").arg(failures));
}

int catalogRescan(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("catalog rescan"),
                          tr("Rebuilds or repairs catalog rows from the manifests in the bucket; sites missing from "
                             "the catalog are recreated from the manifests."));
    if (input.value(0) == QLatin1String("rescan"))
        ;
    else if (input.value(0) == QLatin1String("--help") || input.value(0) == QLatin1String("-h"))
        return args.parse(input, 0, 0) ? Cli::Success : args.exitCode();
    else
        return args.usageError(tr("unknown command '%1'").arg(input.value(0)));
    if (!args.parse(input.mid(1), 0, 0))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    RescanJob job(session->catalog(), session->store(), ctx.clock(), CliContext::actor());
    if (!ctx.runJob(&job))
        return CliContext::fail(job.errorString());
    for (const QString &w : job.warnings())
        warn(w);
    CliContext::printLine(tr("%1 manifests read, %2 backups written to the catalog, %3 sites recreated")
                              .arg(job.manifestsSeen())
                              .arg(job.rowsWritten())
                              .arg(job.sitesCreated()));
    return Cli::Success;
}

} // namespace

int Cli::runSchedules(const QStringList &args)
{
    if (args.value(0) == QLatin1String("run"))
        return schedulesRun(args.mid(1));
    QTextStream out(args.value(0).startsWith(QLatin1String("-h")) || args.value(0) == QLatin1String("--help") ? stdout
                                                                                                              : stderr);
    out << "Usage: creodrop-backupctl schedules run [--no-wait]\n";
    return args.value(0) == QLatin1String("--help") || args.value(0) == QLatin1String("-h") ? Success : UsageError;
}

int Cli::runRetention(const QStringList &args)
{
    if (args.value(0) == QLatin1String("apply"))
        return retentionApply(args.mid(1));
    const bool help = args.value(0) == QLatin1String("--help") || args.value(0) == QLatin1String("-h");
    QTextStream out(help ? stdout : stderr);
    out << "Usage: creodrop-backupctl retention apply [--dry-run]\n";
    return help ? Success : UsageError;
}

int Cli::runCatalog(const QStringList &args)
{
    return catalogRescan(args);
}

int Cli::runWorker(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("worker [--once]"),
                          tr("Runs due schedules and the Pending backups anyone sharing the catalog requested, until "
                             "SIGTERM or SIGINT (running backups are cancelled cleanly). --once: one pass, then exit "
                             "when its backups ended. CREODROP_WORKER_POLL_SECONDS sets the poll period (5)."));
    args.flag(QStringLiteral("once"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    WorkerLoop loop(ctx, *session, args.isSet(QStringLiteral("once")));
    QTimer::singleShot(0, &loop, [&loop] { loop.begin(); });
    QCoreApplication::exec();
    if (args.isSet(QStringLiteral("once")) && loop.failures() > 0)
        return CliContext::fail(tr("%1 backup(s) failed.").arg(loop.failures()));
    return Success;
}
