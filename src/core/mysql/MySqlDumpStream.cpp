// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlDumpStream.h"

#include "MySqlConnection.h"
#include "MySqlDumper.h"
#include "util/BoundedPipe.h"
#include "util/PipeReaderDevice.h"
#include "util/PipeWriterDevice.h"

namespace {

// The reader handed out: abandoning it stops the dump, so a loader that fails never leaves the
// dump thread blocked on a full pipe.
class StreamReader : public PipeReaderDevice
{
public:
    StreamReader(BoundedPipe *pipe, MySqlDumpStream *stream)
        : PipeReaderDevice(pipe)
        , m_pipe(pipe)
        , m_stream(stream)
    { }
    ~StreamReader() override
    {
        if (!m_pipe->atEnd())
            m_stream->stop();
    }

private:
    BoundedPipe *m_pipe;
    MySqlDumpStream *m_stream;
};

} // namespace

MySqlDumpStream::MySqlDumpStream(const MySqlEndpoint &source, const DumpOptions &options, qint64 pipeCapacity)
    : m_source(source)
    , m_options(options)
    , m_pipe(std::make_unique<BoundedPipe>(pipeCapacity))
{ }

MySqlDumpStream::~MySqlDumpStream()
{
    stop();
    wait();
}

std::unique_ptr<QIODevice> MySqlDumpStream::start()
{
    if (m_thread.joinable())
        return nullptr;
    m_thread = std::thread([this] {
        MySqlDumper dumper(m_source, m_options);
        dumper.setCancelFlag(&m_stop);
        dumper.setConnectionIdSink(&m_connectionId);
        PipeWriterDevice out(m_pipe.get());
        m_ok = dumper.dump(&out);
        m_error = dumper.errorString();
        m_stats = dumper.stats();
        if (m_ok)
            out.close();
        else
            m_pipe->failWrite(m_error);
    });
    return std::make_unique<StreamReader>(m_pipe.get(), this);
}

void MySqlDumpStream::stop()
{
    if (m_stop.exchange(true))
        return;
    m_pipe->abortRead(); // a dump blocked on a full pipe fails its write now
    // A dump statement blocked in the server (a lock wait) sees neither: stop it there.
    if (const unsigned long id = m_connectionId.load()) {
        QString error;
        MySqlConnection::killQuery(m_source, id, 3, &error);
    }
}

bool MySqlDumpStream::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_ok;
}
