// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3PutObjectJob.h"

#include <QNetworkReply>

S3PutObjectJob::S3PutObjectJob(const S3Context &context, const QString &key, const QByteArray &data,
                               const ObjectMetadata &metadata, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_data(data)
    , m_metadata(metadata)
{ }

void S3PutObjectJob::doStart()
{
    S3Request request;
    request.method = "PUT";
    request.key = m_key;
    request.body = m_data;
    request.headers = metadataHeaders(m_metadata);
    request.headers.append(SigV4Pair{ "Content-Type", "application/octet-stream" });
    request.payloadHash = SigV4Signer::sha256Hex(m_data);
    request.operation = tr("Uploading %1").arg(m_key);
    m_result.sha256 = request.payloadHash;
    send(request);
}

void S3PutObjectJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    m_result.object.key = m_key;
    m_result.object.size = m_data.size();
    m_result.object.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    m_result.object.metadata = m_metadata;
    m_result.bytesTransferred = m_data.size();
    emit progress(m_data.size(), m_data.size());
    finishWithSuccess();
}
