// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Who runs a backup, and whether that runner still exists.
///
/// A worker id is "host:pid:random", unique per process. It is recorded when a backup is claimed,
/// so another process can tell whether the runner of a backup whose heartbeat lapsed is gone:
/// on the same host the pid must no longer be alive; on another host a lapsed heartbeat alone
/// decides (we cannot look at its processes).
namespace WorkerIdentity {
/// The id of this process (computed once, stable for the process' life).
QString current();
/// A fresh id (tests that simulate other processes).
QString make(const QString &host, qint64 pid);
QString hostName();
/// True when @p workerId names a process on this host that is not running any more, or a
/// process on another host (only the lapsed heartbeat can speak for it).
bool isGone(const QString &workerId);
/// The heartbeat period: CREODROP_HEARTBEAT_SECONDS when set (tests), else @p fallback.
int heartbeatSeconds(int fallback = 10);
} // namespace WorkerIdentity
