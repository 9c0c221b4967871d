// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3HeadObjectJob.h"

#include <QNetworkReply>

S3HeadObjectJob::S3HeadObjectJob(const S3Context &context, const QString &key, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
{ }

void S3HeadObjectJob::doStart()
{
    S3Request request;
    request.method = "HEAD";
    request.key = m_key;
    request.operation = tr("Looking up %1").arg(m_key);
    send(request);
}

void S3HeadObjectJob::onSuccess(QNetworkReply *reply, const QByteArray &)
{
    ObjectInfo &info = m_result.object;
    info.key = m_key;
    info.size = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    info.lastModified = reply->header(QNetworkRequest::LastModifiedHeader).toDateTime().toUTC();
    info.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    const auto headers = reply->rawHeaderPairs();
    for (const auto &header : headers) {
        const QByteArray name = header.first.toLower();
        if (name.startsWith("x-amz-meta-"))
            info.metadata.insert(QString::fromUtf8(name.mid(11)), QString::fromUtf8(header.second));
    }
    finishWithSuccess();
}
