// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Config.h"

#include <QDateTime>

#include <functional>

class QNetworkAccessManager;

/// Tuning of S3 transfers; the defaults suit R2 over the internet, tests shorten the waits.
struct S3TransferOptions
{
    int timeoutMs = 60000; ///< without any progress, a request fails (and is retried)
    int maxAttempts = 5; ///< per request, including the first
    int retryBaseDelayMs = 500; ///< backoff: base * 2^(attempt-1), full jitter, capped
    int retryMaxDelayMs = 20000;
    int partsInFlight = 4; ///< multipart: parts uploading at once (memory: that many parts)
    qint64 minPartSize = 5 * 1024 * 1024; ///< R2 and S3 minimum for non-final parts
    qint64 unknownSizePartSize = 16 * 1024 * 1024; ///< when the expected size is unknown
    /// Streams: R2 wants every part but the last of one size, so a stream's part size is fixed
    /// before its length is known. It is planned for streamHeadroom times the expected size
    /// (a database may grow a lot between two backups), never below minStreamPartSize.
    qint64 minStreamPartSize = 16 * 1024 * 1024;
    int streamHeadroom = 4;
    /// R2's and S3's limit; tests lower it to reach it with a few parts.
    int maxParts = 10000;
    /// File uploads hold no part in memory (Qt reads each from the file as it sends), so they
    /// can afford more and larger parts: one per connection Qt opens to a host (6 over
    /// HTTP/1.1) and the aws CLI's 8 MiB, which halves the requests against 5 MiB parts.
    int filePartsInFlight = 6;
    qint64 minFilePartSize = 8 * 1024 * 1024;
};

/// What every S3 job needs: where to go, how, and through which network manager. Jobs copy it.
struct S3Context
{
    S3Config config;
    QNetworkAccessManager *network = nullptr;
    S3TransferOptions options;
    std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
};
