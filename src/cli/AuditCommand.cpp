// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"
#include "CliContext.h"
#include "CommandGroup.h"
#include "Commands.h"

#include <QRegularExpression>

#include <climits>

namespace {

/// "YYYY-MM-DD" (that day, 00:00:00 UTC) or an ISO 8601 time; a time without an offset is UTC.
std::optional<QDateTime> parseSince(const QString &text)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(text).hasMatch()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return std::nullopt;
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (!text.contains(u'T'))
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt.toUTC();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject auditToJson(const AuditEntry &e)
{
    return QJsonObject{
        { QStringLiteral("at"), CliContext::formatTime(e.at) },
        { QStringLiteral("actor"), e.actor },
        { QStringLiteral("action"), e.action },
        { QStringLiteral("site"), textOrNull(e.siteId) },
        { QStringLiteral("env"),
          e.environment ? QJsonValue(Environments::toString(*e.environment)) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("backup_id"), textOrNull(e.backupId) },
        { QStringLiteral("detail"), e.detail },
        { QStringLiteral("outcome"), AuditOutcomes::toString(e.outcome) },
    };
}

int auditList(CliArgs &args, const QStringList &input)
{
    args.option(QStringLiteral("site"));
    args.option(QStringLiteral("since"));
    args.option(QStringLiteral("limit"));
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    AuditFilter filter;
    if (args.isSet(QStringLiteral("site"))) {
        const QString siteId = args.value(QStringLiteral("site"));
        if (!Slug::isValid(siteId))
            return args.usageError(Slug::validationError(siteId, QStringLiteral("site")));
        filter.setSiteId(siteId);
    }
    if (args.isSet(QStringLiteral("since"))) {
        const auto since = parseSince(args.value(QStringLiteral("since")));
        if (!since)
            return args.usageError(QStringLiteral(
                "--since takes a date YYYY-MM-DD or an ISO 8601 time, e.g. 2026-12-01 or 2026-12-01T08:30:00Z"));
        filter.setSince(*since);
    }
    if (args.isSet(QStringLiteral("limit"))) {
        const auto limit
            = args.integer(QStringLiteral("limit"), 1, INT_MAX, QStringLiteral("--limit takes a number >= 1"));
        if (!limit)
            return args.exitCode();
        filter.setLimit(*limit);
    }
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Cli::Failure;
    const QVector<AuditEntry> entries = catalog->auditLog(filter);
    if (ctx.catalogFailed())
        return Cli::Failure;
    // A removed site's history stays listable; a name that never had one is a typo.
    if (!filter.siteId().isEmpty() && entries.isEmpty() && !catalog->site(filter.siteId())) {
        AuditFilter anyTime;
        anyTime.setSiteId(filter.siteId());
        anyTime.setLimit(1);
        if (catalog->auditLog(anyTime).isEmpty())
            return ctx.failNoSite(filter.siteId());
    }
    if (args.isSet(QStringLiteral("json"))) {
        CliContext::printJson(CliContext::toJsonArray(entries, auditToJson));
        return Cli::Success;
    }
    auto orDash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("-") : s; };
    QVector<QStringList> rows;
    rows.reserve(entries.size());
    for (const AuditEntry &e : entries) {
        rows.append({ CliContext::formatTime(e.at), orDash(e.actor), e.action, orDash(e.siteId),
                      e.environment ? Environments::toString(*e.environment) : QStringLiteral("-"), orDash(e.backupId),
                      AuditOutcomes::toString(e.outcome), e.detail });
    }
    CliContext::printTable({ QStringLiteral("AT (UTC)"), QStringLiteral("ACTOR"), QStringLiteral("ACTION"),
                             QStringLiteral("SITE"), QStringLiteral("ENV"), QStringLiteral("BACKUP"),
                             QStringLiteral("OUTCOME"), QStringLiteral("DETAIL") },
                           rows);
    return Cli::Success;
}

} // namespace

const CommandGroup &Cli::auditCommands()
{
    static const CommandGroup group(
        "audit", "list the audit log: who did what to which site, environment or backup",
        {
            { "list", "ls", "audit list [--site SITE] [--since DATE|ISO-TIME] [--limit N] [--json]",
              "list audit entries, newest first", nullptr, auditList },
        },
        QT_TRANSLATE_NOOP("Cli",
                          "--since is inclusive; a DATE (YYYY-MM-DD) means that day 00:00:00 UTC, a time without\n"
                          "an offset is UTC. Every entry is listed unless --limit N keeps the newest N."));
    return group;
}
