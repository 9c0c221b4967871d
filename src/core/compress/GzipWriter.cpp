// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GzipWriter.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>
#include <zlib.h>

namespace {

// 1 MiB blocks: the per-block cost (dictionary priming, sync flush) stays under 1 %.
constexpr int kBlockSize = 1024 * 1024;
constexpr int kDictSize = 32 * 1024;

const unsigned char kGzipHeader[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };

struct Block
{
    QByteArray input;
    QByteArray dictionary;
    QByteArray output;
    uLong crc = 0;
    qint64 size = 0;
    bool last = false;
    bool done = false;
    QString error;
};

} // namespace

struct GzipWriter::Impl
{
    QIODevice *sink = nullptr;
    int level = 6;
    int threads = 1;
    qint64 compressed = 0;
    uLong crc = crc32(0L, Z_NULL, 0);
    uLong length = 0;
    bool headerWritten = false;

    // single-thread path: one continuous deflate stream
    z_stream stream{};
    bool streamInit = false;

    // multi-thread path
    QByteArray current;
    QByteArray previousTail;
    std::mutex mutex;
    std::condition_variable workAvailable;
    std::condition_variable blockDone;
    std::deque<std::shared_ptr<Block>> queue; // waiting for a worker
    std::deque<std::shared_ptr<Block>> inFlight; // in output order
    std::vector<std::thread> workers;
    bool stopping = false;

    ~Impl()
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stopping = true;
        }
        workAvailable.notify_all();
        for (std::thread &t : workers)
            t.join();
        if (streamInit)
            deflateEnd(&stream);
    }

    void startWorkers()
    {
        for (int i = 0; i < threads; ++i)
            workers.emplace_back([this] { workerLoop(); });
    }

    void workerLoop()
    {
        // One deflate state per worker, reset per block: deflateInit allocates the window and
        // hash tables (about 270 KiB at memLevel 8) every time, deflateReset reuses them.
        z_stream zs{};
        const bool initialised = deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
        for (;;) {
            std::shared_ptr<Block> block;
            {
                std::unique_lock<std::mutex> lock(mutex);
                workAvailable.wait(lock, [this] { return stopping || !queue.empty(); });
                if (queue.empty())
                    break;
                block = queue.front();
                queue.pop_front();
            }
            if (initialised)
                compressBlock(&zs, *block);
            else
                block->error = QStringLiteral("cannot initialise zlib");
            {
                std::lock_guard<std::mutex> lock(mutex);
                block->done = true;
            }
            blockDone.notify_all();
        }
        if (initialised)
            deflateEnd(&zs);
    }

    static void compressBlock(z_stream *zs, Block &block)
    {
        block.crc = crc32(0L, reinterpret_cast<const Bytef *>(block.input.constData()), uInt(block.input.size()));
        if (deflateReset(zs) != Z_OK) {
            block.error = QStringLiteral("zlib deflate failed");
            return;
        }
        if (!block.dictionary.isEmpty())
            deflateSetDictionary(zs, reinterpret_cast<const Bytef *>(block.dictionary.constData()),
                                 uInt(block.dictionary.size()));
        block.output.resize(qsizetype(deflateBound(zs, uLong(block.input.size())) + 64));
        zs->next_in = reinterpret_cast<Bytef *>(block.input.data());
        zs->avail_in = uInt(block.input.size());
        zs->next_out = reinterpret_cast<Bytef *>(block.output.data());
        zs->avail_out = uInt(block.output.size());
        const int rc = deflate(zs, block.last ? Z_FINISH : Z_SYNC_FLUSH);
        if ((block.last && rc != Z_STREAM_END) || (!block.last && rc != Z_OK) || zs->avail_in != 0)
            block.error = QStringLiteral("zlib deflate failed");
        block.output.resize(block.output.size() - qsizetype(zs->avail_out));
        block.input = QByteArray();
        block.dictionary = QByteArray();
    }
};

GzipWriter::GzipWriter(QIODevice *sink, int level, int threads, QObject *parent)
    : QIODevice(parent)
    , d(std::make_unique<Impl>())
{
    d->sink = sink;
    d->level = qBound(0, level, 9);
    d->threads = qBound(1, threads, 32);
}

GzipWriter::~GzipWriter()
{
    if (isOpen())
        close();
}

