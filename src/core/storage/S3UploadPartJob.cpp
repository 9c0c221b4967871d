// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3UploadPartJob.h"

#include "S3FileSliceDevice.h"

#include <QNetworkReply>

S3UploadPartJob::S3UploadPartJob(const S3Context &context, const QString &key, const QString &uploadId, int partNumber,
                                 const QByteArray &data, const QByteArray &payloadHash, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_uploadId(uploadId)
    , m_partNumber(partNumber)
    , m_data(data)
    , m_size(data.size())
    , m_payloadHash(payloadHash)
{ }

S3UploadPartJob::S3UploadPartJob(const S3Context &context, const QString &key, const QString &uploadId, int partNumber,
                                 const QString &filePath, qint64 offset, qint64 size, const QByteArray &payloadHash,
                                 QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_uploadId(uploadId)
    , m_partNumber(partNumber)
    , m_filePath(filePath)
    , m_offset(offset)
    , m_size(size)
    , m_payloadHash(payloadHash)
{ }

void S3UploadPartJob::doStart()
{
    S3Request request;
    request.method = "PUT";
    request.key = m_key;
    request.query = { { "partNumber", QByteArray::number(m_partNumber) }, { "uploadId", m_uploadId.toUtf8() } };
    if (m_filePath.isEmpty()) {
        request.body = m_data;
    } else {
        const QString path = m_filePath;
        const qint64 offset = m_offset;
        const qint64 size = m_size;
        request.bodyDevice = [path, offset, size](QString *error) -> QIODevice * {
            auto *device = new S3FileSliceDevice(path, offset, size);
            if (device->openSlice())
                return device;
            *error = device->errorString();
            delete device;
            return nullptr;
        };
        request.bodySize = size;
    }
    request.payloadHash = m_payloadHash;
    request.operation = tr("Uploading part %1 of %2").arg(m_partNumber).arg(m_key);
    send(request);
}

void S3UploadPartJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    m_result.object.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    m_result.bytesTransferred = m_size;
    // The part's memory goes back as soon as the server has it, not when this job is deleted.
    m_data = QByteArray();
    releaseRequestBody();
    if (m_result.object.etag.isEmpty()) {
        finishWithError(
            Error::Retryable,
            tr("Uploading part %1 of %2 failed: the storage server sent no ETag.").arg(m_partNumber).arg(m_key));
        return;
    }
    finishWithSuccess();
}
