// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3Job.h"

#include "util/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

namespace {

// Errors that come from the connection rather than from an HTTP status: the response (if any)
// is incomplete, so its status says nothing about the outcome.
bool isTransportError(QNetworkReply::NetworkError error)
{
    const int e = static_cast<int>(error);
    return (e > 0 && e < 200) || (e >= 300 && e < 400);
}

} // namespace

S3Job::S3Job(const S3Context &context, QObject *parent)
    : StoreJob(parent)
    , m_context(context)
{
    setTimeout(context.options.timeoutMs);
    m_stallTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &S3Job::onStalled);
    connect(&m_retryTimer, &QTimer::timeout, this, &S3Job::attempt);
}

S3Job::~S3Job()
{
    cleanupReply();
}

void S3Job::send(const S3Request &request)
{
    m_request = request;
    if (m_request.payloadHash.isEmpty()) {
        const bool hasBody = !m_request.body.isEmpty() || bool(m_request.bodyDevice);
        const bool tls = m_context.config.endpoint.scheme() == QLatin1String("https");
        m_request.payloadHash = (hasBody && tls) || m_request.bodyDevice ? QByteArray("UNSIGNED-PAYLOAD")
                                                                         : SigV4Signer::sha256Hex(m_request.body);
    }
    m_attempt = 0;
    attempt();
}

void S3Job::attempt()
{
    if (isFinished())
        return;
    ++m_attempt;
    if (m_attempt > 1)
        beforeRetry(m_request);
    m_body.clear();
    m_status = 0;
    m_timedOut = false;
    m_streaming = false;

    const S3Config &config = m_context.config;
    SigV4Request sreq;
    sreq.method = m_request.method;
    sreq.path = config.path(m_request.key);
    sreq.query = m_request.query;
    sreq.headers = m_request.headers;
    sreq.headers.append(SigV4Pair{ "Host", config.hostHeader() });
    sreq.payloadHash = m_request.payloadHash;
    const SigV4Credentials credentials{ config.accessKeyId.toUtf8(), config.secretAccessKey.toUtf8(), {} };
    const SigV4Signed sig = SigV4Signer::signHeaders(sreq, credentials, config.region.toUtf8(), "s3", m_context.now());

    QUrl url = config.url(m_request.key);
    if (!m_request.query.isEmpty())
        url.setQuery(QString::fromLatin1(SigV4Signer::canonicalQueryString(m_request.query)), QUrl::StrictMode);
    QNetworkRequest nreq(url);
    for (const auto &header : std::as_const(sreq.headers))
        nreq.setRawHeader(header.first, header.second);
    for (const auto &header : sig.addedHeaders)
        nreq.setRawHeader(header.first, header.second);
    // A redirect would resend the signed request elsewhere; S3 redirects mean a wrong endpoint.
    nreq.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    nreq.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nreq.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    QIODevice *device = nullptr;
    if (m_request.bodyDevice) {
        QString error;
        device = m_request.bodyDevice(&error);
        if (!device) {
            finishWithError(Error::Fatal, tr("%1 failed: cannot read the file (%2).").arg(m_request.operation, error));
            return;
        }
        // With the length known up front Qt streams the device instead of buffering it whole.
        nreq.setHeader(QNetworkRequest::ContentLengthHeader, m_request.bodySize);
    }
    // HEAD must go through head(): as a custom verb, Qt would wait for a body that never comes.
    QNetworkReply *reply = m_request.method == "HEAD" ? m_context.network->head(nreq)
        : device ? m_context.network->sendCustomRequest(nreq, m_request.method, device)
                 : m_context.network->sendCustomRequest(nreq, m_request.method, m_request.body);
    if (device)
        device->setParent(reply);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &S3Job::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &S3Job::onReplyFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, &S3Job::touch);
    connect(reply, &QNetworkReply::downloadProgress, this, &S3Job::touch);
    touch();
}

void S3Job::touch()
{
    if (timeout() > 0 && m_reply)
        m_stallTimer.start(timeout());
}

void S3Job::onStalled()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // finished() follows, synchronously
}

void S3Job::onReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    touch();
    if (m_status == 0)
        m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status != 0 && isSuccess(m_status) && streamsBody()) {
        m_streaming = true;
        const QByteArray chunk = reply->readAll();
        if (!chunk.isEmpty() && !consumeBody(reply, chunk)) {
            cleanupReply();
        }
        return;
    }
    m_body += reply->readAll();
}

void S3Job::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || sender() != reply)
        return;
    m_stallTimer.stop();
    if (m_status == 0)
        m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();

    S3Error error;
    if (m_timedOut) {
        error.timedOut = true;
    } else if (m_status == 0 || isTransportError(netError)) {
        error.networkError = netError == QNetworkReply::NoError ? QNetworkReply::UnknownNetworkError : netError;
        error.networkErrorText = reply->errorString();
    } else if (isSuccess(m_status)) {
        const QByteArray rest = reply->readAll();
        if (m_streaming || (streamsBody() && !rest.isEmpty())) {
            if (!rest.isEmpty() && !consumeBody(reply, rest)) {
                cleanupReply();
                return;
            }
        } else {
            m_body += rest;
        }
        m_result.httpStatus = m_status;
        const QByteArray body = m_body;
        m_body.clear();
        reply->disconnect(this);
        reply->deleteLater();
        m_reply = nullptr;
        onSuccess(reply, body);
        return;
    } else {
        m_body += reply->readAll();
        error = S3Error::fromResponse(m_status, m_body);
    }
    reply->disconnect(this);
    reply->deleteLater();
    m_reply = nullptr;

    m_result.httpStatus = error.httpStatus;
    m_result.errorCode = error.code;
    if (onFailure(error))
        return;
    if (error.retryable() && m_attempt < m_context.options.maxAttempts) {
        const qint64 exp = qint64(m_context.options.retryBaseDelayMs) << std::min(m_attempt - 1, 20);
        const qint64 capped = std::min<qint64>(exp, m_context.options.retryMaxDelayMs);
        // Jitter spreads the retries of parts that failed together (e.g. a 503 burst).
        const qint64 delay = capped / 2 + QRandomGenerator::global()->bounded(capped / 2 + 1);
        // The key and operation only: query strings may carry signatures.
        qCInfo(lcStorage).noquote() << "retrying:" << m_request.operation << "in" << delay << "ms (attempt"
                                    << m_attempt + 1 << "of" << m_context.options.maxAttempts << "):" << error.code
                                    << error.httpStatus;
        m_retryTimer.start(static_cast<int>(delay));
        return;
    }
    failWith(error);
}

void S3Job::failWith(const S3Error &error)
{
    m_result.httpStatus = error.httpStatus;
    m_result.errorCode = error.code;
    finishWithError(error.retryable() ? Error::Retryable : Error::Fatal,
                    error.humanMessage(m_context.config, m_request.operation));
}

void S3Job::releaseRequestBody()
{
    m_request.body = QByteArray();
    m_request.bodyDevice = nullptr;
}

void S3Job::cleanupReply()
{
    m_stallTimer.stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void S3Job::doAbort()
{
    m_retryTimer.stop();
    cleanupReply();
}

SigV4Pairs S3Job::metadataHeaders(const ObjectMetadata &metadata)
{
    SigV4Pairs headers;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        headers.append(SigV4Pair{ "x-amz-meta-" + it.key().toLower().toUtf8(), it.value().toUtf8() });
    return headers;
}
