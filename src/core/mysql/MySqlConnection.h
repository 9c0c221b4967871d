// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MySqlEndpoint.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

struct st_mysql;

/// A connection opened with the MariaDB C API itself rather than through QMYSQL, so the
/// endpoint's TLS mode is really applied: Qt 6.4's QMYSQL passes only key, certificate, CA and
/// cipher, so it can neither insist on TLS nor check the server's certificate, and it cannot
/// adopt a MYSQL handle opened elsewhere. The dumper runs everything on one of these:
///
///     MySqlConnection c(endpoint);
///     if (!c.open(&error)) ...          // "... requires TLS, but the server does not offer it"
///     c.query("SELECT ...", &rows, &error);
///     mysql_use_result(c.handle());     // streaming, which QMYSQL cannot do
///     c.tlsCipher();                    // null when the connection is not encrypted
///
/// Not thread-safe; use it on one thread at a time (mysql_thread_id() of handle() may be passed
/// to another connection's KILL QUERY).
class MySqlConnection
{
public:
    explicit MySqlConnection(const MySqlEndpoint &endpoint);
    ~MySqlConnection();
    MySqlConnection(const MySqlConnection &) = delete;
    MySqlConnection &operator=(const MySqlConnection &) = delete;

    /// Client-side timeouts in seconds, set before open(): connecting (default 10) and waiting
    /// for the server to answer or accept data (0 = the library's default, no limit).
    void setTimeouts(int connectSeconds, int readWriteSeconds);
    /// Connects with the endpoint's TLS mode and utf8mb4; on failure returns false with a
    /// one-line message naming the endpoint (never the password) and, for TLS, what to change.
    bool open(QString *error);
    st_mysql *handle() const { return m_handle; }
    /// The server's id of this connection (what KILL takes); 0 before open().
    unsigned long connectionId() const;
    /// Stops the statement connection @p connectionId is running, from a connection of its own
    /// to @p endpoint (same TLS mode; connecting bounded by @p connectSeconds). An idle or
    /// vanished connection is left as it is.
    static bool killQuery(const MySqlEndpoint &endpoint, unsigned long connectionId, int connectSeconds,
                          QString *error);

    /// Runs @p sql and discards any results. On failure sets @p error to the server's message.
    bool exec(const QByteArray &sql, QString *error);
    /// Runs a query and returns its rows as text (null values are null QStrings).
    bool query(const QString &sql, QVector<QStringList> *rows, QString *error);
    QString lastServerError() const;
    unsigned int lastServerErrno() const;

    /// The negotiated cipher (the session's Ssl_cipher status), or a null QString when the
    /// connection is not encrypted.
    QString tlsCipher();

private:
    MySqlEndpoint m_endpoint;
    st_mysql *m_handle = nullptr;
    unsigned int m_connectTimeout = 10;
    unsigned int m_readWriteTimeout = 0;
};
