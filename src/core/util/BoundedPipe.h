// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <deque>

/// A thread-safe byte pipe with a fixed capacity: the bounded queue between pipeline stages
/// (dump thread -> upload job), so memory never grows with database size.
///
/// Writer side (any thread, usually a worker): write() blocks while the pipe is full and
/// returns false once the reader gave up (abortRead()); closeWrite() marks the end, failWrite()
/// marks a producer failure the reader must not treat as the end of good data (also after
/// closeWrite(), when the owner abandons the stream before the reader finished it).
/// Reader side (a thread with an event loop): connect to readyRead() (emitted from the writer's
/// thread, so use a queued connection), then take data with read() without blocking.
class BoundedPipe : public QObject
{
    Q_OBJECT

public:
    explicit BoundedPipe(qint64 capacity, QObject *parent = nullptr);

    qint64 capacity() const { return m_capacity; }

    // --- writer side
    bool write(const char *data, qint64 size);
    bool write(const QByteArray &data) { return write(data.constData(), data.size()); }
    void closeWrite();
    void failWrite(const QString &message);

    // --- reader side
    /// Up to @p maxSize bytes that are available now (may be empty). Never blocks.
    QByteArray read(qint64 maxSize);
    qint64 bytesAvailable() const;
    /// True when the writer closed and everything was read.
    bool atEnd() const;
    bool writeClosed() const;
    bool writerFailed() const;
    QString writerError() const;
    /// The consumer stops: wakes a blocked writer, whose write() then returns false.
    void abortRead();
    bool readAborted() const;

    /// Total bytes ever written.
    qint64 totalWritten() const;

signals:
    /// New data, end of data or a writer failure. Emitted from the writer's thread.
    void readyRead();

private:
    const qint64 m_capacity;
    mutable QMutex m_mutex;
    QWaitCondition m_notFull;
    std::deque<QByteArray> m_chunks;
    qint64 m_buffered = 0;
    qint64 m_totalWritten = 0;
    bool m_closed = false;
    bool m_failed = false;
    bool m_aborted = false;
    QString m_error;
};
