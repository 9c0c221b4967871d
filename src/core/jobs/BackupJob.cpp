// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupJob.h"

#include "BackupManifest.h"
#include "MySqlDumpWorker.h"
#include "SecretLookup.h"
#include "WorkerIdentity.h"
#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "storage/S3MultipartUploadJob.h"
#include "storage/StoreJob.h"
#include "util/BoundedPipe.h"
#include "util/Clock.h"
#include "util/Logging.h"
#include "util/Sentence.h"
#include "util/Version.h"

#include <QThread>
#include <QTimer>

BackupJob::BackupJob(Catalog *catalog, ObjectStore *store, SecretStore *secrets, const Clock *clock,
                     const QString &backupId, const Options &options, QObject *parent)
    : Job(parent)
    , m_catalog(catalog)
    , m_store(store)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_backupId(backupId)
    , m_options(options)
{
    if (m_options.workerId.isEmpty())
        m_options.workerId = WorkerIdentity::current();
    m_progress.jobId = backupId;
    m_progress.kind = JobKind::Backup;
    m_progress.backupId = backupId;
}

BackupJob::~BackupJob()
{
    m_cancel = true;
    if (m_pipe)
        m_pipe->abortRead();
    if (!m_dumpDone && m_worker) {
        QString ignored;
        m_worker->killRunningQuery(&ignored);
    }
    stopThread();
}

void BackupJob::stopThread()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
}

void BackupJob::reloadRecord()
{
    if (auto r = m_catalog->backup(m_backupId))
        m_record = *r;
}

void BackupJob::doStart()
{
    m_elapsed.start();
    const int failedBefore = m_catalog->failedStatements();
    reloadRecord();
    if (!m_record.isValid()) {
        finishWithError(
            Error::Fatal,
            m_catalog->absentReason(failedBefore, tr("There is no backup %1 in the catalog.").arg(m_backupId)));
        return;
    }
    m_progress.siteId = m_record.siteId;
    m_progress.environment = m_record.environment;
    m_progress.startedAt = m_clock->nowUtc();
    m_site = m_catalog->site(m_record.siteId);
    m_envConfig = m_catalog->environment(m_record.siteId, m_record.environment);

    switch (m_record.status) {
    case BackupStatus::Pending:
        tryClaim();
        return;
    case BackupStatus::InProgress:
        follow();
        return;
    case BackupStatus::Completed:
        finishWithSuccess();
        return;
    case BackupStatus::Failed:
    case BackupStatus::Cancelled:
        finishWithError(Error::Fatal,
                        tr("Backup %1 is already %2: %3")
                            .arg(m_backupId, Backups::statusToString(m_record.status), m_record.errorText));
        return;
    case BackupStatus::Deleting:
        finishWithError(Error::Fatal, tr("Backup %1 is being deleted.").arg(m_backupId));
        return;
    }
}

void BackupJob::tryClaim()
{
    if (m_failing || isFinished())
        return;
    const int failedBefore = m_catalog->failedStatements();
    if (m_catalog->claimBackup(m_backupId, m_options.workerId, std::max(1, m_options.heartbeatSeconds))) {
        m_claimed = true;
        reloadRecord();
        emit recordChanged(m_record);
        m_heartbeat = new QTimer(this);
        m_heartbeat->setInterval(std::max(1, m_options.heartbeatSeconds) * 1000);
        connect(m_heartbeat, &QTimer::timeout, this, &BackupJob::renewHeartbeat);
        m_heartbeat->start();
        emitProgress(tr("Starting"));
        readPassword();
        return;
    }
    reloadRecord();
    if (catalogFailedTooLong(failedBefore))
        return;
    if (m_record.status != BackupStatus::Pending) {
        follow(); // another worker took it
        return;
    }
    // Still Pending: another backup of this environment is running. Try again shortly.
    emitProgress(tr("Waiting"));
    if (!m_retry) {
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        connect(m_retry, &QTimer::timeout, this, &BackupJob::tryClaim);
    }
    m_retry->start(m_options.claimRetryMs);
}

