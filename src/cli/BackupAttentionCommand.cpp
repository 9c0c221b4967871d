// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// "backup list --all-sites [--status S] [--json]": an adapter over AttentionQuery.
#include "CliArgs.h"
#include "CliContext.h"
#include "Commands.h"
#include "jobs/WorkerIdentity.h"
#include "operations/AttentionQuery.h"

namespace {

/// The fields of `backup list --json` (null when the item names no backup, an overdue
/// schedule), then what needs attention.
QJsonObject itemToJson(const AttentionItem &item)
{
    QJsonObject o;
    if (item.backup.isValid()) {
        o = CliContext::backupToJson(item.backup);
    } else {
        const QJsonObject shape = CliContext::backupToJson(BackupRecord());
        for (auto it = shape.begin(); it != shape.end(); ++it)
            o.insert(it.key(), QJsonValue());
    }
    o.insert(QStringLiteral("site"), item.siteId);
    o.insert(QStringLiteral("customer"), item.customer);
    o.insert(QStringLiteral("env"), Environments::toString(item.environment));
    o.insert(QStringLiteral("site_name"), item.siteName);
    o.insert(QStringLiteral("attention"), AttentionKinds::toString(item.kind));
    o.insert(QStringLiteral("attention_at"),
             item.at.isValid() ? QJsonValue(CliContext::formatTime(item.at)) : QJsonValue());
    o.insert(QStringLiteral("reason"), item.reason);
    o.insert(QStringLiteral("action"), AttentionKinds::actionToString(item.action));
    return o;
}

} // namespace

int Cli::backupListAllSites(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("all-sites"));
    args.option(QStringLiteral("status"));
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    AttentionFilter filter;
    if (args.isSet(QStringLiteral("status"))) {
        const auto parsed = AttentionFilter::fromStatusName(args.value(QStringLiteral("status")));
        if (!parsed)
            return args.usageError(QStringLiteral("with --all-sites, --status must be failed, interrupted or overdue"));
        filter = *parsed;
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
    const QVector<AttentionItem> items = AttentionQuery(context).run(filter, ctx.clock()->nowUtc());
    if (ctx.catalogFailed())
        return Failure;

    if (args.isSet(QStringLiteral("json"))) {
        CliContext::printJson(CliContext::toJsonArray(items, itemToJson));
        return Success;
    }
    if (items.isEmpty()) {
        CliContext::printLine(tr("Nothing needs attention."));
        return Success;
    }
    QVector<QStringList> rows;
    rows.reserve(items.size());
    for (const AttentionItem &item : items) {
        rows.append({ item.siteId, Environments::toString(item.environment), AttentionKinds::toString(item.kind),
                      CliContext::formatTime(item.at), item.backup.isValid() ? item.backup.id : QStringLiteral("-"),
                      item.reason });
    }
    CliContext::printTable({ QStringLiteral("SITE"), QStringLiteral("ENV"), QStringLiteral("ATTENTION"),
                             QStringLiteral("SINCE (UTC)"), QStringLiteral("BACKUP"), QStringLiteral("REASON") },
                           rows);
    return Success;
}
