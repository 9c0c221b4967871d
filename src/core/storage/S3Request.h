// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SigV4Signer.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

/// One S3 HTTP request as a value (cf. qBittorrent's DownloadRequest): S3Job signs and sends it,
/// and sends it again unchanged (re-signed) on retry. The body is either held in memory (shared,
/// not copied, between attempts and Qt's network stack) or, for file parts, a device made fresh
/// for every attempt that Qt's network stack reads as the socket drains.
struct S3Request
{
    QByteArray method = "GET";
    QString key; ///< empty for bucket-level requests (list)
    SigV4Pairs query; ///< decoded names and values
    SigV4Pairs headers; ///< besides Host, x-amz-date, x-amz-content-sha256, Authorization
    QByteArray body;
    /// Instead of body: returns a new open device of bodySize bytes (S3Job parents it to the
    /// reply), or nullptr with a reason in the argument.
    std::function<QIODevice *(QString *error)> bodyDevice;
    qint64 bodySize = 0;
    /// Hex SHA-256 of the body, or "UNSIGNED-PAYLOAD". When empty, S3Job sends UNSIGNED-PAYLOAD
    /// for a body over HTTPS (TLS protects it; R2 and S3 accept it) and hashes the in-memory body
    /// over plain HTTP.
    QByteArray payloadHash;
    QString operation; ///< for messages, e.g. "Uploading part 3 of a/b.sql.gz"
};
