// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Streaming multipart upload. States (m_state) and what moves between them:
//
//            start
//              |
//              v
//   +------> Filling ---- source ends before the first part is full ----> SinglePut --ok--> Done
//   |          |          (0 B .. exactly one part: one PutObject)           |
//   |          | first full part and more data follows                     fail
//   |          v                                                             |
//   |      Uploading: CreateMultipartUpload once; then parts 1..n, at most   |
//   |          |      partsInFlight running; the source is read only while   |
//   +-- pump --+      a slot is free, so a fast producer blocks on the pipe  |
//              |                                                             |
//              | source ended, all parts uploaded                            |
//              v                                                             v
//          Completing -- CompleteMultipartUpload --ok--> Done        (finished: error)
//              |                                                             ^
//              | a request failed for good / producer failed / abort()       |
//              v                                                             |
//          Aborting -- AbortMultipartUpload (when an upload id exists) ------+
//
// Every part has the same size (m_partSize) except the last, as R2 requires. A full part is
// queued only once the next byte is known to exist, so the final part is never empty and an
// upload of exactly k parts needs no extra round trip.
#include "S3MultipartUploadJob.h"

#include "S3AbortMultipartUploadJob.h"
#include "S3CompleteMultipartUploadJob.h"
#include "S3CreateMultipartUploadJob.h"
#include "S3HeadObjectJob.h"
#include "S3PutObjectJob.h"
#include "S3UploadPartJob.h"
#include "Sha256.h"
#include "util/BoundedPipe.h"
#include "util/Logging.h"

#include <QFile>

#include <algorithm>

/// Where the bytes come from: a pipe fed by another thread, or a local file.
class S3MultipartUploadJob::Source
{
public:
    virtual ~Source() = default;
    virtual bool open(QString *) { return true; }
    virtual QByteArray read(qint64 maxSize) = 0;
    /// Ended and fully read.
    virtual bool atEnd() const = 0;
    virtual bool hasData() const = 0;
    virtual bool failed(QString *error) const = 0;
    /// The consumer gives up (wakes a blocked producer).
    virtual void stop() { }
    virtual qint64 size() const { return -1; }
};

namespace {

class PipeSource : public S3MultipartUploadJob::Source
{
public:
    explicit PipeSource(BoundedPipe *pipe)
        : m_pipe(pipe)
    { }
    QByteArray read(qint64 maxSize) override { return m_pipe->read(maxSize); }
    bool atEnd() const override { return m_pipe->atEnd(); }
    bool hasData() const override { return m_pipe->bytesAvailable() > 0; }
    bool failed(QString *error) const override
    {
        if (!m_pipe->writerFailed())
            return false;
        *error = m_pipe->writerError();
        return true;
    }
    void stop() override { m_pipe->abortRead(); }

private:
    BoundedPipe *m_pipe;
};

class FileSource : public S3MultipartUploadJob::Source
{
public:
    explicit FileSource(const QString &path)
        : m_file(path)
    { }
    bool open(QString *error) override
    {
        if (m_file.open(QIODevice::ReadOnly))
            return true;
        *error = m_file.errorString();
        return false;
    }
    QByteArray read(qint64 maxSize) override
    {
        QByteArray data = m_file.read(maxSize);
        if (data.isEmpty() && !m_file.atEnd())
            m_error = m_file.errorString();
        return data;
    }
    bool atEnd() const override { return m_file.atEnd() || !m_error.isEmpty(); }
    bool hasData() const override { return !m_file.atEnd(); }
    bool failed(QString *error) const override
    {
        if (m_error.isEmpty())
            return false;
        *error = m_error;
        return true;
    }
    qint64 size() const override { return m_file.size(); }

private:
    QFile m_file;
    QString m_error;
};

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kFileReadChunk = kMiB; ///< how a file part is read for hashing

} // namespace

S3MultipartUploadJob::S3MultipartUploadJob(const S3Context &context, const QString &key, BoundedPipe *source,
                                           qint64 expectedSize, const ObjectMetadata &metadata, QObject *parent)
    : StoreJob(parent)
    , m_context(context)
    , m_key(key)
    , m_metadata(metadata)
    , m_source(std::make_unique<PipeSource>(source))
    , m_expectedSize(expectedSize)
{
    setTimeout(context.options.timeoutMs);
    // Queued even within one thread: the producer's write() must never run upload code.
    connect(source, &BoundedPipe::readyRead, this, &S3MultipartUploadJob::pump, Qt::QueuedConnection);
}

