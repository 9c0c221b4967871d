// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SigV4Signer.h"

#include "Sha256.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray removeDotSegments(const QByteArray &path)
{
    QList<QByteArray> kept;
    const QList<QByteArray> segments = path.split('/');
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    QByteArray out = '/' + kept.join('/');
    const bool trailing = path.endsWith('/') || path.endsWith("/.") || path.endsWith("/..");
    if (trailing && out.size() > 1)
        out += '/';
    return out;
}

} // namespace

QByteArray SigV4Signer::uriEncode(const QByteArray &bytes, bool encodeSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c) || (c == '/' && !encodeSlash)) {
            out += c;
        } else {
            const auto u = static_cast<unsigned char>(c);
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        }
    }
    return out;
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &path, bool normalizePath)
{
    QByteArray p = path.isEmpty() ? QByteArray("/") : path;
    if (normalizePath)
        p = removeDotSegments(p);
    return uriEncode(p, false);
}

QByteArray SigV4Signer::canonicalQueryString(const SigV4Pairs &query)
{
    QVector<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto &pair : query)
        encoded.append(SigV4Pair{ uriEncode(pair.first), uriEncode(pair.second) });
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &pair : encoded) {
        if (!out.isEmpty())
            out += '&';
        out += pair.first + '=' + pair.second;
    }
    return out;
}

QByteArray SigV4Signer::canonicalHeaderValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

