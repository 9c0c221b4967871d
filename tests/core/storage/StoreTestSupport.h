// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test body shared by the ObjectStore implementations: the same round trips run against the
// real S3 server (TestS3ObjectStore) and a local folder (TestLocalFolderStore).

#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/BoundedPipe.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

namespace StoreTest {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kPart = 5 * kMiB;

inline QByteArray randomBytes(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(quint32(size) ^ 0x5eed);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(generator.generate() & 0xff);
    return data;
}

inline QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

/// Starts @p job and waits for finished(); returns whether it finished in time. The job is
/// kept (no auto-delete) and owned by the returned pointer.
inline bool run(StoreJob *job, int timeoutMs = 60000)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &Job::finished);
    job->start();
    return job->isFinished() || spy.wait(timeoutMs);
}

/// Writes @p data into @p pipe from another thread, in 64 KiB chunks, then closes it.
inline QThread *startWriter(BoundedPipe *pipe, const QByteArray &data)
{
    QThread *writer = QThread::create([pipe, data] {
        for (qint64 at = 0; at < data.size(); at += 64 * 1024) {
            if (!pipe->write(data.constData() + at, std::min<qint64>(64 * 1024, data.size() - at)))
                return;
        }
        pipe->closeWrite();
    });
    writer->start();
    return writer;
}

/// Uploads @p data as @p key through putStream (writer thread) and downloads it again with
/// getToFile; checks size, SHA-256 and bytes.
inline void roundTrip(ObjectStore *store, const QString &key, const QByteArray &data, const ObjectMetadata &meta = {})
{
    BoundedPipe pipe(2 * kMiB);
    std::unique_ptr<StoreJob> put(store->putStream(key, &pipe, data.size(), meta));
    QThread *writer = startWriter(&pipe, data);
    const bool done = run(put.get());
    writer->wait();
    delete writer;
    QVERIFY(done);
    QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
    QCOMPARE(put->result().sha256, sha256Hex(data));
    QCOMPARE(put->result().bytesTransferred, qint64(data.size()));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("download"));
    std::unique_ptr<StoreJob> get(store->getToFile(key, path));
    QVERIFY(run(get.get()));
    QVERIFY2(get->succeeded(), qPrintable(get->errorString()));
    QCOMPARE(get->result().sha256, sha256Hex(data));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.size(), qint64(data.size()));
    QVERIFY(file.readAll() == data);

    std::unique_ptr<StoreJob> head(store->head(key));
    QVERIFY(run(head.get()));
    QVERIFY2(head->succeeded(), qPrintable(head->errorString()));
    QCOMPARE(head->result().object.size, qint64(data.size()));
    for (auto it = meta.cbegin(); it != meta.cend(); ++it)
        QCOMPARE(head->result().object.metadata.value(it.key()), it.value());
}

/// The rows of the data-driven round-trip test: 0 B, 1 B, a byte under a part, exactly one
/// part, 3.5 parts, and keys with awkward characters.
inline void roundTripData()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");
    QTest::newRow("empty") << QStringLiteral("empty.bin") << qint64(0);
    QTest::newRow("one byte") << QStringLiteral("one.bin") << qint64(1);
    QTest::newRow("part minus one") << QStringLiteral("part-1.bin") << kPart - 1;
    QTest::newRow("exactly one part") << QStringLiteral("part.bin") << kPart;
    QTest::newRow("three and a half parts") << QStringLiteral("3.5.bin") << kPart * 7 / 2;
    QTest::newRow("space") << QStringLiteral("with space.bin") << qint64(10);
    QTest::newRow("unicode") << QStringLiteral("ünïcødé-日本.bin") << qint64(11);
    QTest::newRow("plus paren quote") << QStringLiteral("a+b (1) it's.bin") << qint64(12);
}

/// A writer that finished (and closed the pipe) before the job even started.
inline void writerFinishedBeforeStart(ObjectStore *store, const QString &key)
{
    const QByteArray data = randomBytes(kPart + 1234);
    BoundedPipe pipe(data.size() + 1);
    QVERIFY(pipe.write(data));
    pipe.closeWrite();
    std::unique_ptr<StoreJob> put(store->putStream(key, &pipe, -1));
    QVERIFY(run(put.get()));
    QVERIFY2(put->succeeded(), qPrintable(put->errorString()));
    std::unique_ptr<StoreJob> get(store->getData(key));
    QVERIFY(run(get.get()));
    QVERIFY2(get->succeeded(), qPrintable(get->errorString()));
    QVERIFY(get->result().data == data);
}

/// A producer failure removes everything: no object under the key afterwards.
inline void producerFailureLeavesNothing(ObjectStore *store, const QString &key)
{
    BoundedPipe pipe(kMiB);
    std::unique_ptr<StoreJob> put(store->putStream(key, &pipe, -1));
    const QByteArray data = randomBytes(kPart + kMiB);
    QThread *writer = QThread::create([&pipe, data] {
        for (qint64 at = 0; at < data.size(); at += 64 * 1024) {
            if (!pipe.write(data.constData() + at, 64 * 1024))
                return;
        }
        pipe.failWrite(QStringLiteral("the dump failed"));
    });
    writer->start();
    const bool done = run(put.get());
    writer->wait();
    delete writer;
    QVERIFY(done);
    QVERIFY(!put->succeeded());
    QVERIFY2(put->errorString().contains(QLatin1String("the dump failed")), qPrintable(put->errorString()));
    std::unique_ptr<StoreJob> head(store->head(key));
    QVERIFY(run(head.get()));
    QVERIFY(head->notFound());
}

} // namespace StoreTest
