// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MySqlEndpoint.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

struct st_mysql;

/// One QMYSQL connection opened under a unique name for the calling thread, removed again by
/// the destructor. Besides QSqlQuery it exposes the driver's MYSQL handle, through which the
/// loader sends statements as raw bytes (a dump may hold non-UTF-8 bytes) and reads the server
/// status after each one. The dumper connects with MySqlConnection instead (TLS modes QMYSQL
/// cannot apply, and mysql_use_result streaming).
class MySqlSession
{
public:
    MySqlSession(const MySqlEndpoint &endpoint, const QString &purpose);
    ~MySqlSession();
    MySqlSession(const MySqlSession &) = delete;
    MySqlSession &operator=(const MySqlSession &) = delete;

    /// Connects; on failure returns false with a one-line message naming the endpoint.
    bool open(QString *error);
    st_mysql *handle() const { return m_handle; }

    /// Runs @p sql and discards any results. On failure sets @p error to the server's message.
    bool exec(const QByteArray &sql, QString *error);
    /// Runs a query and returns its rows as text (null values are null QStrings).
    bool query(const QString &sql, QVector<QStringList> *rows, QString *error);
    /// Server error text of the last C API call.
    QString lastServerError() const;
    unsigned int lastServerErrno() const;

    /// `name` -> "`name`", doubling backticks.
    static QString quoteIdentifier(const QString &name);
    /// 'text' with quotes and backslashes escaped.
    static QString quoteString(const QString &text);

private:
    MySqlEndpoint m_endpoint;
    QString m_connectionName;
    QSqlDatabase m_db;
    st_mysql *m_handle = nullptr;
};
