// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3Config.h"

#include "SigV4Signer.h"

#include <QStringList>

S3Config S3Config::fromEnvironment()
{
    S3Config config;
    const QString endpoint = qEnvironmentVariable("CREODROP_S3_ENDPOINT");
    if (!endpoint.isEmpty())
        config.endpoint = QUrl(endpoint);
    const QString region = qEnvironmentVariable("CREODROP_S3_REGION");
    if (!region.isEmpty())
        config.region = region;
    config.bucket = qEnvironmentVariable("CREODROP_S3_BUCKET");
    config.accessKeyId = qEnvironmentVariable("CREODROP_S3_ACCESS_KEY_ID");
    config.secretAccessKey = qEnvironmentVariable("CREODROP_S3_SECRET_ACCESS_KEY");
    return config;
}

bool S3Config::isComplete(QString *missing) const
{
    QStringList absent;
    if (!endpoint.isValid() || endpoint.host().isEmpty()
        || (endpoint.scheme() != QLatin1String("https") && endpoint.scheme() != QLatin1String("http")))
        absent << QStringLiteral("endpoint");
    if (bucket.isEmpty())
        absent << QStringLiteral("bucket");
    if (accessKeyId.isEmpty())
        absent << QStringLiteral("access key ID");
    if (secretAccessKey.isEmpty())
        absent << QStringLiteral("secret access key");
    if (region.isEmpty())
        absent << QStringLiteral("region");
    if (missing)
        *missing = absent.join(QLatin1String(", "));
    return absent.isEmpty();
}

QString S3Config::describe() const
{
    return QStringLiteral("bucket %1 at %2").arg(bucket, endpoint.toString(QUrl::RemoveUserInfo));
}

QByteArray S3Config::path(const QString &key) const
{
    QByteArray p = pathStyle ? '/' + bucket.toUtf8() : QByteArray();
    if (!key.isEmpty() || !pathStyle)
        p += '/' + key.toUtf8();
    return p;
}

QUrl S3Config::url(const QString &key) const
{
    QUrl u;
    u.setScheme(endpoint.scheme());
    u.setHost(pathStyle ? endpoint.host() : bucket + QLatin1Char('.') + endpoint.host());
    u.setPort(endpoint.port());
    // Encoded exactly as signed: QUrl keeps percent-encoded delimiters such as %2B and %27.
    u.setPath(QString::fromLatin1(SigV4Signer::uriEncode(path(key), false)), QUrl::StrictMode);
    return u;
}

QByteArray S3Config::hostHeader() const
{
    QByteArray host = (pathStyle ? endpoint.host() : bucket + QLatin1Char('.') + endpoint.host()).toUtf8();
    const int port = endpoint.port();
    const int defaultPort = endpoint.scheme() == QLatin1String("https") ? 443 : 80;
    if (port > 0 && port != defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}