void BackupJob::follow()
{
    if (isFinished())
        return;
    const int failedBefore = m_catalog->failedStatements();
    reloadRecord();
    if (catalogFailedTooLong(failedBefore))
        return;
    if (Backups::isTerminal(m_record.status)) {
        emit recordChanged(m_record);
        if (m_record.status == BackupStatus::Completed)
            finishWithSuccess();
        else
            finishWithError(m_record.status == BackupStatus::Cancelled ? Error::Aborted : Error::Fatal,
                            m_record.status == BackupStatus::Deleting
                                ? tr("Backup %1 ended and is being deleted.").arg(m_backupId)
                                : m_record.errorText);
        return;
    }
    emitProgress(m_record.status == BackupStatus::Pending ? tr("Waiting") : tr("Running in %1").arg(m_record.workerId));
    QTimer::singleShot(m_options.claimRetryMs, this, &BackupJob::follow);
}

bool BackupJob::catalogFailedTooLong(int failedBefore)
{
    const QString failure = m_catalog->readFailureSince(failedBefore);
    if (failure.isEmpty()) {
        m_catalogFailingFor.invalidate();
        return false;
    }
    // A catalog that is restarting or briefly unreachable is waited for; one that stays so
    // ends the wait instead of showing "Waiting" forever.
    if (!m_catalogFailingFor.isValid()) {
        m_catalogFailingFor.start();
        qCWarning(lcJobs).noquote() << "backup" << m_backupId << "waits for the catalog:" << m_catalog->lastError();
    }
    if (m_catalogFailingFor.elapsed() < m_options.catalogFailureLimitMs)
        return false;
    if (m_record.status == BackupStatus::Pending)
        // Nothing has started, and the row cannot be written anyway: it stays Pending.
        finishWithError(Error::Retryable,
                        tr("Backup %1 was not started: %2 It stays Pending until a worker runs it or it is "
                           "cancelled.")
                            .arg(m_backupId, failure));
    else
        finishWithError(Error::Retryable,
                        tr("Backup %1 runs in %2, but its progress cannot be followed: %3")
                            .arg(m_backupId, m_record.workerId, failure));
    return true;
}

void BackupJob::readPassword()
{
    if (!m_envConfig || !m_site) {
        fail(BackupStatus::Failed,
             tr("Environment %1 of site %2 has no MySQL settings: set them with "
                "'creodrop-backupctl env set %2 %1 --host H --port P --database DB --user U --password-stdin'.")
                 .arg(Environments::toString(m_record.environment), m_record.siteId));
        return;
    }
    SecretLookup::read(m_secrets, m_envConfig->secretKey(), this,
                       [this](bool ok, const QString &password, const QString &error) {
                           if (m_failing || isFinished())
                               return;
                           if (!ok) {
                               fail(BackupStatus::Failed,
                                    tr("Could not read the MySQL password of %1/%2 from the secret store: %3")
                                        .arg(m_record.siteId, Environments::toString(m_record.environment), error));
                               return;
                           }
                           startPipeline(password);
                       });
}

void BackupJob::startPipeline(const QString &password)
{
    MySqlEndpoint endpoint = m_envConfig->endpoint;
    endpoint.password = password;

    // The store plans the part size from the expected size with headroom for growth (R2 parts
    // cannot change size mid-upload). The best guess is the last completed backup, or a larger
    // stream that outgrew its parts since.
    const qint64 expected = m_catalog->expectedStreamBytes(m_record.siteId, m_record.environment);
    m_expectedSize = expected > 0 ? expected : -1;
    m_progress.bytesTotal = m_expectedSize;

    m_pipe = new BoundedPipe(m_options.pipeCapacity, this);
    const ObjectMetadata metadata{ { QStringLiteral("backup-id"), m_backupId } };
    m_upload = m_store->putStream(m_record.objectKey, m_pipe, m_expectedSize, metadata);
    m_uploadDone = false;
    connect(m_upload, &Job::finished, this, &BackupJob::onUploadFinished);

    m_worker
        = new MySqlDumpWorker(endpoint, DumpOptions(), m_pipe, &m_cancel, m_options.gzipLevel, m_options.gzipThreads);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("dump-%1").arg(m_backupId));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &MySqlDumpWorker::progress, this, &BackupJob::onDumpProgress, Qt::QueuedConnection);
    connect(m_worker, &MySqlDumpWorker::finished, this, &BackupJob::onDumpFinished, Qt::QueuedConnection);
    m_dumpDone = false;
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &MySqlDumpWorker::run, Qt::QueuedConnection);
    emitProgress(tr("Dumping"));
    m_upload->start();
}

