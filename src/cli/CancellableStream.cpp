// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CancellableStream.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

CancellableStream::CancellableStream(int fd, const std::atomic<bool> *cancel, QObject *parent)
    : QIODevice(parent)
    , m_fd(fd)
    , m_cancel(cancel)
{
    // POLLOUT on a pipe, socket or terminal promises room, not room for everything: a large
    // blocking write can still wait for the reader. PIPE_BUF bytes always fit once POLLOUT is
    // seen; a regular file never makes a write wait for a reader.
    struct stat st = {};
    m_chunk = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? qint64(1) << 30 : qint64(PIPE_BUF);
}

CancellableStream::Wait CancellableStream::waitFor(short events)
{
    if (m_cancel->load()) {
        setErrorString(QStringLiteral("stopped"));
        return Wait::Failed;
    }
    pollfd p{ m_fd, events, 0 };
    const int ready = ::poll(&p, 1, 100);
    if (ready < 0 && errno != EINTR) {
        setErrorString(QString::fromLocal8Bit(std::strerror(errno)));
        return Wait::Failed;
    }
    return ready > 0 ? Wait::Ready : Wait::NotYet;
}

qint64 CancellableStream::readData(char *data, qint64 maxSize)
{
    for (;;) {
        const Wait w = waitFor(POLLIN);
        if (w == Wait::Failed)
            return -1;
        if (w == Wait::NotYet)
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

qint64 CancellableStream::writeData(const char *data, qint64 maxSize)
{
    qint64 written = 0;
    while (written < maxSize) {
        const Wait w = waitFor(POLLOUT);
        if (w == Wait::Failed)
            return -1;
        if (w == Wait::NotYet)
            continue;
        const ssize_t n = ::write(m_fd, data + written, size_t(qMin(maxSize - written, m_chunk)));
        if (n > 0) {
            written += n;
            continue;
        }
        if (n < 0 && errno != EINTR && errno != EAGAIN) {
            setErrorString(QString::fromLocal8Bit(std::strerror(errno)));
            return -1;
        }
    }
    return written;
}