S3MultipartUploadJob::S3MultipartUploadJob(const S3Context &context, const QString &key, const QString &localPath,
                                           const ObjectMetadata &metadata, QObject *parent)
    : StoreJob(parent)
    , m_context(context)
    , m_key(key)
    , m_metadata(metadata)
    , m_source(std::make_unique<FileSource>(localPath))
    , m_filePath(localPath)
{
    setTimeout(context.options.timeoutMs);
}

S3MultipartUploadJob::~S3MultipartUploadJob() = default;

qint64 S3MultipartUploadJob::partSizeFor(qint64 expectedSize, qint64 minPartSize, qint64 unknownSizePartSize,
                                         int maxParts)
{
    if (expectedSize < 0)
        return std::max(minPartSize, unknownSizePartSize);
    const qint64 parts = std::max(1, maxParts);
    const qint64 needed = (expectedSize + parts - 1) / parts;
    const qint64 rounded = (needed + kMiB - 1) / kMiB * kMiB;
    return std::max(minPartSize, rounded);
}

void S3MultipartUploadJob::doStart()
{
    QString error;
    if (!m_source->open(&error)) {
        finishWithError(Error::Fatal, tr("Uploading %1 failed: cannot read the file (%2).").arg(m_key, error));
        return;
    }
    if (m_expectedSize < 0)
        m_expectedSize = m_source->size();
    if (!m_filePath.isEmpty())
        m_fileSize = m_source->size();
    const bool file = !m_filePath.isEmpty();
    const S3TransferOptions &o = m_context.options;
    if (file) {
        // The size is known exactly: no headroom needed.
        m_partSize = partSizeFor(m_expectedSize, std::max(o.minPartSize, o.minFilePartSize), o.unknownSizePartSize,
                                 o.maxParts);
    } else {
        const qint64 planned = m_expectedSize < 0 ? -1 : m_expectedSize * std::max(1, o.streamHeadroom);
        m_partSize
            = partSizeFor(planned, std::max(o.minPartSize, o.minStreamPartSize), o.unknownSizePartSize, o.maxParts);
    }
    qCDebug(lcStorage) << "uploading" << m_key << "in parts of" << m_partSize << "bytes (expected" << m_expectedSize
                       << "bytes)";
    m_partsInFlight = std::max(1, file ? m_context.options.filePartsInFlight : m_context.options.partsInFlight);
    m_result.object.key = m_key;
    if (m_filePath.isEmpty())
        m_current.reserve(m_partSize);
    // The producer may already have written everything (and closed) before we started: no
    // readyRead will come, so look now.
    pump();
}

void S3MultipartUploadJob::pump()
{
    if (isFinished() || !isStarted() || (m_state != State::Filling && m_state != State::Uploading))
        return;
    // A file larger than one part goes up in slices read from the file by the network stack.
    if (m_fileSize > m_partSize) {
        pumpFile();
        return;
    }
    QString error;
    if (m_source->failed(&error)) {
        fail(Error::Fatal, tr("Uploading %1 failed: %2").arg(m_key, error));
        return;
    }
    for (;;) {
        if (m_current.size() < m_partSize) {
            const QByteArray chunk = m_source->read(m_partSize - m_current.size());
            if (!chunk.isEmpty()) {
                m_hash.addData(chunk);
                m_bytesRead += chunk.size();
                // Appending into one buffer of the part's size (reserved in queuePart) rather
                // than growing it keeps the heap from fragmenting into many part-sized holes.
                if (m_current.isEmpty() && chunk.size() >= m_partSize)
                    m_current = chunk;
                else
                    m_current += chunk;
                continue;
            }
            if (m_source->failed(&error)) {
                fail(Error::Fatal, tr("Uploading %1 failed: %2").arg(m_key, error));
                return;
            }
            if (!m_source->atEnd())
                break;
        } else if (!m_source->atEnd()) {
            if (!m_source->hasData())
                break; // unknown yet whether this full part is the last one
            if (static_cast<int>(m_ready.size()) + m_running >= m_partsInFlight)
                break; // memory bound: wait for a part to finish
            if (m_nextPartNumber >= m_context.options.maxParts) {
                // This full part would be the last one allowed, and more data follows: fail
                // now, not after uploading everything only to be refused at the end.
                failOutgrown();
                return;
            }
            queuePart(false);
            continue;
        }

        // The source ended; m_current holds the final bytes (possibly none).
        m_sourceDone = true;
        if (m_uploadId.isEmpty() && !m_creating && m_ready.empty()) {
            m_state = State::SinglePut;
            auto *put = new S3PutObjectJob(m_context, m_key, m_current, m_metadata, this);
            m_current = QByteArray();
            m_children.append(put);
            connect(put, &Job::finished, this, [this, put] {
                if (m_state != State::SinglePut)
                    return;
                if (!put->succeeded()) {
                    fail(put->error(), put->errorString());
                    return;
                }
                m_state = State::Done;
                m_result.object = put->result().object;
                m_result.sha256 = m_hash.result().toHex();
                m_result.bytesTransferred = m_bytesRead;
                emit progress(m_bytesRead, m_bytesRead);
                finishWithSuccess();
            });
            put->start();
            return;
        }
        if (!m_current.isEmpty())
            queuePart(true);
        break;
    }
    dispatchParts();
    maybeComplete();
}

