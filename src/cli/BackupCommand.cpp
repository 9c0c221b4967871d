// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"
#include "CliContext.h"
#include "CommandGroup.h"
#include "Commands.h"
#include "JobsSession.h"
#include "StopSignals.h"
#include "jobs/BackupJob.h"
#include "jobs/DeleteJob.h"
#include "jobs/DownloadJob.h"
#include "jobs/VerifyJob.h"
#include "operations/CreateBackupOperation.h"
#include "operations/CreateLinkOperation.h"
#include "operations/DeleteBackupOperation.h"
#include "operations/DownloadBackupOperation.h"
#include "operations/PinBackupOperation.h"
#include "operations/VerifyBackupOperation.h"

#include <QDir>
#include <QTextStream>

#include <cstdio>

using Cli::tr;

namespace {

int backupCreate(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("wait"));
    args.flag(QStringLiteral("no-wait"));
    if (!args.parse(input, 2, 2))
        return args.exitCode();
    const QString siteId = args.positional(0);
    if (!Slug::isValid(siteId))
        return args.usageError(Slug::validationError(siteId, QStringLiteral("site")));
    const auto env = Environments::fromString(args.positional(1));
    if (!env)
        return args.usageError(tr("Unknown environment \"%1\": use prod, stage or dev.").arg(args.positional(1)));

    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    CreateBackupOperation operation(session->context());
    const OperationResult result = operation.run(siteId, *env, BackupType::Manual);
    if (!result.succeeded())
        return CliContext::fail(result.message);
    const BackupRecord record = operation.record();
    {
        // Flushed now: a script reads the id while the backup runs.
        QTextStream out(stdout);
        out << record.id << '\n';
        out.flush();
    }
    if (args.isSet(QStringLiteral("no-wait")))
        return Cli::Success;
    const auto job = session->newBackupJob(record.id);
    // SIGINT/SIGTERM cancel the backup cleanly (dump stopped, upload removed and that
    // confirmed, row Cancelled), then the exit code says which signal it was.
    StopSignals stopSignals;
    stopSignals.ignoreSignalsAfterwards();
    QObject::connect(&stopSignals, &StopSignals::stopRequested, job.get(), [&job] { job->cancel(); });
    const bool ok = ctx.runJob(job.get());
    if (!ok && StopSignals::received()) {
        CliContext::fail(job->errorString());
        return StopSignals::exitCode();
    }
    if (!ok)
        return CliContext::fail(job->errorString());
    // A stop that came as the backup was completing: it is complete, and the exit code says so.
    if (StopSignals::received())
        CliContext::note(tr("%1 came as the backup was completing; it completed.").arg(StopSignals::receivedName()));
    return Cli::Success;
}

