// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// S3ObjectStore against the real S3 test server (s3rver, SigV4-checking): round trips, keys,
// credentials, presigned links, listing with continuation, and interop with the aws CLI.
#include "StoreTestSupport.h"
#include "TestServices.h"
#include "storage/S3CreateMultipartUploadJob.h"
#include "storage/S3ListObjectsJob.h"
#include "storage/S3ObjectStore.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

using namespace StoreTest;

class TestS3ObjectStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data() { roundTripData(); }
    void roundTrip();
    void putFileAndGetData();
    void writerFinishedBeforeStart()
    {
        StoreTest::writerFinishedBeforeStart(m_store.get(), key(QStringLiteral("early")));
    }
    void producerFailureLeavesNothing()
    {
        StoreTest::producerFailureLeavesNothing(m_store.get(), key(QStringLiteral("fail")));
    }
    void listFollowsContinuation();
    void removeMissingSucceeds();
    void wrongSecretSaysCredentials();
    void missingBucketSaysWhatToCheck();
    void unreachableEndpointSaysWhatToCheck();
    void presignedUrlWorksWithPlainHttp();
    void presignRefusesOutOfRangeExpiry();
    void interopWithAwsCli();
    void incompleteUploadsAreListedAndAborted();

private:
    QString key(const QString &name) const { return m_prefix + name; }
    S3Config config() const;
    int httpGet(const QUrl &url, QByteArray *body);
    int runAws(const QStringList &args);

    QNetworkAccessManager m_network;
    std::unique_ptr<S3ObjectStore> m_store;
    QString m_prefix;
};

S3Config TestS3ObjectStore::config() const
{
    const TestServices::S3 s3 = TestServices::s3();
    S3Config c;
    c.endpoint = QUrl(s3.endpoint);
    c.region = s3.region;
    c.bucket = s3.bucket;
    c.accessKeyId = s3.accessKeyId;
    c.secretAccessKey = s3.secretAccessKey;
    return c;
}

void TestS3ObjectStore::initTestCase()
{
    CREODROP_REQUIRE_S3();
    m_store = std::make_unique<S3ObjectStore>(config(), &m_network);
    S3TransferOptions options;
    options.retryBaseDelayMs = 20;
    options.timeoutMs = 20000;
    options.minStreamPartSize = kPart; // the round trips cross part boundaries of R2's minimum
    m_store->setTransferOptions(options);
    m_prefix = QStringLiteral("test-s3store-%1-%2/")
                   .arg(QCoreApplication::applicationPid())
                   .arg(QDateTime::currentMSecsSinceEpoch());
}

void TestS3ObjectStore::roundTrip()
{
    QFETCH(QString, name);
    QFETCH(qint64, size);
    StoreTest::roundTrip(m_store.get(), key(name), randomBytes(size),
                         { { QStringLiteral("sha256"), QStringLiteral("0123abcd") },
                           { QStringLiteral("raw-size"), QStringLiteral("42") } });
}

