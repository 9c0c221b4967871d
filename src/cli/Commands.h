// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class CliArgs;
class CommandGroup;

/// Entry points of the command groups of creodrop-backupctl. A run function takes the arguments
/// after the group name (e.g. for "storage put a b": {"put", "a", "b"}); every command returns
/// the process exit code: 0 success, 1 failure (one line on stderr), 2 usage error. A command
/// that needs the event loop runs QCoreApplication::exec() itself; there is never more than one
/// loop running.
namespace Cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

// Groups of CliArgs commands (CommandGroup): main.cpp runs them and lists their commands.
const CommandGroup &siteCommands(); // SiteCommand.cpp
const CommandGroup &envCommands(); // SiteCommand.cpp
const CommandGroup &scheduleCommands(); // ScheduleCommand.cpp
const CommandGroup &backupCommands(); // BackupCommand.cpp
const CommandGroup &schedulesCommands(); // WorkerCommand.cpp ("schedules run")
const CommandGroup &retentionCommands(); // WorkerCommand.cpp ("retention apply")
const CommandGroup &catalogCommands(); // WorkerCommand.cpp ("catalog rescan")
const CommandGroup &workerCommand(); // WorkerCommand.cpp ("worker [--once]")
const CommandGroup &auditCommands(); // AuditCommand.cpp ("audit list")
const CommandGroup &storageCommands(); // StorageCommand.cpp ("storage put|get|ls|rm|presign")
const CommandGroup &dumpCommand(); // DumpCommand.cpp ("dump --user U --database DB ...")
const CommandGroup &loadCommand(); // DumpCommand.cpp ("load --user U --database DB ...")

// "env sync" and "env sanitize-sql", in EnvSyncCommand.cpp; listed by envCommands().
int envSync(CliArgs &args, const QStringList &input);
int envSanitizeSql(CliArgs &args, const QStringList &input);

// "backup list" and "backup show", in BackupQueryCommand.cpp; listed by backupCommands().
int backupList(CliArgs &args, const QStringList &input);
int backupShow(CliArgs &args, const QStringList &input);
// "backup restore", in RestoreCommand.cpp.
int backupRestore(CliArgs &args, const QStringList &input);
// "backup cancel", in BackupCancelCommand.cpp; "backup list --all-sites", in BackupAttentionCommand.cpp.
int backupCancel(CliArgs &args, const QStringList &input);
int backupListAllSites(CliArgs &args, const QStringList &input);

/// QCoreApplication::translate("Cli", @p text).
QString tr(const char *text);

/// The core's logging categories (creodrop.*) are off by default, so stderr keeps its
/// one-line-per-failure contract; --verbose turns them all on (main.cpp).
void enableVerboseLogging();

} // namespace Cli
