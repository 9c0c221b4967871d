// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"
#include "CliContext.h"
#include "Commands.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

int Cli::backupList(CliArgs &args, const QStringList &input)
{
    if (input.contains(QStringLiteral("--all-sites")))
        return backupListAllSites(args, input);
    args.option(QStringLiteral("env"));
    args.option(QStringLiteral("status"));
    args.flag(QStringLiteral("json"));
    args.flag(QStringLiteral("timing"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    EnvironmentFilter filter;
    if (args.isSet(QStringLiteral("env"))) {
        const auto env = Environments::fromString(args.value(QStringLiteral("env")));
        if (!env)
            return args.usageError(QStringLiteral("--env must be prod, stage or dev"));
        filter.setEnvironment(env);
    }
    if (args.isSet(QStringLiteral("status"))) {
        const auto status = Backups::statusFromString(args.value(QStringLiteral("status")));
        if (!status)
            return args.usageError(
                QStringLiteral("--status must be pending, in_progress, completed, failed, cancelled or deleting"));
        filter.setStatus(status);
    }
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Failure;
    const QString siteId = args.positional(0);
    QElapsedTimer timer;
    timer.start();
    const bool known = catalog->site(siteId).has_value();
    const QVector<BackupRecord> backups = known ? catalog->backups(siteId, filter) : QVector<BackupRecord>();
    const qint64 queryNs = timer.nsecsElapsed();
    if (ctx.catalogFailed())
        return Failure;
    if (!known)
        return ctx.failNoSite(siteId);
    if (args.isSet(QStringLiteral("timing")))
        QTextStream(stderr)
            << QStringLiteral("query: %1 ms, %2 rows\n").arg(queryNs / 1e6, 0, 'f', 3).arg(backups.size());

    if (args.isSet(QStringLiteral("json"))) {
        CliContext::printJson(CliContext::toJsonArray(backups, CliContext::backupToJson));
        return Success;
    }
    QVector<QStringList> rows;
    rows.reserve(backups.size());
    for (const BackupRecord &b : backups) {
        rows.append({ b.id, Environments::toString(b.environment), Backups::typeToString(b.type),
                      Backups::statusToString(b.status) + (b.pinned ? QStringLiteral(" (pinned)") : QString()),
                      CliContext::formatTime(b.createdAt), CliContext::formatSize(b.sizeBytes), b.createdBy });
    }
    CliContext::printTable({ QStringLiteral("ID"), QStringLiteral("ENV"), QStringLiteral("TYPE"),
                             QStringLiteral("STATUS"), QStringLiteral("CREATED (UTC)"), QStringLiteral("SIZE"),
                             QStringLiteral("CREATED BY") },
                           rows);
    return Success;
}

int Cli::backupShow(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Failure;
    const auto backup = catalog->backup(args.positional(0));
    if (ctx.catalogFailed())
        return Failure;
    if (!backup)
        return CliContext::fail(QStringLiteral("no backup \"%1\" in the catalog").arg(args.positional(0)));
    if (args.isSet(QStringLiteral("json"))) {
        CliContext::printJson(CliContext::backupToJson(*backup));
        return Success;
    }
    const BackupRecord &b = *backup;
    auto orDash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("-") : s; };
    QTextStream out(stdout);
    out << "ID:          " << b.id << '\n'
        << "Site:        " << b.siteId << " (customer " << b.customer << ")\n"
        << "Environment: " << Environments::toString(b.environment) << '\n'
        << "Type:        " << Backups::typeToString(b.type) << '\n'
        << "Status:      " << Backups::statusToString(b.status) << (b.pinned ? " (pinned)" : "") << '\n'
        << "Created:     " << CliContext::formatTime(b.createdAt) << " by " << orDash(b.createdBy) << '\n'
        << "Started:     " << orDash(CliContext::formatTime(b.startedAt)) << '\n'
        << "Finished:    " << orDash(CliContext::formatTime(b.finishedAt)) << '\n'
        << "Size:        " << CliContext::formatSize(b.sizeBytes) << " (SQL " << CliContext::formatSize(b.rawSizeBytes)
        << ")\n"
        << "SHA-256:     " << orDash(b.sha256) << '\n'
        << "Object key:  " << b.objectKey << '\n';
    if (!b.errorText.isEmpty())
        out << "Error:       " << b.errorText << '\n';
    return Success;
}
