// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// UploadPart: one part of a multipart upload. The body is either in memory (a streamed part)
/// or a slice of a local file that Qt's network stack reads as it sends (a file part: nothing
/// held in memory). @p payloadHash is the hex SHA-256 of the body when the caller already has
/// it, else empty (S3Job then decides, see S3Request::payloadHash).
/// Result: object.etag (the part's ETag), bytesTransferred.
class S3UploadPartJob : public S3Job
{
    Q_OBJECT

public:
    S3UploadPartJob(const S3Context &context, const QString &key, const QString &uploadId, int partNumber,
                    const QByteArray &data, const QByteArray &payloadHash = {}, QObject *parent = nullptr);
    S3UploadPartJob(const S3Context &context, const QString &key, const QString &uploadId, int partNumber,
                    const QString &filePath, qint64 offset, qint64 size, const QByteArray &payloadHash,
                    QObject *parent = nullptr);
    int partNumber() const { return m_partNumber; }
    qint64 size() const { return m_size; }

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_key;
    QString m_uploadId;
    int m_partNumber;
    QByteArray m_data;
    QString m_filePath;
    qint64 m_offset = 0;
    qint64 m_size = 0;
    QByteArray m_payloadHash;
};
