// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"
#include "Commands.h"
#include "JobsCliSupport.h"
#include "jobs/BackupJob.h"
#include "jobs/DeleteJob.h"
#include "jobs/DownloadJob.h"
#include "jobs/VerifyJob.h"
#include "storage/ObjectStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

int runJobAndReport(CliContext &ctx, Job *job, const QString &successLine)
{
    if (!ctx.runJob(job))
        return CliContext::fail(job->errorString());
    if (!successLine.isEmpty())
        CliContext::printLine(successLine);
    return Cli::Success;
}

int backupCreate(const QStringList &input)
{
    CliContext::Args args(
        QStringLiteral("backup create SITE ENV [--no-wait]"),
        tr("Creates a manual backup and prints its id on the first line. By default the backup runs in this process "
           "until it is completed (exit 0) or failed (exit 1, the reason on stderr); --no-wait only queues it as "
           "Pending for a 'creodrop-backupctl worker'. --wait is accepted for compatibility (the default)."));
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
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    const BackupRecord record = session->catalog()->createBackup(siteId, *env, BackupType::Manual, CliContext::actor());
    if (!record.isValid())
        return CliContext::fail(session->catalog()->lastError());
    {
        QTextStream out(stdout);
        out << record.id << '\n';
        out.flush();
    }
    if (args.isSet(QStringLiteral("no-wait")))
        return Cli::Success;
    BackupJob job(session->catalog(), session->store(), ctx.secrets(), ctx.clock(), record.id,
                  JobsSession::backupOptions());
    return runJobAndReport(ctx, &job, QString());
}

int backupDownload(QStringList input)
{
    // "-o PATH" is the familiar short form; the shared parser knows long options only.
    for (QString &arg : input) {
        if (arg == QLatin1String("-o"))
            arg = QStringLiteral("--output");
    }
    CliContext::Args args(QStringLiteral("backup download ID [-o PATH]"),
                          tr("Downloads a completed backup, verifies its SHA-256 and saves it with mode 0600 "
                             "(default: the downloads folder, SITE-ENV-ID.sql.gz). Prints the path."));
    args.option(QStringLiteral("output"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    const QString id = args.positional(0);
    const auto record = session->catalog()->backup(id);
    if (!record)
        return CliContext::fail(tr("There is no backup %1 in the catalog.").arg(id));
    QString path = args.value(QStringLiteral("output"));
    if (path.isEmpty())
        path = QDir(ctx.settings().downloadsFolder())
                   .filePath(QStringLiteral("%1-%2-%3.sql.gz")
                                 .arg(record->siteId, Environments::toString(record->environment), id));
    DownloadJob job(session->catalog(), session->store(), ctx.clock(), id, path, CliContext::actor());
    return runJobAndReport(ctx, &job, job.targetPath());
}

int backupLink(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("backup link ID"),
                          tr("Prints a download URL valid for 15 minutes, signed now; records who asked."));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    const QString id = args.positional(0);
    const auto record = session->catalog()->backup(id);
    if (!record)
        return CliContext::fail(tr("There is no backup %1 in the catalog.").arg(id));
    if (record->status != BackupStatus::Completed)
        return CliContext::fail(tr("Backup %1 is %2; only completed backups have download links.")
                                    .arg(id, Backups::statusToString(record->status)));
    if (!session->store()->canPresign())
        return CliContext::fail(tr("The local folder store cannot make download links; use "
                                   "'creodrop-backupctl backup download %1' instead.")
                                    .arg(id));
    QString error;
    const QUrl url = session->store()->presignedGetUrl(record->objectKey, 900, &error);
    if (url.isEmpty())
        return CliContext::fail(tr("Cannot sign a download link: %1").arg(error));
    session->catalog()->audit(AuditEntry{ ctx.clock()->nowUtc(), CliContext::actor(), QStringLiteral("backup.link"),
                                          record->siteId, id, tr("15-minute link") });
    CliContext::printLine(url.toString(QUrl::FullyEncoded));
    return Cli::Success;
}

int backupVerify(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("backup verify ID"),
                          tr("Re-reads a stored backup: manifest, size, SHA-256 and the gzip stream."));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    VerifyJob job(session->catalog(), session->store(), args.positional(0));
    if (!ctx.runJob(&job))
        return CliContext::fail(job.errorString());
    CliContext::printLine(job.resultText());
    return Cli::Success;
}

int backupDelete(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("backup delete ID"),
                          tr("Deletes a backup's object, manifest and catalog row (audited)."));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    int exitCode = Cli::Failure;
    auto session = JobsSession::open(ctx, &exitCode);
    if (!session)
        return exitCode;
    DeleteJob job(session->catalog(), session->store(), ctx.clock(), args.positional(0), CliContext::actor());
    return runJobAndReport(ctx, &job, tr("Deleted backup %1.").arg(args.positional(0)));
}

int backupPin(const QStringList &input, bool pin)
{
    CliContext::Args args(pin ? QStringLiteral("backup pin ID") : QStringLiteral("backup unpin ID"),
                          pin ? tr("Exempts a backup from retention.") : tr("Lets retention consider a backup again."));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.catalog();
    if (!catalog)
        return CliContext::fail(ctx.lastError());
    const QString id = args.positional(0);
    const auto record = catalog->backup(id);
    if (!record)
        return CliContext::fail(tr("There is no backup %1 in the catalog.").arg(id));
    if (!catalog->setPinned(id, pin))
        return CliContext::fail(catalog->lastError());
    catalog->audit(AuditEntry{ ctx.clock()->nowUtc(), CliContext::actor(),
                               pin ? QStringLiteral("backup.pin") : QStringLiteral("backup.unpin"), record->siteId, id,
                               QString() });
    CliContext::printLine(pin ? tr("Pinned backup %1.").arg(id) : tr("Unpinned backup %1.").arg(id));
    return Cli::Success;
}

void printUsage(QTextStream &out)
{
    out << "Usage: creodrop-backupctl backup <command> [arguments]\n\n"
           "  create SITE ENV [--no-wait]   take a backup now (prints the id; waits unless --no-wait)\n"
           "  list SITE [--env E] [--status S] [--json]\n"
           "  show ID [--json]\n"
           "  download ID [-o PATH]         download, verify SHA-256, save with mode 0600\n"
           "  link ID                       print a download URL valid for 15 minutes\n"
           "  verify ID                     re-hash the stored backup and test its gzip stream\n"
           "  delete ID                     delete object, manifest and catalog row\n"
           "  pin ID | unpin ID             exempt from retention, or not\n";
}

} // namespace

int Cli::runBackup(const QStringList &args)
{
    if (args.isEmpty()) {
        QTextStream err(stderr);
        printUsage(err);
        return UsageError;
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        QTextStream out(stdout);
        printUsage(out);
        return Success;
    }
    if (sub == QLatin1String("list"))
        return backupList(rest);
    if (sub == QLatin1String("show"))
        return backupShow(rest);
    if (sub == QLatin1String("create"))
        return backupCreate(rest);
    if (sub == QLatin1String("download"))
        return backupDownload(rest);
    if (sub == QLatin1String("link"))
        return backupLink(rest);
    if (sub == QLatin1String("verify"))
        return backupVerify(rest);
    if (sub == QLatin1String("delete"))
        return backupDelete(rest);
    if (sub == QLatin1String("pin") || sub == QLatin1String("unpin"))
        return backupPin(rest, sub == QLatin1String("pin"));
    QTextStream err(stderr);
    err << "creodrop-backupctl backup: unknown command '" << sub << "'\n";
    printUsage(err);
    return UsageError;
}
