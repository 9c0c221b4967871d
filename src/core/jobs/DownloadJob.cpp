// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadJob.h"

#include "BackupManifest.h"
#include "FileCheckJob.h"
#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Clock.h"
#include "util/PrivateFiles.h"
#include "util/Sentence.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

DownloadJob::DownloadJob(Catalog *catalog, ObjectStore *store, const Clock *clock, const QString &backupId,
                         const QString &targetPath, QObject *parent)
    : Job(parent)
    , m_catalog(catalog)
    , m_store(store)
    , m_clock(clock)
    , m_backupId(backupId)
    , m_targetPath(QFileInfo(targetPath).absoluteFilePath())
    , m_partPath(m_targetPath + QStringLiteral(".part"))
{
    m_progress.jobId = QStringLiteral("download-%1").arg(backupId);
    m_progress.kind = JobKind::Download;
    m_progress.backupId = backupId;
}

DownloadJob::~DownloadJob() = default;

void DownloadJob::doStart()
{
    const auto record = m_catalog->backup(m_backupId);
    if (!record) {
        finishWithError(Error::Fatal, tr("There is no backup %1 in the catalog.").arg(m_backupId));
        return;
    }
    m_record = *record;
    m_progress.siteId = m_record.siteId;
    m_progress.environment = m_record.environment;
    m_progress.startedAt = m_clock->nowUtc();
    if (m_record.status != BackupStatus::Completed) {
        finishWithError(Error::Fatal,
                        tr("Backup %1 is %2; only completed backups can be downloaded.")
                            .arg(m_backupId, Backups::statusToString(m_record.status)));
        return;
    }
    if (!m_overwrite && PrivateFiles::exists(m_targetPath)) {
        m_targetExisted = true;
        finishWithError(Error::Fatal,
                        tr("%1 already exists; choose another file name, remove it first or use --force to "
                           "overwrite it.")
                            .arg(m_targetPath));
        return;
    }
    QString dirError;
    if (!PrivateFiles::mkpath(QFileInfo(m_targetPath).absolutePath(), &dirError)) {
        finishWithError(Error::Fatal, tr("Cannot create the folder of %1: %2.").arg(m_targetPath, dirError));
        return;
    }
    m_progress.phase = tr("Reading manifest");
    emit progressChanged(m_progress);
    StoreJob *get = m_store->getData(Catalog::manifestKey(m_record.objectKey));
    m_current = get;
    connect(get, &Job::finished, this, [this, get] {
        if (isFinished())
            return;
        QString error;
        const auto manifest = get->succeeded() ? BackupManifest::fromJson(get->result().data, &error) : std::nullopt;
        if (!manifest) {
            finishWithError(Error::Fatal,
                            tr("The manifest of backup %1 cannot be read (%2); run 'creodrop-backupctl "
                               "backup verify %1' or take a new backup.")
                                .arg(m_backupId, get->succeeded() ? error : get->errorString()));
            return;
        }
        if (!m_record.sha256.isEmpty() && manifest->sha256 != m_record.sha256) {
            finishWithError(Error::Fatal,
                            tr("The manifest of backup %1 does not match the catalog (SHA-256 differs); "
                               "the stored backup cannot be trusted. Take a new backup.")
                                .arg(m_backupId));
            return;
        }
        m_expectedSha = manifest->sha256;
        m_expectedSize = manifest->sizeBytes;
        m_progress.bytesTotal = m_expectedSize;
        // A leftover .part from an earlier process is not trusted: start clean, private.
        // (QFile::remove unlinks a symbolic link itself, never its target.)
        QFile::remove(m_partPath);
        QFile part(m_partPath);
        QString partError;
        if (!PrivateFiles::openForWriting(&part, PrivateFiles::CreateNew, &partError)) {
            failAndClean(tr("Cannot write %1: %2.").arg(m_partPath, partError));
            return;
        }
        part.close();
        fetch(0);
    });
    get->start();
}

void DownloadJob::fetch(qint64 offset)
{
    ++m_attempt;
    m_progress.phase = tr("Downloading");
    m_progress.bytesDone = offset;
    emit progressChanged(m_progress);
    StoreJob *job = m_store->getToFile(m_record.objectKey, m_partPath, offset);
    m_current = job;
    connect(job, &Job::progress, this, [this, offset](qint64 done, qint64) {
        m_progress.bytesDone = offset + done;
        emit progressChanged(m_progress);
        emit progress(m_progress.bytesDone, m_progress.bytesTotal);
    });
    connect(job, &Job::finished, this, &DownloadJob::onFetched);
    job->start();
}

void DownloadJob::onFetched()
{
    StoreJob *job = m_current;
    m_current = nullptr;
    if (isFinished() || !job)
        return;
    const qint64 have = QFileInfo(m_partPath).size();
    if (!job->succeeded()) {
        // A cut connection: resume from what arrived, if anything did.
        if (job->error() == Error::Retryable && m_attempt < m_maxAttempts && have < m_expectedSize) {
            QTimer::singleShot(200 * m_attempt, this, [this, have] { fetch(have); });
            return;
        }
        failAndClean(
            tr("Downloading backup %1 failed: %2. Check the storage and the free space in %3, then try "
               "again.")
                .arg(m_backupId, Sentence::unended(job->errorString()), QFileInfo(m_targetPath).absolutePath()));
        return;
    }
    m_progress.phase = tr("Verifying");
    emit progressChanged(m_progress);
    if (have != m_expectedSize) {
        failAndClean(tr("The downloaded backup %1 has %2 bytes, the manifest says %3: the stored object is damaged. "
                        "Take a new backup.")
                         .arg(m_backupId)
                         .arg(have)
                         .arg(m_expectedSize));
        return;
    }
    // Hashing, fsync and rename of a multi-GB file run off this (the service) thread.
    auto *check = new FileCheckJob(m_partPath, FileCheckJob::Sha256, this);
    check->setExpectedSha256(m_expectedSha);
    check->setPublishTo(m_targetPath, m_overwrite ? PrivateFiles::Replace : PrivateFiles::NoReplace);
    m_check = check;
    connect(check, &Job::finished, this, [this, check] {
        if (isFinished())
            return;
        switch (check->outcome()) {
        case FileCheckJob::Outcome::ReadError:
            failAndClean(tr("Cannot read back %1: %2.").arg(m_partPath, check->detail()));
            return;
        case FileCheckJob::Outcome::ShaMismatch:
            failAndClean(tr("The downloaded backup %1 does not match its SHA-256: the stored object is corrupt. "
                            "Take a new backup; 'creodrop-backupctl backup verify %1' checks the stored copy.")
                             .arg(m_backupId));
            return;
        case FileCheckJob::Outcome::GzipInvalid:
        case FileCheckJob::Outcome::PublishError:
            failAndClean(tr("Cannot save %1: %2. Check the free space and permissions of the folder.")
                             .arg(m_targetPath, Sentence::unended(check->detail())));
            return;
        case FileCheckJob::Outcome::Ok:
            break;
        }
        m_progress.phase = tr("Done");
        m_progress.bytesDone = m_expectedSize;
        emit progressChanged(m_progress);
        finishWithSuccess();
    });
    check->start();
}

void DownloadJob::failAndClean(const QString &message)
{
    QFile::remove(m_partPath);
    finishWithError(Error::Fatal, message);
}

void DownloadJob::doAbort()
{
    if (m_check) {
        disconnect(m_check, nullptr, this, nullptr);
        m_check->abort();
    }
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
    }
    QFile::remove(m_partPath);
}
