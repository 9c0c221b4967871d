// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupRestoreSource.h"

#include "catalog/Catalog.h"
#include "jobs/FileCheckJob.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/ScratchDir.h"

#include <QFile>

BackupRestoreSource::BackupRestoreSource(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent)
    : RestoreSource(parent)
    , m_catalog(catalog)
    , m_store(store)
    , m_backupId(backupId)
{
    if (auto r = m_catalog->backup(backupId))
        m_record = *r;
}

BackupRestoreSource::~BackupRestoreSource()
{
    cancel();
}

QString BackupRestoreSource::describe() const
{
    if (!m_record.isValid())
        return tr("backup %1").arg(m_backupId);
    return tr("backup %1 (%2, %3)")
        .arg(m_backupId, Environments::toString(m_record.environment),
             m_record.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
}

void BackupRestoreSource::fail(const QString &message)
{
    m_tempDir.reset();
    emit prepared(false, message);
}

void BackupRestoreSource::prepare()
{
    if (!m_record.isValid()) {
        fail(tr("There is no backup %1 in the catalog.").arg(m_backupId));
        return;
    }
    if (m_record.status != BackupStatus::Completed) {
        fail(tr("Backup %1 is %2; only completed backups can be restored.")
                 .arg(m_backupId, Backups::statusToString(m_record.status)));
        return;
    }
    if (!m_store) {
        fail(tr("No storage is configured, so backup %1 cannot be read. Configure the storage first.").arg(m_backupId));
        return;
    }
    StoreJob *get = m_store->getData(Catalog::manifestKey(m_record.objectKey));
    m_current = get;
    connect(get, &Job::finished, this, [this, get] {
        QString error;
        const auto manifest = get->succeeded() ? BackupManifest::fromJson(get->result().data, &error) : std::nullopt;
        if (!manifest) {
            fail(tr("Backup %1 cannot be restored: its manifest cannot be read (%2).")
                     .arg(m_backupId, get->succeeded() ? error : get->errorString()));
            return;
        }
        if (manifest->sha256 != m_record.sha256 || manifest->sizeBytes != m_record.sizeBytes) {
            fail(tr("Backup %1 cannot be restored: its manifest does not match the catalog.").arg(m_backupId));
            return;
        }
        m_manifest = *manifest;
        m_tempDir = std::make_unique<ScratchDir>();
        if (!m_tempDir->isValid()) {
            fail(tr("Cannot create a temporary folder to fetch backup %1 into: %2.")
                     .arg(m_backupId, m_tempDir->errorString()));
            return;
        }
        m_path = m_tempDir->filePath(QStringLiteral("restore.sql.gz"));
        StoreJob *fetch = m_store->getToFile(m_record.objectKey, m_path, 0);
        m_current = fetch;
        connect(fetch, &Job::finished, this, [this, fetch] {
            if (!fetch->succeeded()) {
                // The store's message names the bucket or folder and the key.
                fail(tr("Cannot read backup %1: %2").arg(m_backupId, fetch->errorString()));
                return;
            }
            // Hashing and testing a large object runs off this thread (heartbeats go on).
            auto *check = new FileCheckJob(m_path, FileCheckJob::Sha256 | FileCheckJob::Gzip, this);
            check->setExpectedSha256(m_manifest->sha256);
            m_current = check;
            connect(check, &Job::finished, this, [this, check] {
                if (check->outcome() == FileCheckJob::Outcome::ReadError) {
                    fail(tr("Cannot read back backup %1: %2").arg(m_backupId, check->detail()));
                    return;
                }
                if (check->size() != m_manifest->sizeBytes || check->outcome() == FileCheckJob::Outcome::ShaMismatch) {
                    fail(tr("Backup %1 is corrupt: the stored object does not match its SHA-256/size (%2 bytes, "
                            "expected %3). It was not restored.")
                             .arg(m_backupId)
                             .arg(check->size())
                             .arg(m_manifest->sizeBytes));
                    return;
                }
                if (check->outcome() != FileCheckJob::Outcome::Ok) {
                    fail(tr("Backup %1 is corrupt: %2. It was not restored.").arg(m_backupId, check->detail()));
                    return;
                }
                emit prepared(true, {});
            });
            check->start();
        });
        fetch->start();
    });
    get->start();
}

std::unique_ptr<QIODevice> BackupRestoreSource::open(QString *error)
{
    auto file = std::make_unique<QFile>(m_path);
    if (m_path.isEmpty() || !file->open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open the fetched backup %1: %2").arg(m_backupId, file->errorString());
        return nullptr;
    }
    return file;
}

void BackupRestoreSource::cancel()
{
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
    }
}

std::optional<RestoreSource::TableRows> BackupRestoreSource::expectedTables() const
{
    if (!m_manifest)
        return std::nullopt;
    return m_manifest->tables;
}
