// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

#include <atomic>

/// A file descriptor read or written so that a stop is seen while the other end is idle: stdin
/// for `load --input -` (no data comes), stdout for `dump --output -` (the reader takes
/// nothing). Every wait lasts at most 100 ms; once the flag is set, a read or write fails with
/// "stopped". Plain blocking calls would hold a stopped command until the next byte, or until the
/// reader drained the pipe, and even its forced exit.
///
/// Always unbuffered: a buffered QIODevice reads again after a short read to fill its buffer,
/// and would wait there for input that may never come (a peek at the first bytes, say). A write
/// returns only when all of its bytes went out (or failed).
class CancellableStream : public QIODevice
{
    Q_OBJECT

public:
    CancellableStream(int fd, const std::atomic<bool> *cancel, QObject *parent = nullptr);

    bool open(OpenMode mode) override { return QIODevice::open(mode | Unbuffered); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    enum class Wait { Ready, NotYet, Failed };
    /// Waits up to 100 ms for @p events; Failed (with the error string set) once stopped.
    Wait waitFor(short events);

    int m_fd;
    const std::atomic<bool> *m_cancel;
    qint64 m_chunk; // bytes per write()
};
