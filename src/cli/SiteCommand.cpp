// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"
#include "CliContext.h"
#include "CommandGroup.h"
#include "Commands.h"
#include "JobsSession.h"
#include "operations/RemoveSiteJob.h"
#include "operations/SaveSiteOperation.h"
#include "operations/SetEnvironmentJob.h"
#include "util/Counted.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace {

int siteAdd(CliArgs &args, const QStringList &input)
{
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
    if (!ctx.openCatalog())
        return Cli::Failure;
    const OperationResult result = SaveSiteOperation(ctx.operationContext()).run(site, SaveSiteOperation::Mode::Add);
    if (!result.succeeded())
        return CliContext::fail(result.message);
    CliContext::printLine(QStringLiteral("Added site %1 (%2).").arg(site.id, Environments::tierToString(site.tier)));
    return Cli::Success;
}

int siteList(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Cli::Failure;
    const QVector<Site> sites = catalog->sites();
    if (ctx.catalogFailed())
        return Cli::Failure;
    if (args.isSet(QStringLiteral("json"))) {
        CliContext::printJson(CliContext::toJsonArray(sites, CliContext::siteToJson));
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

int siteShow(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("json"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    CliContext ctx;
    Catalog *catalog = ctx.openCatalog();
    if (!catalog)
        return Cli::Failure;
    const auto site = catalog->site(args.positional(0));
    if (!site)
        return ctx.failNoSite(args.positional(0));
    const QVector<EnvironmentConfig> envs = catalog->environments(site->id);
    const QVector<Schedule> schedules = catalog->schedules(site->id);
    if (ctx.catalogFailed())
        return Cli::Failure;
    const QDateTime now = ctx.clock()->nowUtc();
    if (args.isSet(QStringLiteral("json"))) {
        QJsonObject o = CliContext::siteToJson(*site);
        o.insert(QStringLiteral("endpoints"), CliContext::toJsonArray(envs, CliContext::environmentToJson));
        o.insert(QStringLiteral("schedules"), CliContext::toJsonArray(schedules, [&now](const Schedule &s) {
                     return CliContext::scheduleToJson(s, now);
                 }));
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
        QString tls = QStringLiteral("-");
        QString schedule = QStringLiteral("-");
        for (const EnvironmentConfig &c : envs) {
            if (c.environment != e)
                continue;
            endpoint = c.endpoint.describe();
            tls = MySqlTls::toString(c.endpoint.tlsMode);
            if (!c.endpoint.tlsCa.isEmpty())
                tls += QStringLiteral(" (CA %1)").arg(c.endpoint.tlsCa);
        }
        for (const Schedule &s : schedules) {
            if (s.environment == e)
                schedule = CliContext::describeSchedule(s) + QStringLiteral(", keep %1").arg(s.keepLast)
                    + (s.keepDays > 0 ? QStringLiteral(" + %1").arg(Counted::of(s.keepDays, "day", "days"))
                                      : QString());
        }
        rows.append({ Environments::toString(e), endpoint, tls, schedule });
    }
    CliContext::printTable(
        { QStringLiteral("ENV"), QStringLiteral("MYSQL"), QStringLiteral("TLS"), QStringLiteral("SCHEDULE (UTC)") },
        rows);
    return Cli::Success;
}

int siteRemove(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("delete-backups"));
    args.option(QStringLiteral("confirm"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    const bool deleteBackups = args.isSet(QStringLiteral("delete-backups"));
    if (args.isSet(QStringLiteral("confirm")) && !deleteBackups)
        return args.usageError(QStringLiteral("--confirm goes with --delete-backups"));
    const QString siteId = args.positional(0);
    CliContext ctx;
    // Deleting backups needs the store; removing an empty site only the catalog.
    std::unique_ptr<JobsSession> session;
    OperationContext context;
    if (deleteBackups) {
        session = JobsSession::open(ctx);
        if (!session)
            return Cli::Failure;
        context = session->context();
    } else {
        if (!ctx.openCatalog())
            return Cli::Failure;
        context = ctx.operationContext();
    }
    // The passwords belong to the site: the job removes them from the keychain too.
    RemoveSiteJob job(context, siteId, deleteBackups, args.value(QStringLiteral("confirm")));
    if (!ctx.runStoppableJob(&job))
        return CliContext::failJob(job);
    for (const QString &warning : job.warnings())
        CliContext::warn(warning);
    CliContext::printLine(deleteBackups ? QStringLiteral("Removed site %1 and its %2.")
                                              .arg(siteId, Counted::of(job.deletedBackups(), "backup", "backups"))
                                        : QStringLiteral("Removed site %1.").arg(siteId));
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

int envSet(CliArgs &args, const QStringList &input)
{
    for (const char *name : { "host", "port", "socket", "database", "user", "tls", "tls-ca" })
        args.option(QLatin1String(name));
    args.flag(QStringLiteral("password-stdin"));
    if (!args.parse(input, 2, 2) || !args.require(QStringLiteral("database")) || !args.require(QStringLiteral("user")))
        return args.exitCode();
    const auto env = args.environment(1);
    if (!env)
        return args.exitCode();
    EnvironmentConfig config;
    config.siteId = args.positional(0);
    config.environment = *env;
    config.endpoint.host
        = args.isSet(QStringLiteral("host")) ? args.value(QStringLiteral("host")) : QStringLiteral("127.0.0.1");
    config.endpoint.socket = args.value(QStringLiteral("socket"));
    config.endpoint.database = args.value(QStringLiteral("database"));
    config.endpoint.user = args.value(QStringLiteral("user"));
    if (args.isSet(QStringLiteral("port"))) {
        const auto port
            = args.integer(QStringLiteral("port"), 1, 65535, QStringLiteral("--port must be a number from 1 to 65535"));
        if (!port)
            return args.exitCode();
        config.endpoint.port = *port;
    }
    if (!args.isSet(QStringLiteral("host")) && config.endpoint.socket.isEmpty())
        return args.usageError(QStringLiteral("give --host (and --port) or --socket"));
    if (args.isSet(QStringLiteral("tls"))) {
        const auto mode = MySqlTls::fromString(args.value(QStringLiteral("tls")));
        if (!mode)
            return args.usageError(
                QStringLiteral("--tls must be off, preferred, required, verify-ca or verify-identity"));
        config.endpoint.tlsMode = *mode;
    }
    if (args.isSet(QStringLiteral("tls-ca"))) {
        const QFileInfo ca(args.value(QStringLiteral("tls-ca")));
        if (config.endpoint.tlsMode != MySqlTlsMode::VerifyCa
            && config.endpoint.tlsMode != MySqlTlsMode::VerifyIdentity)
            return args.usageError(QStringLiteral("--tls-ca needs --tls verify-ca or verify-identity"));
        if (!ca.isFile() || !ca.isReadable())
            return args.usageError(QStringLiteral("--tls-ca: %1 is not a readable file").arg(ca.filePath()));
        // The worker may run elsewhere in the tree (systemd): store where the file really is.
        config.endpoint.tlsCa = ca.absoluteFilePath();
    }

    QString password;
    const bool withPassword = args.isSet(QStringLiteral("password-stdin"));
    if (withPassword) {
        password = readPasswordFromStdin();
        if (password.isEmpty())
            return CliContext::fail(QStringLiteral("--password-stdin: no password on standard input"));
    }

    CliContext ctx;
    if (!ctx.openCatalog())
        return Cli::Failure;
    SetEnvironmentJob job(ctx.operationContext(), config,
                          withPassword ? std::optional<QString>(password) : std::nullopt);
    if (!ctx.runStoppableJob(&job))
        return CliContext::failJob(job);
    CliContext::printLine(QStringLiteral("Set %1/%2 to %3%4.")
                              .arg(config.siteId, args.positional(1), config.endpoint.describe(),
                                   withPassword ? QStringLiteral(" (password in the keychain)") : QString()));
    return Cli::Success;
}

} // namespace

const CommandGroup &Cli::siteCommands()
{
    static const CommandGroup group(
        "site", "add, list, show and remove customer sites",
        {
            { "add", nullptr, "site add SITE --name N --customer C --tier basic|developer", "add a site", nullptr,
              siteAdd },
            { "list", "ls", "site list [--json]", "list all sites, by id", nullptr, siteList },
            { "show", nullptr, "site show SITE [--json]", "show a site, its endpoints and schedules", nullptr,
              siteShow },
            { "rm", "remove", "site rm SITE [--delete-backups --confirm SITE]",
              "remove a site and its passwords (with --delete-backups: and all its backups)",
              QT_TRANSLATE_NOOP("Cli",
                                "Removes a site, its environments and schedules, and its MySQL passwords from the "
                                "keychain. A site that has backups is refused (exit 1) unless --delete-backups is "
                                "given: then every backup's object, manifest and catalog row is deleted first, "
                                "pinned ones too. --confirm must repeat the site id exactly, else nothing is "
                                "touched and the command exits 1 (refused). Refused too while one of the site's "
                                "backups is pending or running. Audited as site.remove."),
              siteRemove },
        },
        QT_TRANSLATE_NOOP("Cli",
                          "SITE and C are slugs: 1-63 lower-case letters, digits and dashes.\n"
                          "A basic-tier site has prod only; a developer-tier site has dev, stage and prod."));
    return group;
}

const CommandGroup &Cli::envCommands()
{
    static const CommandGroup group(
        "env", "set a site environment's MySQL endpoint and password; sync environments",
        {
            { "set", nullptr,
              "env set SITE ENV --host H --port P [--socket S] --database DB --user U [--password-stdin] "
              "[--tls MODE] [--tls-ca FILE]",
              "set how to reach an environment's database",
              QT_TRANSLATE_NOOP("Cli",
                                "Sets the MySQL endpoint of a site's environment (prod, stage, dev).\n"
                                "--password-stdin reads the password from standard input and stores it in the "
                                "keychain\n(never in settings or the catalog); MYSQL_PWD overrides it for "
                                "headless runs.\n"
                                "--tls sets how dumps connect: off, preferred (default: TLS when the server offers "
                                "it),\nrequired (TLS or fail), verify-ca (TLS with a certificate signed by the CA "
                                "in --tls-ca FILE,\nelse by the system's CAs) or verify-identity (verify-ca, and the "
                                "certificate must name the host)."),
              envSet },
            { "sync", nullptr,
              "env sync SITE --from ENV --to ENV [--confirm SITE/ENV] [--sanitize none|wordpress|drupal] "
              "[--skip-cache-data]",
              "copy one environment's database over another's (pre-sync backup, rollback on failure)",
              QT_TRANSLATE_NOOP("Cli",
                                "Copies the --from environment's database over the --to environment's, for a "
                                "developer-tier site.\nFirst a pre-sync backup of the target; then the source's "
                                "consistent-snapshot dump streams\nstraight into the target (every object of the "
                                "target not in the source is gone), the row\ncounts are checked and the target is "
                                "sanitized. On any failure the target is reloaded\nfrom the pre-sync backup.\n"
                                "--confirm SITE/ENV: required for a prod target (exactly SITE/prod; missing or "
                                "wrong: exit 1,\nnothing touched).\n--sanitize: none (default), wordpress or drupal; "
                                "never with a prod target (exit 2). The\nsite's custom SQL (env sanitize-sql) runs "
                                "after it on every sync into dev or stage.\n--skip-cache-data: cache and session "
                                "tables (cache, cache_*, sessions, *_sessions) keep\ntheir structure, not their rows.\n"
                                "The same environment twice, or a basic-tier site: exit 2."),
              Cli::envSync },
            { "sanitize-sql", nullptr, "env sanitize-sql SITE [--file PATH | --clear]",
              "show, set or clear a site's custom sanitizing SQL for env sync",
              QT_TRANSLATE_NOOP("Cli",
                                "Without options prints the site's custom sanitizing SQL. --file PATH (- for "
                                "stdin) stores\nit in the catalog; --clear removes it. env sync runs it on the "
                                "target after the profile,\nstatement by statement as the mariadb client would "
                                "(DELIMITER included), never on prod."),
              Cli::envSanitizeSql },
        });
    return group;
}
