// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3DeleteObjectJob.h"

S3DeleteObjectJob::S3DeleteObjectJob(const S3Context &context, const QString &key, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
{ }

void S3DeleteObjectJob::doStart()
{
    S3Request request;
    request.method = "DELETE";
    request.key = m_key;
    request.operation = tr("Deleting %1").arg(m_key);
    send(request);
}

void S3DeleteObjectJob::onSuccess(QNetworkReply *, const QByteArray &)
{
    m_result.object.key = m_key;
    finishWithSuccess();
}

bool S3DeleteObjectJob::onFailure(const S3Error &error)
{
    if (error.httpStatus != 404 || error.code == QLatin1String("NoSuchBucket"))
        return false;
    m_result.object.key = m_key;
    finishWithSuccess();
    return true;
}