void S3MultipartUploadJob::pumpFile()
{
    // Signed payloads need each part's hash; over HTTPS S3Job sends UNSIGNED-PAYLOAD instead.
    const bool signPayload = m_context.config.endpoint.scheme() != QLatin1String("https");
    while (m_fileOffset < m_fileSize && static_cast<int>(m_ready.size()) + m_running < m_partsInFlight) {
        Part part;
        part.number = m_nextPartNumber++;
        part.offset = m_fileOffset;
        part.size = std::min(m_partSize, m_fileSize - m_fileOffset);
        Sha256 partHash;
        for (qint64 done = 0; done < part.size;) {
            const QByteArray chunk = m_source->read(std::min(kFileReadChunk, part.size - done));
            if (chunk.isEmpty()) {
                QString error;
                if (!m_source->failed(&error))
                    error = tr("the file became shorter while it was being uploaded");
                fail(Error::Fatal, tr("Uploading %1 failed: %2").arg(m_key, error));
                return;
            }
            m_hash.addData(chunk);
            if (signPayload)
                partHash.addData(chunk);
            done += chunk.size();
        }
        if (signPayload)
            part.payloadHash = partHash.hexResult();
        m_fileOffset += part.size;
        m_bytesRead += part.size;
        m_ready.push_back(std::move(part));
        m_state = State::Uploading;
        if (m_uploadId.isEmpty() && !m_creating)
            createUpload();
    }
    if (m_fileOffset >= m_fileSize)
        m_sourceDone = true;
    dispatchParts();
    maybeComplete();
}

void S3MultipartUploadJob::queuePart(bool final)
{
    Part part;
    part.number = m_nextPartNumber++;
    part.size = m_current.size();
    part.data = m_current;
    m_ready.push_back(std::move(part));
    m_current = QByteArray();
    if (!final)
        m_current.reserve(m_partSize);
    m_state = State::Uploading;
    if (m_uploadId.isEmpty() && !m_creating)
        createUpload();
}

void S3MultipartUploadJob::failOutgrown()
{
    const qint64 seen = m_bytesRead;
    const double mib = double(m_partSize) / (1024 * 1024);
    m_result.errorCode = tooManyPartsCode();
    m_result.bytesTransferred = seen;
    qCWarning(lcStorage) << "stream" << m_key << "outgrew its parts:" << m_context.options.maxParts << "parts of"
                         << m_partSize << "bytes";
    fail(Error::Fatal,
         tr("Uploading %1 stopped: the stream outgrew its planned part size. It was planned for parts of %2 MiB, "
            "and %3 parts (%4 GiB) are the most one upload can have, but more data followed. The failed size "
            "is remembered: the next backup plans larger parts from it.")
             .arg(m_key)
             .arg(mib, 0, 'f', 1)
             .arg(m_context.options.maxParts)
             .arg(double(seen) / (1024.0 * 1024 * 1024), 0, 'f', 2));
}

