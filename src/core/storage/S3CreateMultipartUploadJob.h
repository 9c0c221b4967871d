// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// CreateMultipartUpload: starts an upload with the object's user metadata. Result: uploadId.
class S3CreateMultipartUploadJob : public S3Job
{
    Q_OBJECT

public:
    S3CreateMultipartUploadJob(const S3Context &context, const QString &key, const ObjectMetadata &metadata,
                               QObject *parent = nullptr);
    /// The UploadId of a CreateMultipartUpload response body; empty if absent.
    static QString parseUploadId(const QByteArray &xml);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_key;
    ObjectMetadata m_metadata;
};
