// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

#include <memory>

/// Read-only QIODevice that inflates a gzip stream read from @p source (not owned), streaming
/// with a fixed buffer. Concatenated members (as gzip and pigz may write) are read as one
/// stream. A stream that ends early or holds corrupt data makes read() fail with a clear
/// errorString() ("truncated gzip stream ...", "corrupt gzip data ..."): it never looks like a
/// clean end of data. As in gzip, bytes after a whole member that do not start another one are
/// trailing data: skipped and counted (trailingBytes()), for the caller to warn about or refuse.
class GzipReader : public QIODevice
{
    Q_OBJECT

public:
    explicit GzipReader(QIODevice *source, QObject *parent = nullptr);
    ~GzipReader() override;

    bool isSequential() const override { return true; }
    bool open(OpenMode mode) override;
    void close() override;
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

    /// True when the whole stream was read and every member's CRC and length matched.
    bool finishedOk() const { return m_finishedOk; }
    /// Compressed bytes consumed so far.
    qint64 compressedBytesRead() const { return m_compressedRead; }
    /// Bytes after the last member that were not gzip data (0: none).
    qint64 trailingBytes() const { return m_trailingBytes; }
    /// What those bytes are, for a message ("the last N bytes of the file follow the end of its
    /// gzip data ..."), or empty when there were none.
    QString trailingData() const;
    /// trailingData(), and that they were ignored: for a load, which goes on as gzip does.
    QString trailingDataWarning() const;

    /// Reads @p source to its end and checks it like `gzip -t`. Returns false and sets @p error
    /// when it is not a complete, valid gzip stream, or has trailing data.
    static bool verifyStream(QIODevice *source, QString *error);

    /// True when @p head starts with the gzip magic bytes.
    static bool hasGzipMagic(const QByteArray &head);
    /// When @p head (the first bytes of an input) starts like another compressed format (zip,
    /// bzip2, xz, zstd, 7z, lz4), a sentence naming it and the command that unpacks it; else
    /// empty. Loaders read only plain text or gzip, and would otherwise take such a file for SQL.
    static QString otherCompression(const QByteArray &head);
    /// The SQL text of a dump file or stream @p in: @p in itself, or a GzipReader over it (kept
    /// in @p gzip) when it starts with the gzip magic. Null, with @p error set, when @p in is
    /// another compressed format (otherCompression()) or its gzip header cannot be read.
    static QIODevice *openText(QIODevice *in, std::unique_ptr<GzipReader> *gzip, QString *error);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Impl;
    bool fillInput();
    bool skipTrailingData();
    void fail(const QString &message);

    std::unique_ptr<Impl> d;
    qint64 m_compressedRead = 0;
    qint64 m_trailingBytes = 0;
    bool m_failed = false;
    bool m_finishedOk = false;
    bool m_eof = false;
};