int backupDownload(CliArgs &args, const QStringList &input)
{
    args.option(QStringLiteral("output"), u'o');
    args.flag(QStringLiteral("force"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    const QString id = args.positional(0);
    const auto record = ctx.findBackup(id);
    if (!record)
        return Cli::Failure;
    QString path = args.value(QStringLiteral("output"));
    if (path.isEmpty())
        path = QDir(ctx.settings().downloadsFolder())
                   .filePath(QStringLiteral("%1-%2-%3.sql.gz")
                                 .arg(record->siteId, Environments::toString(record->environment), id));
    DownloadBackupOperation operation(session->context());
    std::unique_ptr<DownloadJob> job(operation.prepare(id, path, args.isSet(QStringLiteral("force"))));
    if (!job)
        return CliContext::fail(operation.refusal().message);
    if (!ctx.runStoppableJob(job.get()))
        return CliContext::failJob(*job);
    CliContext::printLine(job->targetPath());
    return Cli::Success;
}

int backupLink(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    return CliContext::report(CreateLinkOperation(session->context()).run(args.positional(0)));
}

int backupVerify(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    VerifyBackupOperation operation(session->context());
    std::unique_ptr<VerifyJob> job(operation.prepare(args.positional(0)));
    if (!job)
        return CliContext::fail(operation.refusal().message);
    if (!ctx.runStoppableJob(job.get()))
        return CliContext::failJob(*job);
    CliContext::printLine(job->resultText());
    return Cli::Success;
}

int backupDelete(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    DeleteBackupOperation operation(session->context());
    std::unique_ptr<DeleteJob> job(operation.prepare(args.positional(0)));
    if (!job)
        return CliContext::fail(operation.refusal().message);
    if (!ctx.runStoppableJob(job.get()))
        return CliContext::failJob(*job);
    CliContext::printLine(tr("Deleted backup %1.").arg(args.positional(0)));
    return Cli::Success;
}

int backupSetPinned(CliArgs &args, const QStringList &input, bool pin)
{
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    if (!ctx.openCatalog())
        return Cli::Failure;
    return CliContext::report(PinBackupOperation(ctx.operationContext()).run(args.positional(0), pin));
}

int backupPin(CliArgs &args, const QStringList &input)
{
    return backupSetPinned(args, input, true);
}

int backupUnpin(CliArgs &args, const QStringList &input)
{
    return backupSetPinned(args, input, false);
}

} // namespace

const CommandGroup &Cli::backupCommands()
{
    static const CommandGroup group(
        "backup", "create, list, show, download, link, verify, restore, pin, unpin, cancel and delete backups",
        {
            { "create", nullptr, "backup create SITE ENV [--wait | --no-wait]",
              "take a backup now (prints the id; waits unless --no-wait)",
              QT_TRANSLATE_NOOP("Cli",
                                "Creates a manual backup and prints its id on the first line. By default the "
                                "backup runs in this process until it is completed (exit 0) or failed (exit 1, "
                                "the reason on stderr); --no-wait only queues it as Pending for a "
                                "'creodrop-backupctl worker'. --wait is accepted for compatibility (the "
                                "default). SIGINT or SIGTERM cancel the running backup cleanly, then exit "
                                "130 or 143."),
              backupCreate },
            { "list", nullptr,
              "backup list SITE [--env E] [--status S] [--json] [--timing] | backup list --all-sites [--status S] "
              "[--json]",
              "list a site's backups, newest first; or what needs attention across sites",
              QT_TRANSLATE_NOOP("Cli",
                                "Lists a site's backups, newest first. E is prod, stage or dev; S is pending, "
                                "in_progress,\ncompleted, failed, cancelled or deleting (a deletion that did not "
                                "finish; delete it again).\n--timing prints the catalog "
                                "query time to stderr.\n"
                                "--all-sites lists what needs attention in every site, newest first: failed and "
                                "interrupted backups not followed by a completed one, and overdue schedules; "
                                "there S is failed (failed and interrupted), interrupted or overdue."),
              Cli::backupList },
            { "show", nullptr, "backup show ID [--json]", "show one backup", nullptr, Cli::backupShow },
            { "download", nullptr, "backup download ID [-o|--output PATH] [--force]",
              "download, verify SHA-256, save with mode 0600",
              QT_TRANSLATE_NOOP("Cli",
                                "Downloads a completed backup, verifies its SHA-256 and saves it with mode 0600 "
                                "(default: the downloads folder, SITE-ENV-ID.sql.gz). Prints the path.\n"
                                "An existing file is never replaced unless --force is given (exit 1 otherwise); "
                                "a failed download leaves nothing at PATH."),
              backupDownload },
            { "link", nullptr, "backup link ID", "print a download URL valid for 15 minutes",
              "Prints a download URL valid for 15 minutes, signed now; records who asked.", backupLink },
            { "verify", nullptr, "backup verify ID", "re-hash the stored backup and test its gzip stream",
              "Re-reads a stored backup: manifest, size, SHA-256 and the gzip stream.", backupVerify },
            { "delete", nullptr, "backup delete ID", "delete object, manifest and catalog row",
              "Deletes a backup's object, manifest and catalog row (audited).", backupDelete },
            { "restore", nullptr,
              "backup restore [ID] [--to ENV] [--confirm SITE/ENV] [--file PATH --site SITE] [--dry-run]",
              "replace an environment's database with a backup or a .sql/.sql.gz file",
              QT_TRANSLATE_NOOP("Cli",
                                "Restores backup ID into ENV of its own site (default: the backup's environment), "
                                "or with --file an external .sql or .sql.gz into ENV of SITE. Prints the preflight, "
                                "then: verify the source, back up the target (type pre-restore), replace it, check "
                                "row counts; on any failure or SIGINT/SIGTERM the target is restored from the "
                                "pre-restore backup. A prod target needs --confirm SITE/prod exactly (missing or "
                                "wrong: exit 1, nothing touched). Exit 0 only when the target equals the source. "
                                "--dry-run prints the preflight only."),
              Cli::backupRestore },
            { "pin", nullptr, "backup pin ID", "exempt a backup from retention", "Exempts a backup from retention.",
              backupPin },
            { "unpin", nullptr, "backup unpin ID", "let retention consider a backup again",
              "Lets retention consider a backup again.", backupUnpin },
            { "cancel", nullptr, "backup cancel ID [--wait] [--timeout SECONDS]",
              "cancel a pending or running backup, whichever process runs it",
              QT_TRANSLATE_NOOP("Cli",
                                "Cancels a backup. A pending one is cancelled at once; for a running one a "
                                "cancel request is stored in the catalog, and the process running it (the "
                                "console, a worker or 'backup create', on any host) stops it at its next "
                                "heartbeat: the dump is stopped, the upload removed, the backup ends "
                                "cancelled. --wait returns when it has ended (at most --timeout seconds, "
                                "default 120). Exit 0 when cancelled or requested, 1 when refused (the backup "
                                "has ended or does not exist) or, with --wait, when it did not end cancelled."),
              Cli::backupCancel },
        });
    return group;
}
