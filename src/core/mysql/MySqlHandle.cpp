// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlHandle.h"

#include <mysql.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

QString MySqlHandle::lastError(st_mysql *handle)
{
    return handle ? QString::fromUtf8(mysql_error(handle)) : QString();
}

unsigned int MySqlHandle::lastErrno(st_mysql *handle)
{
    return handle ? mysql_errno(handle) : 0;
}

unsigned int MySqlHandle::serverStatus(st_mysql *handle)
{
    unsigned int status = 0;
    return handle && mariadb_get_infov(handle, MARIADB_CONNECTION_SERVER_STATUS, &status) == 0 ? status : 0;
}

bool MySqlHandle::exec(st_mysql *handle, const QByteArray &sql, QString *error)
{
    if (mysql_real_query(handle, sql.constData(), static_cast<unsigned long>(sql.size())) != 0) {
        *error = lastError(handle);
        return false;
    }
    for (;;) {
        if (MYSQL_RES *res = mysql_store_result(handle))
            mysql_free_result(res);
        else if (mysql_field_count(handle) != 0) {
            *error = lastError(handle);
            return false;
        }
        const int next = mysql_next_result(handle);
        if (next > 0) {
            *error = lastError(handle);
            return false;
        }
        if (next < 0)
            break;
    }
    return true;
}

bool MySqlHandle::query(st_mysql *handle, const QString &sql, QVector<QStringList> *rows, QString *error)
{
    rows->clear();
    const QByteArray utf8 = sql.toUtf8();
    if (mysql_real_query(handle, utf8.constData(), static_cast<unsigned long>(utf8.size())) != 0) {
        *error = lastError(handle);
        return false;
    }
    MYSQL_RES *res = mysql_store_result(handle);
    if (!res) {
        if (mysql_field_count(handle) != 0) {
            *error = lastError(handle);
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
    // Further result sets (a CALL's status) must be read before the next statement.
    while (mysql_next_result(handle) == 0) {
        if (MYSQL_RES *extra = mysql_store_result(handle))
            mysql_free_result(extra);
    }
    return true;
}

namespace {
int tcpSocket(st_mysql *handle)
{
    if (!handle)
        return -1;
    const int fd = int(mysql_get_socket(handle));
    sockaddr_storage address = {};
    socklen_t length = sizeof address;
    if (fd < 0 || ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0
        || (address.ss_family != AF_INET && address.ss_family != AF_INET6))
        return -1;
    return fd;
}
} // namespace

bool MySqlHandle::enableDeadPathDetection(st_mysql *handle)
{
    const int fd = tcpSocket(handle);
    if (fd < 0)
        return false;
    const int on = 1;
    const int idle = 60;
    const int interval = 10;
    const int probes = 6;
    const unsigned int userTimeoutMs = 120000;
    // Best effort: a socket that refuses an option keeps the system's behaviour for it.
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &probes, sizeof probes);
    ::setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeoutMs, sizeof userTimeoutMs);
    return true;
}