void S3MultipartUploadJob::createUpload()
{
    m_creating = true;
    auto *create = new S3CreateMultipartUploadJob(m_context, m_key, m_metadata, this);
    m_createJob = create;
    m_children.append(create);
    connect(create, &Job::finished, this, [this, create] {
        m_creating = false;
        if (create->succeeded())
            m_uploadId = create->result().uploadId;
        if (m_state == State::Aborting) {
            // We failed while the upload was being created: remove it now that it has an id.
            fail(m_failError, m_failMessage);
            return;
        }
        if (!create->succeeded()) {
            fail(create->error(), create->errorString());
            return;
        }
        m_result.uploadId = m_uploadId;
        dispatchParts();
        pump();
    });
    create->start();
}

void S3MultipartUploadJob::dispatchParts()
{
    if (m_uploadId.isEmpty() || m_state != State::Uploading)
        return;
    while (!m_ready.empty() && m_running < m_partsInFlight) {
        Part next = std::move(m_ready.front());
        m_ready.pop_front();
        auto *part = next.offset >= 0
            ? new S3UploadPartJob(m_context, m_key, m_uploadId, next.number, m_filePath, next.offset, next.size,
                                  next.payloadHash, this)
            : new S3UploadPartJob(m_context, m_key, m_uploadId, next.number, next.data, next.payloadHash, this);
        next.data = QByteArray();
        m_children.append(part);
        ++m_running;
        connect(part, &Job::finished, this, &S3MultipartUploadJob::onPartFinished);
        part->start();
    }
}

void S3MultipartUploadJob::onPartFinished()
{
    auto *part = qobject_cast<S3UploadPartJob *>(sender());
    --m_running;
    if (!part || m_state != State::Uploading)
        return;
    if (!part->succeeded()) {
        fail(part->error(), part->errorString());
        return;
    }
    m_etags[part->partNumber()] = part->result().object.etag.toLatin1();
    m_bytesUploaded += part->result().bytesTransferred;
    emit progress(m_bytesUploaded, m_expectedSize);
    pump();
}

void S3MultipartUploadJob::maybeComplete()
{
    if (m_state != State::Uploading || !m_sourceDone || !m_ready.empty() || m_running > 0 || m_uploadId.isEmpty()
        || !m_current.isEmpty())
        return;
    m_state = State::Completing;
    QVector<QPair<int, QByteArray>> parts;
    for (const auto &[number, etag] : m_etags)
        parts.append(QPair<int, QByteArray>{ number, etag });
    auto *complete = new S3CompleteMultipartUploadJob(m_context, m_key, m_uploadId, parts, this);
    m_children.append(complete);
    connect(complete, &Job::finished, this, [this, complete] {
        if (m_state != State::Completing)
            return;
        if (!complete->succeeded()) {
            if (complete->result().errorCode == QLatin1String("NoSuchUpload")) {
                // A retry of a Complete whose response was lost finds the upload gone, because
                // the first attempt completed it: the object says whether that is so.
                confirmCompleted(complete->errorString());
                return;
            }
            fail(complete->error(), complete->errorString());
            return;
        }
        m_state = State::Done;
        m_result.object.size = m_bytesRead;
        m_result.object.etag = complete->result().object.etag;
        m_result.sha256 = m_hash.result().toHex();
        m_result.bytesTransferred = m_bytesRead;
        finishWithSuccess();
    });
    complete->start();
}

void S3MultipartUploadJob::confirmCompleted(const QString &completeError)
{
    qCInfo(lcStorage).noquote() << "CompleteMultipartUpload of" << m_key
                                << "answered NoSuchUpload; checking the object (a lost response)";
    auto *head = new S3HeadObjectJob(m_context, m_key, this);
    m_children.append(head);
    connect(head, &Job::finished, this, [this, head, completeError] {
        if (m_state != State::Completing)
            return;
        const ObjectInfo &object = head->result().object;
        bool ours = head->succeeded() && object.size == m_bytesRead;
        for (auto it = m_metadata.cbegin(); ours && it != m_metadata.cend(); ++it)
            ours = object.metadata.value(it.key()) == it.value();
        if (!ours) {
            // The upload id was consumed either way: nothing is left to abort.
            m_uploadId.clear();
            fail(Error::Fatal,
                 tr("%1 The object is not the one uploaded (%2).")
                     .arg(completeError,
                          head->succeeded() ? tr("%1 bytes instead of %2").arg(object.size).arg(m_bytesRead)
                                            : head->errorString()));
            return;
        }
        qCInfo(lcStorage).noquote() << "the lost CompleteMultipartUpload of" << m_key << "had completed it";
        m_state = State::Done;
        m_result.object.size = m_bytesRead;
        m_result.object.etag = object.etag;
        m_result.sha256 = m_hash.result().toHex();
        m_result.bytesTransferred = m_bytesRead;
        finishWithSuccess();
    });
    head->start();
}

