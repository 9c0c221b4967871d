// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <vector>

/// A TCP proxy to the test MariaDB that can play network paths which died without closing:
/// after freeze(), nothing more of what the server sends reaches the clients connected at that
/// moment (their requests still go through), while later connections (a KILL QUERY's, say) work
/// as before. Runs in the event loop of the thread that owns it.
class FreezingProxy
{
public:
    bool listen(const QString &serverHost, quint16 serverPort)
    {
        m_host = serverHost;
        m_port = serverPort;
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        return m_server.listen(QHostAddress::LocalHost);
    }

    quint16 port() const { return m_server.serverPort(); }
    /// Bytes passed from the server to the clients so far.
    qint64 forwarded() const { return m_forwarded; }
    void freeze()
    {
        for (const auto &frozen : m_connections)
            *frozen = true;
    }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            client->setParent(&m_server);
            auto *server = new QTcpSocket(client);
            auto frozen = std::make_shared<bool>(false);
            m_connections.push_back(frozen);
            // Qt keeps what the client writes until the connection to the server is up.
            server->connectToHost(m_host, m_port);
            QObject::connect(client, &QTcpSocket::readyRead, server,
                             [client, server] { server->write(client->readAll()); });
            QObject::connect(server, &QTcpSocket::readyRead, client, [this, frozen, client, server] {
                if (*frozen)
                    return; // left unread: the server's later bytes never arrive
                const QByteArray data = server->readAll();
                m_forwarded += data.size();
                client->write(data);
            });
            QObject::connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
            QObject::connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        }
    }

    QTcpServer m_server;
    QString m_host;
    quint16 m_port = 0;
    std::vector<std::shared_ptr<bool>> m_connections;
    qint64 m_forwarded = 0;
};
