// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ObjectInfo.h"
#include "Sha256.h"
#include "StoreJob.h"

#include <QFile>

class BoundedPipe;

/// LocalFolderStore::putStream: copies what a producer writes into a BoundedPipe to a hidden
/// temporary file beside the target, then renames it into place. A producer failure or abort()
/// removes the temporary file; a crash leaves it, and listIncompleteUploads() reports it.
class LocalStreamPutJob : public StoreJob
{
    Q_OBJECT

public:
    LocalStreamPutJob(const QString &key, const QString &targetPath, const QString &tempPath,
                      const QString &metadataPath, BoundedPipe *source, const ObjectMetadata &metadata,
                      QObject *parent = nullptr);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void pump();
    void fail(const QString &message);

    QString m_key;
    QString m_targetPath;
    QString m_metadataPath;
    BoundedPipe *m_source;
    ObjectMetadata m_metadata;
    QFile m_temp;
    Sha256 m_hash;
    qint64 m_written = 0;
};
