// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QThread>

#include <memory>

/// Write-only QIODevice that gzip-compresses everything written to it into @p sink.
///
/// With threads > 1 the input is cut into blocks that worker threads deflate independently
/// (each primed with the previous block's last 32 KiB as dictionary, as pigz does, so the ratio
/// stays close to single-stream gzip) and ends with a sync flush; the blocks are written in
/// order and the CRC-32 is joined with crc32_combine, so the result is one ordinary gzip member.
/// Memory stays bounded: at most a few blocks per thread are in flight.
///
/// close() finishes the stream and writes the trailer; errors of the sink (disk full, pipe
/// closed) surface as a failing write()/close() with errorString(). The sink is not owned and
/// must stay open until close() returned.
class GzipWriter : public QIODevice
{
    Q_OBJECT

public:
    explicit GzipWriter(QIODevice *sink, int level = 6, int threads = QThread::idealThreadCount(),
                        QObject *parent = nullptr);
    ~GzipWriter() override;

    bool isSequential() const override { return true; }
    bool open(OpenMode mode) override;
    void close() override;

    /// True when close() wrote the complete stream; false after any error.
    bool finishedOk() const { return m_finishedOk; }
    /// Compressed bytes handed to the sink so far.
    qint64 compressedBytes() const;
    /// Uncompressed bytes accepted so far.
    qint64 rawBytes() const { return m_rawBytes; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    struct Impl;
    bool submitBlock(bool last);
    bool finish();
    void fail(const QString &message);

    std::unique_ptr<Impl> d;
    qint64 m_rawBytes = 0;
    bool m_failed = false;
    bool m_finishedOk = false;
};
