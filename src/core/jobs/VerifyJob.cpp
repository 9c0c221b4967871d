// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerifyJob.h"

#include "BackupManifest.h"
#include "FileCheckJob.h"
#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/ScratchDir.h"
#include "util/Sentence.h"

#include <QFileInfo>

VerifyJob::VerifyJob(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent)
    : Job(parent)
    , m_catalog(catalog)
    , m_store(store)
    , m_backupId(backupId)
{ }

VerifyJob::~VerifyJob() = default;

void VerifyJob::finishFailed(const QString &message)
{
    m_tempDir.reset();
    finishWithError(Error::Fatal, message);
}

void VerifyJob::doStart()
{
    const auto record = m_catalog->backup(m_backupId);
    if (!record) {
        finishWithError(Error::Fatal, tr("There is no backup %1 in the catalog.").arg(m_backupId));
        return;
    }
    m_record = *record;
    if (m_record.status != BackupStatus::Completed) {
        finishWithError(Error::Fatal,
                        tr("Backup %1 is %2; only completed backups can be verified.")
                            .arg(m_backupId, Backups::statusToString(m_record.status)));
        return;
    }
    StoreJob *get = m_store->getData(Catalog::manifestKey(m_record.objectKey));
    m_current = get;
    connect(get, &Job::finished, this, [this, get] {
        if (!get->succeeded() && !get->notFound()) {
            finishUnchecked(tr("its manifest"), get->errorString());
            return;
        }
        QString error;
        const auto manifest = get->succeeded() ? BackupManifest::fromJson(get->result().data, &error) : std::nullopt;
        if (!manifest) {
            finishFailed(tr("Backup %1 is damaged: its manifest cannot be read (%2). Take a new backup.")
                             .arg(m_backupId, get->succeeded() ? error : get->errorString()));
            return;
        }
        if (manifest->sha256 != m_record.sha256 || manifest->sizeBytes != m_record.sizeBytes) {
            finishFailed(tr("Backup %1 is damaged: its manifest does not match the catalog. Take a new backup.")
                             .arg(m_backupId));
            return;
        }
        m_expectedSha = manifest->sha256;
        m_expectedSize = manifest->sizeBytes;
        m_tempDir = std::make_unique<ScratchDir>();
        if (!m_tempDir->isValid()) {
            finishFailed(tr("Cannot create a temporary folder to verify into: %1.").arg(m_tempDir->errorString()));
            return;
        }
        const QString path = m_tempDir->filePath(QStringLiteral("backup.sql.gz"));
        StoreJob *fetch = m_store->getToFile(m_record.objectKey, path, 0);
        m_current = fetch;
        connect(fetch, &Job::progress, this, &Job::progress);
        connect(fetch, &Job::finished, this, [this, fetch, path] {
            if (fetch->notFound()) {
                finishFailed(tr("Backup %1 is damaged: its object is missing from %2. Take a new backup.")
                                 .arg(m_backupId, m_store->describe()));
                return;
            }
            if (!fetch->succeeded()) {
                finishUnchecked(tr("it"), fetch->errorString());
                return;
            }
            // Hashing and the gzip test of a multi-GB object run off this (the service) thread.
            auto *check = new FileCheckJob(path, FileCheckJob::Sha256 | FileCheckJob::Gzip, this);
            check->setExpectedSha256(m_expectedSha);
            m_check = check;
            connect(check, &Job::finished, this, [this, check] {
                if (isFinished())
                    return;
                const qint64 size = check->size();
                if (check->outcome() == FileCheckJob::Outcome::ReadError) {
                    finishFailed(tr("Cannot read back backup %1: %2.").arg(m_backupId, check->detail()));
                    return;
                }
                if (size != m_expectedSize || check->outcome() == FileCheckJob::Outcome::ShaMismatch) {
                    finishFailed(tr("Backup %1 is corrupt: the stored object does not match its SHA-256/size (%2 "
                                    "bytes, expected %3). Take a new backup.")
                                     .arg(m_backupId)
                                     .arg(size)
                                     .arg(m_expectedSize));
                    return;
                }
                if (check->outcome() != FileCheckJob::Outcome::Ok) {
                    finishFailed(tr("Backup %1 is corrupt: %2. Take a new backup.").arg(m_backupId, check->detail()));
                    return;
                }
                m_resultText = tr("OK: %1 bytes, sha256 %2, gzip stream valid").arg(size).arg(check->sha256());
                m_tempDir.reset();
                finishWithSuccess();
            });
            check->start();
        });
        fetch->start();
    });
    get->start();
}

void VerifyJob::finishUnchecked(const QString &what, const QString &error)
{
    finishFailed(tr("Cannot verify backup %1: %2 cannot be read from %3 (%4). The backup was not checked; verify "
                    "it again once the storage can be read.")
                     .arg(m_backupId, what, m_store->describe(), Sentence::unended(error)));
}

void VerifyJob::doAbort()
{
    if (m_check) {
        disconnect(m_check, nullptr, this, nullptr);
        m_check->abort();
    }
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
    }
    m_tempDir.reset();
}
