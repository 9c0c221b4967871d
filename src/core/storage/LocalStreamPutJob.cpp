// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalStreamPutJob.h"

#include "LocalFolderStore.h"
#include "util/BoundedPipe.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>

LocalStreamPutJob::LocalStreamPutJob(const QString &key, const QString &targetPath, const QString &tempPath,
                                     const QString &metadataPath, BoundedPipe *source, const ObjectMetadata &metadata,
                                     QObject *parent)
    : StoreJob(parent)
    , m_key(key)
    , m_targetPath(targetPath)
    , m_metadataPath(metadataPath)
    , m_source(source)
    , m_metadata(metadata)
    , m_temp(tempPath)
{
    connect(source, &BoundedPipe::readyRead, this, &LocalStreamPutJob::pump, Qt::QueuedConnection);
}

void LocalStreamPutJob::doStart()
{
    QString error;
    if (!PrivateFiles::mkpath(QFileInfo(m_targetPath).absolutePath(), &error)
        || !PrivateFiles::openForWriting(&m_temp, PrivateFiles::Truncate, &error)) {
        fail(tr("Saving %1 failed: %2.").arg(m_key, error));
        return;
    }
    pump(); // the producer may have finished before we started
}

void LocalStreamPutJob::pump()
{
    if (isFinished() || !m_temp.isOpen())
        return;
    for (;;) {
        const QByteArray chunk = m_source->read(1024 * 1024);
        if (chunk.isEmpty())
            break;
        if (m_temp.write(chunk) != chunk.size()) {
            fail(tr("Saving %1 failed: %2. Check the free space.").arg(m_key, m_temp.errorString()));
            return;
        }
        m_hash.addData(chunk);
        m_written += chunk.size();
        emit progress(m_written, -1);
    }
    if (m_source->writerFailed()) {
        fail(tr("Saving %1 failed: %2").arg(m_key, m_source->writerError()));
        return;
    }
    if (!m_source->atEnd())
        return;
    if (!m_temp.flush()) {
        fail(tr("Saving %1 failed: %2. Check the free space.").arg(m_key, m_temp.errorString()));
        return;
    }
    m_temp.close();
    QString error;
    if (!LocalFolderStore::writeMetadata(m_metadataPath, m_metadata, &error)
        || !LocalFolderStore::replaceFile(m_temp.fileName(), m_targetPath, &error)) {
        fail(tr("Saving %1 failed: %2").arg(m_key, error));
        return;
    }
    m_result.object.key = m_key;
    m_result.object.size = m_written;
    m_result.object.metadata = m_metadata;
    m_result.sha256 = m_hash.result().toHex();
    m_result.bytesTransferred = m_written;
    finishWithSuccess();
}

void LocalStreamPutJob::fail(const QString &message)
{
    m_source->abortRead();
    m_temp.close();
    m_temp.remove();
    finishWithError(Error::Fatal, message);
}

void LocalStreamPutJob::doAbort()
{
    m_source->abortRead();
    m_temp.close();
    m_temp.remove();
}
