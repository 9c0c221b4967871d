// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

/// Base of every asynchronous operation in core (cf. Nextcloud's AbstractNetworkJob).
///
/// Life cycle: construct, connect to finished(), call start(). The job emits finished() exactly
/// once, whether it succeeded, failed or was aborted; afterwards error() and errorString() tell
/// which. With autoDelete (the default) the job deletes itself after finished() returns, so a
/// caller never needs to keep it. progress() may be emitted any number of times before.
///
/// Errors are classified so callers and retry loops can decide: Retryable problems (timeouts,
/// resets, 5xx, 429) may succeed when tried again; Fatal ones (bad credentials, missing bucket,
/// bad input) will not. errorString() is written for people: what happened and what to check.
class Job : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        NoError,
        Retryable, ///< transient: a later attempt may succeed
        Fatal, ///< permanent: retrying cannot help
        Aborted, ///< abort() was called
    };
    Q_ENUM(Error)

    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    /// Starts the job. Call once, from the thread the job lives in.
    void start();
    /// Stops the job as soon as possible; finished() follows with Error::Aborted (unless the job
    /// had already finished). Safe to call at any time, also before start().
    void abort();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    Error error() const { return m_error; }
    bool succeeded() const { return m_finished && m_error == Error::NoError; }
    QString errorString() const { return m_errorString; }
    /// What an aborted job says when it has nothing to add about how far it got.
    static QString cancelledMessage();

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool autoDelete() const { return m_autoDelete; }

    /// Milliseconds without progress after which the job fails as Retryable; 0 disables.
    void setTimeout(int msecs) { m_timeoutMs = msecs; }
    int timeout() const { return m_timeoutMs; }

signals:
    void progress(qint64 done, qint64 total);
    void finished();

protected:
    /// Subclasses do their work here; they end by calling finishWithSuccess() or finishWithError().
    virtual void doStart() = 0;
    /// Subclasses cancel network replies, threads etc. here. The base emits finished().
    virtual void doAbort() { }

    void finishWithSuccess();
    void finishWithError(Error error, const QString &message);

private:
    void finish();

    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
    int m_timeoutMs = 0;
    Error m_error = Error::NoError;
    QString m_errorString;
};
