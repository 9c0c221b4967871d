// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3UploadPartJob.h"

#include <QNetworkReply>

S3UploadPartJob::S3UploadPartJob(const S3Context &context, const QString &key, const QString &uploadId, int partNumber,
                                 const QByteArray &data, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_uploadId(uploadId)
    , m_partNumber(partNumber)
    , m_data(data)
{ }

void S3UploadPartJob::doStart()
{
    S3Request request;
    request.method = "PUT";
    request.key = m_key;
    request.query = { { "partNumber", QByteArray::number(m_partNumber) }, { "uploadId", m_uploadId.toUtf8() } };
    request.body = m_data;
    request.operation = tr("Uploading part %1 of %2").arg(m_partNumber).arg(m_key);
    send(request);
}

void S3UploadPartJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    m_result.object.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    m_result.bytesTransferred = m_data.size();
    m_data = QByteArray(); // the part's memory goes back as soon as the server has it
    if (m_result.object.etag.isEmpty()) {
        finishWithError(
            Error::Retryable,
            tr("Uploading part %1 of %2 failed: the storage server sent no ETag.").arg(m_partNumber).arg(m_key));
        return;
    }
    finishWithSuccess();
}
