// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

#include <atomic>

/// A file descriptor (stdout for `dump --output -`) written so that a stop is seen while the
/// reader takes nothing: writes wait at most 100 ms at a time for room and fail with "stopped"
/// once the flag is set. A plain blocking write to a pipe nobody drains would hold a stopped
/// dump until the grace period's forced exit. Unbuffered; a write returns only when all of its
/// bytes went out (or failed).
class CancellableOutput : public QIODevice
{
    Q_OBJECT

public:
    CancellableOutput(int fd, const std::atomic<bool> *cancel, QObject *parent = nullptr);

    bool open(OpenMode mode) override { return QIODevice::open(mode | Unbuffered); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    int m_fd;
    const std::atomic<bool> *m_cancel;
    qint64 m_chunk; // bytes per write()
};
