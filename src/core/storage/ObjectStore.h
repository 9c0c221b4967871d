// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ObjectInfo.h"

#include <QObject>
#include <QUrl>

class BoundedPipe;
class StoreJob;

/// Where backups live: Cloudflare R2 through its S3 API (S3ObjectStore), or a local folder
/// (LocalFolderStore, the embedded default for trying the app without an account).
///
/// Every operation returns an unstarted StoreJob created in the store's thread; the caller
/// connects to finished() and calls start(). Jobs auto-delete after finished() unless told
/// otherwise. All network and file I/O happens in the thread the store lives in, never in the
/// caller's when the caller is another thread (move the store to a worker thread for the GUI).
///
/// Keys are '/'-separated, built only from validated slugs by callers.
class ObjectStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// "R2 bucket backups at https://…" / "Local folder /home/…": for messages and the UI.
    virtual QString describe() const = 0;

    /// Uploads a small in-memory object in one request. Result: object, sha256.
    virtual StoreJob *putData(const QString &key, const QByteArray &data, const ObjectMetadata &metadata = {}) = 0;
    /// Uploads a local file (multipart when large). Result: object, sha256, bytesTransferred.
    virtual StoreJob *putFile(const QString &key, const QString &localPath, const ObjectMetadata &metadata = {}) = 0;
    /// Uploads what a producer writes into @p source until it closes it (streaming multipart;
    /// part size chosen from @p expectedSize so 10,000 parts cover it; -1 if unknown). If the
    /// producer fails (source->failWrite) or the job is aborted, the partial upload is removed
    /// and the job fails: nothing partial ever becomes visible under @p key. The job calls
    /// source->abortRead() when it fails so a blocked producer wakes up.
    /// Result: object, sha256, bytesTransferred.
    virtual StoreJob *putStream(const QString &key, BoundedPipe *source, qint64 expectedSize,
                                const ObjectMetadata &metadata = {})
        = 0;
    /// Downloads to @p localPath, appending from @p offset when > 0 (Range resume). The caller
    /// owns the file's name and its atomic rename. Result: object (size), bytesTransferred,
    /// sha256 of the bytes written in this job.
    virtual StoreJob *getToFile(const QString &key, const QString &localPath, qint64 offset = 0) = 0;
    /// Downloads a small object into memory. Result: object, data.
    virtual StoreJob *getData(const QString &key) = 0;
    /// Result: object (size, lastModified, etag, metadata). Fails with notFound() when absent.
    virtual StoreJob *head(const QString &key) = 0;
    /// Every object under @p prefix, all pages. Result: objects.
    virtual StoreJob *list(const QString &prefix) = 0;
    /// Removes an object; removing a missing object succeeds.
    virtual StoreJob *remove(const QString &key) = 0;
    /// Uploads started under @p prefix and never completed or aborted. Result: uploads.
    virtual StoreJob *listIncompleteUploads(const QString &prefix) = 0;
    virtual StoreJob *abortIncompleteUpload(const QString &key, const QString &uploadId) = 0;

    /// Whether presignedGetUrl() works (false for the local folder store).
    virtual bool canPresign() const = 0;
    /// A GET URL for @p key valid for @p expiresInSeconds (1 s to 7 days), signed now. Pure
    /// computation, no I/O. Returns an empty URL and sets @p error when impossible.
    virtual QUrl presignedGetUrl(const QString &key, int expiresInSeconds = 900, QString *error = nullptr) const = 0;
};
