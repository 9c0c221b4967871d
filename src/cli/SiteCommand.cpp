// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"
#include "Commands.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace {

const char kSiteUsage[] = "site add|list|show|rm ...";
const char kSiteHelp[] = "  site add SITE --name N --customer C --tier basic|developer\n"
                         "  site list [--json]\n"
                         "  site show SITE [--json]\n"
                         "  site rm SITE\n"
                         "SITE and C are slugs: 1-63 lower-case letters, digits and dashes.\n"
                         "A basic-tier site has prod only; a developer-tier site has dev, stage and prod.";

int siteAdd(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("site add SITE --name N --customer C --tier basic|developer"));
    args.option(QStringLiteral("name"));
    args.option(QStringLiteral("customer"));
    args.option(QStringLiteral("tier"));
    if (!args.parse(input, 1, 1) || !args.require(QStringLiteral("name")) || !args.require(QStringLiteral("customer"))
        || !args.require(QStringLiteral("tier")))
        return args.exitCode();
    const auto tier = Environments::tierFromString(args.value(QStringLiteral("tier")));
    if (!tier)
        return args.usageError(QStringLiteral("--tier must be basic or developer"));
    Site site;
    site.id = args.positional(0);
    site.name = args.value(QStringLiteral("name"));
    site.customer = args.value(QStringLiteral("customer"));
    site.tier = *tier;
    CliContext ctx;
    Catalog *catalog = ctx.catalog();
    if (!catalog)
        return CliContext::fail(ctx.lastError());
    if (!catalog->addSite(site))
        return CliContext::fail(catalog->lastError());
    catalog->audit(
        { {},
          CliContext::actor(),
          QStringLiteral("site.add"),
          site.id,
          {},
          QStringLiteral("%1 tier, customer %2").arg(Environments::tierToString(site.tier), site.customer) });
    CliContext::printLine(QStringLiteral("Added site %1 (%2).").arg(site.id, Environments::tierToString(site.tier)));
    return Cli::Success;
}

int siteList(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("site list [--json]"));
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.catalog();
    if (!catalog)
        return CliContext::fail(ctx.lastError());
    const QVector<Site> sites = catalog->sites();
    if (args.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Site &s : sites)
            array.append(CliContext::siteToJson(s));
        CliContext::printJson(array);
        return Cli::Success;
    }
    QVector<QStringList> rows;
    for (const Site &s : sites) {
        QStringList envs;
        for (Environment e : s.environments())
            envs << Environments::toString(e);
        rows.append({ s.id, s.name, s.customer, Environments::tierToString(s.tier), envs.join(u',') });
    }
    CliContext::printTable({ QStringLiteral("SITE"), QStringLiteral("NAME"), QStringLiteral("CUSTOMER"),
                             QStringLiteral("TIER"), QStringLiteral("ENVIRONMENTS") },
                           rows);
    return Cli::Success;
}

int siteShow(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("site show SITE [--json]"));
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.catalog();
    if (!catalog)
        return CliContext::fail(ctx.lastError());
    const auto site = catalog->site(args.positional(0));
    if (!site)
        return CliContext::fail(QStringLiteral("no site \"%1\" in the catalog").arg(args.positional(0)));
    const QVector<EnvironmentConfig> envs = catalog->environments(site->id);
    const QVector<Schedule> schedules = catalog->schedules(site->id);
    const QDateTime now = ctx.clock()->nowUtc();
    if (args.isSet(QStringLiteral("json"))) {
        QJsonObject o = CliContext::siteToJson(*site);
        QJsonArray envArray, scheduleArray;
        for (const EnvironmentConfig &c : envs)
            envArray.append(CliContext::environmentToJson(c));
        for (const Schedule &s : schedules)
            scheduleArray.append(CliContext::scheduleToJson(s, now));
        o.insert(QStringLiteral("endpoints"), envArray);
        o.insert(QStringLiteral("schedules"), scheduleArray);
        CliContext::printJson(o);
        return Cli::Success;
    }
    QTextStream out(stdout);
    out << "Site:      " << site->id << '\n'
        << "Name:      " << site->name << '\n'
        << "Customer:  " << site->customer << '\n'
        << "Tier:      " << Environments::tierToString(site->tier) << '\n'
        << "Created:   " << CliContext::formatTime(site->createdAt) << "\n\n";
    out.flush();
    QVector<QStringList> rows;
    for (Environment e : site->environments()) {
        QString endpoint = QStringLiteral("(not configured)");
        QString schedule = QStringLiteral("-");
        for (const EnvironmentConfig &c : envs) {
            if (c.environment == e)
                endpoint = c.endpoint.describe();
        }
        for (const Schedule &s : schedules) {
            if (s.environment == e)
                schedule = CliContext::describeSchedule(s) + QStringLiteral(", keep %1").arg(s.keepLast)
                    + (s.keepDays > 0 ? QStringLiteral(" + %1 days").arg(s.keepDays) : QString());
        }
        rows.append({ Environments::toString(e), endpoint, schedule });
    }
    CliContext::printTable({ QStringLiteral("ENV"), QStringLiteral("MYSQL"), QStringLiteral("SCHEDULE (UTC)") }, rows);
    return Cli::Success;
}

