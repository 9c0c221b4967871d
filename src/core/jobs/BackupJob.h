// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JobProgress.h"
#include "catalog/BackupRecord.h"
#include "catalog/Site.h"
#include "util/Job.h"

#include <QElapsedTimer>
#include <QPointer>

#include <atomic>

class BoundedPipe;
class Catalog;
class Clock;
class MySqlDumpWorker;
class ObjectStore;
class QThread;
class QTimer;
class SecretStore;
class StoreJob;

/// Runs one Pending backup to its end:
///
///     claim (CAS, worker id)          waits while another backup of the environment runs
///       -> dump thread: MySqlDumper -> GzipWriter -> PipeWriterDevice -> BoundedPipe
///       -> putStream(customers/<customer>/<site>/<env>/<id>.sql.gz)     (concurrently)
///       -> put manifest <id>.json (after the dump object)
///       -> read both back: object size and manifest hash must match what was uploaded
///       -> Completed
///
/// A heartbeat is renewed every heartbeatSeconds from a timer in the job's thread; with it the
/// job reads the row's cancel request (Catalog::requestCancel, from any process) and, when there
/// is one, cancels itself as cancel() does. On any failure the upload is aborted, object and
/// manifest are removed and the row becomes Failed with a message saying what to do; cancel()
/// does the same and ends Cancelled. The job's thread needs an event loop; the dump runs in a
/// QThread the job owns (quit and waited).
///
/// If another process claimed the backup first, the job follows the row until it is terminal
/// and finishes like it (so `backup create` can always wait for its backup).
class BackupJob : public Job
{
    Q_OBJECT

public:
    struct Options
    {
        QString workerId;
        int heartbeatSeconds = 10;
        int gzipLevel = 6;
        int gzipThreads = 1;
        qint64 pipeCapacity = 8 * 1024 * 1024;
        int claimRetryMs = 1000;
        /// How long the wait for the claim (or for another process's run) goes on while the
        /// catalog cannot be read or written; then the job ends, the row left as it was.
        int catalogFailureLimitMs = 120000;
    };

    BackupJob(Catalog *catalog, ObjectStore *store, SecretStore *secrets, const Clock *clock, const QString &backupId,
              const Options &options, QObject *parent = nullptr);
    ~BackupJob() override;

    QString backupId() const { return m_backupId; }
    /// The row as last seen (final state after finished()).
    BackupRecord record() const { return m_record; }
    JobProgress lastProgress() const { return m_progress; }
    /// Status the backup ended in (Completed, Failed, Cancelled).
    BackupStatus finalStatus() const { return m_record.status; }

    /// Cancels: the upload is aborted, nothing is left in the bucket, the row becomes Cancelled;
    /// then finished() with Error::Aborted. Asynchronous, unlike abort().
    void cancel();

signals:
    /// Queued-safe snapshots for listeners in other threads.
    void progressChanged(const JobProgress &progress);
    void recordChanged(const BackupRecord &record);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void tryClaim();
    void follow();
    void readPassword();
    void startPipeline(const QString &password);
    void onDumpProgress(const QString &table, qint64 rows, qint64 rawBytes);
    void onDumpFinished(bool ok, const QString &error);
    void onUploadFinished();
    void failUpload();
    void maybeWriteManifest();
    void checkStored();
    void complete();
    void renewHeartbeat();
    void checkCancelRequest();
    void fail(BackupStatus status, const QString &message);
    void maybeFinishFailure();
    void stopDump();
    void emitProgress(const QString &phase);
    void reloadRecord();
    bool catalogFailedTooLong(int failedBefore);
    void stopThread();

    Catalog *m_catalog;
    ObjectStore *m_store;
    SecretStore *m_secrets;
    const Clock *m_clock;
    QString m_backupId;
    Options m_options;

    BackupRecord m_record;
    std::optional<Site> m_site;
    std::optional<EnvironmentConfig> m_envConfig;
    JobProgress m_progress;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_catalogFailingFor; ///< valid while the waits' catalog statements fail
    qint64 m_expectedSize = -1;

    QTimer *m_heartbeat = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_killTimer = nullptr;
    BoundedPipe *m_pipe = nullptr;
    QThread *m_thread = nullptr;
    MySqlDumpWorker *m_worker = nullptr;
    QPointer<StoreJob> m_upload;
    std::atomic<bool> m_cancel{ false };

    bool m_claimed = false;
    bool m_dumpDone = true; ///< true until a dump is started (a cancel may come before)
    bool m_dumpOk = false;
    QString m_dumpError;
    bool m_uploadDone = true; ///< true until an upload is started
    bool m_uploadOk = false;
    QString m_uploadError;
    bool m_uploadLeft = false; ///< the failed upload could not be removed
    bool m_uploadOutgrown = false; ///< the stream needed more parts than an upload can have
    QString m_sha256;
    qint64 m_size = -1;
    bool m_manifestStarted = false;

    bool m_failing = false;
    BackupStatus m_failStatus = BackupStatus::Failed;
    QString m_failMessage;
    int m_cleanupPending = 0;
    bool m_cleanupStarted = false;
};
