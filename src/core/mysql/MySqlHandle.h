// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

struct st_mysql;

/// Statements on an open MariaDB C API handle, shared by the two ways we connect: through
/// QMYSQL's own handle (MySqlSession) and through the C API directly (MySqlConnection, for TLS
/// modes QMYSQL cannot apply). Both hand out the same st_mysql, so the same calls serve both.
namespace MySqlHandle {
/// Runs @p sql and discards every result (CALL and multi-statement text can produce several).
/// On failure sets @p error to the server's message.
bool exec(st_mysql *handle, const QByteArray &sql, QString *error);
/// Runs a query and returns its rows as text (null values are null QStrings).
bool query(st_mysql *handle, const QString &sql, QVector<QStringList> *rows, QString *error);
/// Server error text and number of the last C API call (empty / 0 without a handle).
QString lastError(st_mysql *handle);
unsigned int lastErrno(st_mysql *handle);
/// The server status flags of the last reply (SERVER_STATUS_AUTOCOMMIT, ..._NO_BACKSLASH_ESCAPES).
unsigned int serverStatus(st_mysql *handle);
/// On a TCP connection, makes a network path that died without a close (a cut link, a NAT or
/// firewall that forgot the connection, a host that lost power) fail the call waiting on it
/// within about two minutes, with the client's "Lost connection" error, however long the
/// statement legitimately runs: keepalive probes after 60 s of silence, 6 of them 10 s apart,
/// and at most 120 s for sent data to be acknowledged. Without them a read waits for the
/// operating system's default, two hours and more. Returns false (and changes nothing) on a
/// Unix socket, which cannot lose its path.
bool enableDeadPathDetection(st_mysql *handle);
} // namespace MySqlHandle
