// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Parsing of recorded S3 response bodies (tests/data/s3) and the people-facing error texts.
#include "storage/S3CreateMultipartUploadJob.h"
#include "storage/S3Error.h"
#include "storage/S3ListMultipartUploadsJob.h"
#include "storage/S3ListObjectsJob.h"
#include "storage/S3MultipartUploadJob.h"

#include <QtTest>

namespace {
QByteArray recorded(const char *name)
{
    QFile file(QStringLiteral(CREODROP_SOURCE_DIR "/tests/data/s3/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
S3Config r2()
{
    S3Config c;
    c.endpoint = QUrl(QStringLiteral("https://acct.r2.cloudflarestorage.com"));
    c.bucket = QStringLiteral("backups");
    c.accessKeyId = QStringLiteral("id");
    c.secretAccessKey = QStringLiteral("TOPSECRET");
    return c;
}
} // namespace

class TestS3Responses : public QObject
{
    Q_OBJECT

private slots:
    void listObjectsPage()
    {
        QVector<ObjectInfo> objects;
        bool ok = false;
        const QString next = S3ListObjectsJob::parsePage(recorded("list-objects-v2-truncated.xml"), &objects, &ok);
        QVERIFY(ok);
        QVERIFY(next.startsWith(QLatin1String("1Usn+")));
        QCOMPARE(objects.size(), 2);
        QCOMPARE(objects.at(1).key, QStringLiteral("p/list/obj 1+(x)"));
        QCOMPARE(objects.at(1).size, qint64(12345));
        QCOMPARE(objects.at(0).lastModified, QDateTime(QDate(2026, 11, 25), QTime(20, 12, 4), Qt::UTC));
    }
    void listMultipartUploadsPage()
    {
        QVector<IncompleteUpload> uploads;
        QString key, id;
        QVERIFY(S3ListMultipartUploadsJob::parsePage(recorded("list-multipart-uploads.xml"), &uploads, &key, &id));
        QCOMPARE(uploads.size(), 2);
        QCOMPARE(uploads.at(0).uploadId, QStringLiteral("VXBsb2FkIElEIGZvciAx"));
        QCOMPARE(key, QStringLiteral("customers/c/s/prod/02.sql.gz"));
        QCOMPARE(id, QStringLiteral("VXBsb2FkIElEIGZvciAy"));
    }
    void initiateMultipart()
    {
        QCOMPARE(S3CreateMultipartUploadJob::parseUploadId(recorded("initiate-multipart.xml")),
                 QStringLiteral("2~iCw_lDY8VoNEyM1B3zSR0Eba1Z3tE"));
    }
    void errorMessagesSayWhatToCheck_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mustContain");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("credentials") << 403 << "error-signature.xml"
                                     << "secret access key" << false;
        QTest::newRow("bucket") << 404 << "error-no-such-bucket.xml"
                                << "jurisdiction" << false;
        QTest::newRow("skew") << 403 << "error-skew.xml"
                              << "clock" << false;
        QTest::newRow("denied") << 403 << "error-access-denied.xml"
                                << "permission" << false;
        QTest::newRow("5xx") << 503 << ""
                             << "HTTP 503" << true;
    }
    void errorMessagesSayWhatToCheck()
    {
        QFETCH(int, status);
        QFETCH(QString, file);
        QFETCH(QString, mustContain);
        QFETCH(bool, retryable);
        const S3Error error = S3Error::fromResponse(status, file.isEmpty() ? QByteArray() : recorded(qPrintable(file)));
        const QString text = error.humanMessage(r2(), QStringLiteral("Uploading a"));
        QVERIFY2(text.contains(mustContain), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("TOPSECRET")));
        QCOMPARE(error.retryable(), retryable);
    }
    void transportErrors()
    {
        S3Error refused;
        refused.networkError = QNetworkReply::ConnectionRefusedError;
        QVERIFY(refused.retryable());
        QVERIFY(refused.humanMessage(r2(), {}).contains(QLatin1String("endpoint address")));
        S3Error tls;
        tls.networkError = QNetworkReply::SslHandshakeFailedError;
        QVERIFY(!tls.retryable());
    }
    void partSizeCoversTenThousandParts()
    {
        const qint64 mib = 1024 * 1024;
        QCOMPARE(S3MultipartUploadJob::partSizeFor(0, 5 * mib, 16 * mib), 5 * mib);
        QCOMPARE(S3MultipartUploadJob::partSizeFor(1024 * mib, 5 * mib, 16 * mib), 5 * mib);
        const qint64 big = 200LL * 1024 * mib; // 200 GiB
        const qint64 part = S3MultipartUploadJob::partSizeFor(big, 5 * mib, 16 * mib);
        QVERIFY(part * 10000 >= big);
        QVERIFY(part % mib == 0);
        QCOMPARE(S3MultipartUploadJob::partSizeFor(-1, 5 * mib, 16 * mib), 16 * mib);
    }
    void configAddressing()
    {
        S3Config c = r2();
        QCOMPARE(c.url(QStringLiteral("a b/c+d")).toString(QUrl::FullyEncoded),
                 QStringLiteral("https://acct.r2.cloudflarestorage.com/backups/a%20b/c%2Bd"));
        c.pathStyle = false;
        QCOMPARE(c.url(QStringLiteral("k")).toString(QUrl::FullyEncoded),
                 QStringLiteral("https://backups.acct.r2.cloudflarestorage.com/k"));
        QCOMPARE(c.region, QStringLiteral("auto"));
        QVERIFY(!c.describe().contains(QLatin1String("TOPSECRET")));
    }
    void configFromEnvironment()
    {
        qputenv("CREODROP_S3_ENDPOINT", "https://e.example");
        qputenv("CREODROP_S3_BUCKET", "b");
        qputenv("CREODROP_S3_ACCESS_KEY_ID", "k");
        qputenv("CREODROP_S3_SECRET_ACCESS_KEY", "s");
        qunsetenv("CREODROP_S3_REGION");
        const S3Config c = S3Config::fromEnvironment();
        QCOMPARE(c.endpoint, QUrl(QStringLiteral("https://e.example")));
        QCOMPARE(c.region, QStringLiteral("auto"));
        QVERIFY(c.isComplete());
        qunsetenv("CREODROP_S3_SECRET_ACCESS_KEY");
        QString missing;
        QVERIFY(!S3Config::fromEnvironment().isComplete(&missing));
        QVERIFY(missing.contains(QLatin1String("secret")));
    }
};

QTEST_GUILESS_MAIN(TestS3Responses)
#include "TestS3Responses.moc"
