// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// How to reach one MySQL/MariaDB database. The password is filled in just before connecting
/// (from the secret store or MYSQL_PWD) and is never stored, logged or shown.
struct MySqlEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 3306;
    QString socket; ///< Unix socket path; when set it is used instead of host/port
    QString user;
    QString password;
    QString database;

    /// "user@host:port/db" or "user@socket/db": safe for messages (no password).
    QString describe() const
    {
        const QString where = socket.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port) : socket;
        return QStringLiteral("%1@%2/%3").arg(user, where, database);
    }
};
