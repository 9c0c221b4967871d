// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

/// A fault-injecting HTTP proxy for tests: listens on 127.0.0.1, forwards each request to the real
/// server, and applies rules to chosen requests (answer with an error status, delay, cut the
/// connection mid-request or mid-response). It asks the server to close after each response
/// (Connection: close) so one client connection carries one request and rules apply exactly.
/// Every request line seen is logged in order.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Action { Respond, Delay, CutRequest, CutResponse };
    struct Rule
    {
        QByteArray method; ///< empty = any
        QByteArray targetContains; ///< substring of the request target (path?query); empty = any
        Action action = Action::Respond;
        int skip = 0; ///< let this many matching requests through first
        int times = 1; ///< then affect this many (-1 = every one)
        int status = 503; ///< Respond
        int delayMs = 0; ///< Delay (before forwarding)
        qint64 cutAfterBytes = 0; ///< CutRequest: body bytes forwarded; CutResponse: response bytes
        int matched = 0;
    };

    explicit FaultProxy(const QHostAddress &upstreamHost, quint16 upstreamPort, QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    void addRule(const Rule &rule) { m_rules.append(rule); }
    void clearRules() { m_rules.clear(); }
    /// "METHOD target" of every request, in arrival order.
    QStringList requests() const { return m_requests; }
    int faultsInjected() const { return m_faults; }

private:
    void onNewConnection();

    QTcpServer m_server;
    QHostAddress m_upstreamHost;
    quint16 m_upstreamPort;
    QList<Rule> m_rules;
    QStringList m_requests;
    int m_faults = 0;

    friend class FaultProxyConnection;
};
