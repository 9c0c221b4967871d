// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Uploads and downloads through FaultProxy (our own fault-injecting proxy in front of the real
// S3 server): 500/503 answers, slow responses, connections cut mid-body. Transfers still end
// byte-exact; a permanent failure aborts the multipart upload and leaves no object.
#include "FaultProxy.h"
#include "StoreTestSupport.h"
#include "TestServices.h"
#include "storage/S3MultipartUploadJob.h"
#include "storage/S3ObjectStore.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>

using namespace StoreTest;

class TestS3MultipartUploadJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void uploadSurvivesFaults();
    void downloadResumesAfterCuts();
    void stalledRequestTimesOutAndRetries();
    void permanentFailureAbortsTheUpload();
    void abortStopsTheProducerAndRemovesTheUpload();
    void permanentFailureOfAFileUploadLeavesNothing();
    void abortWhileCreatingStillRemovesTheUpload();
    void streamThreeTimesItsPlanCompletes();
    void streamNeedingTooManyPartsFailsEarly();
    void lostCompleteResponseIsConfirmedByHead();

private:
    /// The uploads the server still has pending under @p key (asked directly, not via the proxy).
    QVector<IncompleteUpload> pendingUploads(const QString &key);
    S3Config proxiedConfig() const;
    QString key(const QString &name) const { return m_prefix + name; }

    QNetworkAccessManager m_network;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<S3ObjectStore> m_direct;
    std::unique_ptr<S3ObjectStore> m_store;
    QString m_prefix;
};

void TestS3MultipartUploadJob::initTestCase()
{
    CREODROP_REQUIRE_S3();
    m_prefix = QStringLiteral("test-faults-%1-%2/")
                   .arg(QCoreApplication::applicationPid())
                   .arg(QDateTime::currentMSecsSinceEpoch());
}

S3Config TestS3MultipartUploadJob::proxiedConfig() const
{
    const TestServices::S3 s3 = TestServices::s3();
    S3Config c;
    c.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()));
    c.region = s3.region;
    c.bucket = s3.bucket;
    c.accessKeyId = s3.accessKeyId;
    c.secretAccessKey = s3.secretAccessKey;
    return c;
}

void TestS3MultipartUploadJob::init()
{
    const QUrl upstream(TestServices::s3().endpoint);
    m_proxy = std::make_unique<FaultProxy>(QHostAddress(upstream.host()), quint16(upstream.port()));
    QVERIFY(m_proxy->listen());
    S3TransferOptions options;
    options.retryBaseDelayMs = 20;
    options.maxAttempts = 4;
    options.timeoutMs = 10000;
    options.partsInFlight = 2;
    options.minStreamPartSize = kPart; // the tests count parts of R2's minimum size
    m_store = std::make_unique<S3ObjectStore>(proxiedConfig(), &m_network);
    m_store->setTransferOptions(options);
    S3Config direct = proxiedConfig();
    direct.endpoint = upstream;
    m_direct = std::make_unique<S3ObjectStore>(direct, &m_network);
}

QVector<IncompleteUpload> TestS3MultipartUploadJob::pendingUploads(const QString &k)
{
    std::unique_ptr<StoreJob> list(m_direct->listIncompleteUploads(k));
    if (!run(list.get()) || !list->succeeded()) {
        qWarning() << "listIncompleteUploads failed:" << list->errorString();
        return { IncompleteUpload{ QStringLiteral("(list failed)"), {}, {} } };
    }
    return list->result().uploads;
}

void TestS3MultipartUploadJob::uploadSurvivesFaults()
{
    using A = FaultProxy::Action;
    m_proxy->addRule({ "PUT", "partNumber=2", A::Respond, 0, 1, 500 });
    m_proxy->addRule({ "PUT", "partNumber=3", A::Respond, 0, 1, 503 });
    m_proxy->addRule({ "PUT", "partNumber=1", A::CutRequest, 0, 1, 0, 0, 1024 * 1024 });
    m_proxy->addRule({ "POST", "uploadId=", A::Delay, 0, 1, 0, 300 });
    const QByteArray data = randomBytes(kPart * 7 / 2);
    StoreTest::roundTrip(m_store.get(), key(QStringLiteral("faulty-upload.bin")), data);
    QVERIFY(m_proxy->faultsInjected() >= 4);
}

