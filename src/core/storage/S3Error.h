// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Config.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

/// One failed S3 exchange, classified: the HTTP status, the <Error> of the XML body, or a
/// transport problem. humanMessage() says what happened and what to check, for people;
/// retryable() tells the retry loop whether another attempt may help.
struct S3Error
{
    int httpStatus = 0;
    QString code; ///< e.g. "SignatureDoesNotMatch"
    QString message; ///< the server's text
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false;

    /// Parses an S3 <Error><Code/><Message/></Error> body (missing or non-XML bodies give an
    /// empty code).
    static S3Error fromResponse(int httpStatus, const QByteArray &body);

    bool retryable() const;
    /// @p operation is e.g. "Uploading customers/a/b.sql.gz".
    QString humanMessage(const S3Config &config, const QString &operation) const;
};
