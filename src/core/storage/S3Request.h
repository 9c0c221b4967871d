// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SigV4Signer.h"

#include <QByteArray>
#include <QString>

/// One S3 HTTP request as a value (cf. qBittorrent's DownloadRequest): S3Job signs and sends it,
/// and sends it again unchanged (re-signed) on retry. The body is held in memory; it is shared,
/// not copied, between attempts and Qt's network stack.
struct S3Request
{
    QByteArray method = "GET";
    QString key; ///< empty for bucket-level requests (list)
    SigV4Pairs query; ///< decoded names and values
    SigV4Pairs headers; ///< besides Host, x-amz-date, x-amz-content-sha256, Authorization
    QByteArray body;
    QByteArray payloadHash; ///< hex SHA-256 of body; computed when empty
    QString operation; ///< for messages, e.g. "Uploading part 3 of a/b.sql.gz"
};