void TestS3MultipartUploadJob::downloadResumesAfterCuts()
{
    const QByteArray data = randomBytes(3 * kMiB);
    std::unique_ptr<StoreJob> put(m_direct->putData(key(QStringLiteral("cut.bin")), data));
    QVERIFY(run(put.get()) && put->succeeded());
    using A = FaultProxy::Action;
    m_proxy->addRule({ "GET", "cut.bin", A::CutResponse, 0, 2, 0, 0, 1024 * 1024 });
    m_proxy->addRule({ "GET", "cut.bin", A::Respond, 0, 1, 503 });
    QTemporaryDir dir;
    std::unique_ptr<StoreJob> get(
        m_store->getToFile(key(QStringLiteral("cut.bin")), dir.filePath(QStringLiteral("d"))));
    QVERIFY(run(get.get()));
    QVERIFY2(get->succeeded(), qPrintable(get->errorString()));
    QCOMPARE(get->result().sha256, sha256Hex(data));
    QFile file(dir.filePath(QStringLiteral("d")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == data);
    // Two cuts and a 503: the job needed four GETs, the later ones Range-resumed.
    QCOMPARE(m_proxy->requests().filter(QStringLiteral("cut.bin")).size(), 4);
}

void TestS3MultipartUploadJob::stalledRequestTimesOutAndRetries()
{
    S3TransferOptions options = m_store->transferOptions();
    options.timeoutMs = 400;
    m_store->setTransferOptions(options);
    m_proxy->addRule({ "PUT", "stall.bin", FaultProxy::Action::Delay, 0, 1, 0, 3000 });
    std::unique_ptr<StoreJob> put(m_store->putData(key(QStringLiteral("stall.bin")), "stalled once"));
    QVERIFY(run(put.get(), 20000));
    QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
    QVERIFY(m_proxy->requests().filter(QStringLiteral("stall.bin")).size() >= 2);
}

void TestS3MultipartUploadJob::permanentFailureAbortsTheUpload()
{
    m_proxy->addRule({ "PUT", "partNumber=2", FaultProxy::Action::Respond, 0, -1, 500 });
    const QString k = key(QStringLiteral("doomed.bin"));
    BoundedPipe pipe(2 * kMiB);
    std::unique_ptr<StoreJob> put(m_store->putStream(k, &pipe, 4 * kPart));
    QThread *writer = startWriter(&pipe, randomBytes(4 * kPart));
    const bool done = run(put.get());
    writer->wait(); // the job's abortRead() wakes the writer
    delete writer;
    QVERIFY(done);
    QVERIFY(!put->succeeded());
    QVERIFY2(put->errorString().contains(QLatin1String("part 2")), qPrintable(put->errorString()));
    // The upload was aborted on the server...
    const QStringList aborts = m_proxy->requests().filter(QRegularExpression(QStringLiteral("^DELETE .*uploadId=")));
    QCOMPARE(aborts.size(), 1);
    QVERIFY(pendingUploads(k).isEmpty());
    // ...and no object appeared.
    std::unique_ptr<StoreJob> head(m_direct->head(k));
    QVERIFY(run(head.get()));
    QVERIFY(head->notFound());
}

void TestS3MultipartUploadJob::abortStopsTheProducerAndRemovesTheUpload()
{
    m_proxy->addRule({ "PUT", "partNumber=", FaultProxy::Action::Delay, 0, -1, 0, 2000 });
    const QString k = key(QStringLiteral("cancelled.bin"));
    BoundedPipe pipe(kMiB);
    StoreJob *put = m_store->putStream(k, &pipe, -1);
    put->setAutoDelete(false);
    QThread *writer = startWriter(&pipe, randomBytes(4 * kPart));
    put->start();
    // Wait until the upload exists, then cancel.
    QTRY_VERIFY_WITH_TIMEOUT(!m_proxy->requests().filter(QStringLiteral("partNumber=1")).isEmpty(), 20000);
    put->abort();
    QCOMPARE(put->error(), Job::Error::Aborted);
    QVERIFY(writer->wait(10000)); // the blocked producer woke up
    delete writer;
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_proxy->requests().filter(QRegularExpression(QStringLiteral("^DELETE .*uploadId="))).isEmpty(), 10000);
    delete put;
    // The removal outlives the job: the server forgets the upload.
    QTRY_VERIFY_WITH_TIMEOUT(pendingUploads(k).isEmpty(), 10000);
    std::unique_ptr<StoreJob> head(m_direct->head(k));
    QVERIFY(run(head.get()));
    QVERIFY(head->notFound());
}

