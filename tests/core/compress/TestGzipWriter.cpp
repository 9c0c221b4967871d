// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compress/GzipReader.h"
#include "compress/GzipWriter.h"

#include <QBuffer>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

#include <zlib.h>

namespace {

// SQL-like text with some randomness, so blocks compress but not trivially.
QByteArray sampleData(qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray data;
    data.reserve(size);
    while (data.size() < size) {
        data += "INSERT INTO `wp_posts` VALUES (" + QByteArray::number(rng.generate()) + ",'post title ";
        for (int i = 0; i < 20; ++i)
            data += char('a' + rng.bounded(26));
        data += "');\n";
        if (rng.bounded(10) == 0) {
            for (int i = 0; i < 200; ++i)
                data += char(rng.bounded(256));
        }
    }
    data.truncate(size);
    return data;
}

QByteArray zlibInflate(const QByteArray &gz)
{
    z_stream zs{};
    inflateInit2(&zs, 15 + 16);
    QByteArray out;
    char buf[65536];
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.constData()));
    zs.avail_in = uInt(gz.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, int(sizeof buf - zs.avail_out));
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray("<inflate failed>");
}

QByteArray compress(const QByteArray &data, int level, int threads, int chunk)
{
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    GzipWriter writer(&sink, level, threads);
    if (!writer.open(QIODevice::WriteOnly))
        return {};
    for (qsizetype off = 0; off < data.size(); off += chunk)
        writer.write(data.constData() + off, qMin<qsizetype>(chunk, data.size() - off));
    writer.close();
    return writer.finishedOk() ? sink.data() : QByteArray();
}

// A sink that fails once it received a given number of bytes (disk full, closed pipe).
class FailingSink : public QIODevice
{
public:
    explicit FailingSink(qint64 limit)
        : m_limit(limit)
    { }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        if (m_written + size > m_limit) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        m_written += size;
        return size;
    }

private:
    qint64 m_limit;
    qint64 m_written = 0;
};

} // namespace

class TestGzipWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("chunk");
        QTest::newRow("empty, 1 thread") << 1 << 6 << 0 << 100;
        QTest::newRow("empty, 4 threads") << 4 << 6 << 0 << 100;
        QTest::newRow("1 thread") << 1 << 6 << 3'000'000 << 7777;
        QTest::newRow("2 threads") << 2 << 6 << 3'000'000 << 65536;
        QTest::newRow("4 threads, level 1, odd chunks") << 4 << 1 << 2'500'001 << 1;
        QTest::newRow("3 threads, level 9") << 3 << 9 << 1'000'000 << 300'000;
        QTest::newRow("2 threads, stored") << 2 << 0 << 700'000 << 4096;
        // More blocks than may be in flight at once, so the writer has to wait for workers.
        QTest::newRow("2 threads, level 5, many blocks") << 2 << 5 << 9'000'000 << 100'000;
    }

    void roundTrip()
    {
        QFETCH(int, threads);
        QFETCH(int, level);
        QFETCH(int, size);
        QFETCH(int, chunk);
        // Byte-by-byte writes are slow; keep that case small.
        const QByteArray data = sampleData(chunk == 1 ? 200'000 : size, quint32(size + threads));
        const QByteArray gz = compress(data, level, threads, chunk);
        QVERIFY(!gz.isEmpty());
        QCOMPARE(zlibInflate(gz), data);

        QBuffer source;
        source.setData(gz);
        source.open(QIODevice::ReadOnly);
        GzipReader reader(&source);
        QVERIFY(reader.open(QIODevice::ReadOnly));
        QCOMPARE(reader.readAll(), data);
        QVERIFY2(reader.finishedOk(), qPrintable(reader.errorString()));

        QProcess gunzip;
        gunzip.start(QStringLiteral("gzip"), { QStringLiteral("-dc") });
        QVERIFY(gunzip.waitForStarted());
        gunzip.write(gz);
        gunzip.closeWriteChannel();
        QVERIFY(gunzip.waitForFinished(60000));
        QCOMPARE(gunzip.exitCode(), 0);
        QCOMPARE(gunzip.readAllStandardOutput(), data);
    }

    void multiThreadRatioCloseToSingleStream()
    {
        const QByteArray data = sampleData(4'000'000, 7);
        const QByteArray single = compress(data, 6, 1, 65536);
        const QByteArray multi = compress(data, 6, 4, 65536);
        QVERIFY(!single.isEmpty() && !multi.isEmpty());
        // Blocks primed with the previous 32 KiB lose almost nothing against one stream.
        QVERIFY2(double(multi.size()) <= double(single.size()) * 1.02,
                 qPrintable(QStringLiteral("%1 vs %2").arg(multi.size()).arg(single.size())));
    }

    void sinkErrorsPropagate_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("2 threads") << 2;
    }

    void sinkErrorsPropagate()
    {
        QFETCH(int, threads);
        FailingSink sink(10'000);
        sink.open(QIODevice::WriteOnly);
        GzipWriter writer(&sink, 1, threads);
        QVERIFY(writer.open(QIODevice::WriteOnly));
        const QByteArray data = sampleData(4'000'000, 3);
        bool writeFailed = false;
        for (qsizetype off = 0; off < data.size() && !writeFailed; off += 65536)
            writeFailed = writer.write(data.constData() + off, qMin<qsizetype>(65536, data.size() - off)) < 0;
        writer.close();
        QVERIFY(!writer.finishedOk());
        QVERIFY2(writer.errorString().contains(QStringLiteral("No space left")), qPrintable(writer.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestGzipWriter)
#include "TestGzipWriter.moc"
