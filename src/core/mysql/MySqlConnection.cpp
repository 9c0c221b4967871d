// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlConnection.h"

#include "MySqlHandle.h"

#include <QFileInfo>

#include <algorithm>
#include <mutex>
#include <mysql.h>

namespace {
// mysql_init() initialises the library on first use, which is not thread-safe; dumps open
// connections from several threads.
void initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { mysql_library_init(0, nullptr, nullptr); });
}

// Debian's trust store, for the verify modes without a CA file of their own.
constexpr char kSystemCaPath[] = "/etc/ssl/certs";
} // namespace

MySqlConnection::MySqlConnection(const MySqlEndpoint &endpoint)
    : m_endpoint(endpoint)
{ }

MySqlConnection::~MySqlConnection()
{
    if (m_handle)
        mysql_close(m_handle);
}

bool MySqlConnection::open(QString *error)
{
    initLibrary();
    if (m_handle)
        mysql_close(m_handle);
    m_handle = mysql_init(nullptr);
    if (!m_handle) {
        *error = QStringLiteral("cannot connect to %1: out of memory").arg(m_endpoint.describe());
        return false;
    }
    mysql_optionsv(m_handle, MYSQL_OPT_CONNECT_TIMEOUT, &m_connectTimeout);
    if (m_readWriteTimeout > 0) {
        mysql_optionsv(m_handle, MYSQL_OPT_READ_TIMEOUT, &m_readWriteTimeout);
        mysql_optionsv(m_handle, MYSQL_OPT_WRITE_TIMEOUT, &m_readWriteTimeout);
    }
    mysql_optionsv(m_handle, MYSQL_SET_CHARSET_NAME, "utf8mb4");

    MySqlTlsMode mode = m_endpoint.tlsMode;
    // A Unix socket never leaves the machine: "preferred" does not pay for TLS there (as MySQL's
    // PREFERRED); the stricter modes still apply.
    if (mode == MySqlTlsMode::Preferred && !m_endpoint.socket.isEmpty())
        mode = MySqlTlsMode::Off;
    const QByteArray ca = QFile::encodeName(m_endpoint.tlsCa);
    if (mode != MySqlTlsMode::Off) {
        // Any TLS option makes the client ask for TLS; without ENFORCE it still connects
        // unencrypted to a server that offers none ("preferred").
        mysql_ssl_set(m_handle, nullptr, nullptr, nullptr, nullptr, nullptr);
    }
    if (mode == MySqlTlsMode::Required || mode == MySqlTlsMode::VerifyCa || mode == MySqlTlsMode::VerifyIdentity) {
        const my_bool enforce = 1;
        mysql_optionsv(m_handle, MYSQL_OPT_SSL_ENFORCE, &enforce);
    }
    if (mode == MySqlTlsMode::VerifyCa || mode == MySqlTlsMode::VerifyIdentity) {
        if (!m_endpoint.tlsCa.isEmpty() && !QFileInfo(m_endpoint.tlsCa).isReadable()) {
            *error = QStringLiteral("cannot connect to %1: the TLS CA file %2 cannot be read")
                         .arg(m_endpoint.describe(), m_endpoint.tlsCa);
            return false;
        }
        // With a CA the handshake verifies the certificate chain (libmariadb sets SSL_VERIFY_PEER).
        if (!ca.isEmpty())
            mysql_optionsv(m_handle, MYSQL_OPT_SSL_CA, ca.constData());
        else
            mysql_optionsv(m_handle, MYSQL_OPT_SSL_CAPATH, kSystemCaPath);
    }
    if (mode == MySqlTlsMode::VerifyIdentity) {
        const my_bool verify = 1;
        mysql_optionsv(m_handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
    }

    const QByteArray user = m_endpoint.user.toUtf8();
    const QByteArray password = m_endpoint.password.toUtf8();
    const QByteArray database = m_endpoint.database.toUtf8();
    const QByteArray socket = QFile::encodeName(m_endpoint.socket);
    // "localhost" would silently mean the default socket.
    const QByteArray host = m_endpoint.socket.isEmpty()
        ? (m_endpoint.host == QLatin1String("localhost") ? QByteArray("127.0.0.1") : m_endpoint.host.toUtf8())
        : QByteArray("localhost");
    if (!mysql_real_connect(m_handle, host.constData(), user.constData(), password.constData(),
                            database.isEmpty() ? nullptr : database.constData(),
                            m_endpoint.socket.isEmpty() ? static_cast<unsigned int>(m_endpoint.port) : 0,
                            socket.isEmpty() ? nullptr : socket.constData(), CLIENT_MULTI_RESULTS)) {
        const unsigned int code = mysql_errno(m_handle);
        QString text = lastServerError().simplified();
        if (code == 2026 /* CR_SSL_CONNECTION_ERROR */) {
            if (mode == MySqlTlsMode::VerifyCa || mode == MySqlTlsMode::VerifyIdentity)
                text += QStringLiteral(" (TLS mode %1: the server's certificate was not accepted; check --tls-ca, "
                                       "or use --tls required to encrypt without checking it)")
                            .arg(MySqlTls::toString(mode));
            else
                text += QStringLiteral(" (TLS mode %1: the server must offer TLS; enable it on the server or "
                                       "choose --tls preferred or off)")
                            .arg(MySqlTls::toString(mode));
        }
        *error = QStringLiteral("cannot connect to %1: %2").arg(m_endpoint.describe(), text);
        return false;
    }
    MySqlHandle::enableDeadPathDetection(m_handle);
    if (mode != MySqlTlsMode::Off && mode != MySqlTlsMode::Preferred && !mysql_get_ssl_cipher(m_handle)) {
        // Defence in depth: ENFORCE already refuses this.
        *error = QStringLiteral("cannot connect to %1: TLS mode %2 requires an encrypted connection, but the "
                                "server does not offer TLS")
                     .arg(m_endpoint.describe(), MySqlTls::toString(mode));
        return false;
    }
    return true;
}

void MySqlConnection::setTimeouts(int connectSeconds, int readWriteSeconds)
{
    m_connectTimeout = static_cast<unsigned int>(std::max(1, connectSeconds));
    m_readWriteTimeout = static_cast<unsigned int>(std::max(0, readWriteSeconds));
}

unsigned long MySqlConnection::connectionId() const
{
    return m_handle ? mysql_thread_id(m_handle) : 0;
}

bool MySqlConnection::killQuery(const MySqlEndpoint &endpoint, unsigned long connectionId, int connectSeconds,
                                QString *error)
{
    if (connectionId == 0)
        return true;
    MySqlConnection killer(endpoint);
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

QString MySqlConnection::lastServerError() const
{
    return MySqlHandle::lastError(m_handle);
}

unsigned int MySqlConnection::lastServerErrno() const
{
    return MySqlHandle::lastErrno(m_handle);
}

bool MySqlConnection::exec(const QByteArray &sql, QString *error)
{
    return MySqlHandle::exec(m_handle, sql, error);
}

bool MySqlConnection::query(const QString &sql, QVector<QStringList> *rows, QString *error)
{
    return MySqlHandle::query(m_handle, sql, rows, error);
}

QString MySqlConnection::tlsCipher()
{
    QVector<QStringList> rows;
    QString ignored;
    if (m_handle && query(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'"), &rows, &ignored) && !rows.isEmpty()
        && rows.first().size() > 1 && !rows.first().at(1).isEmpty())
        return rows.first().at(1);
    return QString();
}