bool GzipWriter::open(OpenMode mode)
{
    if ((mode & ReadOnly) || !d->sink) {
        setErrorString(QStringLiteral("GzipWriter is write-only and needs a sink"));
        return false;
    }
    if (d->threads > 1) {
        d->startWorkers();
    } else {
        if (deflateInit2(&d->stream, d->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            setErrorString(QStringLiteral("cannot initialise zlib"));
            return false;
        }
        d->streamInit = true;
    }
    return QIODevice::open(mode | Unbuffered);
}

qint64 GzipWriter::compressedBytes() const
{
    return d->compressed;
}

void GzipWriter::fail(const QString &message)
{
    if (!m_failed) {
        m_failed = true;
        setErrorString(message);
    }
}

static bool writeAll(QIODevice *sink, const char *data, qint64 size, qint64 *counter)
{
    while (size > 0) {
        const qint64 n = sink->write(data, size);
        if (n <= 0)
            return false;
        data += n;
        size -= n;
        *counter += n;
    }
    return true;
}

qint64 GzipWriter::writeData(const char *data, qint64 size)
{
    if (m_failed)
        return -1;
    if (!d->headerWritten) {
        if (!writeAll(d->sink, reinterpret_cast<const char *>(kGzipHeader), 10, &d->compressed)) {
            fail(QStringLiteral("cannot write compressed output: %1").arg(d->sink->errorString()));
            return -1;
        }
        d->headerWritten = true;
    }
    m_rawBytes += size;
    if (d->threads == 1) {
        d->crc = crc32(d->crc, reinterpret_cast<const Bytef *>(data), uInt(size));
        d->length += uLong(size);
        char out[64 * 1024];
        d->stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        d->stream.avail_in = uInt(size);
        while (d->stream.avail_in > 0) {
            d->stream.next_out = reinterpret_cast<Bytef *>(out);
            d->stream.avail_out = sizeof out;
            deflate(&d->stream, Z_NO_FLUSH);
            const qint64 produced = qint64(sizeof out) - d->stream.avail_out;
            if (produced > 0 && !writeAll(d->sink, out, produced, &d->compressed)) {
                fail(QStringLiteral("cannot write compressed output: %1").arg(d->sink->errorString()));
                return -1;
            }
        }
        return size;
    }
    qint64 left = size;
    while (left > 0) {
        const qint64 take = qMin<qint64>(left, kBlockSize - d->current.size());
        d->current.append(data, int(take));
        data += take;
        left -= take;
        if (d->current.size() >= kBlockSize && !submitBlock(false))
            return -1;
    }
    return size;
}

// Hands the current block to the workers and writes every finished block at the head of the
// line; waits when too many blocks are in flight, which bounds memory.
bool GzipWriter::submitBlock(bool last)
{
    auto block = std::make_shared<Block>();
    block->input = d->current;
    block->dictionary = d->previousTail;
    block->last = last;
    block->size = block->input.size();
    d->previousTail = d->current.right(kDictSize);
    d->current.clear();
    d->current.reserve(kBlockSize);
    const qsizetype inputSize = block->input.size();
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->queue.push_back(block);
        d->inFlight.push_back(block);
    }
    d->workAvailable.notify_one();
    d->length += uLong(inputSize);

    const size_t maxInFlight = last ? 0 : size_t(d->threads) * 2;
    for (;;) {
        std::shared_ptr<Block> head;
        {
            std::unique_lock<std::mutex> lock(d->mutex);
            if (d->inFlight.empty())
                break;
            if (d->inFlight.size() <= maxInFlight && !d->inFlight.front()->done)
                break;
            d->blockDone.wait(lock, [this] { return d->inFlight.front()->done; });
            head = d->inFlight.front();
            d->inFlight.pop_front();
        }
        if (!head->error.isEmpty()) {
            fail(head->error);
            return false;
        }
        d->crc = crc32_combine(d->crc, head->crc, z_off_t(head->size));
        if (!writeAll(d->sink, head->output.constData(), head->output.size(), &d->compressed)) {
            fail(QStringLiteral("cannot write compressed output: %1").arg(d->sink->errorString()));
            return false;
        }
    }
    return true;
}

bool GzipWriter::finish()
{
    if (m_failed)
        return false;
    if (!d->headerWritten) {
        if (!writeAll(d->sink, reinterpret_cast<const char *>(kGzipHeader), 10, &d->compressed)) {
            fail(QStringLiteral("cannot write compressed output: %1").arg(d->sink->errorString()));
            return false;
        }
        d->headerWritten = true;
    }
    if (d->threads == 1) {
        char out[64 * 1024];
        int rc = Z_OK;
        d->stream.avail_in = 0;
        while (rc != Z_STREAM_END) {
            d->stream.next_out = reinterpret_cast<Bytef *>(out);
            d->stream.avail_out = sizeof out;
            rc = deflate(&d->stream, Z_FINISH);
            if (rc == Z_STREAM_ERROR) {
                fail(QStringLiteral("zlib deflate failed"));
                return false;
            }
            const qint64 produced = qint64(sizeof out) - d->stream.avail_out;
            if (produced > 0 && !writeAll(d->sink, out, produced, &d->compressed)) {
                fail(QStringLiteral("cannot write compressed output: %1").arg(d->sink->errorString()));
                return false;
            }
        }
    } else if (!submitBlock(true)) {
        return false;
    }
    unsigned char trailer[8];
    for (int i = 0; i < 4; ++i) {
        trailer[i] = (d->crc >> (8 * i)) & 0xff;
        trailer[4 + i] = (d->length >> (8 * i)) & 0xff;
    }
    if (!writeAll(d->sink, reinterpret_cast<const char *>(trailer), 8, &d->compressed)) {
        fail(QStringLiteral("cannot write compressed output: %1").arg(d->sink->errorString()));
        return false;
    }
    return true;
}

void GzipWriter::close()
{
    if (!isOpen())
        return;
    m_finishedOk = finish();
    QIODevice::close();
}
