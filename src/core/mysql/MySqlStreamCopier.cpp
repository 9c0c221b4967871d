// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlStreamCopier.h"

#include "MySqlConnection.h"
#include "MySqlDumper.h"
#include "MySqlLoader.h"
#include "util/BoundedPipe.h"
#include "util/Logging.h"
#include "util/PipeReaderDevice.h"
#include "util/PipeWriterDevice.h"

#include <thread>

MySqlStreamCopier::MySqlStreamCopier(const MySqlEndpoint &source, const MySqlEndpoint &target,
                                     const DumpOptions &dumpOptions, const LoadOptions &loadOptions)
    : m_source(source)
    , m_target(target)
    , m_dumpOptions(dumpOptions)
    , m_loadOptions(loadOptions)
{ }

void MySqlStreamCopier::setProgressCallback(std::function<void(const CopyProgress &)> callback)
{
    m_progress = std::move(callback);
}

void MySqlStreamCopier::setCancelFlag(const std::atomic<bool> *flag)
{
    m_cancel = flag;
}

bool MySqlStreamCopier::copy()
{
    m_error.clear();
    m_sourceFailed = false;
    m_statements = 0;
    m_parallel = false;
    m_dumpStats = DumpStats();

    BoundedPipe pipe(m_pipeCapacity);
    // The dump stops when the caller cancels or the load fails (the loader stops reading).
    std::atomic<bool> stopDump{ false };
    std::atomic<unsigned long> dumpConnection{ 0 };
    bool dumpOk = false;
    QString dumpError;
    DumpStats dumpStats;
    std::thread dumpThread([&] {
        MySqlDumper dumper(m_source, m_dumpOptions);
        dumper.setCancelFlag(&stopDump);
        dumper.setConnectionIdSink(&dumpConnection);
        PipeWriterDevice out(&pipe);
        dumpOk = dumper.dump(&out);
        dumpError = dumper.errorString();
        dumpStats = dumper.stats();
        if (dumpOk)
            out.close();
        else
            pipe.failWrite(dumpError);
    });

    MySqlLoader loader(m_target, m_loadOptions);
    // The loader sees the caller's cancel; the dump follows through stopDump below.
    loader.setCancelFlag(m_cancel);
    loader.setProgressCallback([&](const LoadProgress &p) {
        if (m_cancel && m_cancel->load())
            stopDump = true;
        if (m_progress)
            m_progress(CopyProgress{ p.table, p.statements, p.bytesRead });
    });
    bool loadOk = false;
    {
        PipeReaderDevice in(&pipe);
        loadOk = loader.load(&in);
    }
    // Read before abortRead(): a dump that failed on its own made the loader's read fail.
    const bool dumpFailedFirst = pipe.writerFailed();
    if (!loadOk) {
        stopDump = true;
        pipe.abortRead(); // a dump blocked on a full pipe fails its write now
        // A dump statement blocked in the server (a lock wait) sees neither: stop it there.
        if (const unsigned long id = dumpConnection.load()) {
            QString killError;
            MySqlConnection::killQuery(m_source, id, 3, &killError);
        }
    }
    dumpThread.join();
    m_dumpStats = dumpStats;
    m_statements = loader.statementsExecuted();
    m_parallel = loader.loadedInParallel();

    if (loadOk && dumpOk)
        return true;
    // A failed dump makes the loader's read fail with the dump's reason: report the dump then.
    if (!dumpOk && (loadOk || dumpFailedFirst)) {
        m_sourceFailed = true;
        m_error = QStringLiteral("reading the source failed: %1").arg(dumpError);
    } else {
        m_error = QStringLiteral("loading into the target failed: %1").arg(loader.errorString());
    }
    qCWarning(lcMySql).noquote() << "copy from" << m_source.describe() << "to" << m_target.describe()
                                 << "failed:" << m_error;
    return false;
}
