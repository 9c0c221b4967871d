// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GzipReader.h"

#include <isa-l/igzip_lib.h>
#include <zlib.h>

namespace {
constexpr int kInputSize = 256 * 1024;

// Header flags (RFC 1952).
constexpr uchar kFlagHeaderCrc = 0x02;
constexpr uchar kFlagExtra = 0x04;
constexpr uchar kFlagName = 0x08;
constexpr uchar kFlagComment = 0x10;
constexpr uchar kFlagsReserved = 0xe0;

QString inflateError(int rc)
{
    return rc == ISAL_INCORRECT_CHECKSUM ? QStringLiteral("CRC-32 or length check failed")
                                         : QStringLiteral("invalid compressed data");
}

// Reads one member's header, byte by byte as it arrives, so that a header split across reads is
// no different from one read whole. (ISA-L 2.30 parses headers too, but gets FHCRC wrong when the
// header arrives in pieces.)
class HeaderParser
{
public:
    enum class Result { NeedMore, Done, Invalid, NotGzip };

    void reset()
    {
        m_part = Part::Fixed;
        m_have = 0;
        m_flags = 0;
        m_crc = crc32(0, nullptr, 0);
    }

    Result consume(uint8_t **next, uint32_t *avail, QString *error)
    {
        while (*avail > 0) {
            const uchar c = **next;
            ++*next;
            --*avail;
            if (m_part != Part::HeaderCrc)
                m_crc = crc32(m_crc, &c, 1);
            switch (m_part) {
            case Part::Fixed:
                m_fixed[m_have++] = c;
                // The magic is checked as soon as it arrives: after a member, bytes without it
                // are no member but trailing data (gzip ignores them), however few they are.
                if ((m_have == 1 && c != 0x1f) || (m_have == 2 && c != 0x8b)) {
                    *error = QStringLiteral("invalid gzip header");
                    return Result::NotGzip;
                }
                if (m_have < sizeof m_fixed)
                    break;
                if (m_fixed[2] != 8) {
                    *error = QStringLiteral("unknown compression method %1").arg(m_fixed[2]);
                    return Result::Invalid;
                }
                m_flags = m_fixed[3];
                if (m_flags & kFlagsReserved) {
                    *error = QStringLiteral("invalid gzip header (reserved flags set)");
                    return Result::Invalid;
                }
                nextPart();
                break;
            case Part::ExtraLength:
                m_extraLength |= uint32_t(c) << (8 * m_have);
                if (++m_have == 2) {
                    m_part = Part::Extra;
                    if (m_extraLength == 0)
                        nextPart();
                }
                break;
            case Part::Extra:
                if (--m_extraLength == 0)
                    nextPart();
                break;
            case Part::Name:
            case Part::Comment:
                if (c == 0)
                    nextPart();
                break;
            case Part::HeaderCrc:
                m_headerCrc |= uint32_t(c) << (8 * m_have);
                if (++m_have == 2) {
                    if (m_headerCrc != (m_crc & 0xffff)) {
                        *error = QStringLiteral("gzip header checksum mismatch");
                        return Result::Invalid;
                    }
                    m_part = Part::Done;
                }
                break;
            case Part::Done:
                break;
            }
            if (m_part == Part::Done)
                return Result::Done;
        }
        return m_part == Part::Done ? Result::Done : Result::NeedMore;
    }

private:
    enum class Part { Fixed, ExtraLength, Extra, Name, Comment, HeaderCrc, Done };

    // Moves on to the next part the flags announce.
    void nextPart()
    {
        m_have = 0;
        m_extraLength = 0;
        m_headerCrc = 0;
        for (;;) {
            m_part = Part(int(m_part) + 1);
            if (((m_part == Part::ExtraLength || m_part == Part::Extra) && !(m_flags & kFlagExtra))
                || (m_part == Part::Name && !(m_flags & kFlagName))
                || (m_part == Part::Comment && !(m_flags & kFlagComment))
                || (m_part == Part::HeaderCrc && !(m_flags & kFlagHeaderCrc)))
                continue;
            return;
        }
    }

    Part m_part = Part::Fixed;
    uchar m_fixed[10] = {};
    size_t m_have = 0;
    uchar m_flags = 0;
    uint32_t m_extraLength = 0;
    uint32_t m_headerCrc = 0;
    uLong m_crc = 0;
};
} // namespace

// ISA-L's inflate rather than zlib's: a restore inflates the whole dump on the thread that feeds
// the database, and ISA-L does it in about 40% of zlib's CPU time (CRC-32 included).
struct GzipReader::Impl
{
    QIODevice *source = nullptr;
    inflate_state state{};
    HeaderParser header;
    bool inMember = false; ///< inside a member whose end we have not seen yet
    bool inHeader = false; ///< inside that member's header
    qint64 members = 0; ///< members read whole so far
    qint64 memberStart = 0; ///< compressed offset where the current member began
    QByteArray input;
    bool sourceEof = false;

