// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// CompleteMultipartUpload: assembles the parts (numbers and ETags, in order) into the object.
/// S3 may answer 200 with an <Error> body; that counts as a failure.
class S3CompleteMultipartUploadJob : public S3Job
{
    Q_OBJECT

public:
    S3CompleteMultipartUploadJob(const S3Context &context, const QString &key, const QString &uploadId,
                                 const QVector<QPair<int, QByteArray>> &parts, QObject *parent = nullptr);
    /// The request body listing @p parts.
    static QByteArray completionXml(const QVector<QPair<int, QByteArray>> &parts);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_key;
    QString m_uploadId;
    QVector<QPair<int, QByteArray>> m_parts;
};
