// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CancellableInput.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <unistd.h>

CancellableInput::CancellableInput(int fd, const std::atomic<bool> *cancel, QObject *parent)
    : QIODevice(parent)
    , m_fd(fd)
    , m_cancel(cancel)
{ }

qint64 CancellableInput::readData(char *data, qint64 maxSize)
{
    for (;;) {
        if (m_cancel->load()) {
            setErrorString(QStringLiteral("stopped"));
            return -1;
        }
        pollfd p{ m_fd, POLLIN, 0 };
        const int ready = ::poll(&p, 1, 100);
        if (ready < 0 && errno != EINTR) {
            setErrorString(QString::fromLocal8Bit(std::strerror(errno)));
            return -1;
        }
        if (ready <= 0)
            continue;
        const ssize_t n = ::read(m_fd, data, size_t(maxSize));
        if (n >= 0)
            return qint64(n); // 0: the end of input
        if (errno != EINTR && errno != EAGAIN) {
            setErrorString(QString::fromLocal8Bit(std::strerror(errno)));
            return -1;
        }
    }
}

qint64 CancellableInput::writeData(const char *, qint64)
{
    setErrorString(QStringLiteral("read only"));
    return -1;
}
