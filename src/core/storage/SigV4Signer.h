// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QPair>
#include <QVector>

/// Name/value pairs as the signer sees them: query parameters percent-decoded, header values raw.
using SigV4Pair = QPair<QByteArray, QByteArray>;
using SigV4Pairs = QVector<SigV4Pair>;

struct SigV4Credentials
{
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray sessionToken; ///< empty unless temporary (STS) credentials
};

/// What gets signed. The path and query are decoded (raw UTF-8); the signer does the encoding,
/// so "my key+(1)'" is given as is and becomes "my%20key%2B%281%29%27".
struct SigV4Request
{
    QByteArray method;
    QByteArray path = "/";
    SigV4Pairs query;
    SigV4Pairs headers; ///< every header to sign, including Host; duplicates allowed
    QByteArray payloadHash; ///< hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
};

struct SigV4Options
{
    /// Remove "." / ".." segments and repeated slashes. Never for S3: object keys are literal.
    bool normalizePath = false;
    /// Add and sign x-amz-content-sha256 (S3 requires it with header auth).
    bool addContentSha256Header = true;
    /// Sign the session token (most services); false adds it only after signing.
    bool signSessionToken = true;
};

/// The outcome of signing: the intermediate texts (for tests and debugging) and what to add to
/// the request.
struct SigV4Signed
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature; ///< hex
    QByteArray authorization; ///< header auth: the Authorization header value
    SigV4Pairs addedHeaders; ///< header auth: x-amz-date etc. and Authorization, to send
    SigV4Pairs query; ///< presigned: every query parameter (decoded) including X-Amz-Signature
    QByteArray encodedQuery; ///< presigned: the query string to put in the URL
};

/// AWS Signature Version 4 as pure functions: no I/O, no clock, no state, so every step is
/// checked against AWS's published vectors (tests/core/storage/TestSigV4Signer).
///
/// Header canonicalisation: names are lower-cased; duplicate names are joined with ','; in
/// values, leading and trailing whitespace is trimmed and every run of spaces, tabs, CR or LF
/// becomes one space. That last rule decides the obsolete multi-line (folded) header case:
/// "value1\n  value2\n     value3" signs as "value1 value2 value3", as in aws-c-auth's
/// corrected vector (the variant in shared/testdata/sigv4, signature cfd34249…), not the 2015
/// suite's "value1,value2,value3". We never send folded headers ourselves.
class SigV4Signer
{
public:
    /// RFC 3986 encoding: every byte but A-Z a-z 0-9 - . _ ~ (and '/' unless @p encodeSlash).
    static QByteArray uriEncode(const QByteArray &bytes, bool encodeSlash = true);
    static QByteArray canonicalUri(const QByteArray &path, bool normalizePath);
    static QByteArray canonicalQueryString(const SigV4Pairs &query);
    static QByteArray canonicalHeaderValue(const QByteArray &value);
    /// "name:value\n" lines sorted by name; @p signedHeaders receives "a;b;c".
    static QByteArray canonicalHeaders(const SigV4Pairs &headers, QByteArray *signedHeaders);
    static QByteArray canonicalRequest(const SigV4Request &request, bool normalizePath);

    static QByteArray amzDate(const QDateTime &time); ///< 20150830T123600Z
    static QByteArray dateStamp(const QDateTime &time); ///< 20150830
    static QByteArray credentialScope(const QByteArray &dateStamp, const QByteArray &region, const QByteArray &service);
    static QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope,
                                   const QByteArray &canonicalRequest);
    static QByteArray signingKey(const QByteArray &secret, const QByteArray &dateStamp, const QByteArray &region,
                                 const QByteArray &service);
    /// Hex HMAC-SHA256 of @p stringToSign under @p signingKey.
    static QByteArray signature(const QByteArray &signingKey, const QByteArray &stringToSign);
    /// The string to sign of one aws-chunked chunk (streaming uploads).
    static QByteArray chunkStringToSign(const QByteArray &amzDate, const QByteArray &scope,
                                        const QByteArray &previousSignature, const QByteArray &chunkData);
    static QByteArray sha256Hex(const QByteArray &data);

    /// Header auth: adds x-amz-date (and x-amz-content-sha256, x-amz-security-token as the
    /// options say) to the signed headers, then signs.
    static SigV4Signed signHeaders(const SigV4Request &request, const SigV4Credentials &credentials,
                                   const QByteArray &region, const QByteArray &service, const QDateTime &time,
                                   const SigV4Options &options = {});
    /// Query auth (presigned URL) valid @p expiresSeconds from @p time.
    static SigV4Signed presign(const SigV4Request &request, const SigV4Credentials &credentials,
                               const QByteArray &region, const QByteArray &service, const QDateTime &time,
                               qint64 expiresSeconds, const SigV4Options &options = {});
};
