// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3ListMultipartUploadsJob.h"

#include <QXmlStreamReader>

S3ListMultipartUploadsJob::S3ListMultipartUploadsJob(const S3Context &context, const QString &prefix, QObject *parent)
    : S3Job(context, parent)
    , m_prefix(prefix)
{ }

bool S3ListMultipartUploadsJob::parsePage(const QByteArray &xml, QVector<IncompleteUpload> *uploads,
                                          QString *nextKeyMarker, QString *nextUploadIdMarker)
{
    QXmlStreamReader reader(xml);
    bool truncated = false;
    bool sawRoot = false;
    QString keyMarker;
    QString uploadIdMarker;
    while (reader.readNextStartElement()) {
        if (reader.name() != QLatin1String("ListMultipartUploadsResult")) {
            reader.skipCurrentElement();
            continue;
        }
        sawRoot = true;
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("Upload")) {
                IncompleteUpload upload;
                while (reader.readNextStartElement()) {
                    if (reader.name() == QLatin1String("Key"))
                        upload.key = reader.readElementText();
                    else if (reader.name() == QLatin1String("UploadId"))
                        upload.uploadId = reader.readElementText();
                    else if (reader.name() == QLatin1String("Initiated"))
                        upload.initiated = QDateTime::fromString(reader.readElementText(), Qt::ISODateWithMs);
                    else
                        reader.skipCurrentElement();
                }
                uploads->append(upload);
            } else if (reader.name() == QLatin1String("IsTruncated")) {
                truncated = reader.readElementText() == QLatin1String("true");
            } else if (reader.name() == QLatin1String("NextKeyMarker")) {
                keyMarker = reader.readElementText();
            } else if (reader.name() == QLatin1String("NextUploadIdMarker")) {
                uploadIdMarker = reader.readElementText();
            } else {
                reader.skipCurrentElement();
            }
        }
        break; // the root is done; reading on would report a premature end
    }
    *nextKeyMarker = truncated ? keyMarker : QString();
    *nextUploadIdMarker = truncated ? uploadIdMarker : QString();
    return sawRoot && !reader.hasError();
}

void S3ListMultipartUploadsJob::doStart()
{
    requestPage({}, {});
}

void S3ListMultipartUploadsJob::requestPage(const QString &keyMarker, const QString &uploadIdMarker)
{
    S3Request request;
    request.query = { { "uploads", {} }, { "prefix", m_prefix.toUtf8() } };
    if (!keyMarker.isEmpty())
        request.query.append(SigV4Pair{ "key-marker", keyMarker.toUtf8() });
    if (!uploadIdMarker.isEmpty())
        request.query.append(SigV4Pair{ "upload-id-marker", uploadIdMarker.toUtf8() });
    request.operation = tr("Listing incomplete uploads");
    send(request);
}

void S3ListMultipartUploadsJob::onSuccess(QNetworkReply *, const QByteArray &body)
{
    QString keyMarker;
    QString uploadIdMarker;
    if (!parsePage(body, &m_result.uploads, &keyMarker, &uploadIdMarker)) {
        finishWithError(Error::Fatal,
                        tr("Listing incomplete uploads failed: the storage server's answer is not an upload list."));
        return;
    }
    if (!keyMarker.isEmpty()) {
        requestPage(keyMarker, uploadIdMarker);
        return;
    }
    finishWithSuccess();
}
