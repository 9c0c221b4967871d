// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "util/Version.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <functional>

namespace {

struct Group
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const Group kGroups[] = {
    { "storage", "put, get, ls, rm and presign objects in the configured bucket", Cli::runStorage },
    { "dump", "dump a MySQL database to a .sql.gz file or stdout (like mysqldump)", Cli::runDump },
    { "load", "load a .sql or .sql.gz dump into a MySQL database (like mysql)", Cli::runLoad },
    { "site", "add, list, show and remove customer sites", Cli::runSite },
    { "env", "set a site environment's MySQL endpoint and password", Cli::runEnv },
    { "schedule", "set and show an environment's backup schedule and retention", Cli::runSchedule },
    { "backup", "create, list, show, download, link, verify, pin and delete backups", Cli::runBackup },
    { "schedules", "run the backups whose schedule is due", Cli::runSchedules },
    { "retention", "delete scheduled backups that retention no longer keeps", Cli::runRetention },
    { "catalog", "rebuild catalog rows from the manifests in the bucket (rescan)", Cli::runCatalog },
    { "worker", "run due schedules and pending backups headless", Cli::runWorker },
};

void printUsage(FILE *stream)
{
    QTextStream out(stream);
    out << "Usage: creodrop-backupctl <command> [arguments]\n\nCommands:\n";
    for (const Group &group : kGroups)
        out << QStringLiteral("  %1 %2\n").arg(QLatin1String(group.name), -10).arg(QLatin1String(group.summary));
    out << "\nRun 'creodrop-backupctl <command> --help' for the arguments of a command.\n"
           "Exit codes: 0 success, 1 failure, 2 usage error.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("creodrop-backupctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Creodrop"));
    QCoreApplication::setApplicationVersion(Version::string());

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(stderr);
        return Cli::UsageError;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        QTextStream(stdout) << Version::describe(QStringLiteral("creodrop-backupctl")) << '\n';
        return Cli::Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printUsage(stdout);
        return Cli::Success;
    }
    for (const Group &group : kGroups) {
        if (command == QLatin1String(group.name))
            return group.run(args);
    }
    QTextStream(stderr) << "creodrop-backupctl: unknown command '" << command << "'\n";
    printUsage(stderr);
    return Cli::UsageError;
}