void TestS3MultipartUploadJob::permanentFailureOfAFileUploadLeavesNothing()
{
    m_proxy->addRule({ "PUT", "partNumber=2", FaultProxy::Action::Respond, 0, -1, 503 });
    const QString k = key(QStringLiteral("doomed-file.bin"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(randomBytes(kPart * 4));
    }
    std::unique_ptr<StoreJob> put(m_store->putFile(k, path));
    QVERIFY(run(put.get()));
    QVERIFY(!put->succeeded());
    QCOMPARE(put->error(), Job::Error::Retryable);
    QVERIFY2(put->errorString().contains(QLatin1String("part 2")), qPrintable(put->errorString()));
    QVERIFY(pendingUploads(k).isEmpty());
    std::unique_ptr<StoreJob> head(m_direct->head(k));
    QVERIFY(run(head.get()));
    QVERIFY(head->notFound());
}

void TestS3MultipartUploadJob::abortWhileCreatingStillRemovesTheUpload()
{
    // The upload's id is not known yet when the job is cancelled: the server creates the upload
    // anyway, and it must be removed once the id arrives, although the job is long gone.
    m_proxy->addRule({ "POST", "uploads", FaultProxy::Action::Delay, 0, 1, 0, 800 });
    const QString k = key(QStringLiteral("cancelled-early.bin"));
    BoundedPipe pipe(kMiB);
    StoreJob *put = m_store->putStream(k, &pipe, -1);
    QThread *writer = startWriter(&pipe, randomBytes(3 * kMiB + kPart * 4));
    put->start();
    QTRY_VERIFY_WITH_TIMEOUT(!m_proxy->requests().filter(QStringLiteral("uploads")).isEmpty(), 20000);
    QSignalSpy finished(put, &Job::finished);
    put->abort(); // auto-delete: the job is deleted on the next event loop pass
    QCOMPARE(finished.size(), 1);
    QVERIFY(writer->wait(10000));
    delete writer;
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_proxy->requests().filter(QRegularExpression(QStringLiteral("^DELETE .*uploadId="))).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(pendingUploads(k).isEmpty(), 10000);
    QVERIFY(m_proxy->requests().filter(QStringLiteral("partNumber=")).isEmpty());
}

void TestS3MultipartUploadJob::streamThreeTimesItsPlanCompletes()
{
    // Parts are planned for 4x the expected size: a stream 3x as large still fits the part
    // limit (4 parts here instead of 10,000) with equal parts.
    S3TransferOptions options = m_store->transferOptions();
    options.maxParts = 4;
    m_store->setTransferOptions(options);
    const QString k = key(QStringLiteral("grown.bin"));
    const qint64 expected = 2 * kPart;
    const QByteArray data = randomBytes(3 * expected);
    BoundedPipe pipe(2 * kMiB);
    std::unique_ptr<StoreJob> put(m_store->putStream(k, &pipe, expected, { { QStringLiteral("backup-id"), "g" } }));
    QThread *writer = startWriter(&pipe, data);
    const bool done = run(put.get());
    writer->wait();
    delete writer;
    QVERIFY(done);
    QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
    auto *upload = qobject_cast<S3MultipartUploadJob *>(put.get());
    QVERIFY(upload);
    QCOMPARE(upload->partSize(), 4 * expected / 4); // 4x the expected size over 4 parts
    QCOMPARE(m_proxy->requests().filter(QRegularExpression(QStringLiteral("^PUT .*partNumber="))).size(), 3);
    QCOMPARE(put->result().sha256, sha256Hex(data));
    std::unique_ptr<StoreJob> head(m_direct->head(k));
    QVERIFY(run(head.get()) && head->succeeded());
    QCOMPARE(head->result().object.size, qint64(data.size()));
}

void TestS3MultipartUploadJob::streamNeedingTooManyPartsFailsEarly()
{
    // A tiny plan (as if the database grew tenfold) and a part limit of 3 instead of 10,000:
    // the upload stops when the last allowed part fills and more data follows, not at the end.
    S3TransferOptions options = m_store->transferOptions();
    options.maxParts = 3;
    m_store->setTransferOptions(options);
    const QString k = key(QStringLiteral("outgrown.bin"));
    const QByteArray data = randomBytes(10 * kPart);
    BoundedPipe pipe(2 * kMiB);
    std::unique_ptr<StoreJob> put(m_store->putStream(k, &pipe, kMiB));
    QThread *writer = startWriter(&pipe, data);
    const bool done = run(put.get());
    writer->wait(); // woken by the job's abortRead()
    delete writer;
    QVERIFY(done);
    QVERIFY(!put->succeeded());
    QCOMPARE(put->result().errorCode, S3MultipartUploadJob::tooManyPartsCode());
    QVERIFY2(put->errorString().contains(QLatin1String("outgrew its planned part size")),
             qPrintable(put->errorString()));
    QVERIFY(put->errorString().contains(QLatin1String("next backup plans larger parts")));
    // How far it got: enough to plan the next one, far from the end of the stream.
    QVERIFY(put->result().bytesTransferred >= 3 * kPart);
    QVERIFY(put->result().bytesTransferred < data.size());
    QVERIFY(m_proxy->requests().filter(QRegularExpression(QStringLiteral("^PUT .*partNumber="))).size() <= 2);
    QVERIFY(put->result().uploadId.isEmpty()); // the abort was confirmed
    QVERIFY(pendingUploads(k).isEmpty());
    std::unique_ptr<StoreJob> head(m_direct->head(k));
    QVERIFY(run(head.get()));
    QVERIFY(head->notFound());
}

void TestS3MultipartUploadJob::lostCompleteResponseIsConfirmedByHead()
{
    // The server completes the upload but the response never arrives; the retry finds the
    // upload gone (NoSuchUpload). The object is there with our size and metadata: success.
    m_proxy->addRule({ "POST", "uploadId=", FaultProxy::Action::CutResponse, 0, 1, 0, 0, 0 });
    const QString k = key(QStringLiteral("lost-complete.bin"));
    const QByteArray data = randomBytes(kPart * 5 / 2);
    BoundedPipe pipe(2 * kMiB);
    std::unique_ptr<StoreJob> put(m_store->putStream(k, &pipe, kPart, { { QStringLiteral("backup-id"), "lost" } }));
    QThread *writer = startWriter(&pipe, data);
    const bool done = run(put.get());
    writer->wait();
    delete writer;
    QVERIFY(done);
    QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
    QCOMPARE(m_proxy->faultsInjected(), 1);
    QVERIFY(m_proxy->requests().filter(QRegularExpression(QStringLiteral("^POST .*uploadId="))).size() >= 2);
    QVERIFY(!m_proxy->requests().filter(QRegularExpression(QStringLiteral("^HEAD "))).isEmpty());
    QCOMPARE(put->result().sha256, sha256Hex(data));
    QVERIFY(pendingUploads(k).isEmpty());
    std::unique_ptr<StoreJob> head(m_direct->head(k));
    QVERIFY(run(head.get()) && head->succeeded());
    QCOMPARE(head->result().object.size, qint64(data.size()));
}

QTEST_GUILESS_MAIN(TestS3MultipartUploadJob)
#include "TestS3MultipartUploadJob.moc"
