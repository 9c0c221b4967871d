// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// FileCheckJob hashes, gzip-tests and publishes in a thread of its own: the caller's event loop
// (the service thread, with its heartbeat timers and uploads) keeps running meanwhile.
#include "compress/GzipWriter.h"
#include "jobs/FileCheckJob.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>

class TestFileCheckJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eventLoopKeepsRunningWhileChecking();
    void findsMismatchAndBadGzip();
    void publishesPrivately();
    void abortStopsTheWork();

private:
    QTemporaryDir m_dir;
    QString m_big; ///< a valid gzip file of 96 MiB of pseudo-random text
    QByteArray m_bigSha;
};

void TestFileCheckJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_big = m_dir.filePath(QStringLiteral("big.sql.gz"));
    QFile file(m_big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    {
        GzipWriter gzip(&file, 1);
        QVERIFY(gzip.open(QIODevice::WriteOnly));
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (int i = 0; i < 96; ++i) {
            for (char &c : chunk)
                c = char('a' + generator.bounded(26));
            QCOMPARE(gzip.write(chunk), qint64(chunk.size()));
        }
        gzip.close();
        QVERIFY(gzip.finishedOk());
    }
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&file));
    m_bigSha = hash.result().toHex();
}

void TestFileCheckJob::eventLoopKeepsRunningWhileChecking()
{
    // A timer of this thread stands in for the heartbeat: it must keep firing while the file
    // is hashed and its gzip stream tested. Events are counted, times are not measured.
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(0);
    connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
    FileCheckJob job(m_big, FileCheckJob::Sha256 | FileCheckJob::Gzip);
    job.setAutoDelete(false);
    job.setExpectedSha256(QString::fromLatin1(m_bigSha));
    QSignalSpy finished(&job, &Job::finished);
    heartbeat.start();
    job.start();
    const int ticksAtStart = ticks; // start() returned at once: no work ran in this thread
    QVERIFY(finished.wait(120000));
    heartbeat.stop();
    QCOMPARE(ticksAtStart, 0);
    QVERIFY2(ticks >= 2, qPrintable(QString::number(ticks)));
    QCOMPARE(job.outcome(), FileCheckJob::Outcome::Ok);
    QCOMPARE(job.sha256(), QString::fromLatin1(m_bigSha));
    QCOMPARE(job.size(), QFileInfo(m_big).size());
}

void TestFileCheckJob::findsMismatchAndBadGzip()
{
    {
        FileCheckJob job(m_big, FileCheckJob::Sha256 | FileCheckJob::Gzip);
        job.setAutoDelete(false);
        job.setExpectedSha256(QString(64, u'0'));
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(job.outcome(), FileCheckJob::Outcome::ShaMismatch);
    }
    const QString truncated = m_dir.filePath(QStringLiteral("truncated.gz"));
    QVERIFY(QFile::copy(m_big, truncated));
    QVERIFY(QFile::resize(truncated, QFileInfo(m_big).size() / 2));
    FileCheckJob job(truncated, FileCheckJob::Gzip);
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QVERIFY(finished.wait(120000));
    QCOMPARE(job.outcome(), FileCheckJob::Outcome::GzipInvalid);
    QVERIFY(!job.detail().isEmpty());
}

void TestFileCheckJob::publishesPrivately()
{
    const QString part = m_dir.filePath(QStringLiteral("d.part"));
    const QString target = m_dir.filePath(QStringLiteral("d.sql.gz"));
    QFile file(part);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("content");
    file.close();
    FileCheckJob job(part, FileCheckJob::Sha256);
    job.setAutoDelete(false);
    job.setExpectedSha256(QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayLiteral("content"), QCryptographicHash::Sha256).toHex()));
    job.setPublishTo(target, PrivateFiles::NoReplace);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.outcome(), FileCheckJob::Outcome::Ok);
    QVERIFY(!QFile::exists(part));
    QCOMPARE(QFile::permissions(target) & 0x0077, QFileDevice::Permissions());
}

void TestFileCheckJob::abortStopsTheWork()
{
    auto *job = new FileCheckJob(m_big, FileCheckJob::Sha256 | FileCheckJob::Gzip);
    QSignalSpy finished(job, &Job::finished);
    QSignalSpy destroyed(job, &QObject::destroyed);
    job->start();
    job->abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->error(), Job::Error::Aborted);
    // Auto-delete waits for the thread, which stops at its next chunk.
    QVERIFY(destroyed.size() == 1 || destroyed.wait(30000));
}

QTEST_GUILESS_MAIN(TestFileCheckJob)
#include "TestFileCheckJob.moc"
