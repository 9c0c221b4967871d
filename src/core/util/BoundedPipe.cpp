// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BoundedPipe.h"

#include <QMutexLocker>

#include <algorithm>

BoundedPipe::BoundedPipe(qint64 capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max<qint64>(capacity, 1))
{ }

bool BoundedPipe::write(const char *data, qint64 size)
{
    while (size > 0) {
        qint64 accepted = 0;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_aborted && m_buffered >= m_capacity)
                m_notFull.wait(&m_mutex);
            if (m_aborted || m_closed || m_failed)
                return false;
            // Accept what fits, so a write larger than the capacity still progresses.
            accepted = std::min(size, m_capacity - m_buffered);
            m_chunks.emplace_back(data, static_cast<int>(accepted));
            m_buffered += accepted;
            m_totalWritten += accepted;
        }
        data += accepted;
        size -= accepted;
        emit readyRead();
    }
    return true;
}

void BoundedPipe::closeWrite()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_closed || m_failed)
            return;
        m_closed = true;
    }
    emit readyRead();
}

void BoundedPipe::failWrite(const QString &message)
{
    {
        QMutexLocker lock(&m_mutex);
        // Also after closeWrite(): the owner may abandon a complete stream the reader has not
        // finished reading (a cancel), and the reader must not complete it then.
        if (m_failed)
            return;
        m_failed = true;
        m_error = message;
    }
    emit readyRead();
}

QByteArray BoundedPipe::read(qint64 maxSize)
{
    QByteArray out;
    {
        QMutexLocker lock(&m_mutex);
        while (!m_chunks.empty() && out.size() < maxSize) {
            QByteArray &front = m_chunks.front();
            const qint64 want = maxSize - out.size();
            if (front.size() <= want) {
                out += front;
                m_chunks.pop_front();
            } else {
                out += front.left(static_cast<int>(want));
                front.remove(0, static_cast<int>(want));
            }
        }
        m_buffered -= out.size();
    }
    if (!out.isEmpty())
        m_notFull.wakeAll();
    return out;
}

qint64 BoundedPipe::bytesAvailable() const
{
    QMutexLocker lock(&m_mutex);
    return m_buffered;
}

bool BoundedPipe::atEnd() const
{
    QMutexLocker lock(&m_mutex);
    return m_closed && m_buffered == 0;
}

bool BoundedPipe::writeClosed() const
{
    QMutexLocker lock(&m_mutex);
    return m_closed;
}

bool BoundedPipe::writerFailed() const
{
    QMutexLocker lock(&m_mutex);
    return m_failed;
}

QString BoundedPipe::writerError() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

void BoundedPipe::abortRead()
{
    {
        QMutexLocker lock(&m_mutex);
        m_aborted = true;
        m_chunks.clear();
        m_buffered = 0;
    }
    m_notFull.wakeAll();
}

bool BoundedPipe::readAborted() const
{
    QMutexLocker lock(&m_mutex);
    return m_aborted;
}

qint64 BoundedPipe::totalWritten() const
{
    QMutexLocker lock(&m_mutex);
    return m_totalWritten;
}
