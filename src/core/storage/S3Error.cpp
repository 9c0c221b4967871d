// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3Error.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

S3Error S3Error::fromResponse(int status, const QByteArray &body)
{
    S3Error error;
    error.httpStatus = status;
    QXmlStreamReader xml(body);
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("Error")) {
            xml.skipCurrentElement();
            continue;
        }
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("Code"))
                error.code = xml.readElementText();
            else if (xml.name() == QLatin1String("Message"))
                error.message = xml.readElementText();
            else
                xml.skipCurrentElement();
        }
    }
    return error;
}

bool S3Error::retryable() const
{
    if (timedOut)
        return true;
    if (httpStatus >= 500 || httpStatus == 429)
        return true;
    if (code == QLatin1String("RequestTimeout") || code == QLatin1String("SlowDown")
        || code == QLatin1String("InternalError"))
        return true;
    if (httpStatus != 0)
        return false;
    switch (networkError) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
    case QNetworkReply::ProtocolFailure: // a connection cut mid-body surfaces as this, too
        return true;
    default:
        return false; // TLS failures among them: never retried, never ignored
    }
}

QString S3Error::humanMessage(const S3Config &config, const QString &operation) const
{
    const QString where = config.describe();
    const QString endpoint = config.endpoint.toString(QUrl::RemoveUserInfo);
    QString what;
    if (timedOut) {
        what = QCoreApplication::translate("S3Error",
                                           "the storage endpoint %1 stopped responding (timed out). Check the "
                                           "network connection and the endpoint's status.")
                   .arg(endpoint);
    } else if (httpStatus == 0) {
        switch (networkError) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::TimeoutError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
            what = QCoreApplication::translate("S3Error",
                                               "cannot reach the storage endpoint %1 (%2). Check the endpoint "
                                               "address in the storage settings and the network connection.")
                       .arg(endpoint, networkErrorText);
            break;
        case QNetworkReply::SslHandshakeFailedError:
            what = QCoreApplication::translate("S3Error",
                                               "the secure connection to %1 failed (%2). Check the endpoint address "
                                               "and the system's certificates; the connection was not made.")
                       .arg(endpoint, networkErrorText);
            break;
        default:
            what = QCoreApplication::translate("S3Error",
                                               "the connection to %1 failed (%2). Check the network connection.")
                       .arg(endpoint, networkErrorText);
        }
    } else if (code == QLatin1String("SignatureDoesNotMatch") || code == QLatin1String("InvalidAccessKeyId")
               || code == QLatin1String("InvalidToken") || code == QLatin1String("ExpiredToken")) {
        what = QCoreApplication::translate("S3Error",
                                           "the storage credentials were rejected (%1). Check the access key ID "
                                           "and the secret access key of the R2 API token.")
                   .arg(code);
    } else if (code == QLatin1String("NoSuchBucket")) {
        what = QCoreApplication::translate("S3Error",
                                           "the bucket \"%1\" does not exist at %2. Check the bucket name and the "
                                           "endpoint: the account ID and the jurisdiction (EU buckets use the "
                                           ".eu. endpoint).")
                   .arg(config.bucket, endpoint);
    } else if (code == QLatin1String("RequestTimeTooSkewed")
               || (code == QLatin1String("AccessDenied") && message.contains(QLatin1String("time"), Qt::CaseInsensitive)
                   && message.contains(QLatin1String("skew"), Qt::CaseInsensitive))) {
        what = QCoreApplication::translate("S3Error",
                                           "the storage server rejected the request time (%1). Check this "
                                           "computer's clock and time zone; it must be within 15 minutes of the "
                                           "correct time.")
                   .arg(code);
    } else if (code == QLatin1String("AccessDenied") || httpStatus == 403) {
        what = QCoreApplication::translate("S3Error",
                                           "access to %1 was denied (%2). Check that the API token has read and "
                                           "write permission for this bucket.")
                   .arg(where, message.isEmpty() ? code : message);
    } else if (code == QLatin1String("NoSuchKey") || httpStatus == 404) {
        what = QCoreApplication::translate("S3Error", "the object does not exist in %1.").arg(where);
    } else {
        const QString detail = code.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus)
                                              : QStringLiteral("HTTP %1 %2: %3").arg(httpStatus).arg(code, message);
        what = QCoreApplication::translate("S3Error", "the storage server refused the request (%1).").arg(detail);
    }
    return operation.isEmpty() ? what : operation + QLatin1String(" failed: ") + what;
}