void BackupJob::onDumpProgress(const QString &table, qint64 rows, qint64 rawBytes)
{
    Q_UNUSED(rawBytes)
    if (m_failing || isFinished())
        return;
    m_progress.table = table;
    m_progress.rows = rows;
    emitProgress(tr("Dumping"));
}

void BackupJob::emitProgress(const QString &phase)
{
    m_progress.phase = phase;
    if (m_pipe)
        m_progress.bytesDone = m_pipe->totalWritten();
    const double seconds = m_elapsed.isValid() ? m_elapsed.elapsed() / 1000.0 : 0;
    m_progress.bytesPerSecond = seconds > 0.5 ? m_progress.bytesDone / seconds : 0;
    m_progress.etaSeconds = -1;
    if (m_progress.bytesTotal > m_progress.bytesDone && m_progress.bytesPerSecond > 0)
        m_progress.etaSeconds
            = static_cast<qint64>((m_progress.bytesTotal - m_progress.bytesDone) / m_progress.bytesPerSecond);
    emit progressChanged(m_progress);
    emit progress(m_progress.bytesDone, m_progress.bytesTotal);
}

void BackupJob::onDumpFinished(bool ok, const QString &error)
{
    m_dumpDone = true;
    m_dumpOk = ok;
    m_dumpError = error;
    if (m_worker) {
        m_progress.rows = 0;
        for (const auto &t : m_worker->stats().tables)
            m_progress.rows += t.rows;
    }
    if (m_failing) {
        maybeFinishFailure();
        return;
    }
    if (!ok) {
        if (m_worker && m_worker->consumerStopped()) {
            // The upload stopped first and the dump failed because of it: report the upload's
            // reason, which onUploadFinished brings if it has not yet.
            if (!m_uploadDone)
                return;
            if (!m_uploadOk) {
                failUpload();
                return;
            }
        }
        fail(BackupStatus::Failed,
             tr("The dump of %1/%2 (%3) failed: %4. Check the environment's MySQL settings and password "
                "('creodrop-backupctl env set %1 %2 ...'), then run the backup again.")
                 .arg(m_record.siteId, Environments::toString(m_record.environment), m_envConfig->endpoint.describe(),
                      error));
        return;
    }
    emitProgress(tr("Uploading"));
    maybeWriteManifest();
}

void BackupJob::onUploadFinished()
{
    StoreJob *job = m_upload;
    m_uploadDone = true;
    m_upload = nullptr;
    if (job) {
        m_uploadOk = job->succeeded();
        if (m_uploadOk) {
            m_sha256 = QString::fromLatin1(job->result().sha256);
            m_size = job->result().bytesTransferred;
        } else {
            m_uploadError = job->errorString();
            // A failed multipart upload names the upload id only when its removal failed.
            m_uploadLeft = !job->result().uploadId.isEmpty();
            m_uploadOutgrown = job->result().errorCode == S3MultipartUploadJob::tooManyPartsCode();
            if (m_uploadOutgrown && !m_catalog->setOutgrownBytes(m_backupId, job->result().bytesTransferred))
                qCWarning(lcJobs).noquote()
                    << "could not remember the outgrown size of backup" << m_backupId << ":" << m_catalog->lastError();
        }
    }
    if (m_failing) {
        maybeFinishFailure();
        return;
    }
    if (!m_uploadOk) {
        // Whichever failed first is reported. A running dump ends soon (the upload stopped
        // reading) and onDumpFinished decides; a dump that failed on its own was reported.
        if (!m_dumpDone)
            return;
        failUpload();
        return;
    }
    maybeWriteManifest();
}

