// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Context.h"
#include "S3Error.h"
#include "S3Request.h"
#include "StoreJob.h"

#include <QPointer>
#include <QTimer>

class QNetworkReply;

/// Base of the jobs that perform one S3 operation: signs an S3Request, sends it, and retries it
/// with exponential backoff and full jitter on 5xx, 429, timeouts and connection resets, up to
/// S3TransferOptions::maxAttempts. A request that makes no progress (no bytes up or down) for
/// timeout() ms is cut and counts as a timeout, so a stalled transfer never hangs. Failures end
/// the job with S3Error::humanMessage() (Retryable or Fatal). Redirects are not followed and TLS
/// errors are never ignored.
///
/// Subclasses build the request in doStart() and call send(); they get the 2xx response in
/// onSuccess() (and may send() again, e.g. for the next page). Streaming downloads override
/// acceptsBody()/consumeBody() and adjust the request for a retry in beforeRetry().
class S3Job : public StoreJob
{
    Q_OBJECT

public:
    explicit S3Job(const S3Context &context, QObject *parent = nullptr);
    ~S3Job() override;

protected:
    void send(const S3Request &request);
    /// The response succeeded (2xx, or a status isSuccess() accepts). @p body is empty when
    /// consumeBody() took it.
    virtual void onSuccess(QNetworkReply *reply, const QByteArray &body) = 0;
    virtual bool isSuccess(int httpStatus) const { return httpStatus >= 200 && httpStatus < 300; }
    /// A failure the subclass treats differently (e.g. DeleteObject's 404); true = handled.
    virtual bool onFailure(const S3Error &) { return false; }
    /// Return true to receive the body of a successful response in consumeBody() as it arrives.
    virtual bool streamsBody() const { return false; }
    /// Writes arriving body bytes; return false (and finish the job) to stop.
    virtual bool consumeBody(QNetworkReply *, const QByteArray &) { return true; }
    /// Called before attempt n > 1; may change the request (Range resume).
    virtual void beforeRetry(S3Request &) { }

    void doAbort() override;

    void failWith(const S3Error &error);
    /// Drops the request's body (after success), so a part's memory goes back at once.
    void releaseRequestBody();
    /// x-amz-meta-NAME headers for @p metadata.
    static SigV4Pairs metadataHeaders(const ObjectMetadata &metadata);
    const S3Context &context() const { return m_context; }

    S3Context m_context;

private:
    void attempt();
    void onReadyRead();
    void onReplyFinished();
    void onStalled();
    void touch();
    void cleanupReply();

    S3Request m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_stallTimer;
    QTimer m_retryTimer;
    QByteArray m_body;
    int m_attempt = 0;
    int m_status = 0;
    bool m_timedOut = false;
    bool m_streaming = false;
};
