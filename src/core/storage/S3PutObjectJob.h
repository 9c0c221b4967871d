// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// PutObject: uploads an in-memory object in one request with its user metadata.
/// Result: object (key, size, etag), sha256, bytesTransferred.
class S3PutObjectJob : public S3Job
{
    Q_OBJECT

public:
    S3PutObjectJob(const S3Context &context, const QString &key, const QByteArray &data, const ObjectMetadata &metadata,
                   QObject *parent = nullptr);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_key;
    QByteArray m_data;
    ObjectMetadata m_metadata;
};
