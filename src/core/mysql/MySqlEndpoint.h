// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// How a connection to a customer database uses TLS (the names are mysql's --ssl-mode values).
enum class MySqlTlsMode {
    Off, ///< never encrypt
    Preferred, ///< encrypt when the server offers TLS (not over a Unix socket), else connect unencrypted
    Required, ///< encrypt or fail; the certificate is not checked
    VerifyCa, ///< encrypt, and the server's certificate must chain to the CA (tlsCa, else the system's)
    VerifyIdentity, ///< VerifyCa, and the certificate must name the host connected to
};

namespace MySqlTls {
/// "off", "preferred", "required", "verify-ca", "verify-identity" (CLI, catalog, manifest).
inline QString toString(MySqlTlsMode mode)
{
    switch (mode) {
    case MySqlTlsMode::Off:
        return QStringLiteral("off");
    case MySqlTlsMode::Preferred:
        return QStringLiteral("preferred");
    case MySqlTlsMode::Required:
        return QStringLiteral("required");
    case MySqlTlsMode::VerifyCa:
        return QStringLiteral("verify-ca");
    case MySqlTlsMode::VerifyIdentity:
        return QStringLiteral("verify-identity");
    }
    return {};
}

inline std::optional<MySqlTlsMode> fromString(const QString &name)
{
    for (MySqlTlsMode mode : { MySqlTlsMode::Off, MySqlTlsMode::Preferred, MySqlTlsMode::Required,
                               MySqlTlsMode::VerifyCa, MySqlTlsMode::VerifyIdentity }) {
        if (name == toString(mode))
            return mode;
    }
    return std::nullopt;
}
} // namespace MySqlTls

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
    MySqlTlsMode tlsMode = MySqlTlsMode::Preferred;
    QString tlsCa; ///< PEM file of the CA for the verify modes; empty: the system's CAs

    /// "user@host:port/db" or "user@socket/db": safe for messages (no password).
    QString describe() const
    {
        const QString where = socket.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port) : socket;
        return QStringLiteral("%1@%2/%3").arg(user, where, database);
    }
};
