// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3CompleteMultipartUploadJob.h"

#include <QNetworkReply>

S3CompleteMultipartUploadJob::S3CompleteMultipartUploadJob(const S3Context &context, const QString &key,
                                                           const QString &uploadId,
                                                           const QVector<QPair<int, QByteArray>> &parts,
                                                           QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_uploadId(uploadId)
    , m_parts(parts)
{ }

QByteArray S3CompleteMultipartUploadJob::completionXml(const QVector<QPair<int, QByteArray>> &parts)
{
    QByteArray xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    for (const auto &part : parts) {
        QByteArray etag = part.second;
        etag.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
        xml += "<Part><PartNumber>" + QByteArray::number(part.first) + "</PartNumber><ETag>" + etag + "</ETag></Part>";
    }
    return xml + "</CompleteMultipartUpload>";
}

void S3CompleteMultipartUploadJob::doStart()
{
    S3Request request;
    request.method = "POST";
    request.key = m_key;
    request.query = { { "uploadId", m_uploadId.toUtf8() } };
    request.body = completionXml(m_parts);
    request.headers = { { "Content-Type", "application/xml" } };
    request.operation = tr("Completing the upload of %1").arg(m_key);
    send(request);
}

void S3CompleteMultipartUploadJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    const S3Error error = S3Error::fromResponse(200, body);
    if (!error.code.isEmpty()) {
        S3Error failed = error;
        failed.httpStatus = error.code == QLatin1String("InternalError") ? 500 : 400;
        failWith(failed);
        return;
    }
    m_result.object.key = m_key;
    m_result.object.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    m_result.uploadId = m_uploadId;
    finishWithSuccess();
}
