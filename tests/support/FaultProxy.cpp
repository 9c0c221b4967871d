// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultProxy.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

/// One client connection: reads the request head, picks a rule, then relays or misbehaves.
class FaultProxyConnection : public QObject
{
public:
    FaultProxyConnection(FaultProxy *proxy, QTcpSocket *client)
        : QObject(proxy)
        , m_proxy(proxy)
        , m_client(client)
    {
        client->setParent(this);
        connect(client, &QTcpSocket::readyRead, this, [this] { onClientData(); });
        connect(client, &QTcpSocket::disconnected, this, [this] { finish(); });
    }

private:
    void onClientData()
    {
        m_pending += m_client->readAll();
        if (!m_headParsed) {
            const int end = m_pending.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            parseHead(m_pending.left(end + 4));
            m_pending.remove(0, end + 4);
        }
        relayRequestBody();
    }

    void parseHead(const QByteArray &head)
    {
        m_headParsed = true;
        QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        const QByteArray method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        m_proxy->m_requests.append(QString::fromLatin1(method + ' ' + target));
        QByteArray rewritten = lines.first().trimmed() + "\r\n";
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
            if (name == "content-length")
                m_requestBodyLeft = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            if (name == "connection")
                continue;
            rewritten += line + "\r\n";
        }
        rewritten += "Connection: close\r\n\r\n";
        m_head = rewritten;

        for (FaultProxy::Rule &rule : m_proxy->m_rules) {
            if ((!rule.method.isEmpty() && rule.method != method) || !target.contains(rule.targetContains))
                continue;
            const int index = rule.matched++;
            if (index < rule.skip || (rule.times >= 0 && index >= rule.skip + rule.times))
                continue;
            m_rule = rule;
            m_hasRule = true;
            ++m_proxy->m_faults;
            break;
        }
        if (m_hasRule && m_rule.action == FaultProxy::Action::Respond)
            return; // swallow the body, then answer
        const int delay = m_hasRule && m_rule.action == FaultProxy::Action::Delay ? m_rule.delayMs : 0;
        QTimer::singleShot(delay, this, [this] { connectUpstream(); });
    }

    void connectUpstream()
    {
        m_upstream = new QTcpSocket(this);
        connect(m_upstream, &QTcpSocket::connected, this, [this] {
            m_upstream->write(m_head);
            m_upstreamReady = true;
            relayRequestBody();
        });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] { onUpstreamData(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] {
            if (m_client->state() == QAbstractSocket::ConnectedState)
                m_client->disconnectFromHost();
        });
        m_upstream->connectToHost(m_proxy->m_upstreamHost, m_proxy->m_upstreamPort);
    }

    void relayRequestBody()
    {
        if (m_hasRule && m_rule.action == FaultProxy::Action::Respond) {
            m_requestBodyLeft -= m_pending.size();
            m_pending.clear();
            if (m_requestBodyLeft <= 0 && !m_answered) {
                m_answered = true;
                const QByteArray body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                    + QByteArray(m_rule.status == 503 ? "SlowDown" : "InternalError")
                    + "</Code><Message>injected by FaultProxy</Message></Error>";
                m_client->write("HTTP/1.1 " + QByteArray::number(m_rule.status)
                                + " Injected\r\nContent-Type: application/xml\r\nContent-Length: "
                                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                m_client->disconnectFromHost();
            }
            return;
        }
        if (!m_upstreamReady || m_pending.isEmpty())
            return;
        if (m_hasRule && m_rule.action == FaultProxy::Action::CutRequest) {
            const qint64 allowed = m_rule.cutAfterBytes - m_bodyForwarded;
            if (m_pending.size() >= allowed) {
                m_upstream->write(m_pending.left(allowed));
                cutBoth();
                return;
            }
        }
        m_bodyForwarded += m_pending.size();
        m_upstream->write(m_pending);
        m_pending.clear();
    }

    void onUpstreamData()
    {
        QByteArray data = m_upstream->readAll();
        if (m_hasRule && m_rule.action == FaultProxy::Action::CutResponse) {
            const qint64 allowed = m_rule.cutAfterBytes - m_responseForwarded;
            if (data.size() >= allowed) {
                m_client->write(data.left(allowed));
                m_client->flush();
                cutBoth();
                return;
            }
        }
        m_responseForwarded += data.size();
        m_client->write(data);
    }

    void cutBoth()
    {
        m_client->abort();
        if (m_upstream)
            m_upstream->abort();
        finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        deleteLater();
    }

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QPointer<QTcpSocket> m_upstream;
    QByteArray m_pending;
    QByteArray m_head;
    bool m_headParsed = false;
    bool m_upstreamReady = false;
    bool m_hasRule = false;
    bool m_answered = false;
    bool m_finished = false;
    FaultProxy::Rule m_rule;
    qint64 m_requestBodyLeft = 0;
    qint64 m_bodyForwarded = 0;
    qint64 m_responseForwarded = 0;
};

FaultProxy::FaultProxy(const QHostAddress &upstreamHost, quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamHost(upstreamHost)
    , m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new FaultProxyConnection(this, socket);
}
