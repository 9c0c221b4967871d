// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compress/GzipReader.h"
#include "compress/GzipWriter.h"

#include <QBuffer>
#include <QtTest>

namespace {

QByteArray text(int lines, const char *word)
{
    QByteArray data;
    for (int i = 0; i < lines; ++i)
        data += "INSERT INTO t VALUES (" + QByteArray::number(i * 7919 % 100003) + ",'" + word + "');\n";
    return data;
}

QByteArray gzip(const QByteArray &data, int threads = 2)
{
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    GzipWriter writer(&sink, 6, threads);
    writer.open(QIODevice::WriteOnly);
    writer.write(data);
    writer.close();
    return sink.data();
}

// Reads everything; returns false and the error when the reader fails.
bool readAll(const QByteArray &gz, QByteArray *out, QString *error)
{
    QBuffer source;
    source.setData(gz);
    source.open(QIODevice::ReadOnly);
    GzipReader reader(&source);
    reader.open(QIODevice::ReadOnly);
    out->clear();
    char buf[10000];
    for (;;) {
        const qint64 n = reader.read(buf, sizeof buf);
        if (n < 0) {
            *error = reader.errorString();
            return false;
        }
        if (n == 0 && reader.atEnd())
            break;
        out->append(buf, int(n));
    }
    return reader.finishedOk();
}

} // namespace

class TestGzipReader : public QObject
{
    Q_OBJECT

private slots:
    void readsMultipleMembers()
    {
        const QByteArray a = text(50000, "first");
        const QByteArray b = text(30000, "second");
        QByteArray out;
        QString error;
        QVERIFY2(readAll(gzip(a, 1) + gzip(b, 3), &out, &error), qPrintable(error));
        QCOMPARE(out, a + b);
    }

    void truncatedInputIsAnError_data()
    {
        QTest::addColumn<int>("cut");
        QTest::newRow("header only") << 5;
        QTest::newRow("half") << -2;
        QTest::newRow("trailer missing") << -1;
    }

    void truncatedInputIsAnError()
    {
        QFETCH(int, cut);
        const QByteArray gz = gzip(text(40000, "abc"));
        const qsizetype keep = cut == -2 ? gz.size() / 2 : cut == -1 ? gz.size() - 4 : cut;
        QByteArray out;
        QString error;
        QVERIFY(!readAll(gz.left(keep), &out, &error));
        QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));

        QBuffer source;
        source.setData(gz.left(keep));
        source.open(QIODevice::ReadOnly);
        QString verifyError;
        QVERIFY(!GzipReader::verifyStream(&source, &verifyError));
        QVERIFY(!verifyError.isEmpty());
    }

    void corruptInputIsAnError()
    {
        QByteArray gz = gzip(text(40000, "corrupt me"));
        for (qsizetype i = gz.size() / 3; i < gz.size() / 3 + 64; ++i)
            gz[i] = char(gz.at(i) ^ 0x5a);
        QByteArray out;
        QString error;
        QVERIFY(!readAll(gz, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("corrupt")) || error.contains(QStringLiteral("truncated")),
                 qPrintable(error));
    }

    void wrongCrcIsAnError()
    {
        QByteArray gz = gzip(text(1000, "crc"));
        gz[gz.size() - 6] = char(gz.at(gz.size() - 6) ^ 1); // inside the CRC-32
        QByteArray out;
        QString error;
        QVERIFY(!readAll(gz, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("corrupt")), qPrintable(error));
    }

    void notGzipIsAnError()
    {
        QByteArray out;
        QString error;
        QVERIFY(!readAll(QByteArray("CREATE TABLE t (a INT);\n"), &out, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!GzipReader::hasGzipMagic("CREATE"));
        QVERIFY(GzipReader::hasGzipMagic(gzip("x")));
    }

    void verifyStreamAcceptsGoodStreams()
    {
        QBuffer source;
        source.setData(gzip(text(20000, "ok")));
        source.open(QIODevice::ReadOnly);
        QString error;
        QVERIFY2(GzipReader::verifyStream(&source, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGzipReader)
#include "TestGzipReader.moc"
