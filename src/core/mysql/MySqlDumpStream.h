// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DumpOptions.h"
#include "MySqlEndpoint.h"

#include <QIODevice>

#include <atomic>
#include <memory>
#include <thread>

class BoundedPipe;

/// A MySqlDumper running on a thread of its own into a BoundedPipe, read as a QIODevice: the
/// producing half of an in-process dump -> load (environment sync). SQL text, uncompressed;
/// memory is bounded by the pipe's capacity whatever the database's size.
///
///     MySqlDumpStream stream(source, options);
///     std::unique_ptr<QIODevice> in = stream.start();   // the dump runs now
///     loader.load(in.get());                            // blocking reads, on any one thread
///     in.reset();                                       // a reader that stops early stops the dump
///     if (!stream.wait()) ... stream.errorString()
///
/// Destroying the reader before the end stops the dump (the pipe is abandoned, and a statement
/// the dump has in the server, e.g. a lock wait, is stopped with KILL QUERY). A failed dump fails
/// the reader's next read with the dump's reason, so a loader never mistakes a broken dump for a
/// complete one.
class MySqlDumpStream
{
public:
    MySqlDumpStream(const MySqlEndpoint &source, const DumpOptions &options = {}, qint64 pipeCapacity = 8 << 20);
    ~MySqlDumpStream();
    MySqlDumpStream(const MySqlDumpStream &) = delete;
    MySqlDumpStream &operator=(const MySqlDumpStream &) = delete;

    /// Starts the dump (once) and returns the device to read it from.
    std::unique_ptr<QIODevice> start();
    /// Stops the dump early (thread-safe); wait() then fails.
    void stop();
    /// Waits for the dump thread; true when the dump completed.
    bool wait();
    QString errorString() const { return m_error; }
    /// Tables and rows dumped (after wait()).
    DumpStats stats() const { return m_stats; }

private:
    MySqlEndpoint m_source;
    DumpOptions m_options;
    std::unique_ptr<BoundedPipe> m_pipe;
    std::thread m_thread;
    std::atomic<bool> m_stop{ false };
    std::atomic<unsigned long> m_connectionId{ 0 };
    bool m_ok = false;
    QString m_error;
    DumpStats m_stats;
};