int siteRemove(const QStringList &input)
{
    CliContext::Args args(QStringLiteral("site rm SITE"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.catalog();
    if (!catalog)
        return CliContext::fail(ctx.lastError());
    const QString siteId = args.positional(0);
    const QVector<EnvironmentConfig> envs = catalog->environments(siteId);
    if (!catalog->removeSite(siteId))
        return CliContext::fail(catalog->lastError() + QStringLiteral(" (backup delete ID removes one)"));
    catalog->audit({ {}, CliContext::actor(), QStringLiteral("site.remove"), siteId, {}, {} });
    // The passwords belong to the site: do not leave them behind in the keychain.
    for (const EnvironmentConfig &c : envs) {
        if (!ctx.removeSecret(c.secretKey()))
            QTextStream(stderr) << "creodrop-backupctl: warning: could not remove the password " << c.secretKey()
                                << " from the keychain: " << ctx.lastError() << '\n';
    }
    CliContext::printLine(QStringLiteral("Removed site %1.").arg(siteId));
    return Cli::Success;
}

QString readPasswordFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QString password = QString::fromUtf8(in.readAll());
    // `echo secret | ...` and here-strings add a newline that is not part of the password.
    if (password.endsWith(u'\n'))
        password.chop(1);
    if (password.endsWith(u'\r'))
        password.chop(1);
    return password;
}

} // namespace

int Cli::runSite(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add"))
        return siteAdd(rest);
    if (sub == QLatin1String("list") || sub == QLatin1String("ls"))
        return siteList(rest);
    if (sub == QLatin1String("show"))
        return siteShow(rest);
    if (sub == QLatin1String("rm") || sub == QLatin1String("remove"))
        return siteRemove(rest);
    CliContext::Args usage{ QString::fromLatin1(kSiteUsage), QString::fromLatin1(kSiteHelp) };
    if (sub.isEmpty())
        return usage.usageError(QStringLiteral("missing command"));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        usage.parse({ QStringLiteral("--help") }, 0, 0);
        return Success;
    }
    return usage.usageError(QStringLiteral("unknown site command '%1'").arg(sub));
}

int Cli::runEnv(const QStringList &input)
{
    if (input.value(0) != QLatin1String("set")) {
        CliContext::Args usage(QStringLiteral("env set SITE ENV --host H --port P [--socket S] --database DB --user U "
                                              "[--password-stdin]"),
                               QStringLiteral("Sets the MySQL endpoint of a site's environment (prod, stage, dev).\n"
                                              "--password-stdin reads the password from standard input and stores "
                                              "it in the keychain\n(never in settings or the catalog); MYSQL_PWD "
                                              "overrides it for headless runs."));
        const QString first = input.value(0);
        if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
            usage.parse({ QStringLiteral("--help") }, 0, 0);
            return Success;
        }
        return usage.usageError(first.isEmpty() ? QStringLiteral("missing command")
                                                : QStringLiteral("unknown env command '%1'").arg(first));
    }
    CliContext::Args args(QStringLiteral("env set SITE ENV --host H --port P [--socket S] --database DB --user U "
                                         "[--password-stdin]"));
    for (const char *name : { "host", "port", "socket", "database", "user" })
        args.option(QLatin1String(name));
    args.flag(QStringLiteral("password-stdin"));
    if (!args.parse(input.mid(1), 2, 2) || !args.require(QStringLiteral("database"))
        || !args.require(QStringLiteral("user")))
        return args.exitCode();
    const auto env = Environments::fromString(args.positional(1));
    if (!env)
        return args.usageError(
            QStringLiteral("unknown environment '%1': use prod, stage or dev").arg(args.positional(1)));
    EnvironmentConfig config;
    config.siteId = args.positional(0);
    config.environment = *env;
    config.endpoint.host
        = args.isSet(QStringLiteral("host")) ? args.value(QStringLiteral("host")) : QStringLiteral("127.0.0.1");
    config.endpoint.socket = args.value(QStringLiteral("socket"));
    config.endpoint.database = args.value(QStringLiteral("database"));
    config.endpoint.user = args.value(QStringLiteral("user"));
    if (args.isSet(QStringLiteral("port"))) {
        bool ok = false;
        config.endpoint.port = args.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || config.endpoint.port < 1 || config.endpoint.port > 65535)
            return args.usageError(QStringLiteral("--port must be a number from 1 to 65535"));
    }
    if (!args.isSet(QStringLiteral("host")) && config.endpoint.socket.isEmpty())
        return args.usageError(QStringLiteral("give --host (and --port) or --socket"));

    QString password;
    const bool withPassword = args.isSet(QStringLiteral("password-stdin"));
    if (withPassword) {
        password = readPasswordFromStdin();
        if (password.isEmpty())
            return CliContext::fail(QStringLiteral("--password-stdin: no password on standard input"));
    }

    CliContext ctx;
    Catalog *catalog = ctx.catalog();
    if (!catalog)
        return CliContext::fail(ctx.lastError());
    if (!catalog->setEnvironment(config))
        return CliContext::fail(catalog->lastError());
    catalog->audit({ {},
                     CliContext::actor(),
                     QStringLiteral("environment.set"),
                     config.siteId,
                     {},
                     QStringLiteral("%1 -> %2").arg(args.positional(1), config.endpoint.describe()) });
    if (withPassword && !ctx.writeSecret(config.secretKey(), password))
        return CliContext::fail(
            QStringLiteral("saved the endpoint, but could not store the password: %1").arg(ctx.lastError()));
    CliContext::printLine(QStringLiteral("Set %1/%2 to %3%4.")
                              .arg(config.siteId, args.positional(1), config.endpoint.describe(),
                                   withPassword ? QStringLiteral(" (password in the keychain)") : QString()));
    return Success;
}