QByteArray SigV4Signer::canonicalHeaders(const SigV4Pairs &headers, QByteArray *signedHeaders)
{
    // Stable sort keeps duplicates in their original order, which the joined value needs.
    QVector<QPair<QByteArray, QByteArray>> lowered;
    lowered.reserve(headers.size());
    for (const auto &header : headers)
        lowered.append(SigV4Pair{ header.first.trimmed().toLower(), canonicalHeaderValue(header.second) });
    std::stable_sort(lowered.begin(), lowered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray out;
    QByteArray names;
    for (int i = 0; i < lowered.size(); ++i) {
        if (i > 0 && lowered.at(i).first == lowered.at(i - 1).first) {
            out.chop(1);
            out += ',' + lowered.at(i).second + '\n';
            continue;
        }
        out += lowered.at(i).first + ':' + lowered.at(i).second + '\n';
        if (!names.isEmpty())
            names += ';';
        names += lowered.at(i).first;
    }
    if (signedHeaders)
        *signedHeaders = names;
    return out;
}

QByteArray SigV4Signer::canonicalRequest(const SigV4Request &request, bool normalizePath)
{
    QByteArray signedHeaders;
    const QByteArray headers = canonicalHeaders(request.headers, &signedHeaders);
    return request.method + '\n' + canonicalUri(request.path, normalizePath) + '\n'
        + canonicalQueryString(request.query) + '\n' + headers + '\n' + signedHeaders + '\n' + request.payloadHash;
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::dateStamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

QByteArray SigV4Signer::credentialScope(const QByteArray &date, const QByteArray &region, const QByteArray &service)
{
    return date + '/' + region + '/' + service + "/aws4_request";
}

QByteArray SigV4Signer::stringToSign(const QByteArray &date, const QByteArray &scope,
                                     const QByteArray &canonicalRequestText)
{
    return kAlgorithm + '\n' + date + '\n' + scope + '\n' + sha256Hex(canonicalRequestText);
}

QByteArray SigV4Signer::signingKey(const QByteArray &secret, const QByteArray &date, const QByteArray &region,
                                   const QByteArray &service)
{
    const QByteArray kDate = hmac("AWS4" + secret, date);
    const QByteArray kRegion = hmac(kDate, region);
    const QByteArray kService = hmac(kRegion, service);
    return hmac(kService, "aws4_request");
}

QByteArray SigV4Signer::signature(const QByteArray &key, const QByteArray &text)
{
    return hmac(key, text).toHex();
}

QByteArray SigV4Signer::chunkStringToSign(const QByteArray &date, const QByteArray &scope,
                                          const QByteArray &previousSignature, const QByteArray &chunkData)
{
    return "AWS4-HMAC-SHA256-PAYLOAD\n" + date + '\n' + scope + '\n' + previousSignature + '\n' + sha256Hex({}) + '\n'
        + sha256Hex(chunkData);
}

QByteArray SigV4Signer::sha256Hex(const QByteArray &data)
{
    return Sha256::hashHex(data);
}

SigV4Signed SigV4Signer::signHeaders(const SigV4Request &request, const SigV4Credentials &credentials,
                                     const QByteArray &region, const QByteArray &service, const QDateTime &time,
                                     const SigV4Options &options)
{
    SigV4Signed out;
    const QByteArray date = amzDate(time);
    const QByteArray scope = credentialScope(dateStamp(time), region, service);

    SigV4Request req = request;
    out.addedHeaders.append(SigV4Pair{ "X-Amz-Date", date });
    if (options.addContentSha256Header)
        out.addedHeaders.append(SigV4Pair{ "x-amz-content-sha256", request.payloadHash });
    const bool token = !credentials.sessionToken.isEmpty();
    if (token && options.signSessionToken)
        out.addedHeaders.append(SigV4Pair{ "X-Amz-Security-Token", credentials.sessionToken });
    req.headers += out.addedHeaders;

    QByteArray signedHeaders;
    canonicalHeaders(req.headers, &signedHeaders);
    out.canonicalRequest = canonicalRequest(req, options.normalizePath);
    out.stringToSign = stringToSign(date, scope, out.canonicalRequest);
    out.signature
        = signature(signingKey(credentials.secretAccessKey, dateStamp(time), region, service), out.stringToSign);
    out.authorization = kAlgorithm + " Credential=" + credentials.accessKeyId + '/' + scope
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + out.signature;
    if (token && !options.signSessionToken)
        out.addedHeaders.append(SigV4Pair{ "X-Amz-Security-Token", credentials.sessionToken });
    out.addedHeaders.append(SigV4Pair{ "Authorization", out.authorization });
    return out;
}

SigV4Signed SigV4Signer::presign(const SigV4Request &request, const SigV4Credentials &credentials,
                                 const QByteArray &region, const QByteArray &service, const QDateTime &time,
                                 qint64 expiresSeconds, const SigV4Options &options)
{
    SigV4Signed out;
    const QByteArray date = amzDate(time);
    const QByteArray scope = credentialScope(dateStamp(time), region, service);
    QByteArray signedHeaders;
    canonicalHeaders(request.headers, &signedHeaders);

    SigV4Request req = request;
    req.query.append(SigV4Pair{ "X-Amz-Algorithm", kAlgorithm });
    req.query.append(SigV4Pair{ "X-Amz-Credential", credentials.accessKeyId + '/' + scope });
    req.query.append(SigV4Pair{ "X-Amz-Date", date });
    req.query.append(SigV4Pair{ "X-Amz-Expires", QByteArray::number(expiresSeconds) });
    const bool token = !credentials.sessionToken.isEmpty();
    if (token && options.signSessionToken)
        req.query.append(SigV4Pair{ "X-Amz-Security-Token", credentials.sessionToken });
    req.query.append(SigV4Pair{ "X-Amz-SignedHeaders", signedHeaders });

    out.canonicalRequest = canonicalRequest(req, options.normalizePath);
    out.stringToSign = stringToSign(date, scope, out.canonicalRequest);
    out.signature
        = signature(signingKey(credentials.secretAccessKey, dateStamp(time), region, service), out.stringToSign);
    out.encodedQuery = canonicalQueryString(req.query);
    if (token && !options.signSessionToken) {
        req.query.append(SigV4Pair{ "X-Amz-Security-Token", credentials.sessionToken });
        out.encodedQuery += "&X-Amz-Security-Token=" + uriEncode(credentials.sessionToken);
    }
    req.query.append(SigV4Pair{ "X-Amz-Signature", out.signature });
    out.encodedQuery += "&X-Amz-Signature=" + out.signature;
    out.query = req.query;
    return out;
}