    void startMember()
    {
        isal_inflate_reset(&state);
        state.crc_flag = ISAL_GZIP_NO_HDR_VER; // raw deflate, then CRC-32 and length checked
        header.reset();
        inMember = true;
        inHeader = true;
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

QString GzipReader::otherCompression(const QByteArray &head)
{
    struct Format
    {
        QByteArray magic;
        const char *name;
        const char *command;
    };
    static const Format formats[] = {
        { QByteArrayLiteral("PK\x03\x04"), "a zip archive", "unzip" },
        { QByteArrayLiteral("PK\x05\x06"), "a zip archive", "unzip" },
        { QByteArrayLiteral("BZh"), "bzip2-compressed", "bunzip2" },
        { QByteArrayLiteral("\xFD"
                            "7zXZ\x00"),
          "xz-compressed", "unxz" },
        { QByteArrayLiteral("\x28\xB5\x2F\xFD"), "zstd-compressed", "unzstd" },
        { QByteArrayLiteral("7z\xBC\xAF\x27\x1C"), "a 7z archive", "7z x" },
        { QByteArrayLiteral("\x04\x22\x4D\x18"), "lz4-compressed", "unlz4" },
    };
    for (const Format &f : formats) {
        // bzip2's "BZh" is followed by the block size digit; without it, it could be text.
        const bool bzip2 = f.magic == "BZh";
        if (head.startsWith(f.magic) && (!bzip2 || (head.size() > 3 && head.at(3) >= '1' && head.at(3) <= '9')))
            return QStringLiteral("the input is %1, not SQL text or gzip: unpack it first (%2)")
                .arg(QLatin1String(f.name), QLatin1String(f.command));
    }
    return {};
}

QIODevice *GzipReader::openText(QIODevice *in, std::unique_ptr<GzipReader> *gzip, QString *error)
{
    if (!hasGzipMagic(in->peek(2))) {
        *error = otherCompression(in->peek(8));
        return error->isEmpty() ? in : nullptr;
    }
    *gzip = std::make_unique<GzipReader>(in);
    if (!(*gzip)->open(QIODevice::ReadOnly)) {
        *error = (*gzip)->errorString();
        return nullptr;
    }
    return gzip->get();
}

bool GzipReader::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !d->source) {
        setErrorString(QStringLiteral("GzipReader is read-only and needs a source"));
        return false;
    }
    isal_inflate_init(&d->state);
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
    if (d->state.avail_in > 0 || d->sourceEof)
        return true;
    qint64 n = d->source->read(d->input.data(), d->input.size());
    if (n < 0) {
        fail(QStringLiteral("cannot read compressed input: %1").arg(d->source->errorString()));
        return false;
    }
    if (n == 0)
        d->sourceEof = true;
    m_compressedRead += n;
    d->state.next_in = reinterpret_cast<uint8_t *>(d->input.data());
    d->state.avail_in = uint32_t(n);
    return true;
}

qint64 GzipReader::readData(char *data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    if (m_eof || maxSize <= 0)
        return 0;
    inflate_state &st = d->state;
    st.next_out = reinterpret_cast<uint8_t *>(data);
    const uint32_t capacity = uint32_t(qMin<qint64>(maxSize, 1 << 30));
    st.avail_out = capacity;
    while (st.avail_out > 0) {
        if (!fillInput())
            return -1;
        if (st.avail_in == 0 && d->sourceEof) {
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
            if (st.avail_in > 0 && *st.next_in == 0) {
                while (st.avail_in > 0 && *st.next_in == 0) {
                    ++st.next_in;
                    --st.avail_in;
                }
                continue;
            }
            d->startMember();
            d->memberStart = m_compressedRead - st.avail_in;
        }
        if (d->inHeader) {
            QString error;
            const HeaderParser::Result header = d->header.consume(&st.next_in, &st.avail_in, &error);
            if (header == HeaderParser::Result::NotGzip && d->members > 0) {
                if (!skipTrailingData())
                    return -1;
                break;
            }
            if (header != HeaderParser::Result::Done && header != HeaderParser::Result::NeedMore) {
                fail(
                    QStringLiteral("corrupt gzip data after %1 compressed bytes: %2").arg(m_compressedRead).arg(error));
                return -1;
            }
            if (header == HeaderParser::Result::NeedMore)
                continue;
            d->inHeader = false;
        }
        const uint32_t inBefore = st.avail_in;
        const uint32_t outBefore = st.avail_out;
        const int rc = isal_inflate(&st);
        if (rc < 0) {
            fail(QStringLiteral("corrupt gzip data after %1 compressed bytes: %2")
                     .arg(m_compressedRead)
                     .arg(inflateError(rc)));
            return -1;
        }
        if (st.block_state == ISAL_BLOCK_FINISH) {
            // The member's trailer is checked; isal_inflate gave back the input it read ahead.
            d->inMember = false;
            ++d->members;
            continue;
        }
        if (st.avail_in > 0 && st.avail_out > 0 && st.avail_in == inBefore && st.avail_out == outBefore) {
            fail(QStringLiteral("corrupt gzip data after %1 compressed bytes: the decoder made no progress")
                     .arg(m_compressedRead));
            return -1;
        }
    }
    const qint64 produced = qint64(capacity - st.avail_out);
    if (produced == 0 && m_eof)
        return 0;
    return produced;
}

bool GzipReader::skipTrailingData()
{
    inflate_state &st = d->state;
    st.avail_in = 0;
    while (!d->sourceEof) {
        if (!fillInput())
            return false;
        st.avail_in = 0;
    }
    m_trailingBytes = m_compressedRead - d->memberStart;
    d->inMember = false;
    m_eof = true;
    m_finishedOk = true;
    return true;
}

QString GzipReader::trailingData() const
{
    if (m_trailingBytes == 0)
        return {};
    return QStringLiteral("the last %1 bytes of the file follow the end of its gzip data and are not gzip data (the "
                          "file was damaged or something was appended to it)")
        .arg(m_trailingBytes);
}

QString GzipReader::trailingDataWarning() const
{
    return m_trailingBytes == 0 ? QString()
                                : trailingData() + QStringLiteral("; they were ignored, as gzip ignores them");
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
    if (reader.trailingBytes() > 0) {
        // A backup is exactly what was written: anything after its gzip data is damage.
        if (error)
            *error = reader.trailingData();
        return false;
    }
    return reader.finishedOk();
}
