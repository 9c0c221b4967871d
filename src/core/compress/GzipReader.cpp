// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GzipReader.h"

#include <zlib.h>

namespace {
constexpr int kInputSize = 256 * 1024;
}

struct GzipReader::Impl
{
    QIODevice *source = nullptr;
    z_stream stream{};
    bool streamInit = false;
    bool inMember = false; ///< inside a member whose end we have not seen yet
    QByteArray input;
    bool sourceEof = false;

    ~Impl()
    {
        if (streamInit)
            inflateEnd(&stream);
    }
};

GzipReader::GzipReader(QIODevice *source, QObject *parent)
    : QIODevice(parent)
    , d(std::make_unique<Impl>())
{
    d->source = source;
}

GzipReader::~GzipReader() = default;

bool GzipReader::hasGzipMagic(const QByteArray &head)
{
    return head.size() >= 2 && uchar(head.at(0)) == 0x1f && uchar(head.at(1)) == 0x8b;
}

bool GzipReader::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !d->source) {
        setErrorString(QStringLiteral("GzipReader is read-only and needs a source"));
        return false;
    }
    if (inflateInit2(&d->stream, 15 + 16) != Z_OK) {
        setErrorString(QStringLiteral("cannot initialise zlib"));
        return false;
    }
    d->streamInit = true;
    d->input.resize(kInputSize);
    return QIODevice::open(mode | Unbuffered);
}

void GzipReader::close()
{
    QIODevice::close();
}

bool GzipReader::atEnd() const
{
    return m_eof || m_failed;
}

qint64 GzipReader::bytesAvailable() const
{
    return (m_eof || m_failed) ? 0 : 1;
}

void GzipReader::fail(const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        setErrorString(message);
    }
}

bool GzipReader::fillInput()
{
    if (d->stream.avail_in > 0 || d->sourceEof)
        return true;
    qint64 n = d->source->read(d->input.data(), d->input.size());
    if (n < 0) {
        fail(QStringLiteral("cannot read compressed input: %1").arg(d->source->errorString()));
        return false;
    }
    if (n == 0)
        d->sourceEof = true;
    m_compressedRead += n;
    d->stream.next_in = reinterpret_cast<Bytef *>(d->input.data());
    d->stream.avail_in = uInt(n);
    return true;
}

qint64 GzipReader::readData(char *data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    if (m_eof || maxSize <= 0)
        return 0;
    d->stream.next_out = reinterpret_cast<Bytef *>(data);
    d->stream.avail_out = uInt(qMin<qint64>(maxSize, 1 << 30));
    while (d->stream.avail_out > 0) {
        if (!fillInput())
            return -1;
        if (d->stream.avail_in == 0 && d->sourceEof) {
            if (d->inMember) {
                fail(QStringLiteral("truncated gzip stream: the input ends in the middle of compressed data after %1 "
                                    "bytes")
                         .arg(m_compressedRead));
                return -1;
            }
            if (m_compressedRead == 0) {
                fail(QStringLiteral("empty input: not a gzip stream"));
                return -1;
            }
            m_eof = true;
            m_finishedOk = true;
            break;
        }
        if (!d->inMember) {
            // A new member may start here; gzip ignores zero padding after the last member.
            if (d->stream.avail_in > 0 && *d->stream.next_in == 0) {
                while (d->stream.avail_in > 0 && *d->stream.next_in == 0) {
                    ++d->stream.next_in;
                    --d->stream.avail_in;
                }
                continue;
            }
            d->inMember = true;
        }
        const int rc = inflate(&d->stream, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            d->inMember = false;
            inflateReset(&d->stream);
            continue;
        }
        if (rc == Z_BUF_ERROR)
            continue; // needs more input; the EOF check above catches truncation
        if (rc != Z_OK) {
            fail(QStringLiteral("corrupt gzip data after %1 compressed bytes: %2")
                     .arg(m_compressedRead)
                     .arg(QString::fromLatin1(d->stream.msg ? d->stream.msg : "inflate failed")));
            return -1;
        }
    }
    const qint64 produced = maxSize - d->stream.avail_out;
    if (produced == 0 && m_eof)
        return 0;
    return produced;
}

bool GzipReader::verifyStream(QIODevice *source, QString *error)
{
    GzipReader reader(source);
    if (!reader.open(QIODevice::ReadOnly)) {
        if (error)
            *error = reader.errorString();
        return false;
    }
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = reader.read(buffer.data(), buffer.size());
        if (n < 0) {
            if (error)
                *error = reader.errorString();
            return false;
        }
        if (n == 0 && reader.atEnd())
            break;
    }
    return reader.finishedOk();
}
