// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// AbortMultipartUpload: discards an upload's parts. An upload that no longer exists counts
/// as aborted.
class S3AbortMultipartUploadJob : public S3Job
{
    Q_OBJECT

public:
    S3AbortMultipartUploadJob(const S3Context &context, const QString &key, const QString &uploadId,
                              QObject *parent = nullptr);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    bool onFailure(const S3Error &error) override;

private:
    QString m_key;
    QString m_uploadId;
};
