// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3ObjectStore.h"

#include "S3AbortMultipartUploadJob.h"
#include "S3DeleteObjectJob.h"
#include "S3GetObjectJob.h"
#include "S3HeadObjectJob.h"
#include "S3ListMultipartUploadsJob.h"
#include "S3ListObjectsJob.h"
#include "S3MultipartUploadJob.h"
#include "S3PutObjectJob.h"
#include "SigV4Signer.h"

S3ObjectStore::S3ObjectStore(const S3Config &config, QNetworkAccessManager *network, QObject *parent)
    : ObjectStore(parent)
{
    m_context.config = config;
    m_context.network = network;
}

QString S3ObjectStore::describe() const
{
    return tr("S3 %1").arg(m_context.config.describe());
}

StoreJob *S3ObjectStore::putData(const QString &key, const QByteArray &data, const ObjectMetadata &metadata)
{
    return new S3PutObjectJob(m_context, key, data, metadata);
}

StoreJob *S3ObjectStore::putFile(const QString &key, const QString &localPath, const ObjectMetadata &metadata)
{
    return new S3MultipartUploadJob(m_context, key, localPath, metadata);
}

StoreJob *S3ObjectStore::putStream(const QString &key, BoundedPipe *source, qint64 expectedSize,
                                   const ObjectMetadata &metadata)
{
    return new S3MultipartUploadJob(m_context, key, source, expectedSize, metadata);
}

StoreJob *S3ObjectStore::getToFile(const QString &key, const QString &localPath, qint64 offset)
{
    return new S3GetObjectJob(m_context, key, localPath, offset);
}

StoreJob *S3ObjectStore::getData(const QString &key)
{
    return new S3GetObjectJob(m_context, key);
}

StoreJob *S3ObjectStore::head(const QString &key)
{
    return new S3HeadObjectJob(m_context, key);
}

StoreJob *S3ObjectStore::list(const QString &prefix)
{
    return new S3ListObjectsJob(m_context, prefix);
}

StoreJob *S3ObjectStore::remove(const QString &key)
{
    return new S3DeleteObjectJob(m_context, key);
}

StoreJob *S3ObjectStore::listIncompleteUploads(const QString &prefix)
{
    return new S3ListMultipartUploadsJob(m_context, prefix);
}

StoreJob *S3ObjectStore::abortIncompleteUpload(const QString &key, const QString &uploadId)
{
    return new S3AbortMultipartUploadJob(m_context, key, uploadId);
}

QUrl S3ObjectStore::presignedGetUrl(const QString &key, int expiresInSeconds, QString *error) const
{
    const S3Config &config = m_context.config;
    QString missing;
    if (!config.isComplete(&missing)) {
        if (error)
            *error = tr("The storage settings are incomplete (missing: %1).").arg(missing);
        return {};
    }
    if (expiresInSeconds < 1 || expiresInSeconds > kMaxPresignSeconds) {
        if (error)
            *error = tr("A download link can be valid from 1 second to 7 days (604800 seconds), not %1 seconds.")
                         .arg(expiresInSeconds);
        return {};
    }
    SigV4Request request;
    request.method = "GET";
    request.path = config.path(key);
    request.headers = { { "Host", config.hostHeader() } };
    request.payloadHash = "UNSIGNED-PAYLOAD";
    const SigV4Credentials credentials{ config.accessKeyId.toUtf8(), config.secretAccessKey.toUtf8(), {} };
    const SigV4Signed sig
        = SigV4Signer::presign(request, credentials, config.region.toUtf8(), "s3", m_context.now(), expiresInSeconds);
    QUrl url = config.url(key);
    url.setQuery(QString::fromLatin1(sig.encodedQuery), QUrl::StrictMode);
    return url;
}
