// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// UploadPart: one part of a multipart upload, body in memory (signed with its SHA-256).
/// Result: object.etag (the part's ETag), bytesTransferred.
class S3UploadPartJob : public S3Job
{
    Q_OBJECT

public:
    S3UploadPartJob(const S3Context &context, const QString &key, const QString &uploadId, int partNumber,
                    const QByteArray &data, QObject *parent = nullptr);
    int partNumber() const { return m_partNumber; }
    qint64 size() const { return m_data.size(); }

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_key;
    QString m_uploadId;
    int m_partNumber;
    QByteArray m_data;
};
