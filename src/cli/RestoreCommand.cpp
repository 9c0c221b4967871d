// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"
#include "CliContext.h"
#include "Commands.h"
#include "JobsSession.h"
#include "StopSignals.h"
#include "operations/BackupRestoreSource.h"
#include "operations/FileRestoreSource.h"
#include "operations/RestoreJob.h"
#include "operations/RestorePreflightJob.h"

#include <QTextStream>

#include <optional>

using Cli::tr;

int Cli::backupRestore(CliArgs &args, const QStringList &input)
{
    args.option(QStringLiteral("to"));
    args.option(QStringLiteral("confirm"));
    args.option(QStringLiteral("file"));
    args.option(QStringLiteral("site"));
    args.flag(QStringLiteral("dry-run"));
    if (!args.parse(input, 0, 1))
        return args.exitCode();
    const QString backupId = args.positional(0);
    const QString filePath = args.value(QStringLiteral("file"));
    if (backupId.isEmpty() == filePath.isEmpty())
        return args.usageError(tr("Give either a backup ID or --file PATH, not both and not neither."));
    std::optional<Environment> to;
    if (args.isSet(QStringLiteral("to"))) {
        to = Environments::fromString(args.value(QStringLiteral("to")));
        if (!to)
            return args.usageError(
                tr("Unknown environment \"%1\": use prod, stage or dev.").arg(args.value(QStringLiteral("to"))));
    }
    QString siteId = args.value(QStringLiteral("site"));
    if (!filePath.isEmpty()) {
        if (siteId.isEmpty() || !to)
            return args.usageError(tr("A restore from a file needs --site SITE and --to ENV."));
        if (!Slug::isValid(siteId))
            return args.usageError(Slug::validationError(siteId, QStringLiteral("site")));
    } else if (!siteId.isEmpty()) {
        return args.usageError(tr("--site goes with --file; a backup restores into its own site."));
    }

    CliContext ctx;
    auto session = JobsSession::open(ctx);
    if (!session)
        return Cli::Failure;
    if (!backupId.isEmpty()) {
        const auto record = ctx.findBackup(backupId);
        if (!record)
            return Cli::Failure;
        siteId = record->siteId;
        if (!to)
            to = record->environment;
    }
    const OperationContext context = session->operationContext();

    RestoreRequest request;
    request.siteId = siteId;
    request.target = *to;
    request.sourceBackupId = backupId;
    request.confirmation = args.value(QStringLiteral("confirm"));

    // The preflight only reads; it is skipped when the confirmation is missing or wrong so a
    // refused prod restore does not even connect to prod.
    const QString required = RestoreRequest::requiredConfirmation(request.siteId, request.target);
    if (required.isEmpty() || request.confirmation == required) {
        RestorePreflightJob preflight(context, request.siteId, request.target, backupId, filePath);
        const bool known = ctx.runJob(&preflight);
        if (args.isSet(QStringLiteral("dry-run"))) {
            if (!known)
                return CliContext::fail(preflight.errorString());
            QTextStream(stdout) << preflight.result().toText(ctx.clock()->nowUtc()) << '\n';
            return preflight.result().canRun() ? Cli::Success : Cli::Failure;
        }
        // An unknown site or environment: the restore below refuses it and audits the refusal.
        if (known)
            QTextStream(stdout) << preflight.result().toText(ctx.clock()->nowUtc()) << '\n';
    }

    RestoreSource *source = nullptr;
    if (!backupId.isEmpty()) {
        source = new BackupRestoreSource(session->catalog(), session->store(), backupId);
    } else {
        const auto config = session->catalog()->environment(request.siteId, request.target);
        source = new FileRestoreSource(filePath, config ? config->endpoint.database : QString());
    }
    // A rollback announces its phase again once its backup is fetched: one line per phase.
    std::optional<RestoreJob::Phase> printed;
    RestoreJob job(context, request, source);
    QObject::connect(&job, &RestoreJob::phaseChanged, &job, [&printed](RestoreJob::Phase phase) {
        if (phase == RestoreJob::Phase::Done || printed == phase)
            return;
        printed = phase;
        CliContext::printLine(tr("%1...").arg(RestoreJob::phaseName(phase)));
    });
    StopSignals stopSignals(StopSignals::kRollbackGraceMs);
    stopSignals.setGraceMessage(
        StopSignals::rollbackGraceMessage(request.siteId + QLatin1Char('/') + Environments::toString(request.target)));
    stopSignals.ignoreSignalsAfterwards();
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &job, [&job] { job.cancel(); });
    const bool ok = ctx.runJob(&job);
    if (!ok && StopSignals::received()) {
        CliContext::fail(job.message());
        return StopSignals::exitCode();
    }
    if (!ok)
        return CliContext::fail(job.message().isEmpty() ? job.errorString() : job.message());
    // A stop during the last checks that the restore finished first: the target was replaced, and
    // the exit code must not say it was stopped.
    if (StopSignals::received())
        CliContext::note(
            tr("%1 came as the restore was finishing; it finished and is kept.").arg(StopSignals::receivedName()));
    CliContext::printLine(job.message());
    return Cli::Success;
}
