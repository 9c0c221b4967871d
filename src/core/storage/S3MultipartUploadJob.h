// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Context.h"
#include "Sha256.h"
#include "StoreJob.h"

#include <QPointer>

#include <deque>
#include <map>
#include <memory>

class BoundedPipe;
class S3CreateMultipartUploadJob;
class S3Job;

/// Uploads a stream of unknown length (a BoundedPipe fed by another thread) or a file as one
/// object: a streaming multipart upload with a fixed part size, a few parts in flight, and the
/// SHA-256 of the whole stream computed on the way. A stream that ends within the first part
/// goes up as one PutObject instead. Every request retries on its own (S3Job); when one fails
/// for good, or the producer fails, or the job is aborted, the upload is aborted on the server
/// so neither an object nor a pending upload remains. Memory: partsInFlight parts plus the one
/// being filled. A file upload never holds its parts: each part is read once here (for the
/// hashes) and again by Qt's network stack straight from the file as the socket drains.
///
/// Result: object (key, size), sha256, bytesTransferred, uploadId (multipart only).
class S3MultipartUploadJob : public StoreJob
{
    Q_OBJECT

public:
    S3MultipartUploadJob(const S3Context &context, const QString &key, BoundedPipe *source, qint64 expectedSize,
                         const ObjectMetadata &metadata, QObject *parent = nullptr);
    S3MultipartUploadJob(const S3Context &context, const QString &key, const QString &localPath,
                         const ObjectMetadata &metadata, QObject *parent = nullptr);
    ~S3MultipartUploadJob() override;

    /// The part size for @p expectedSize bytes (-1 = unknown): all @p maxParts parts together
    /// cover it, never below @p minPartSize, rounded up to whole MiB.
    static qint64 partSizeFor(qint64 expectedSize, qint64 minPartSize, qint64 unknownSizePartSize,
                              int maxParts = 10000);
    /// StoreResult::errorCode of a stream that needed more than maxParts parts; its
    /// bytesTransferred is how far it got (plan the next one from it).
    static QString tooManyPartsCode() { return QStringLiteral("CreodropTooManyParts"); }
    qint64 partSize() const { return m_partSize; }
    /// Removes the incomplete upload (AbortMultipartUpload, confirmed) before finishing; once
    /// the completion was sent, lets the job end as the server answers.
    void cancel() override;

    class Source;

protected:
    void doStart() override;
    void doAbort() override;

private:
    enum class State { Filling, SinglePut, Uploading, Completing, Aborting, Done };

    struct Part
    {
        int number = 0;
        QByteArray data; ///< a streamed part
        qint64 offset = -1; ///< a file part: where it starts in the file (data stays empty)
        qint64 size = 0;
        QByteArray payloadHash; ///< hex SHA-256 when known (file parts over plain HTTP)
    };

    void pump();
    void pumpFile();
    void queuePart(bool final);
    void createUpload();
    void dispatchParts();
    void maybeComplete();
    void confirmCompleted(const QString &completeError);
    void failOutgrown();
    void onPartFinished();
    void fail(Job::Error error, const QString &message);
    void abortChildren();

    S3Context m_context;
    QString m_key;
    ObjectMetadata m_metadata;
    std::unique_ptr<Source> m_source;
    qint64 m_partSize = 0;
    int m_partsInFlight = 1;
    State m_state = State::Filling;

    QByteArray m_current; ///< the part being filled
    std::deque<Part> m_ready; ///< full parts waiting for a slot or the upload id
    std::map<int, QByteArray> m_etags;
    int m_nextPartNumber = 1;
    int m_running = 0;
    bool m_sourceDone = false;
    bool m_creating = false;
    QPointer<S3CreateMultipartUploadJob> m_createJob;
    QString m_filePath; ///< file uploads
    qint64 m_fileSize = -1;
    qint64 m_fileOffset = 0; ///< where the next file part starts
    QString m_uploadId;
    Sha256 m_hash;
    qint64 m_bytesRead = 0;
    qint64 m_bytesUploaded = 0;
    qint64 m_expectedSize = -1;
    QVector<QPointer<S3Job>> m_children;
    Job::Error m_failError = Job::Error::NoError;
    QString m_failMessage;
};
