// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3CreateMultipartUploadJob.h"

#include <QXmlStreamReader>

S3CreateMultipartUploadJob::S3CreateMultipartUploadJob(const S3Context &context, const QString &key,
                                                       const ObjectMetadata &metadata, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_metadata(metadata)
{ }

QString S3CreateMultipartUploadJob::parseUploadId(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == QLatin1String("UploadId"))
            return reader.readElementText();
    }
    return {};
}

void S3CreateMultipartUploadJob::doStart()
{
    S3Request request;
    request.method = "POST";
    request.key = m_key;
    request.query = { { "uploads", {} } };
    request.headers = metadataHeaders(m_metadata);
    request.headers.append(SigV4Pair{ "Content-Type", "application/octet-stream" });
    request.operation = tr("Starting the upload of %1").arg(m_key);
    send(request);
}

void S3CreateMultipartUploadJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    m_result.uploadId = parseUploadId(body);
    m_result.object.key = m_key;
    if (m_result.uploadId.isEmpty()) {
        finishWithError(Error::Fatal,
                        tr("Starting the upload of %1 failed: the storage server sent no upload ID.").arg(m_key));
        return;
    }
    finishWithSuccess();
}