void BackupJob::failUpload()
{
    if (m_uploadOutgrown) {
        fail(BackupStatus::Failed, m_uploadError + QLatin1Char(' ') + tr("Run the backup again."));
        return;
    }
    fail(BackupStatus::Failed,
         tr("The upload to %1 failed: %2. Check that the storage is reachable and its settings and credentials "
            "are right, then run the backup again.")
             .arg(m_store->describe(), Sentence::unended(m_uploadError)));
}

void BackupJob::maybeWriteManifest()
{
    if (!m_dumpDone || !m_dumpOk || !m_uploadDone || !m_uploadOk || m_manifestStarted || m_failing)
        return;
    m_manifestStarted = true;
    emitProgress(tr("Writing manifest"));

    BackupManifest manifest;
    manifest.backupId = m_backupId;
    manifest.siteId = m_record.siteId;
    manifest.siteName = m_site->name;
    manifest.customer = m_record.customer.isEmpty() ? m_site->customer : m_record.customer;
    manifest.tier = m_site->tier;
    manifest.environment = m_record.environment;
    manifest.type = m_record.type;
    manifest.createdBy = m_record.createdBy;
    manifest.createdAt = m_record.createdAt;
    manifest.startedAt = m_record.startedAt;
    manifest.finishedAt = m_clock->nowUtc();
    manifest.objectKey = m_record.objectKey;
    manifest.sha256 = m_sha256;
    manifest.sizeBytes = m_size;
    manifest.toolVersion = Version::string();
    if (m_worker) {
        const DumpStats stats = m_worker->stats();
        manifest.rawSizeBytes = m_worker->rawBytes();
        manifest.serverVersion = stats.serverVersion;
        for (const auto &t : stats.tables)
            manifest.tables.append({ t.name, t.rows });
        manifest.nonTransactionalTables = stats.nonTransactionalTables;
        manifest.dumpOptions = stats.optionsSummary;
        manifest.tlsMode = stats.tlsMode;
        manifest.tlsCipher = stats.tlsCipher;
    }
    m_record.rawSizeBytes = manifest.rawSizeBytes;

    StoreJob *put = m_store->putData(Catalog::manifestKey(m_record.objectKey), manifest.toJson(),
                                     { { QStringLiteral("backup-id"), m_backupId } });
    connect(put, &Job::finished, this, [this, put] {
        if (m_failing || isFinished())
            return;
        if (!put->succeeded()) {
            fail(BackupStatus::Failed,
                 tr("Writing the manifest to %1 failed: %2. Check that the storage is reachable, then run the "
                    "backup again.")
                     .arg(m_store->describe(), Sentence::unended(put->errorString())));
            return;
        }
        checkStored();
    });
    put->start();
}

void BackupJob::checkStored()
{
    emitProgress(tr("Checking"));
    // A listing rather than HEAD: it reads both objects' sizes in one request.
    StoreJob *head = m_store->list(m_record.objectKey);
    connect(head, &Job::finished, this, [this, head] {
        if (m_failing || isFinished())
            return;
        qint64 storedSize = -1;
        for (const ObjectInfo &object : head->result().objects) {
            if (object.key == m_record.objectKey)
                storedSize = object.size;
        }
        if (!head->succeeded() || storedSize != m_size) {
            fail(BackupStatus::Failed,
                 tr("The stored dump object is missing or has the wrong size (%1). Run the backup again.")
                     .arg(head->succeeded() ? QString::number(storedSize) : head->errorString()));
            return;
        }
        StoreJob *get = m_store->getData(Catalog::manifestKey(m_record.objectKey));
        connect(get, &Job::finished, this, [this, get] {
            if (m_failing || isFinished())
                return;
            QString parseError;
            const auto manifest
                = get->succeeded() ? BackupManifest::fromJson(get->result().data, &parseError) : std::nullopt;
            if (!manifest || manifest->sha256 != m_sha256 || manifest->sizeBytes != m_size) {
                fail(BackupStatus::Failed,
                     tr("The stored manifest is missing or does not match the uploaded dump (%1). Run the backup "
                        "again.")
                         .arg(get->succeeded() ? parseError : get->errorString()));
                return;
            }
            complete();
        });
        get->start();
    });
    head->start();
}

