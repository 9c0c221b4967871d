// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"
#include "CliContext.h"
#include "CommandGroup.h"
#include "Commands.h"
#include "operations/RemoveScheduleOperation.h"
#include "operations/SetScheduleOperation.h"

#include <QRegularExpression>

#include <climits>

namespace {

std::optional<QTime> parseTime(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([01]?\\d|2[0-3]):([0-5]\\d)$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return QTime(m.captured(1).toInt(), m.captured(2).toInt());
}

int parseWeekday(const QString &text)
{
    static const char *const names[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
    const QString lower = text.toLower();
    bool isNumber = false;
    const int n = lower.toInt(&isNumber);
    if (isNumber)
        return n >= 1 && n <= 7 ? n : 0;
    for (int i = 0; i < 7; ++i) {
        const QLatin1String name(names[i]);
        if (lower.size() >= 3 && name.startsWith(lower))
            return i + 1;
    }
    return 0;
}

int scheduleSet(CliArgs &args, const QStringList &input)
{
    args.option(QStringLiteral("daily"));
    args.option(QStringLiteral("weekly"));
    args.option(QStringLiteral("keep"));
    args.option(QStringLiteral("keep-days"));
    if (!args.parse(input, 2, 2) || !args.require(QStringLiteral("keep")))
        return args.exitCode();
    const auto env = args.environment(1);
    if (!env)
        return args.exitCode();
    const bool daily = args.isSet(QStringLiteral("daily")), weekly = args.isSet(QStringLiteral("weekly"));
    if (daily == weekly)
        return args.usageError(QStringLiteral("give exactly one of --daily HH:MM or --weekly DAY@HH:MM"));
    Schedule s;
    s.siteId = args.positional(0);
    s.environment = *env;
    if (daily) {
        const auto time = parseTime(args.value(QStringLiteral("daily")));
        if (!time)
            return args.usageError(QStringLiteral("--daily takes a UTC time HH:MM, e.g. 02:30"));
        s.frequency = Schedule::Frequency::Daily;
        s.timeUtc = *time;
    } else {
        const QStringList parts = args.value(QStringLiteral("weekly")).split(u'@');
        const auto time = parts.size() == 2 ? parseTime(parts.at(1)) : std::nullopt;
        const int day = parts.size() == 2 ? parseWeekday(parts.at(0)) : 0;
        if (!time || day == 0)
            return args.usageError(QStringLiteral("--weekly takes DAY@HH:MM (UTC), e.g. sun@03:00"));
        s.frequency = Schedule::Frequency::Weekly;
        s.weekday = day;
        s.timeUtc = *time;
    }
    const auto keep = args.integer(QStringLiteral("keep"), 1, INT_MAX, QStringLiteral("--keep takes a number >= 1"));
    if (!keep)
        return args.exitCode();
    s.keepLast = *keep;
    if (args.isSet(QStringLiteral("keep-days"))) {
        const auto keepDays
            = args.integer(QStringLiteral("keep-days"), 0, INT_MAX, QStringLiteral("--keep-days takes a number >= 0"));
        if (!keepDays)
            return args.exitCode();
        s.keepDays = *keepDays;
    }
    CliContext ctx;
    if (!ctx.openCatalog())
        return Cli::Failure;
    const OperationResult result = SetScheduleOperation(ctx.operationContext()).run(s);
    if (!result.succeeded())
        return CliContext::fail(result.message);
    CliContext::printLine(
        QStringLiteral("Scheduled %1/%2: %3.").arg(s.siteId, Environments::toString(s.environment), result.message));
    return Cli::Success;
}

int scheduleShow(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 0, 1))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Cli::Failure;
    const QString siteId = args.positional(0);
    if (!siteId.isEmpty() && !catalog->site(siteId))
        return ctx.failNoSite(siteId);
    const QVector<Schedule> schedules = catalog->schedules(siteId);
    if (ctx.catalogFailed())
        return Cli::Failure;
    const QDateTime now = ctx.clock()->nowUtc();
    auto toJson = [&now](const Schedule &s) { return CliContext::scheduleToJson(s, now); };
    if (args.isSet(QStringLiteral("json"))) {
        CliContext::printJson(CliContext::toJsonArray(schedules, toJson));
        return Cli::Success;
    }
    QVector<QStringList> rows;
    for (const Schedule &s : schedules) {
        rows.append({ s.siteId, Environments::toString(s.environment), CliContext::describeSchedule(s),
                      QString::number(s.keepLast), s.keepDays > 0 ? QString::number(s.keepDays) : QStringLiteral("-"),
                      s.lastRunAt.isValid() ? CliContext::formatTime(s.lastRunAt) : QStringLiteral("never"),
                      toJson(s).value(QStringLiteral("next_run_at")).toString() });
    }
    CliContext::printTable({ QStringLiteral("SITE"), QStringLiteral("ENV"), QStringLiteral("WHEN (UTC)"),
                             QStringLiteral("KEEP"), QStringLiteral("KEEP-DAYS"), QStringLiteral("LAST RUN"),
                             QStringLiteral("NEXT RUN") },
                           rows);
    return Cli::Success;
}

int scheduleRemove(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 2, 2))
        return args.exitCode();
    const auto env = args.environment(1);
    if (!env)
        return args.exitCode();
    CliContext ctx;
    if (!ctx.openCatalog())
        return Cli::Failure;
    const OperationResult result = RemoveScheduleOperation(ctx.operationContext()).run(args.positional(0), *env);
    if (!result.succeeded())
        return CliContext::fail(result.message);
    CliContext::printLine(QStringLiteral("Removed the schedule of %1/%2.").arg(args.positional(0), args.positional(1)));
    return Cli::Success;
}

} // namespace

const CommandGroup &Cli::scheduleCommands()
{
    static const CommandGroup group(
        "schedule", "set, show and remove an environment's backup schedule and retention",
        {
            { "set", nullptr, "schedule set SITE ENV --daily HH:MM | --weekly DAY@HH:MM --keep N [--keep-days D]",
              "back an environment up automatically, with retention", nullptr, scheduleSet },
            { "show", "list", "schedule show [SITE] [--json]", "list the schedules, with their last and next runs",
              nullptr, scheduleShow },
            { "rm", "remove", "schedule rm SITE ENV", "remove a schedule (its backups stay)", nullptr, scheduleRemove },
        },
        QT_TRANSLATE_NOOP("Cli",
                          "Times are UTC. DAY is mon..sun (or monday..sunday, or 1..7 with 1 = Monday).\n"
                          "--keep N keeps the newest N scheduled backups, --keep-days D also those younger "
                          "than D days;\nmanual and pinned backups are never removed by retention."));
    return group;
}
