// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ObjectInfo.h"
#include "util/Job.h"

#include <QByteArray>
#include <QVector>

/// The result of a store operation, a value type (cf. qBittorrent's DownloadResult). Which
/// fields are filled depends on the operation; see ObjectStore.
struct StoreResult
{
    ObjectInfo object; ///< head(), and put*/get* (key, size)
    QVector<ObjectInfo> objects; ///< list()
    QVector<IncompleteUpload> uploads; ///< listIncompleteUploads()
    QByteArray data; ///< getData()
    QByteArray sha256; ///< hex SHA-256 of what put*/get* transferred, computed while streaming
    qint64 bytesTransferred = 0; ///< put*/get*
    int httpStatus = 0; ///< the last HTTP status, when there was one
    QString errorCode; ///< S3 error code from the response body (e.g. "NoSuchKey")
    QString uploadId; ///< putStream/putFile when multipart; CreateMultipartUpload
};

/// A Job whose outcome is a StoreResult. Every ObjectStore operation returns one.
class StoreJob : public Job
{
    Q_OBJECT

public:
    using Job::Job;
    const StoreResult &result() const { return m_result; }
    /// True when the job failed because the object does not exist (HTTP 404 / NoSuchKey).
    bool notFound() const { return m_result.httpStatus == 404 || m_result.errorCode == QLatin1String("NoSuchKey"); }
    /// Stops the job like abort(), except that an upload first removes what it wrote and only
    /// then finishes (with Error::Aborted): for a caller that can wait for that, as a command
    /// stopped by a signal can. Other jobs abort at once.
    virtual void cancel() { abort(); }

protected:
    StoreResult m_result;
};
