// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlStreamCopier.h"

#include "MySqlDumpStream.h"
#include "MySqlLoader.h"
#include "util/Logging.h"

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

    MySqlDumpStream stream(m_source, m_dumpOptions, m_pipeCapacity);
    MySqlLoader loader(m_target, m_loadOptions);
    // The loader sees the caller's cancel; the dump stops when the loader stops reading.
    loader.setCancelFlag(m_cancel);
    loader.setProgressCallback([&](const LoadProgress &p) {
        if (m_progress)
            m_progress(CopyProgress{ p.table, p.statements, p.bytesRead });
    });
    bool loadOk = false;
    {
        std::unique_ptr<QIODevice> in = stream.start();
        loadOk = loader.load(in.get());
    }
    const bool dumpOk = stream.wait();
    m_dumpStats = stream.stats();
    m_statements = loader.statementsExecuted();
    m_parallel = loader.loadedInParallel();
    if (loadOk && dumpOk)
        return true;
    // A dump that failed on its own fails the loader's read with its reason: report the dump.
    const QString dumpError = stream.errorString();
    if (!dumpOk && (loadOk || loader.errorString().contains(dumpError))) {
        m_sourceFailed = true;
        m_error = QStringLiteral("reading the source failed: %1").arg(dumpError);
    } else {
        m_error = QStringLiteral("loading into the target failed: %1").arg(loader.errorString());
    }
    qCWarning(lcMySql).noquote() << "copy from" << m_source.describe() << "to" << m_target.describe()
                                 << "failed:" << m_error;
    return false;
}
