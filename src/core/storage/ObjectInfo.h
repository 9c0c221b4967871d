// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMap>
#include <QMetaType>
#include <QString>

/// User metadata stored with an object (S3 `x-amz-meta-*`; keys lower-case, no prefix),
/// e.g. {"sha256": "<hex>", "raw-size": "1234"}.
using ObjectMetadata = QMap<QString, QString>;

/// What a store knows about one object.
struct ObjectInfo
{
    QString key;
    qint64 size = -1;
    QDateTime lastModified;
    QString etag;
    ObjectMetadata metadata; ///< filled by head(), not by list()
};

/// An upload that was started but neither completed nor aborted (S3 multipart upload).
struct IncompleteUpload
{
    QString key;
    QString uploadId;
    QDateTime initiated;
};

Q_DECLARE_METATYPE(ObjectInfo)
Q_DECLARE_METATYPE(IncompleteUpload)
