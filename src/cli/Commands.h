// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

/// Entry points of the command groups of creodrop-backupctl. Each takes the arguments after
/// the group name (e.g. for "storage put a b": {"put", "a", "b"}) and returns the process exit
/// code: 0 success, 1 failure (one line on stderr), 2 usage error. A group that needs the event
/// loop runs QCoreApplication::exec() itself; there is never more than one loop running.
namespace Cli {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

int runStorage(const QStringList &args); // StorageCommand.cpp
int runDump(const QStringList &args); // DumpCommand.cpp
int runLoad(const QStringList &args); // DumpCommand.cpp
int runSite(const QStringList &args); // SiteCommand.cpp
int runEnv(const QStringList &args); // SiteCommand.cpp
int runSchedule(const QStringList &args); // ScheduleCommand.cpp
int runBackup(const QStringList &args); // BackupCommand.cpp
int runSchedules(const QStringList &args); // WorkerCommand.cpp ("schedules run")
int runRetention(const QStringList &args); // WorkerCommand.cpp ("retention apply")
int runCatalog(const QStringList &args); // WorkerCommand.cpp ("catalog rescan")
int runWorker(const QStringList &args); // WorkerCommand.cpp

} // namespace Cli