void S3MultipartUploadJob::abortChildren()
{
    const auto children = m_children;
    m_children.clear();
    for (const QPointer<S3Job> &child : children) {
        if (child && !child->isFinished())
            child->abort();
    }
}

void S3MultipartUploadJob::fail(Job::Error error, const QString &message)
{
    if (m_state == State::Done || isFinished())
        return;
    const bool firstFailure = m_state != State::Aborting;
    m_state = State::Aborting;
    if (firstFailure) {
        m_failError = error == Error::NoError ? Error::Fatal : error;
        m_failMessage = message;
        m_source->stop();
        m_ready.clear();
        m_current = QByteArray();
        abortChildren();
    }
    if (m_creating)
        return; // the create job's handler comes back here once it knows the upload id
    // On failure, result().uploadId names the upload only while it may still exist.
    m_result.uploadId = m_uploadId;
    if (m_uploadId.isEmpty()) {
        finishWithError(m_failError, m_failMessage);
        return;
    }
    qCInfo(lcStorage).noquote() << "aborting multipart upload of" << m_key << ":" << m_failMessage;
    auto *abortJob = new S3AbortMultipartUploadJob(m_context, m_key, m_uploadId, this);
    m_uploadId.clear();
    connect(abortJob, &Job::finished, this, [this, abortJob] {
        QString text = m_failMessage;
        if (abortJob->succeeded()) {
            m_result.uploadId.clear();
            qCInfo(lcStorage).noquote() << "aborted multipart upload of" << m_key;
        } else {
            qCWarning(lcStorage).noquote()
                << "could not abort multipart upload of" << m_key << ":" << abortJob->errorString();
            text += QLatin1Char(' ')
                + tr("The incomplete upload could not be removed either (%1); it will be listed among the "
                     "incomplete uploads.")
                      .arg(abortJob->errorString());
        }
        finishWithError(m_failError, text);
    });
    abortJob->start();
}

void S3MultipartUploadJob::cancel()
{
    if (!isStarted()) {
        abort();
        return;
    }
    // Once the completion is sent the object may already exist: removing the upload then would
    // race with it, so the job finishes as the server answers.
    if (m_state == State::Completing)
        return;
    fail(Error::Aborted, cancelledMessage());
}

void S3MultipartUploadJob::doAbort()
{
    if (m_state == State::Done)
        return;
    m_state = State::Aborting;
    m_failError = Error::Aborted;
    m_source->stop();
    m_ready.clear();
    m_current = QByteArray();
    // finished() follows at once (Job::abort) and this job is deleted right after, so the
    // removal of the upload must not belong to it: it belongs to the network manager, which
    // outlives every job of the store, and deletes itself when done. An upload still being
    // created is removed as soon as its id arrives. One whose removal fails is found by
    // listIncompleteUploads().
    // Its removal is only queued: not confirmed. An upload still being created may exist too.
    m_result.uploadId = m_creating ? QStringLiteral("(being created)") : m_uploadId;
    qCInfo(lcStorage).noquote() << "abort of the upload of" << m_key << "queued";
    QObject *keeper = m_context.network;
    const S3Context context = m_context;
    const QString key = m_key;
    auto removeUpload = [context, key, keeper](const QString &uploadId) {
        auto *abortJob = new S3AbortMultipartUploadJob(context, key, uploadId, keeper);
        abortJob->start();
    };
    if (m_creating && m_createJob) {
        S3CreateMultipartUploadJob *create = m_createJob;
        m_children.removeAll(QPointer<S3Job>(create));
        create->disconnect(this);
        create->setParent(keeper);
        connect(create, &Job::finished, keeper, [create, removeUpload] {
            if (create->succeeded())
                removeUpload(create->result().uploadId);
        });
    } else if (!m_uploadId.isEmpty()) {
        removeUpload(m_uploadId);
    }
    m_uploadId.clear();
    abortChildren();
}
