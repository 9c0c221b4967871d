// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/BoundedPipe.h"
#include "util/PipeWriterDevice.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>

class TestBoundedPipe : public QObject
{
    Q_OBJECT

private slots:
    void passesBytesInOrderAcrossThreads();
    void writerBlocksWhileFullAndWakesOnRead();
    void abortReadWakesABlockedWriter();
    void failWriteIsNotTheEnd();
    void failAfterCloseAbandonsTheStream();
    void writeLargerThanCapacityProgresses();
    void deviceClosesThePipe();
};

void TestBoundedPipe::passesBytesInOrderAcrossThreads()
{
    BoundedPipe pipe(4096);
    QByteArray sent;
    for (int i = 0; i < 100000; ++i)
        sent += char(i * 7);
    QThread *writer = QThread::create([&] {
        for (int at = 0; at < sent.size(); at += 1000)
            pipe.write(sent.mid(at, 1000));
        pipe.closeWrite();
    });
    // The writer thread uses `pipe` and `sent`: whatever happens below, stop and join it before
    // they go out of scope, so a failed check cannot turn into a crash or a hang.
    const auto joinWriter = qScopeGuard([&] {
        pipe.abortRead();
        writer->wait();
        delete writer;
    });
    std::atomic<int> emitted{ 0 };
    // Direct connection: counts emissions from the writer thread itself.
    connect(
        &pipe, &BoundedPipe::readyRead, this, [&] { ++emitted; }, Qt::DirectConnection);
    writer->start();
    QByteArray received;
    while (!pipe.atEnd()) {
        received += pipe.read(1500);
        // Poll rather than QSignalSpy::wait(): the spy's event loop is not woken reliably by a
        // signal emitted from another thread, and the pipe's state is the truth anyway.
        if (!pipe.atEnd() && pipe.bytesAvailable() == 0)
            QTRY_VERIFY_WITH_TIMEOUT(pipe.bytesAvailable() > 0 || pipe.atEnd(), 30000);
    }
    QVERIFY(writer->wait(30000));
    QVERIFY(emitted.load() > 0);
    QCOMPARE(received, sent);
    QCOMPARE(pipe.totalWritten(), qint64(sent.size()));
}

void TestBoundedPipe::writerBlocksWhileFullAndWakesOnRead()
{
    BoundedPipe pipe(10);
    std::atomic<bool> secondWriteDone{ false };
    QThread *writer = QThread::create([&] {
        pipe.write(QByteArray(10, 'a'));
        pipe.write(QByteArray(5, 'b'));
        secondWriteDone = true;
    });
    writer->start();
    QTRY_COMPARE(pipe.bytesAvailable(), qint64(10));
    QVERIFY(!writer->wait(100)); // blocked: the pipe is full
    QVERIFY(!secondWriteDone);
    QCOMPARE(pipe.read(10), QByteArray(10, 'a'));
    QVERIFY(writer->wait(5000));
    delete writer;
    QCOMPARE(pipe.read(10), QByteArray(5, 'b'));
    QVERIFY(pipe.bytesAvailable() <= pipe.capacity());
}

void TestBoundedPipe::abortReadWakesABlockedWriter()
{
    BoundedPipe pipe(4);
    std::atomic<int> result{ -1 };
    QThread *writer = QThread::create([&] { result = pipe.write(QByteArray(100, 'x')) ? 1 : 0; });
    writer->start();
    QTRY_COMPARE(pipe.bytesAvailable(), qint64(4));
    pipe.abortRead();
    QVERIFY(writer->wait(5000));
    delete writer;
    QCOMPARE(result.load(), 0);
    QVERIFY(pipe.readAborted());
    QVERIFY(!pipe.write("more"));
}

void TestBoundedPipe::failWriteIsNotTheEnd()
{
    BoundedPipe pipe(100);
    pipe.write("abc");
    pipe.failWrite(QStringLiteral("dump failed"));
    QVERIFY(pipe.writerFailed());
    QVERIFY(!pipe.atEnd());
    QCOMPARE(pipe.writerError(), QStringLiteral("dump failed"));
    pipe.closeWrite(); // too late: the failure stands
    QVERIFY(!pipe.writeClosed());
}

void TestBoundedPipe::failAfterCloseAbandonsTheStream()
{
    // A cancel after the producer finished: the reader must not complete what it has.
    BoundedPipe pipe(100);
    pipe.write("abc");
    pipe.closeWrite();
    pipe.failWrite(QStringLiteral("cancelled"));
    QVERIFY(pipe.writerFailed());
    pipe.abortRead();
    QVERIFY(pipe.writerFailed()); // atEnd() may now be true, but the failure comes first
    QCOMPARE(pipe.writerError(), QStringLiteral("cancelled"));
}

void TestBoundedPipe::writeLargerThanCapacityProgresses()
{
    BoundedPipe pipe(3);
    QThread *writer = QThread::create([&] {
        pipe.write("abcdefgh");
        pipe.closeWrite();
    });
    writer->start();
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (!pipe.atEnd() && timer.elapsed() < 5000)
        received += pipe.read(2);
    QVERIFY(writer->wait(5000));
    delete writer;
    QCOMPARE(received, QByteArray("abcdefgh"));
}

void TestBoundedPipe::deviceClosesThePipe()
{
    BoundedPipe pipe(100);
    PipeWriterDevice device(&pipe);
    QVERIFY(device.isWritable());
    QCOMPARE(device.write("hello"), qint64(5));
    device.close();
    QVERIFY(pipe.writeClosed());
    QCOMPARE(pipe.read(100), QByteArray("hello"));
    QVERIFY(pipe.atEnd());

    BoundedPipe aborted(100);
    PipeWriterDevice writer(&aborted);
    aborted.abortRead();
    QCOMPARE(writer.write("x"), qint64(-1));
    QVERIFY(!writer.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestBoundedPipe)
#include "TestBoundedPipe.moc"
