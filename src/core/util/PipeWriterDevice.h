// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

class BoundedPipe;

/// Write-only QIODevice over the writer side of a BoundedPipe, so producers that write to a
/// QIODevice (the dumper, GzipWriter) can feed the pipe. write() blocks while the pipe is full
/// and fails once the reader aborted. close() closes the pipe's write side (end of data).
class PipeWriterDevice : public QIODevice
{
    Q_OBJECT

public:
    explicit PipeWriterDevice(BoundedPipe *pipe, QObject *parent = nullptr);
    bool isSequential() const override { return true; }
    void close() override;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    BoundedPipe *m_pipe;
};
