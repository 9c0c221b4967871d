// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

#include <atomic>

/// A file descriptor (stdin for `load --input -`) read so that a stop is seen while no data
/// comes: reads wait at most 100 ms at a time and fail with "stopped" once the flag is set. A
/// plain blocking read would hold a stopped load until the next byte or the end of input.
/// Always unbuffered: a buffered QIODevice reads again after a short read to fill its buffer,
/// and would wait there for input that may never come (a peek at the first bytes, say).
class CancellableInput : public QIODevice
{
    Q_OBJECT

public:
    CancellableInput(int fd, const std::atomic<bool> *cancel, QObject *parent = nullptr);

    bool open(OpenMode mode) override { return QIODevice::open(mode | Unbuffered); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    int m_fd;
    const std::atomic<bool> *m_cancel;
};
