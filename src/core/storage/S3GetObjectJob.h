// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"
#include "Sha256.h"

#include <QFile>

/// GetObject, streamed to a file as it arrives (or into memory for small objects). When the
/// connection is cut or stalls mid-body, the retry asks only for the rest (Range: bytes=N-,
/// If-Match the first response's ETag, so a replaced object is never spliced) and appends.
/// With a start offset the job resumes an earlier partial download the same way.
/// Result: object (key, size, etag), bytesTransferred and sha256 of the bytes written by this
/// job, data (memory mode).
class S3GetObjectJob : public S3Job
{
    Q_OBJECT

public:
    /// To @p localPath, appending from @p offset when > 0 (the file must then hold offset bytes).
    S3GetObjectJob(const S3Context &context, const QString &key, const QString &localPath, qint64 offset,
                   QObject *parent = nullptr);
    /// Into memory (result().data).
    S3GetObjectJob(const S3Context &context, const QString &key, QObject *parent = nullptr);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    bool isSuccess(int httpStatus) const override;
    bool onFailure(const S3Error &error) override;
    bool streamsBody() const override { return true; }
    bool consumeBody(QNetworkReply *reply, const QByteArray &data) override;
    void beforeRetry(S3Request &request) override;
    void doAbort() override;

private:
    bool checkFirstResponse(QNetworkReply *reply);
    void applyRange(S3Request &request) const;

    QString m_key;
    QString m_localPath;
    qint64 m_offset = 0;
    bool m_toMemory = false;
    QFile m_file;
    Sha256 m_hash;
    qint64 m_written = 0;
    qint64 m_total = -1;
    QByteArray m_etag;
    QNetworkReply *m_checkedReply = nullptr;
};
