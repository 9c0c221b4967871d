// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3ListObjectsJob.h"

#include <QXmlStreamReader>

S3ListObjectsJob::S3ListObjectsJob(const S3Context &context, const QString &prefix, QObject *parent)
    : S3Job(context, parent)
    , m_prefix(prefix)
{ }

QString S3ListObjectsJob::parsePage(const QByteArray &xml, QVector<ObjectInfo> *objects, bool *ok)
{
    QXmlStreamReader reader(xml);
    QString next;
    bool truncated = false;
    bool sawRoot = false;
    while (reader.readNextStartElement()) {
        if (reader.name() != QLatin1String("ListBucketResult")) {
            reader.skipCurrentElement();
            continue;
        }
        sawRoot = true;
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("Contents")) {
                ObjectInfo info;
                while (reader.readNextStartElement()) {
                    if (reader.name() == QLatin1String("Key"))
                        info.key = reader.readElementText();
                    else if (reader.name() == QLatin1String("Size"))
                        info.size = reader.readElementText().toLongLong();
                    else if (reader.name() == QLatin1String("LastModified"))
                        info.lastModified = QDateTime::fromString(reader.readElementText(), Qt::ISODateWithMs);
                    else if (reader.name() == QLatin1String("ETag"))
                        info.etag = reader.readElementText();
                    else
                        reader.skipCurrentElement();
                }
                objects->append(info);
            } else if (reader.name() == QLatin1String("IsTruncated")) {
                truncated = reader.readElementText() == QLatin1String("true");
            } else if (reader.name() == QLatin1String("NextContinuationToken")) {
                next = reader.readElementText();
            } else {
                reader.skipCurrentElement();
            }
        }
        break; // the root is done; reading on would report a premature end
    }
    if (ok)
        *ok = sawRoot && !reader.hasError();
    return truncated ? next : QString();
}

void S3ListObjectsJob::doStart()
{
    requestPage({});
}

void S3ListObjectsJob::requestPage(const QString &continuationToken)
{
    S3Request request;
    request.query = { { "list-type", "2" }, { "prefix", m_prefix.toUtf8() } };
    if (m_pageSize > 0)
        request.query.append(SigV4Pair{ "max-keys", QByteArray::number(m_pageSize) });
    if (!continuationToken.isEmpty())
        request.query.append(SigV4Pair{ "continuation-token", continuationToken.toUtf8() });
    request.operation = tr("Listing %1").arg(m_prefix.isEmpty() ? tr("the bucket") : m_prefix);
    send(request);
}

void S3ListObjectsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    ++m_pages;
    bool ok = false;
    const QString next = parsePage(body, &m_result.objects, &ok);
    if (!ok) {
        finishWithError(Error::Fatal, tr("Listing failed: the storage server's answer is not a bucket listing."));
        return;
    }
    if (!next.isEmpty()) {
        requestPage(next);
        return;
    }
    finishWithSuccess();
}
