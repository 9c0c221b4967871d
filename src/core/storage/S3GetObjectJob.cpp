// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3GetObjectJob.h"

#include "util/PrivateFiles.h"

#include <QNetworkReply>

S3GetObjectJob::S3GetObjectJob(const S3Context &context, const QString &key, const QString &localPath, qint64 offset,
                               QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_localPath(localPath)
    , m_offset(qMax<qint64>(offset, 0))
{ }

S3GetObjectJob::S3GetObjectJob(const S3Context &context, const QString &key, QObject *parent)
    : S3Job(context, parent)
    , m_key(key)
    , m_toMemory(true)
{ }

void S3GetObjectJob::doStart()
{
    if (!m_toMemory) {
        m_file.setFileName(m_localPath);
        QString error;
        if (!PrivateFiles::openForWriting(&m_file, m_offset > 0 ? PrivateFiles::Append : PrivateFiles::Truncate,
                                          &error)) {
            finishWithError(Error::Fatal,
                            tr("Downloading %1 failed: %2. Check the folder and the free space.").arg(m_key, error));
            return;
        }
        if (m_offset > 0 && m_file.size() != m_offset) {
            finishWithError(Error::Fatal,
                            tr("Downloading %1 failed: %2 holds %3 bytes, not the %4 to resume from.")
                                .arg(m_key, m_localPath)
                                .arg(m_file.size())
                                .arg(m_offset));
            return;
        }
    }
    S3Request request;
    request.key = m_key;
    request.operation = tr("Downloading %1").arg(m_key);
    applyRange(request);
    send(request);
}

void S3GetObjectJob::applyRange(S3Request &request) const
{
    request.headers.clear();
    const qint64 from = m_offset + m_written;
    if (from > 0)
        request.headers.append(SigV4Pair{ "Range", "bytes=" + QByteArray::number(from) + '-' });
    if (!m_etag.isEmpty())
        request.headers.append(SigV4Pair{ "If-Match", m_etag });
}

void S3GetObjectJob::beforeRetry(S3Request &request)
{
    m_checkedReply = nullptr;
    applyRange(request);
}

bool S3GetObjectJob::isSuccess(int httpStatus) const
{
    return httpStatus == 200 || httpStatus == 206;
}

bool S3GetObjectJob::checkFirstResponse(QNetworkReply *reply)
{
    if (m_checkedReply == reply)
        return true;
    m_checkedReply = reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 from = m_offset + m_written;
    if (from > 0 && status != 206) {
        // The server ignored the Range: splicing its full body would corrupt the file.
        finishWithError(Error::Fatal,
                        tr("Downloading %1 failed: the storage server cannot resume downloads.").arg(m_key));
        return false;
    }
    if (m_etag.isEmpty())
        m_etag = reply->rawHeader("ETag");
    const QByteArray range = reply->rawHeader("Content-Range");
    if (!range.isEmpty()) {
        m_total = range.mid(range.lastIndexOf('/') + 1).toLongLong();
    } else {
        m_total = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    }
    return true;
}

bool S3GetObjectJob::consumeBody(QNetworkReply *reply, const QByteArray &data)
{
    if (!checkFirstResponse(reply))
        return false;
    if (m_toMemory) {
        m_result.data += data;
    } else if (m_file.write(data) != data.size()) {
        finishWithError(Error::Fatal,
                        tr("Downloading %1 failed: cannot write %2 (%3). Check the free space.")
                            .arg(m_key, m_localPath, PrivateFiles::writeError(m_file)));
        return false;
    }
    m_hash.addData(data);
    m_written += data.size();
    emit progress(m_offset + m_written, m_total);
    return true;
}

void S3GetObjectJob::onSuccess(QNetworkReply *reply, const QByteArray &body)
{
    if (!body.isEmpty() && !consumeBody(reply, body))
        return;
    if (!checkFirstResponse(reply))
        return;
    if (!m_toMemory) {
        if (!m_file.flush()) {
            finishWithError(Error::Fatal,
                            tr("Downloading %1 failed: cannot write %2 (%3). Check the free space.")
                                .arg(m_key, m_localPath, PrivateFiles::writeError(m_file)));
            return;
        }
        m_file.close();
    }
    if (m_total >= 0 && m_offset + m_written != m_total) {
        finishWithError(
            Error::Retryable,
            tr("Downloading %1 failed: received %2 of %3 bytes.").arg(m_key).arg(m_offset + m_written).arg(m_total));
        return;
    }
    m_result.object.key = m_key;
    m_result.object.size = m_offset + m_written;
    m_result.object.etag = QString::fromLatin1(m_etag);
    m_result.bytesTransferred = m_written;
    m_result.sha256 = m_hash.result().toHex();
    finishWithSuccess();
}

bool S3GetObjectJob::onFailure(const S3Error &error)
{
    if (error.httpStatus == 412) {
        finishWithError(
            Error::Fatal,
            tr("Downloading %1 failed: the object changed while it was downloading. Try again.").arg(m_key));
        return true;
    }
    return false;
}

void S3GetObjectJob::doAbort()
{
    S3Job::doAbort();
    if (m_file.isOpen())
        m_file.close();
}
