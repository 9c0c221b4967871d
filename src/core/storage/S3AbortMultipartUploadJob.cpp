// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3AbortMultipartUploadJob.h"

S3AbortMultipartUploadJob::S3AbortMultipartUploadJob(const S3Context &context, const QString &key,
                                                     const QString &uploadId, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_uploadId(uploadId)
{ }

void S3AbortMultipartUploadJob::doStart()
{
    S3Request request;
    request.method = "DELETE";
    request.key = m_key;
    request.query = { { "uploadId", m_uploadId.toUtf8() } };
    request.operation = tr("Removing the incomplete upload of %1").arg(m_key);
    send(request);
}

void S3AbortMultipartUploadJob::onSuccess(QNetworkReply *, const QByteArray &)
{
    m_result.object.key = m_key;
    m_result.uploadId = m_uploadId;
    finishWithSuccess();
}

bool S3AbortMultipartUploadJob::onFailure(const S3Error &error)
{
    if (error.code != QLatin1String("NoSuchUpload"))
        return false;
    m_result.object.key = m_key;
    m_result.uploadId = m_uploadId;
    finishWithSuccess();
    return true;
}
