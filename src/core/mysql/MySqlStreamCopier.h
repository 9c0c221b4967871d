// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DumpOptions.h"
#include "LoadOptions.h"
#include "MySqlEndpoint.h"

#include <atomic>
#include <functional>

/// Progress of a running copy, reported from the loading (calling) thread.
struct CopyProgress
{
    QString table; ///< table the loader is on
    qint64 statements = 0; ///< statements loaded so far
    qint64 bytes = 0; ///< SQL text bytes the loader consumed
};

/// Copies one database into another in-process: MySqlDumper (its consistent snapshot) writes
/// SQL text on a thread of its own into a BoundedPipe that MySqlLoader reads on the calling
/// thread. No file, no bucket, no compression; memory is bounded by the pipe's capacity plus the
/// loader's per-connection queues, whatever the database's size. Our dump declares itself safe
/// for a parallel load, so LoadOptions::connections apply.
///
/// Blocking: call copy() on a worker thread. Whichever side fails first stops the other (the
/// loader abandons the stream (MySqlDumpStream); a failed dump fails the
/// loader's next read), and errorString() names the side and the earliest reason. Like the
/// loader, the copy adds to the target: dropping what the source does not have is the caller's
/// decision (RestoreTarget::dropEverything in a sync).
class MySqlStreamCopier
{
public:
    MySqlStreamCopier(const MySqlEndpoint &source, const MySqlEndpoint &target, const DumpOptions &dumpOptions = {},
                      const LoadOptions &loadOptions = {});

    void setPipeCapacity(qint64 bytes) { m_pipeCapacity = bytes; }
    void setProgressCallback(std::function<void(const CopyProgress &)> callback);
    void setCancelFlag(const std::atomic<bool> *flag);

    bool copy();
    QString errorString() const { return m_error; }
    /// After a failed copy(): whether the dump (source side) failed first.
    bool sourceFailed() const { return m_sourceFailed; }
    DumpStats dumpStats() const { return m_dumpStats; }
    qint64 statementsLoaded() const { return m_statements; }
    bool loadedInParallel() const { return m_parallel; }

private:
    MySqlEndpoint m_source;
    MySqlEndpoint m_target;
    DumpOptions m_dumpOptions;
    LoadOptions m_loadOptions;
    qint64 m_pipeCapacity = 8 * 1024 * 1024;
    std::function<void(const CopyProgress &)> m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    QString m_error;
    bool m_sourceFailed = false;
    DumpStats m_dumpStats;
    qint64 m_statements = 0;
    bool m_parallel = false;
};
