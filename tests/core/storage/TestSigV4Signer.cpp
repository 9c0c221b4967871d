// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SigV4Signer against AWS's published vectors. The known-answer cases below run everywhere
// (values copied from the suites); the data-driven ones walk every case of
// shared/testdata/sigv4 and skip when that folder is absent.
#include "TestServices.h"
#include "storage/SigV4Signer.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

const QByteArray kSuiteKeyId = "AKIDEXAMPLE";
const QByteArray kSuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const QDateTime kSuiteTime = QDateTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC);

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

SigV4Pairs parseQuery(const QByteArray &query)
{
    SigV4Pairs pairs;
    if (query.isEmpty())
        return pairs;
    for (const QByteArray &item : query.split('&')) {
        const int eq = item.indexOf('=');
        const QByteArray name = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        pairs.append(SigV4Pair(QByteArray::fromPercentEncoding(name), QByteArray::fromPercentEncoding(value)));
    }
    return pairs;
}

// Parses the suites' raw HTTP request text. Folded continuation lines stay in the value
// (joined by '\n'); the signer's whitespace rule decides how they sign.
SigV4Request parseHttpRequest(const QByteArray &text, QByteArray *body)
{
    SigV4Request request;
    QByteArray normalized = text;
    normalized.replace("\r\n", "\n");
    const int headerEnd = normalized.indexOf("\n\n");
    const QByteArray head = headerEnd < 0 ? normalized : normalized.left(headerEnd);
    *body = headerEnd < 0 ? QByteArray() : normalized.mid(headerEnd + 2);
    QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.takeFirst();
    const int firstSpace = requestLine.indexOf(' ');
    const int httpAt = requestLine.lastIndexOf(" HTTP/");
    request.method = requestLine.left(firstSpace);
    const QByteArray target = requestLine.mid(firstSpace + 1, httpAt - firstSpace - 1);
    const int q = target.indexOf('?');
    request.path = QByteArray::fromPercentEncoding(q < 0 ? target : target.left(q));
    request.query = parseQuery(q < 0 ? QByteArray() : target.mid(q + 1));
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !request.headers.isEmpty()) {
            request.headers.last().second += '\n' + line;
            continue;
        }
        const int colon = line.indexOf(':');
        request.headers.append(SigV4Pair(line.left(colon), line.mid(colon + 1)));
    }
    request.payloadHash = SigV4Signer::sha256Hex(*body);
    return request;
}

QByteArray trimmedFile(const QString &path)
{
    QByteArray data = readFile(path);
    while (data.endsWith('\n'))
        data.chop(1);
    return data;
}

} // namespace

class TestSigV4Signer : public QObject
{
    Q_OBJECT

private slots:
    // --- known answers, copied from the suites (run everywhere)
    void knownAnswerGetVanilla();
    void knownAnswerSigningKey();
    void knownAnswerS3GetWithRange();
    void knownAnswerPresignedGet();
    void foldedHeaderValuesJoinWithOneSpace();
    void duplicateHeadersJoinWithComma();
    void uriEncodeKeepsOnlyUnreserved();
    void pathIsNotNormalizedForS3();

    // --- every case of shared/testdata/sigv4
    void awsSigV4TestSuite();
    void awsSigningTestSuite();
    void s3Examples();
};

