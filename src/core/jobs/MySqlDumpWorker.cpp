// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlDumpWorker.h"

#include "compress/GzipWriter.h"
#include "mysql/MySqlConnection.h"
#include "util/BoundedPipe.h"
#include "util/Logging.h"
#include "util/PipeWriterDevice.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace {
// Pass-through device that sleeps to hold a byte rate; only ever enabled by tests.
class ThrottleDevice : public QIODevice
{
public:
    ThrottleDevice(QIODevice *sink, qint64 bytesPerSecond, const std::atomic<bool> *cancel)
        : m_sink(sink)
        , m_rate(bytesPerSecond)
        , m_cancel(cancel)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
        m_clock.start();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 written = m_sink->write(data, size);
        if (written < 0) {
            setErrorString(m_sink->errorString());
            return -1;
        }
        m_total += written;
        const qint64 dueMs = m_total * 1000 / m_rate;
        // One write may be a whole statement buffer (seconds at a test rate): sleep in slices so
        // a cancelled dump stops promptly.
        while (m_clock.elapsed() < dueMs && !(m_cancel && m_cancel->load()))
            QThread::msleep(static_cast<unsigned long>(std::min<qint64>(50, dueMs - m_clock.elapsed())));
        return written;
    }

private:
    QIODevice *m_sink;
    qint64 m_rate;
    const std::atomic<bool> *m_cancel;
    qint64 m_total = 0;
    QElapsedTimer m_clock;
};
} // namespace

MySqlDumpWorker::MySqlDumpWorker(const MySqlEndpoint &endpoint, const DumpOptions &options, BoundedPipe *pipe,
                                 const std::atomic<bool> *cancel, int gzipLevel, int gzipThreads)
    : m_endpoint(endpoint)
    , m_options(options)
    , m_pipe(pipe)
    , m_cancel(cancel)
    , m_gzipLevel(gzipLevel)
    , m_gzipThreads(gzipThreads)
{ }

bool MySqlDumpWorker::killRunningQuery(QString *error) const
{
    const unsigned long id = m_connectionId.load();
    if (id == 0)
        return true;
    // A short connect timeout: this runs in the controlling thread, whose event loop waits.
    const bool ok = MySqlConnection::killQuery(m_endpoint, id, 3, error);
    if (ok)
        qCInfo(lcMySql) << "stopped the running statement of dump connection" << id << "on" << m_endpoint.describe();
    else
        qCWarning(lcMySql).noquote() << "could not stop dump connection" << id << "on" << m_endpoint.describe() << ":"
                                     << *error;
    return ok;
}

void MySqlDumpWorker::run()
{
    PipeWriterDevice pipeDevice(m_pipe);
    GzipWriter gzip(&pipeDevice, m_gzipLevel, m_gzipThreads);
    gzip.open(QIODevice::WriteOnly);

    bool throttleOk = false;
    const qint64 throttleKbps = qEnvironmentVariableIntValue("CREODROP_DUMP_THROTTLE_KBPS", &throttleOk);
    std::unique_ptr<ThrottleDevice> throttle;
    if (throttleOk && throttleKbps > 0)
        throttle = std::make_unique<ThrottleDevice>(&gzip, throttleKbps * 1024, m_cancel);
    QIODevice *out = throttle ? static_cast<QIODevice *>(throttle.get()) : &gzip;

    MySqlDumper dumper(m_endpoint, m_options);
    dumper.setCancelFlag(m_cancel);
    dumper.setConnectionIdSink(&m_connectionId);
    QElapsedTimer sinceLast;
    sinceLast.start();
    dumper.setProgressCallback([this, &sinceLast, &gzip](const DumpProgress &p) {
        // The callback runs per chunk; a few updates per second are plenty for people.
        if (sinceLast.elapsed() < 200)
            return;
        sinceLast.restart();
        emit progress(p.table, p.rows, gzip.rawBytes());
    });

    bool ok = dumper.dump(out);
    QString error = ok ? QString() : dumper.errorString();
    if (ok) {
        gzip.close();
        ok = gzip.finishedOk();
        if (!ok)
            error = gzip.errorString();
    }
    if (ok && m_cancel && m_cancel->load())
        ok = false, error = tr("Cancelled.");
    m_stats = dumper.stats();
    m_rawBytes = gzip.rawBytes();
    m_compressedBytes = gzip.compressedBytes();
    // Read before failWrite(): after it, the upload aborts reading because of us.
    m_consumerStopped = !ok && m_pipe->readAborted();
    if (ok)
        pipeDevice.close(); // end of data: the upload completes
    else
        m_pipe->failWrite(error); // the upload discards what it has
    emit finished(ok, error);
}
