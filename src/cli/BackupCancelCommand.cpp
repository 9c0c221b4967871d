// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// "backup cancel ID [--wait]": an adapter over CancelBackupOperation.
#include "CliArgs.h"
#include "CliContext.h"
#include "Commands.h"
#include "JobsSession.h"
#include "jobs/WorkerIdentity.h"
#include "operations/CancelBackupOperation.h"
#include "util/Counted.h"

#include <QDeadlineTimer>
#include <QThread>

int Cli::backupCancel(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("wait"));
    args.option(QStringLiteral("timeout"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    int timeoutSeconds = 120;
    if (args.isSet(QStringLiteral("timeout"))) {
        const auto timeout = args.integer(QStringLiteral("timeout"), 1, 86400,
                                          QStringLiteral("--timeout must be a number of seconds from 1 to 86400"));
        if (!timeout)
            return args.exitCode();
        timeoutSeconds = *timeout;
    }
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Failure;
    OperationContext context;
    context.catalog = catalog;
    context.secrets = ctx.secrets();
    context.clock = ctx.clock();
    context.actor = CliContext::actor();
    context.workerId = WorkerIdentity::current();
    context.heartbeatSeconds = WorkerIdentity::heartbeatSeconds();
    const QString id = args.positional(0);
    CancelBackupOperation operation(context);
    const OperationResult result = operation.run(id);
    if (!result.succeeded())
        return CliContext::fail(result.message);
    CliContext::printLine(result.message);
    if (!args.isSet(QStringLiteral("wait")) || operation.finishedAtOnce())
        return Success;

    // Polling the row: the runner may be another process on another host, so the catalog is
    // the only place its end shows. A runner that died meanwhile is failed by recovery, which
    // every round checks for (one query unless a runner is gone).
    const QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    for (int round = 0;; ++round) {
        const std::optional<BackupRecord> row = catalog->backup(id);
        if (!row)
            return CliContext::fail(tr("Backup %1 disappeared from the catalog while it was being cancelled.").arg(id));
        if (row->status == BackupStatus::Cancelled) {
            CliContext::printLine(tr("Backup %1 is cancelled.").arg(id));
            return Success;
        }
        if (Backups::isTerminal(row->status))
            return CliContext::fail(tr("Backup %1 ended %2 before its runner saw the cancel request: %3")
                                        .arg(id, Backups::statusToString(row->status), row->errorText));
        if (deadline.hasExpired())
            return CliContext::fail(
                tr("Backup %1 is still %2 after %3: its runner (%4) has not stopped it yet. If that "
                   "process is gone, recovery fails the backup once its heartbeat lapses; check with "
                   "'creodrop-backupctl backup show %1'.")
                    .arg(id, Backups::statusToString(row->status), Counted::of(timeoutSeconds, "second", "seconds"),
                         row->workerId));
        if (round % 8 == 7)
            JobsSession::recoverIfNeeded(ctx);
        QThread::msleep(250);
    }
}
