// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mysql/MySqlDumper.h"
#include "mysql/MySqlEndpoint.h"

#include <QObject>

#include <atomic>

class BoundedPipe;

/// The producing half of a backup: lives in a QThread owned by BackupJob and runs the blocking
/// MySqlDumper (which opens its own connection) into GzipWriter -> PipeWriterDevice -> the
/// BoundedPipe whose reader is the upload. It closes the pipe on success and fails it with the
/// reason otherwise, so the upload never mistakes a broken dump for a complete one.
///
/// Talks to its owner only through queued signals; stats() may be read after finished().
/// CREODROP_DUMP_THROTTLE_KBPS (tests only) caps the raw dump rate so a test can interrupt a
/// backup mid-upload.
class MySqlDumpWorker : public QObject
{
    Q_OBJECT

public:
    MySqlDumpWorker(const MySqlEndpoint &endpoint, const DumpOptions &options, BoundedPipe *pipe,
                    const std::atomic<bool> *cancel, int gzipLevel = 6, int gzipThreads = 1);

    DumpStats stats() const { return m_stats; }
    qint64 rawBytes() const { return m_rawBytes; }
    qint64 compressedBytes() const { return m_compressedBytes; }
    /// After a failed run(): whether the reader (the upload) had stopped before the dump failed,
    /// i.e. the dump failed because of the upload, whose error is then the one to report.
    bool consumerStopped() const { return m_consumerStopped; }

    /// Thread-safe, for the controlling thread: stops the statement the dump connection is
    /// running (KILL QUERY from a second connection), e.g. one waiting on a table lock. Set
    /// the cancel flag first; call again until finished(), as a statement that starts after
    /// the kill is not stopped by it. True when there was nothing to stop or it was stopped.
    bool killRunningQuery(QString *error) const;

public slots:
    void run();

signals:
    void progress(const QString &table, qint64 rows, qint64 rawBytes);
    void finished(bool ok, const QString &error);

private:
    MySqlEndpoint m_endpoint;
    DumpOptions m_options;
    BoundedPipe *m_pipe;
    const std::atomic<bool> *m_cancel;
    int m_gzipLevel;
    int m_gzipThreads;
    DumpStats m_stats;
    qint64 m_rawBytes = 0;
    qint64 m_compressedBytes = 0;
    bool m_consumerStopped = false;
    std::atomic<unsigned long> m_connectionId{ 0 };
};
