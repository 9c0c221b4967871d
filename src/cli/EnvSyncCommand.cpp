// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// "env sync" and "env sanitize-sql": adapters over SyncJob and the catalog's custom SQL.
#include "CliArgs.h"
#include "CliContext.h"
#include "Commands.h"
#include "JobsSession.h"
#include "StopSignals.h"
#include "jobs/WorkerIdentity.h"
#include "operations/SetSanitizeSqlOperation.h"
#include "operations/SyncJob.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

using Cli::tr;

namespace {

int exitCodeFor(const SyncJob &job)
{
    if (job.succeeded())
        return Cli::Success;
    return job.refusal() == SyncJob::Refusal::Invalid ? Cli::UsageError : Cli::Failure;
}

} // namespace

int Cli::envSync(CliArgs &args, const QStringList &input)
{
    for (const char *name : { "from", "to", "confirm", "sanitize" })
        args.option(QLatin1String(name));
    args.flag(QStringLiteral("skip-cache-data"));
    if (!args.parse(input, 1, 1) || !args.require(QStringLiteral("from")) || !args.require(QStringLiteral("to")))
        return args.exitCode();
    SyncRequest request;
    request.siteId = args.positional(0);
    if (!Slug::isValid(request.siteId))
        return args.usageError(Slug::validationError(request.siteId, QStringLiteral("site")));
    const auto from = Environments::fromString(args.value(QStringLiteral("from")));
    const auto to = Environments::fromString(args.value(QStringLiteral("to")));
    if (!from || !to)
        return args.usageError(tr("Unknown environment: use prod, stage or dev for --from and --to."));
    request.from = *from;
    request.to = *to;
    request.confirmation = args.value(QStringLiteral("confirm"));
    const auto profile = SanitizeProfiles::fromString(
        args.isSet(QStringLiteral("sanitize")) ? args.value(QStringLiteral("sanitize")) : QStringLiteral("none"));
    if (!profile)
        return args.usageError(tr("Unknown sanitizing profile \"%1\": use none, wordpress or drupal.")
                                   .arg(args.value(QStringLiteral("sanitize"))));
    request.sanitize = *profile;
    request.skipCacheData = args.isSet(QStringLiteral("skip-cache-data"));

    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Cli::Failure;
    OperationContext context;
    context.catalog = catalog;
    context.secrets = ctx.secrets();
    context.clock = ctx.clock();
    context.actor = CliContext::actor();
    context.workerId = WorkerIdentity::current();
    context.heartbeatSeconds = WorkerIdentity::heartbeatSeconds();
    QString message;
    std::unique_ptr<JobsSession> session;
    // A refused sync needs no storage: it is refused (and audited) the same without one.
    if (SyncJob::check(catalog, request, &message) == SyncJob::Refusal::None) {
        session = JobsSession::open(ctx);
        if (!session)
            return Cli::Failure;
        context = session->operationContext();
        for (const QString &line : SyncJob::plan(catalog, request))
            CliContext::printLine(line);
    }
    SyncJob job(context, request);
    StopSignals stopSignals(StopSignals::kRollbackGraceMs);
    stopSignals.setGraceMessage(
        StopSignals::rollbackGraceMessage(request.siteId + QLatin1Char('/') + Environments::toString(request.to)));
    stopSignals.ignoreSignalsAfterwards();
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &job, [&job] { job.cancel(); });
    ctx.runJob(&job);
    if (!job.succeeded()) {
        CliContext::fail(job.errorString());
        if (StopSignals::received())
            return StopSignals::exitCode();
        return exitCodeFor(job);
    }
    if (StopSignals::received())
        CliContext::note(
            tr("%1 came as the sync was finishing; it finished and is kept.").arg(StopSignals::receivedName()));
    CliContext::printLine(job.resultText());
    return Cli::Success;
}

int Cli::envSanitizeSql(CliArgs &args, const QStringList &input)
{
    args.option(QStringLiteral("file"));
    args.flag(QStringLiteral("clear"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    if (args.isSet(QStringLiteral("file")) && args.isSet(QStringLiteral("clear")))
        return args.usageError(tr("Give --file or --clear, not both."));
    const QString siteId = args.positional(0);
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Cli::Failure;
    if (!catalog->site(siteId))
        return ctx.failNoSite(siteId);
    if (!args.isSet(QStringLiteral("file")) && !args.isSet(QStringLiteral("clear"))) {
        const QString sql = catalog->sanitizeSql(siteId);
        QTextStream out(stdout);
        out << sql;
        if (!sql.isEmpty() && !sql.endsWith(QLatin1Char('\n')))
            out << '\n';
        return Cli::Success;
    }
    QString sql;
    if (args.isSet(QStringLiteral("file"))) {
        const QString path = args.value(QStringLiteral("file"));
        QFile file(path);
        if (path == QLatin1String("-") ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly))
            return CliContext::fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
        sql = QString::fromUtf8(file.readAll());
        if (sql.trimmed().isEmpty())
            return args.usageError(tr("%1 is empty: use --clear to remove the custom SQL.").arg(path));
    }
    return CliContext::report(SetSanitizeSqlOperation(ctx.operationContext()).run(siteId, sql));
}
