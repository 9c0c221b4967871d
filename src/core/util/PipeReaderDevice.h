// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

#include <condition_variable>
#include <mutex>

class BoundedPipe;

/// Read-only QIODevice over the reader side of a BoundedPipe for consumers that read a
/// QIODevice on a thread of their own (the loader of an environment sync): read() blocks until
/// data arrives, returns 0 at the end of data and -1 when the writer failed (errorString() is
/// the writer's reason). The reader's thread needs no event loop. Destroying or closing the
/// device does not abort the pipe; call BoundedPipe::abortRead() to stop the writer.
class PipeReaderDevice : public QIODevice
{
    Q_OBJECT

public:
    explicit PipeReaderDevice(BoundedPipe *pipe, QObject *parent = nullptr);
    bool isSequential() const override { return true; }
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    BoundedPipe *m_pipe;
    std::mutex m_mutex;
    std::condition_variable m_changed;
};
