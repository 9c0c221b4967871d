// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlSession.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <algorithm>
#include <mysql.h>

namespace {
QAtomicInt g_sessionCounter;
}

MySqlSession::MySqlSession(const MySqlEndpoint &endpoint, const QString &purpose)
    : m_endpoint(endpoint)
    , m_connectionName(QStringLiteral("creodrop-%1-%2").arg(purpose).arg(g_sessionCounter.fetchAndAddOrdered(1)))
{ }

MySqlSession::~MySqlSession()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool MySqlSession::open(QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_connectionName);
    if (!m_db.isValid()) {
        *error = QStringLiteral("the QMYSQL driver is not available (install libqt6sql6-mysql)");
        return false;
    }
    QStringList options{ QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(m_connectTimeout) };
    if (m_readWriteTimeout > 0)
        options << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=%1").arg(m_readWriteTimeout)
                << QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=%1").arg(m_readWriteTimeout);
    if (!m_endpoint.socket.isEmpty()) {
        options << QStringLiteral("UNIX_SOCKET=%1").arg(m_endpoint.socket);
        m_db.setHostName(QStringLiteral("localhost"));
    } else {
        // "localhost" would silently mean the default socket.
        m_db.setHostName(m_endpoint.host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : m_endpoint.host);
        m_db.setPort(m_endpoint.port);
    }
    m_db.setConnectOptions(options.join(QLatin1Char(';')));
    m_db.setUserName(m_endpoint.user);
    m_db.setPassword(m_endpoint.password);
    m_db.setDatabaseName(m_endpoint.database);
    if (!m_db.open()) {
        QString text = m_db.lastError().databaseText();
        if (text.isEmpty())
            text = m_db.lastError().text();
        *error = QStringLiteral("cannot connect to %1: %2").arg(m_endpoint.describe(), text.simplified());
        return false;
    }
    const QVariant v = m_db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "st_mysql*") != 0) {
        *error = QStringLiteral("unexpected QMYSQL driver handle type %1").arg(QLatin1String(v.typeName()));
        return false;
    }
    m_handle = *static_cast<MYSQL *const *>(v.constData());
    if (!m_handle || mysql_set_character_set(m_handle, "utf8mb4") != 0) {
        *error = QStringLiteral("cannot select character set utf8mb4 on %1").arg(m_endpoint.describe());
        return false;
    }
    return true;
}

void MySqlSession::setTimeouts(int connectSeconds, int readWriteSeconds)
{
    m_connectTimeout = std::max(1, connectSeconds);
    m_readWriteTimeout = std::max(0, readWriteSeconds);
}

unsigned long MySqlSession::connectionId() const
{
    return m_handle ? mysql_thread_id(m_handle) : 0;
}

bool MySqlSession::killQuery(const MySqlEndpoint &endpoint, unsigned long connectionId, int connectSeconds,
                             QString *error)
{
    if (connectionId == 0)
        return true;
    MySqlSession killer(endpoint, QStringLiteral("kill"));
    killer.setTimeouts(connectSeconds, connectSeconds);
    if (!killer.open(error))
        return false;
    QString why;
    if (killer.exec(QStringLiteral("KILL QUERY %1").arg(connectionId).toUtf8(), &why))
        return true;
    // 1094 "Unknown thread id": the connection has already gone, so there is nothing to stop.
    if (killer.lastServerErrno() == 1094)
        return true;
    *error = why;
    return false;
}

QString MySqlSession::lastServerError() const
{
    return m_handle ? QString::fromUtf8(mysql_error(m_handle)) : QString();
}

unsigned int MySqlSession::lastServerErrno() const
{
    return m_handle ? mysql_errno(m_handle) : 0;
}

bool MySqlSession::exec(const QByteArray &sql, QString *error)
{
    if (mysql_real_query(m_handle, sql.constData(), static_cast<unsigned long>(sql.size())) != 0) {
        *error = lastServerError();
        return false;
    }
    // Drain every result (CALL and multi-statement text can produce several).
    for (;;) {
        if (MYSQL_RES *res = mysql_store_result(m_handle))
            mysql_free_result(res);
        else if (mysql_field_count(m_handle) != 0) {
            *error = lastServerError();
            return false;
        }
        const int next = mysql_next_result(m_handle);
        if (next > 0) {
            *error = lastServerError();
            return false;
        }
        if (next < 0)
            break;
    }
    return true;
}

bool MySqlSession::query(const QString &sql, QVector<QStringList> *rows, QString *error)
{
    rows->clear();
    const QByteArray utf8 = sql.toUtf8();
    if (mysql_real_query(m_handle, utf8.constData(), static_cast<unsigned long>(utf8.size())) != 0) {
        *error = lastServerError();
        return false;
    }
    MYSQL_RES *res = mysql_store_result(m_handle);
    if (!res) {
        if (mysql_field_count(m_handle) != 0) {
            *error = lastServerError();
            return false;
        }
        return true;
    }
    const unsigned int n = mysql_num_fields(res);
    while (MYSQL_ROW row = mysql_fetch_row(res)) {
        const unsigned long *lengths = mysql_fetch_lengths(res);
        QStringList values;
        values.reserve(int(n));
        for (unsigned int i = 0; i < n; ++i)
            values << (row[i] ? QString::fromUtf8(row[i], qsizetype(lengths[i])) : QString());
        rows->append(values);
    }
    mysql_free_result(res);
    while (mysql_next_result(m_handle) == 0) {
        if (MYSQL_RES *extra = mysql_store_result(m_handle))
            mysql_free_result(extra);
    }
    return true;
}

QString MySqlSession::quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + quoted + QLatin1Char('`');
}

QString MySqlSession::quoteString(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    quoted.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    quoted.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    quoted.replace(QChar(0), QLatin1String("\\0"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
