// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipeReaderDevice.h"

#include "BoundedPipe.h"

#include <chrono>
#include <cstring>

PipeReaderDevice::PipeReaderDevice(BoundedPipe *pipe, QObject *parent)
    : QIODevice(parent)
    , m_pipe(pipe)
{
    // The pipe signals from the writer's thread; the lambda takes the mutex the reader holds
    // while it checks the pipe, so a wake-up between that check and the wait is never lost.
    connect(
        pipe, &BoundedPipe::readyRead, this,
        [this] {
            {
                std::lock_guard<std::mutex> lock(m_mutex);
            }
            m_changed.notify_all();
        },
        Qt::DirectConnection);
    open(QIODevice::ReadOnly);
}

bool PipeReaderDevice::atEnd() const
{
    return QIODevice::atEnd() && (m_pipe->atEnd() || m_pipe->writerFailed());
}

qint64 PipeReaderDevice::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + m_pipe->bytesAvailable();
}

qint64 PipeReaderDevice::readData(char *data, qint64 maxSize)
{
    if (maxSize <= 0)
        return 0;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (m_pipe->writerFailed()) {
            setErrorString(m_pipe->writerError());
            return -1;
        }
        const QByteArray chunk = m_pipe->read(maxSize);
        if (!chunk.isEmpty()) {
            std::memcpy(data, chunk.constData(), size_t(chunk.size()));
            return chunk.size();
        }
        if (m_pipe->atEnd())
            return 0;
        if (m_pipe->readAborted()) {
            setErrorString(tr("The stream was abandoned."));
            return -1;
        }
        // The timeout only bounds a missed wake-up; readyRead() normally ends the wait.
        m_changed.wait_for(lock, std::chrono::milliseconds(200));
    }
}
