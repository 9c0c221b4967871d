// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobProgress.h"
#include "catalog/BackupRecord.h"
#include "util/Job.h"

#include <QPointer>

class Catalog;
class Clock;
class ObjectStore;
class StoreJob;

/// Downloads a Completed backup to a local file that is either complete and verified or absent:
///
///     manifest (expected SHA-256 and size) -> getToFile(FILE.part, offset)
///       -> cut? resume from the .part's size with a Range request (a few times)
///       -> size and SHA-256 of the whole .part must match the manifest
///       -> fsync, mode 0600, atomic rename to FILE (audited by DownloadBackupOperation)
///
/// An existing FILE is refused unless setOverwrite(true); the .part is created 0600 with
/// O_EXCL and no step writes through a symbolic link at either path.
///
/// Any failure (missing or corrupt object, full disk, network) removes the .part and ends with
/// a message that says what to do. The store does the transfer (a presigned-free authenticated
/// GET for S3, a file copy for the local store).
class DownloadJob : public Job
{
    Q_OBJECT

public:
    DownloadJob(Catalog *catalog, ObjectStore *store, const Clock *clock, const QString &backupId,
                const QString &targetPath, QObject *parent = nullptr);
    ~DownloadJob() override;

    QString targetPath() const { return m_targetPath; }
    BackupRecord record() const { return m_record; }
    JobProgress lastProgress() const { return m_progress; }
    int maxAttempts() const { return m_maxAttempts; }
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    /// Replace an existing file at the target path (default: refuse, and leave it untouched).
    void setOverwrite(bool overwrite) { m_overwrite = overwrite; }
    /// Whether the job failed because the target exists and overwriting was not allowed.
    bool targetExisted() const { return m_targetExisted; }

signals:
    void progressChanged(const JobProgress &progress);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void fetch(qint64 offset);
    void onFetched();
    void failAndClean(const QString &message);

    Catalog *m_catalog;
    ObjectStore *m_store;
    const Clock *m_clock;
    QString m_backupId;
    QString m_targetPath;
    QString m_partPath;
    BackupRecord m_record;
    QString m_expectedSha;
    qint64 m_expectedSize = -1;
    int m_attempt = 0;
    int m_maxAttempts = 5;
    bool m_overwrite = false;
    bool m_targetExisted = false;
    QPointer<StoreJob> m_current;
    QPointer<Job> m_check;
    JobProgress m_progress;
};
