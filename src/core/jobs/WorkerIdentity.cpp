// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkerIdentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

QString WorkerIdentity::hostName()
{
    const QString name = QHostInfo::localHostName();
    return name.isEmpty() ? QStringLiteral("localhost") : name;
}

QString WorkerIdentity::make(const QString &host, qint64 pid)
{
    return QStringLiteral("%1:%2:%3")
        .arg(host)
        .arg(pid)
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

QString WorkerIdentity::current()
{
    static const QString id = make(hostName(), QCoreApplication::applicationPid());
    return id;
}

bool WorkerIdentity::isGone(const QString &workerId)
{
    const QStringList parts = workerId.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return true; // not ours to judge: the lapsed heartbeat decides
    if (parts.at(0) != hostName())
        return true;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return true;
    if (pid == QCoreApplication::applicationPid())
        return workerId != current(); // a previous process that had our pid
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
        return true;
    // kill(0) succeeds on zombies too; a zombie runs nothing any more.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        if (close > 0 && close + 2 < line.size() && line.at(close + 2) == 'Z')
            return true;
    }
    return false;
}

int WorkerIdentity::heartbeatSeconds(int fallback)
{
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("CREODROP_HEARTBEAT_SECONDS", &ok);
    return ok && fromEnv > 0 ? fromEnv : fallback;
}
