// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Job.h"
#include "util/PrivateFiles.h"

#include <QString>

#include <atomic>

class QThread;

/// Checks a local file off the calling thread: its size, SHA-256 (compared with an expected
/// hash when given), its gzip stream, and optionally publishes it (PrivateFiles::publish: fsync,
/// mode 0600, atomic rename). Hashing and testing a multi-GB backup takes seconds to minutes;
/// in the service thread that would hold up heartbeats and uploads, so the work runs in a
/// thread of its own and finished() comes back in the caller's thread.
///
///     auto *check = new FileCheckJob(path, FileCheckJob::Sha256 | FileCheckJob::Gzip, this);
///     check->setExpectedSha256(manifest.sha256);
///     connect(check, &Job::finished, this, [check] { check->outcome() ... });
///     check->start();
///
/// abort() stops the work at the next chunk; the destructor waits for the thread.
class FileCheckJob : public Job
{
    Q_OBJECT

public:
    enum Check { Sha256 = 1, Gzip = 2 };
    enum class Outcome { Ok, ReadError, ShaMismatch, GzipInvalid, PublishError };

    FileCheckJob(const QString &path, int checks, QObject *parent = nullptr);
    ~FileCheckJob() override;

    /// The hash the file must have (hex, lower case); a mismatch stops before the gzip test
    /// and the publication.
    void setExpectedSha256(const QString &sha256) { m_expectedSha = sha256; }
    /// After the checks passed, PrivateFiles::publish(path, @p finalPath, @p mode): an existing
    /// file at @p finalPath is replaced only with PrivateFiles::Replace.
    void setPublishTo(const QString &finalPath, PrivateFiles::PublishMode mode)
    {
        m_publishTo = finalPath;
        m_publishMode = mode;
    }

    Outcome outcome() const { return m_outcome; }
    qint64 size() const { return m_size; }
    QString sha256() const { return m_sha; }
    /// What went wrong, for ReadError, GzipInvalid and PublishError.
    QString detail() const { return m_detail; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void work();
    void onThreadFinished();

    QString m_path;
    int m_checks;
    QString m_expectedSha;
    QString m_publishTo;
    PrivateFiles::PublishMode m_publishMode = PrivateFiles::NoReplace;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{ false };
    // Written by the thread, read after it finished.
    Outcome m_outcome = Outcome::Ok;
    qint64 m_size = -1;
    QString m_sha;
    QString m_detail;
};