void TestS3ObjectStore::putFileAndGetData()
{
    QTemporaryDir dir;
    const QByteArray data = randomBytes(2 * kPart + 77); // multipart: parts read from the file
    QFile file(dir.filePath(QStringLiteral("f")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(data) == data.size());
    file.close();
    std::unique_ptr<StoreJob> put(m_store->putFile(key(QStringLiteral("file.bin")), file.fileName()));
    QVERIFY(run(put.get()));
    QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
    QCOMPARE(put->result().sha256, sha256Hex(data));
    QVERIFY(!put->result().uploadId.isEmpty()); // went multipart
    std::unique_ptr<StoreJob> get(m_store->getData(key(QStringLiteral("file.bin"))));
    QVERIFY(run(get.get()) && get->succeeded());
    QVERIFY(get->result().data == data);
}

void TestS3ObjectStore::listFollowsContinuation()
{
    const QString prefix = key(QStringLiteral("list/"));
    QStringList expected;
    for (int i = 0; i < 5; ++i) {
        const QString k = prefix + QStringLiteral("obj-%1").arg(i);
        std::unique_ptr<StoreJob> put(m_store->putData(k, QByteArray::number(i)));
        QVERIFY(run(put.get()) && put->succeeded());
        expected << k;
    }
    S3Context context;
    context.config = config();
    context.network = &m_network;
    auto *list = new S3ListObjectsJob(context, prefix);
    list->setPageSize(2);
    std::unique_ptr<StoreJob> owner(list);
    QVERIFY(run(list));
    QVERIFY2(list->succeeded(), qPrintable(list->errorString()));
    QCOMPARE(list->pagesFetched(), 3);
    QStringList keys;
    for (const ObjectInfo &o : list->result().objects)
        keys << o.key;
    QCOMPARE(keys, expected);
}

void TestS3ObjectStore::removeMissingSucceeds()
{
    std::unique_ptr<StoreJob> put(m_store->putData(key(QStringLiteral("rm")), "x"));
    QVERIFY(run(put.get()) && put->succeeded());
    std::unique_ptr<StoreJob> rm(m_store->remove(key(QStringLiteral("rm"))));
    QVERIFY(run(rm.get()) && rm->succeeded());
    std::unique_ptr<StoreJob> head(m_store->head(key(QStringLiteral("rm"))));
    QVERIFY(run(head.get()));
    QVERIFY(head->notFound());
    std::unique_ptr<StoreJob> again(m_store->remove(key(QStringLiteral("rm"))));
    QVERIFY(run(again.get()) && again->succeeded());
}

void TestS3ObjectStore::wrongSecretSaysCredentials()
{
    S3Config bad = config();
    bad.secretAccessKey = QStringLiteral("not-the-secret");
    S3ObjectStore store(bad, &m_network);
    std::unique_ptr<StoreJob> put(store.putData(key(QStringLiteral("denied")), "x"));
    QVERIFY(run(put.get()));
    QVERIFY(!put->succeeded());
    QCOMPARE(put->error(), Job::Error::Fatal);
    QVERIFY2(put->errorString().contains(QLatin1String("credentials were rejected")), qPrintable(put->errorString()));
    QVERIFY(put->errorString().contains(QLatin1String("secret access key")));
    QVERIFY(!put->errorString().contains(QLatin1String("not-the-secret")));
}

void TestS3ObjectStore::missingBucketSaysWhatToCheck()
{
    S3Config bad = config();
    bad.bucket = QStringLiteral("no-such-bucket-here");
    S3ObjectStore store(bad, &m_network);
    std::unique_ptr<StoreJob> list(store.list(QString()));
    QVERIFY(run(list.get()));
    QVERIFY(!list->succeeded());
    QVERIFY2(list->errorString().contains(QLatin1String("does not exist")), qPrintable(list->errorString()));
    QVERIFY(list->errorString().contains(QLatin1String("jurisdiction")));
}

void TestS3ObjectStore::unreachableEndpointSaysWhatToCheck()
{
    S3Config bad = config();
    bad.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1"));
    S3ObjectStore store(bad, &m_network);
    S3TransferOptions options;
    options.maxAttempts = 2;
    options.retryBaseDelayMs = 10;
    store.setTransferOptions(options);
    std::unique_ptr<StoreJob> head(store.head(QStringLiteral("x")));
    QVERIFY(run(head.get()));
    QVERIFY(!head->succeeded());
    QCOMPARE(head->error(), Job::Error::Retryable);
    QVERIFY2(head->errorString().contains(QLatin1String("cannot reach")), qPrintable(head->errorString()));
    QVERIFY(head->errorString().contains(QLatin1String("endpoint address")));
}

int TestS3ObjectStore::httpGet(const QUrl &url, QByteArray *body)
{
    QNetworkAccessManager plain;
    QNetworkReply *reply = plain.get(QNetworkRequest(url));
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!spy.wait(10000))
        return -1;
    *body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

void TestS3ObjectStore::presignedUrlWorksWithPlainHttp()
{
    const QString k = key(QStringLiteral("linked (1) file+x.bin"));
    const QByteArray data = randomBytes(3000);
    std::unique_ptr<StoreJob> put(m_store->putData(k, data));
    QVERIFY(run(put.get()) && put->succeeded());

    QString error;
    const QUrl url = m_store->presignedGetUrl(k, 900, &error);
    QVERIFY2(url.isValid() && !url.isEmpty(), qPrintable(error));
    QVERIFY(url.query().contains(QLatin1String("X-Amz-Expires=900")));
    QByteArray body;
    QCOMPARE(httpGet(url, &body), 200);
    QVERIFY(body == data);

    // Tampered: another key with the same signature.
    QUrl tampered = url;
    tampered.setPath(url.path(QUrl::FullyEncoded).replace(QLatin1String("linked"), QLatin1String("linkee")),
                     QUrl::StrictMode);
    QCOMPARE(httpGet(tampered, &body), 403);

    // Expired: signed two hours ago for one hour.
    S3ObjectStore past(config(), &m_network);
    past.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(-7200); });
    const QUrl expired = past.presignedGetUrl(k, 3600, &error);
    QVERIFY(!expired.isEmpty());
    QCOMPARE(httpGet(expired, &body), 403);
}

void TestS3ObjectStore::presignRefusesOutOfRangeExpiry()
{
    QString error;
    QVERIFY(m_store->presignedGetUrl(key(QStringLiteral("a")), 7 * 24 * 3600 + 1, &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("7 days")));
    QVERIFY(m_store->presignedGetUrl(key(QStringLiteral("a")), 0, &error).isEmpty());
    QVERIFY(!m_store->presignedGetUrl(key(QStringLiteral("a")), 7 * 24 * 3600, &error).isEmpty());
}

int TestS3ObjectStore::runAws(const QStringList &args)
{
    const TestServices::S3 s3 = TestServices::s3();
    QProcess aws;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), s3.accessKeyId);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), s3.secretAccessKey);
    env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("/dev/null"));
    aws.setProcessEnvironment(env);
    aws.start(QStringLiteral("/usr/bin/aws"),
              QStringList{ QStringLiteral("--endpoint-url"), s3.endpoint, QStringLiteral("--region"),
                           QStringLiteral("us-east-1") }
                  + args);
    if (!aws.waitForFinished(120000))
        return -1;
    if (aws.exitCode() != 0)
        qWarning("aws: %s", aws.readAllStandardError().constData());
    return aws.exitCode();
}