void BackupJob::complete()
{
    if (!m_catalog->completeBackup(m_backupId, m_options.workerId, m_size, m_record.rawSizeBytes, m_sha256)) {
        reloadRecord();
        fail(BackupStatus::Failed,
             tr("The backup was uploaded but the catalog could not mark it completed (%1); it was removed. Run the "
                "backup again.")
                 .arg(m_record.status != BackupStatus::InProgress ? m_record.errorText : m_catalog->lastError()));
        return;
    }
    if (m_heartbeat)
        m_heartbeat->stop();
    reloadRecord();
    m_progress.bytesDone = m_size;
    m_progress.bytesTotal = m_size;
    emitProgress(tr("Completed"));
    emit recordChanged(m_record);
    finishWithSuccess();
}

void BackupJob::renewHeartbeat()
{
    if (isFinished() || !m_claimed)
        return;
    if (m_catalog->heartbeat(m_backupId, m_options.workerId)) {
        qCDebug(lcJobs) << "heartbeat of backup" << m_backupId;
        checkCancelRequest();
        return;
    }
    qCWarning(lcJobs).noquote() << "heartbeat of backup" << m_backupId << "failed:" << m_catalog->lastError();
    if (m_failing)
        return;
    reloadRecord();
    if (m_record.status != BackupStatus::InProgress || m_record.workerId != m_options.workerId)
        fail(BackupStatus::Failed,
             tr("Another process ended this backup (%1); it was stopped here. Run the backup again.")
                 .arg(m_record.errorText));
    // else a transient catalog error: the next tick tries again.
}

void BackupJob::checkCancelRequest()
{
    if (m_failing || isFinished())
        return;
    // A separate read: m_record carries values of this run (the raw size) that a reload would drop.
    const std::optional<BackupRecord> row = m_catalog->backup(m_backupId);
    if (!row || !row->cancelRequestedAt.isValid())
        return;
    qCInfo(lcJobs).noquote() << "backup" << m_backupId << "cancel requested by" << row->cancelRequestedBy;
    fail(BackupStatus::Cancelled,
         row->cancelRequestedBy.isEmpty() ? tr("Cancelled.") : tr("Cancelled by %1.").arg(row->cancelRequestedBy));
}

void BackupJob::cancel()
{
    if (!isStarted() || isFinished()) {
        abort();
        return;
    }
    if (!m_claimed && m_record.status != BackupStatus::Pending) {
        // Following a backup another process runs: we can only stop following.
        finishWithError(Error::Aborted, tr("Stopped waiting; the backup keeps running in %1.").arg(m_record.workerId));
        return;
    }
    fail(BackupStatus::Cancelled, tr("Cancelled."));
}

void BackupJob::fail(BackupStatus status, const QString &message)
{
    if (m_failing || isFinished())
        return;
    m_failing = true;
    m_failStatus = status;
    m_failMessage = message;
    m_cancel = true;
    qCInfo(lcJobs).noquote() << "backup" << m_backupId << "stopping:" << message;
    if (m_retry)
        m_retry->stop();
    // The heartbeat goes on until the upload's removal is confirmed: the row stays ours.
    if (m_pipe && m_upload && !m_uploadDone) {
        // A producer failure makes the upload remove what it wrote and only then finish (the
        // store's contract), unlike abort(), which only queues the removal.
        m_pipe->failWrite(message);
    }
    if (m_pipe)
        m_pipe->abortRead(); // wakes a dump blocked on a full pipe
    if (!m_dumpDone && m_worker) {
        // A dump blocked inside the server (a table lock, a slow query) does not see the cancel
        // flag: stop its statement, and again until it ends (a statement it starts after a
        // kill is not stopped by that kill).
        stopDump();
        m_killTimer = new QTimer(this);
        m_killTimer->setInterval(500);
        connect(m_killTimer, &QTimer::timeout, this, &BackupJob::stopDump);
        m_killTimer->start();
    }
    maybeFinishFailure();
}

