// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

/// Where and how to reach an S3-compatible bucket (Cloudflare R2 in production): a value type.
///
/// R2: endpoint https://<account>.r2.cloudflarestorage.com (EU jurisdiction: <account>.eu.r2…),
/// region "auto". Path-style puts the bucket in the path (https://host/bucket/key), virtual-hosted
/// in the host name (https://bucket.host/key). The secret is held only in memory: it is never
/// written to settings and never appears in describe().
struct S3Config
{
    QUrl endpoint;
    QString region = QStringLiteral("auto");
    QString bucket;
    QString accessKeyId;
    QString secretAccessKey;
    bool pathStyle = true;

    /// CREODROP_S3_ENDPOINT, _REGION (default "auto"), _BUCKET, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY.
    static S3Config fromEnvironment();

    /// False, with the missing fields named in @p missing, when a request cannot be made.
    bool isComplete(QString *missing = nullptr) const;
    /// "bucket backups at https://…": no credentials.
    QString describe() const;

    /// The URL of @p key (or of the bucket when empty), path encoded as SigV4 signs it.
    QUrl url(const QString &key) const;
    /// The decoded request path of @p key, as the signer takes it.
    QByteArray path(const QString &key) const;
    /// The Host header value for requests to this bucket.
    QByteArray hostHeader() const;
};