void TestSigV4Signer::knownAnswerGetVanilla()
{
    QByteArray body;
    SigV4Request request = parseHttpRequest("GET / HTTP/1.1\nHost:example.amazonaws.com\n\n", &body);
    SigV4Options options;
    options.addContentSha256Header = false;
    const SigV4Signed sig = SigV4Signer::signHeaders(request, { kSuiteKeyId, kSuiteSecret, {} }, "us-east-1", "service",
                                                     kSuiteTime, options);
    QCOMPARE(sig.canonicalRequest,
             QByteArray("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(sig.stringToSign,
             QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"));
    QCOMPARE(sig.signature, QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    QCOMPARE(sig.authorization,
             QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        "SignedHeaders=host;x-amz-date, "
                        "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

    const SigV4Signed query
        = SigV4Signer::presign(request, { kSuiteKeyId, kSuiteSecret, {} }, "us-east-1", "service", kSuiteTime, 3600);
    QCOMPARE(query.signature, QByteArray("e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"));
}

void TestSigV4Signer::knownAnswerSigningKey()
{
    QCOMPARE(SigV4Signer::signingKey(kSuiteSecret, "20120215", "us-east-1", "iam").toHex(),
             QByteArray("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
}

void TestSigV4Signer::knownAnswerS3GetWithRange()
{
    SigV4Request request;
    request.method = "GET";
    request.path = "/test.txt";
    request.headers = { SigV4Pair("Host", "examplebucket.s3.amazonaws.com"), SigV4Pair("Range", "bytes=0-9") };
    request.payloadHash = SigV4Signer::sha256Hex({});
    const SigV4Signed sig
        = SigV4Signer::signHeaders(request, { "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", {} },
                                   "us-east-1", "s3", QDateTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC));
    QCOMPARE(sig.signature, QByteArray("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
}

void TestSigV4Signer::knownAnswerPresignedGet()
{
    SigV4Request request;
    request.method = "GET";
    request.path = "/test.txt";
    request.headers = { SigV4Pair("Host", "examplebucket.s3.amazonaws.com") };
    request.payloadHash = "UNSIGNED-PAYLOAD";
    const SigV4Signed sig
        = SigV4Signer::presign(request, { "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", {} },
                               "us-east-1", "s3", QDateTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC), 86400);
    QCOMPARE(sig.signature, QByteArray("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
    QCOMPARE(
        sig.encodedQuery,
        QByteArray("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3"
                   "%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                   "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
}

void TestSigV4Signer::foldedHeaderValuesJoinWithOneSpace()
{
    // aws-c-auth's get-header-value-multiline: signature cfd34249…
    QCOMPARE(SigV4Signer::canonicalHeaderValue("value1\n  value2\n     value3"), QByteArray("value1 value2 value3"));
    QCOMPARE(SigV4Signer::canonicalHeaderValue("  \"a   b   c\" "), QByteArray("\"a b c\""));
    QByteArray body;
    const SigV4Request request = parseHttpRequest(
        "GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value1\n  value2\n     value3\n\n", &body);
    SigV4Options options;
    options.addContentSha256Header = false;
    const SigV4Signed sig = SigV4Signer::signHeaders(request, { kSuiteKeyId, kSuiteSecret, {} }, "us-east-1", "service",
                                                     kSuiteTime, options);
    QCOMPARE(sig.signature, QByteArray("cfd34249e4b1c8d6b91ef74165d41a32e5fab3306300901bb65a51a73575eefd"));
}

void TestSigV4Signer::duplicateHeadersJoinWithComma()
{
    QByteArray signedHeaders;
    const QByteArray canonical = SigV4Signer::canonicalHeaders(
        { SigV4Pair("My-Header1", "value2"), SigV4Pair("Host", "h"), SigV4Pair("my-header1", "value1") },
        &signedHeaders);
    QCOMPARE(canonical, QByteArray("host:h\nmy-header1:value2,value1\n"));
    QCOMPARE(signedHeaders, QByteArray("host;my-header1"));
}

void TestSigV4Signer::uriEncodeKeepsOnlyUnreserved()
{
    QCOMPARE(SigV4Signer::uriEncode("a b+(1)'~._-/ü", false), QByteArray("a%20b%2B%281%29%27~._-/%C3%BC"));
    QCOMPARE(SigV4Signer::uriEncode("a/b"), QByteArray("a%2Fb"));
}

void TestSigV4Signer::pathIsNotNormalizedForS3()
{
    QCOMPARE(SigV4Signer::canonicalUri("/bucket//a/./b/../c", false), QByteArray("/bucket//a/./b/../c"));
    QCOMPARE(SigV4Signer::canonicalUri("//example//", true), QByteArray("/example/"));
    QCOMPARE(SigV4Signer::canonicalUri("/example/..", true), QByteArray("/"));
}

void TestSigV4Signer::awsSigV4TestSuite()
{
    const QString root = TestServices::sharedTestDataDir();
    if (root.isEmpty())
        QSKIP("shared/testdata is not present");
    const QString suite = root + QLatin1String("/sigv4/aws-sig-v4-test-suite");
    QDirIterator it(suite, { QStringLiteral("*.req") }, QDir::Files, QDirIterator::Subdirectories);
    int cases = 0;
    while (it.hasNext()) {
        const QString reqPath = it.next();
        const QString base = reqPath.left(reqPath.size() - 4);
        const QString name = QFileInfo(reqPath).completeBaseName();
        QByteArray body;
        SigV4Request request = parseHttpRequest(readFile(reqPath), &body);
        const QByteArray expectedCreq = readFile(base + QLatin1String(".creq"));
        // get-vanilla-with-session-token: the token is only in the .creq.
        const int tokenAt = expectedCreq.indexOf("\nx-amz-security-token:");
        bool hasToken = false;
        for (const auto &h : std::as_const(request.headers))
            hasToken = hasToken || h.first.toLower() == "x-amz-security-token";
        if (tokenAt >= 0 && !hasToken) {
            const int start = tokenAt + int(qstrlen("\nx-amz-security-token:"));
            request.headers.append(
                SigV4Pair("X-Amz-Security-Token", expectedCreq.mid(start, expectedCreq.indexOf('\n', start) - start)));
        }
        const QByteArray creq = SigV4Signer::canonicalRequest(request, true);
        QVERIFY2(creq == expectedCreq, qPrintable(name + QLatin1String(":\n") + QString::fromUtf8(creq)));
        const QByteArray scope = SigV4Signer::credentialScope("20150830", "us-east-1", "service");
        const QByteArray sts = SigV4Signer::stringToSign("20150830T123600Z", scope, creq);
        QVERIFY2(sts == readFile(base + QLatin1String(".sts")), qPrintable(name));
        const QByteArray signature
            = SigV4Signer::signature(SigV4Signer::signingKey(kSuiteSecret, "20150830", "us-east-1", "service"), sts);
        QByteArray signedHeaders;
        SigV4Signer::canonicalHeaders(request.headers, &signedHeaders);
        const QByteArray authz = "AWS4-HMAC-SHA256 Credential=" + kSuiteKeyId + '/' + scope
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        QVERIFY2(authz == readFile(base + QLatin1String(".authz")), qPrintable(name));
        ++cases;
    }
    QCOMPARE(cases, 34);
}

void TestSigV4Signer::awsSigningTestSuite()
{
    const QString root = TestServices::sharedTestDataDir();
    if (root.isEmpty())
        QSKIP("shared/testdata is not present");
    const QDir suite(root + QLatin1String("/sigv4/aws-signing-test-suite-v4"));
    int cases = 0;
    for (const QString &name : suite.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = suite.filePath(name) + QLatin1Char('/');
        const QJsonObject context = QJsonDocument::fromJson(readFile(dir + QLatin1String("context.json"))).object();
        const QJsonObject creds = context.value(QLatin1String("credentials")).toObject();
        const SigV4Credentials credentials{ creds.value(QLatin1String("access_key_id")).toString().toUtf8(),
                                            creds.value(QLatin1String("secret_access_key")).toString().toUtf8(),
                                            creds.value(QLatin1String("token")).toString().toUtf8() };
        const QDateTime time = QDateTime::fromString(context.value(QLatin1String("timestamp")).toString(), Qt::ISODate);
        const QByteArray region = context.value(QLatin1String("region")).toString().toUtf8();
        const QByteArray service = context.value(QLatin1String("service")).toString().toUtf8();
        SigV4Options options;
        options.normalizePath = context.value(QLatin1String("normalize")).toBool();
        options.addContentSha256Header = context.value(QLatin1String("sign_body")).toBool();
        options.signSessionToken = !context.value(QLatin1String("omit_session_token")).toBool();
        QByteArray body;
        const SigV4Request request = parseHttpRequest(readFile(dir + QLatin1String("request.txt")), &body);

        const SigV4Signed header = SigV4Signer::signHeaders(request, credentials, region, service, time, options);
        QVERIFY2(header.canonicalRequest == readFile(dir + QLatin1String("header-canonical-request.txt")),
                 qPrintable(name + QLatin1String(" header:\n") + QString::fromUtf8(header.canonicalRequest)));
        QVERIFY2(header.stringToSign == readFile(dir + QLatin1String("header-string-to-sign.txt")), qPrintable(name));
        QVERIFY2(header.signature == trimmedFile(dir + QLatin1String("header-signature.txt")), qPrintable(name));
        QVERIFY2(readFile(dir + QLatin1String("header-signed-request.txt"))
                     .contains(QByteArray("Authorization:" + header.authorization)),
                 qPrintable(name));

        const qint64 expires = context.value(QLatin1String("expiration_in_seconds")).toInteger();
        const SigV4Signed query = SigV4Signer::presign(request, credentials, region, service, time, expires, options);
        QVERIFY2(query.canonicalRequest == readFile(dir + QLatin1String("query-canonical-request.txt")),
                 qPrintable(name + QLatin1String(" query:\n") + QString::fromUtf8(query.canonicalRequest)));
        QVERIFY2(query.stringToSign == readFile(dir + QLatin1String("query-string-to-sign.txt")), qPrintable(name));
        QVERIFY2(query.signature == trimmedFile(dir + QLatin1String("query-signature.txt")), qPrintable(name));
        ++cases;
    }
    QCOMPARE(cases, 38);
}

void TestSigV4Signer::s3Examples()
{
    const QString root = TestServices::sharedTestDataDir();
    if (root.isEmpty())
        QSKIP("shared/testdata is not present");
    const QJsonArray examples
        = QJsonDocument::fromJson(readFile(root + QLatin1String("/sigv4/s3-examples.json"))).array();
    QCOMPARE(examples.size(), 9);
    for (const QJsonValue &value : examples) {
        const QJsonObject example = value.toObject();
        const QString id = example.value(QLatin1String("id")).toString();
        const QJsonObject in = example.value(QLatin1String("inputs")).toObject();
        const QJsonObject expected = example.value(QLatin1String("expected")).toObject();
        auto str
            = [](const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString().toUtf8(); };
        const SigV4Credentials credentials{ str(in, "access_key_id"), str(in, "secret_access_key"), {} };
        const QByteArray region = str(in, "region");
        const QByteArray service = str(in, "service");
        const QDateTime time = QDateTime::fromString(in.value(QLatin1String("x_amz_date")).toString(),
                                                     QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        QDateTime utc = time;
        utc.setTimeSpec(Qt::UTC);

        if (id == QLatin1String("signing-key-derivation")) {
            QCOMPARE(SigV4Signer::signingKey(credentials.secretAccessKey, str(in, "date"), region, service).toHex(),
                     str(expected, "signing_key_hex"));
        } else if (in.contains(QLatin1String("policy_base64 (= StringToSign)"))) {
            const QByteArray key
                = SigV4Signer::signingKey(credentials.secretAccessKey, str(in, "date"), region, service);
            QCOMPARE(SigV4Signer::signature(key, str(in, "policy_base64 (= StringToSign)")),
                     str(expected, "signature"));
        } else if (in.contains(QLatin1String("headers_before_signing"))) {
            SigV4Request request;
            request.method = str(in, "method");
            request.path = QByteArray::fromPercentEncoding(str(in, "canonical_uri"));
            request.query = parseQuery(str(in, "canonical_query"));
            const QJsonObject headers = in.value(QLatin1String("headers_before_signing")).toObject();
            for (auto it = headers.begin(); it != headers.end(); ++it)
                request.headers.append(SigV4Pair(it.key().toUtf8(), it.value().toString().toUtf8()));
            request.payloadHash = SigV4Signer::sha256Hex(str(in, "body_utf8"));
            QCOMPARE(request.payloadHash, str(expected, "payload_sha256"));
            const SigV4Signed sig = SigV4Signer::signHeaders(request, credentials, region, service, utc);
            QVERIFY2(sig.canonicalRequest == str(expected, "canonical_request"), qPrintable(id));
            QCOMPARE(sig.stringToSign, str(expected, "string_to_sign"));
            QCOMPARE(sig.signature, str(expected, "signature"));
            QCOMPARE(QByteArray(sig.authorization).replace(", ", ","), str(expected, "authorization"));
        } else if (in.contains(QLatin1String("headers_signed"))) {
            // aws-chunked streaming upload: the seed signature, then each chunk's, chained.
            const QUrl url(in.value(QLatin1String("url")).toString());
            SigV4Request request;
            request.method = str(in, "method");
            request.path = url.path().toUtf8();
            const QJsonObject headers = in.value(QLatin1String("headers_signed")).toObject();
            for (auto it = headers.begin(); it != headers.end(); ++it)
                request.headers.append(SigV4Pair(it.key().toUtf8(), it.value().toString().toUtf8()));
            request.payloadHash = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
            const QByteArray creq = SigV4Signer::canonicalRequest(request, false);
            QCOMPARE(creq, str(expected, "canonical_request"));
            const QByteArray scope = SigV4Signer::credentialScope(SigV4Signer::dateStamp(utc), region, service);
            const QByteArray sts = SigV4Signer::stringToSign(SigV4Signer::amzDate(utc), scope, creq);
            QCOMPARE(sts, str(expected, "string_to_sign"));
            const QByteArray key
                = SigV4Signer::signingKey(credentials.secretAccessKey, SigV4Signer::dateStamp(utc), region, service);
            QByteArray previous = SigV4Signer::signature(key, sts);
            QCOMPARE(previous, str(expected, "seed_signature"));
            for (const QJsonValue &chunkValue : expected.value(QLatin1String("chunks")).toArray()) {
                const QJsonObject chunk = chunkValue.toObject();
                const QByteArray data(chunk.value(QLatin1String("chunk_len")).toInt(), 'a');
                const QByteArray chunkSts
                    = SigV4Signer::chunkStringToSign(SigV4Signer::amzDate(utc), scope, previous, data);
                QCOMPARE(chunkSts, str(chunk, "string_to_sign"));
                previous = SigV4Signer::signature(key, chunkSts);
                QCOMPARE(previous, str(chunk, "signature"));
            }
        } else if (in.contains(QLatin1String("url"))) {
            const QUrl url(in.value(QLatin1String("url")).toString());
            SigV4Request request;
            request.method = str(in, "method");
            request.path = url.path().toUtf8();
            request.headers = { SigV4Pair("Host", url.host().toUtf8()) };
            request.payloadHash = str(in, "payload");
            const SigV4Signed sig = SigV4Signer::presign(request, credentials, region, service, utc,
                                                         in.value(QLatin1String("expires_seconds")).toInt());
            QCOMPARE(sig.signature, str(expected, "signature"));
            if (expected.contains(QLatin1String("canonical_request")))
                QCOMPARE(sig.canonicalRequest, str(expected, "canonical_request"));
            if (expected.contains(QLatin1String("presigned_url"))) {
                const QByteArray built = url.scheme().toUtf8() + "://" + url.host().toUtf8()
                    + SigV4Signer::canonicalUri(request.path, false) + '?' + sig.encodedQuery;
                QCOMPARE(built, str(expected, "presigned_url"));
            }
        } else {
            QFAIL(qPrintable(QLatin1String("unhandled example ") + id));
        }
    }
}

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "TestSigV4Signer.moc"