void BackupJob::stopDump()
{
    if (m_dumpDone || !m_worker) {
        if (m_killTimer)
            m_killTimer->stop();
        return;
    }
    QString error;
    m_worker->killRunningQuery(&error);
}

void BackupJob::maybeFinishFailure()
{
    if (!m_failing || isFinished() || !m_dumpDone || !m_uploadDone)
        return;
    if (m_killTimer)
        m_killTimer->stop();
    stopThread();
    if (m_uploadLeft && m_claimed) {
        // The upload could not be removed: not Cancelled with parts behind. The row is
        // released for recovery, which removes them once the heartbeat has lapsed.
        if (m_heartbeat)
            m_heartbeat->stop();
        m_catalog->releaseBackup(m_backupId, m_options.workerId);
        qCWarning(lcJobs) << "backup" << m_backupId
                          << "left an unfinished upload; released to recovery, which removes it";
        reloadRecord();
        emit recordChanged(m_record);
        finishWithError(m_failStatus == BackupStatus::Cancelled ? Error::Aborted : Error::Fatal,
                        m_failMessage + QLatin1Char(' ')
                            + tr("Its unfinished upload could not be removed yet; the backup is left In Progress "
                                 "until recovery removes it (within two heartbeat periods)."));
        return;
    }
    if (!m_cleanupStarted) {
        m_cleanupStarted = true;
        if (m_claimed && m_pipe) {
            // The upload may have completed before the failure, and the manifest may exist:
            // remove both so nothing of a failed backup stays in the bucket.
            const QStringList keys{ Catalog::manifestKey(m_record.objectKey), m_record.objectKey };
            m_cleanupPending = keys.size();
            for (const QString &key : keys) {
                StoreJob *remove = m_store->remove(key);
                connect(remove, &Job::finished, this, [this] {
                    --m_cleanupPending;
                    maybeFinishFailure();
                });
                remove->start();
            }
        }
    }
    if (m_cleanupPending > 0)
        return;
    if (m_heartbeat)
        m_heartbeat->stop();
    if (m_claimed || m_record.status == BackupStatus::Pending)
        m_catalog->failBackup(m_backupId, m_failStatus, m_failMessage);
    reloadRecord();
    emitProgress(m_failStatus == BackupStatus::Cancelled ? tr("Cancelled") : tr("Failed"));
    emit recordChanged(m_record);
    finishWithError(m_failStatus == BackupStatus::Cancelled ? Error::Aborted : Error::Fatal, m_failMessage);
}

void BackupJob::doAbort()
{
    // Synchronous best effort (the object may be deleted right after): stop everything, start
    // the removals without waiting for them, and record the cancellation.
    const bool wasFailing = m_failing;
    m_failing = true;
    m_cleanupStarted = true;
    m_cancel = true;
    if (m_heartbeat)
        m_heartbeat->stop();
    if (m_retry)
        m_retry->stop();
    if (m_pipe)
        m_pipe->abortRead();
    if (m_killTimer)
        m_killTimer->stop();
    // Finishes the upload at once (onUploadFinished runs): its result names the multipart
    // upload whose removal is only queued, if there is one.
    if (m_upload && !m_uploadDone)
        m_upload->abort();
    const bool uploadUnconfirmed = m_uploadLeft;
    if (m_claimed && m_manifestStarted) {
        m_store->remove(Catalog::manifestKey(m_record.objectKey))->start();
        m_store->remove(m_record.objectKey)->start();
    }
    if (m_claimed && uploadUnconfirmed) {
        // Nobody will see whether the queued removal succeeds: leave the row to recovery.
        m_catalog->releaseBackup(m_backupId, m_options.workerId);
    } else if (m_claimed || (isStarted() && m_record.status == BackupStatus::Pending)) {
        m_catalog->failBackup(m_backupId, wasFailing ? m_failStatus : BackupStatus::Cancelled,
                              wasFailing ? m_failMessage : tr("Cancelled."));
    }
    if (!m_dumpDone && m_worker) {
        QString ignored;
        m_worker->killRunningQuery(&ignored); // else stopThread() would wait for a blocked dump
    }
    stopThread();
}
