// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlSession.h"

#include "MySqlHandle.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

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
    QStringList options{ QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10") };
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
    MySqlHandle::enableDeadPathDetection(m_handle);
    return true;
}

QString MySqlSession::lastServerError() const
{
    return MySqlHandle::lastError(m_handle);
}

unsigned int MySqlSession::lastServerErrno() const
{
    return MySqlHandle::lastErrno(m_handle);
}

bool MySqlSession::exec(const QByteArray &sql, QString *error)
{
    return MySqlHandle::exec(m_handle, sql, error);
}

bool MySqlSession::query(const QString &sql, QVector<QStringList> *rows, QString *error)
{
    return MySqlHandle::query(m_handle, sql, rows, error);
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
