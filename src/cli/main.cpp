// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandGroup.h"
#include "Commands.h"
#include "ManPage.h"
#include "util/Version.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/stat.h>

namespace {

/// A top-level command: a CommandGroup, whose commands --help and the manual list.
struct Group
{
    const char *name;
    const CommandGroup &(*commands)();
};

const Group kGroups[] = {
    { "storage", Cli::storageCommands },
    { "dump", Cli::dumpCommand },
    { "load", Cli::loadCommand },
    { "site", Cli::siteCommands },
    { "env", Cli::envCommands },
    { "schedule", Cli::scheduleCommands },
    { "backup", Cli::backupCommands },
    { "schedules", Cli::schedulesCommands },
    { "retention", Cli::retentionCommands },
    { "catalog", Cli::catalogCommands },
    { "worker", Cli::workerCommand },
    { "audit", Cli::auditCommands },
};

/// The hidden --help-man: creodrop-backupctl(1) from kGroups, which --help prints too. The build
/// calls it with the release date of CHANGELOG.md (packaging/CMakeLists.txt).
int printManPage(const QString &date)
{
    QTextStream out(stdout);
    ManPage man(out, date);
    man.beginCommands();
    for (const Group &group : kGroups)
        man.addGroup(group.commands());
    man.finish();
    return Cli::Success;
}

/// With @p withCommands (for --help), every command's synopsis under its group.
void printUsage(FILE *stream, bool withCommands)
{
    QTextStream out(stream);
    out << "Usage: creodrop-backupctl <command> [arguments]\n\nCommands:\n";
    for (const Group &group : kGroups) {
        out << QStringLiteral("  %1 %2\n").arg(QLatin1String(group.name), -10).arg(group.commands().summary());
        if (withCommands)
            group.commands().printSynopses(out, 15, false);
    }
    out << "\nRun 'creodrop-backupctl <command> --help' for the arguments of a command.\n"
           "Exit codes: 0 success, 1 failure, 2 usage error, 130/143 stopped by SIGINT/SIGTERM.\n";
}

} // namespace

void Cli::enableVerboseLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("creodrop.*=true"));
}

int main(int argc, char *argv[])
{
    // Before anything creates a file: what Qt and SQLite create themselves (settings' lock
    // files, the catalog's journal) follows the umask and must not be readable by others.
    ::umask(077);
    // A file-size limit (RLIMIT_FSIZE) then fails the write, which we clean up after, instead of
    // killing the process and leaving a .part behind.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("creodrop-backupctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Creodrop"));
    QCoreApplication::setApplicationVersion(Version::string());
    // QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("creodrop.*=false"));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(stderr, false);
        return Cli::UsageError;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        QTextStream(stdout) << Version::describe(QStringLiteral("creodrop-backupctl")) << '\n';
        return Cli::Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printUsage(stdout, true);
        return Cli::Success;
    }
    if (command == QLatin1String("--help-man"))
        return printManPage(args.value(0));
    for (const Group &group : kGroups) {
        if (command == QLatin1String(group.name))
            return group.commands().run(args);
    }
    QTextStream(stderr) << "creodrop-backupctl: unknown command '" << command << "'\n";
    printUsage(stderr, false);
    return Cli::UsageError;
}