void TestS3ObjectStore::interopWithAwsCli()
{
    if (!QFile::exists(QStringLiteral("/usr/bin/aws")))
        QSKIP("/usr/bin/aws (awscli v2) is not installed");
    const QString bucket = TestServices::s3().bucket;
    QTemporaryDir dir;
    const QByteArray data = randomBytes(kPart + 4321);

    // Ours up, aws down.
    const QString ours = key(QStringLiteral("interop/ours.bin"));
    std::unique_ptr<StoreJob> put(m_store->putData(ours, data));
    QVERIFY(run(put.get()) && put->succeeded());
    const QString awsDown = dir.filePath(QStringLiteral("aws-down"));
    QCOMPARE(
        runAws({ QStringLiteral("s3"), QStringLiteral("cp"), QStringLiteral("s3://%1/%2").arg(bucket, ours), awsDown }),
        0);
    QFile down(awsDown);
    QVERIFY(down.open(QIODevice::ReadOnly));
    QCOMPARE(sha256Hex(down.readAll()), put->result().sha256);

    // aws up, ours down.
    const QString theirs = key(QStringLiteral("interop/theirs.bin"));
    const QString upPath = dir.filePath(QStringLiteral("aws-up"));
    QFile up(upPath);
    QVERIFY(up.open(QIODevice::WriteOnly) && up.write(data) == data.size());
    up.close();
    QCOMPARE(runAws({ QStringLiteral("s3"), QStringLiteral("cp"), upPath,
                      QStringLiteral("s3://%1/%2").arg(bucket, theirs) }),
             0);
    std::unique_ptr<StoreJob> get(m_store->getToFile(theirs, dir.filePath(QStringLiteral("ours-down"))));
    QVERIFY(run(get.get()));
    QVERIFY2(get->succeeded(), qPrintable(get->errorString()));
    QCOMPARE(get->result().sha256, sha256Hex(data));
}

void TestS3ObjectStore::incompleteUploadsAreListedAndAborted()
{
    // Two uploads started and never finished, one outside the prefix asked for.
    S3Context context;
    context.config = config();
    context.network = &m_network;
    const QString inside = key(QStringLiteral("orphans/a (1).bin"));
    const QString outside = key(QStringLiteral("kept/b.bin"));
    QStringList ids;
    for (const QString &k : { inside, outside }) {
        std::unique_ptr<StoreJob> create(new S3CreateMultipartUploadJob(context, k, {}));
        QVERIFY(run(create.get()));
        QVERIFY2(create->succeeded(), qPrintable(create->errorString()));
        QVERIFY(!create->result().uploadId.isEmpty());
        ids << create->result().uploadId;
    }

    std::unique_ptr<StoreJob> list(m_store->listIncompleteUploads(key(QStringLiteral("orphans/"))));
    QVERIFY(run(list.get()));
    QVERIFY2(list->succeeded(), qPrintable(list->errorString()));
    QCOMPARE(list->result().uploads.size(), 1);
    QCOMPARE(list->result().uploads.at(0).key, inside);
    QCOMPARE(list->result().uploads.at(0).uploadId, ids.at(0));
    QVERIFY(list->result().uploads.at(0).initiated.isValid());

    std::unique_ptr<StoreJob> abortJob(m_store->abortIncompleteUpload(inside, ids.at(0)));
    QVERIFY(run(abortJob.get()));
    QVERIFY2(abortJob->succeeded(), qPrintable(abortJob->errorString()));

    std::unique_ptr<StoreJob> all(m_store->listIncompleteUploads(m_prefix));
    QVERIFY(run(all.get()));
    QVERIFY2(all->succeeded(), qPrintable(all->errorString()));
    QCOMPARE(all->result().uploads.size(), 1);
    QCOMPARE(all->result().uploads.at(0).key, outside);

    // Removing is idempotent (the server answers NoSuchUpload, which counts as gone), and an id
    // named under another key removes nothing.
    std::unique_ptr<StoreJob> again(m_store->abortIncompleteUpload(inside, ids.at(0)));
    QVERIFY(run(again.get()));
    QVERIFY2(again->succeeded(), qPrintable(again->errorString()));
    std::unique_ptr<StoreJob> wrongKey(m_store->abortIncompleteUpload(inside, ids.at(1)));
    QVERIFY(run(wrongKey.get()));
    std::unique_ptr<StoreJob> still(m_store->listIncompleteUploads(outside));
    QVERIFY(run(still.get()));
    QVERIFY2(still->succeeded(), qPrintable(still->errorString()));
    QCOMPARE(still->result().uploads.size(), 1);

    std::unique_ptr<StoreJob> cleanup(m_store->abortIncompleteUpload(outside, ids.at(1)));
    QVERIFY(run(cleanup.get()));
    QVERIFY(cleanup->succeeded());
}

QTEST_GUILESS_MAIN(TestS3ObjectStore)
#include "TestS3ObjectStore.moc"
