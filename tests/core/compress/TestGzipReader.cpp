// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compress/GzipReader.h"
#include "compress/GzipWriter.h"

#include <QBuffer>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <algorithm>
#include <zlib.h>

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

// Reads @p reader (open) to its end, @p chunk bytes at a time; returns false and the error when
// it fails, else whether it finished the stream cleanly.
bool drain(GzipReader &reader, QByteArray *out, QString *error, int chunk = 10000)
{
    out->clear();
    QByteArray buf(chunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = reader.read(buf.data(), chunk);
        if (n < 0) {
            *error = reader.errorString();
            return false;
        }
        if (n == 0 && reader.atEnd())
            break;
        out->append(buf.constData(), int(n));
    }
    return reader.finishedOk();
}

// Reads everything; returns false and the error when the reader fails.
bool readAll(const QByteArray &gz, QByteArray *out, QString *error)
{
    QBuffer source;
    source.setData(gz);
    source.open(QIODevice::ReadOnly);
    GzipReader reader(&source);
    reader.open(QIODevice::ReadOnly);
    return drain(reader, out, error);
}

// A source that hands out at most a few bytes per read, as a slow pipe or socket may, so that
// headers, trailers and member boundaries arrive split across reads.
class TrickleDevice : public QIODevice
{
public:
    explicit TrickleDevice(const QByteArray &data)
        : m_data(data)
    {
        open(QIODevice::ReadOnly);
    }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>({ maxSize, 7, m_data.size() - m_pos });
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// The member @p gz (one member with a 10-byte header, as GzipWriter writes it) with a header that
// carries every optional field gzip(1) and other writers may set: FEXTRA, FNAME, FCOMMENT, FHCRC.
QByteArray withFullHeader(const QByteArray &gz)
{
    QByteArray header("\x1f\x8b\x08\x1e\x00\x00\x00\x00\x00\x03", 10);
    const QByteArray extra("Cd\x02\x00ok", 6); // one subfield: id "Cd", length 2
    header += char(extra.size()) + QByteArray(1, '\0') + extra;
    header += QByteArray("dump.sql") + '\0';
    header += QByteArray("written by a test") + '\0';
    const uLong crc = crc32(0, reinterpret_cast<const Bytef *>(header.constData()), uInt(header.size()));
    header += char(crc & 0xff);
    header += char((crc >> 8) & 0xff);
    return header + gz.mid(10);
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

    void readsOptionalHeaderFields()
    {
        const QByteArray a = text(20000, "named");
        const QByteArray gz = gzip(a, 1);
        QCOMPARE(gz.left(4), QByteArray("\x1f\x8b\x08\x00", 4));
        QByteArray out;
        QString error;
        QVERIFY2(readAll(withFullHeader(gz), &out, &error), qPrintable(error));
        QCOMPARE(out, a);

        QByteArray badHeaderCrc = withFullHeader(gz);
        const qsizetype hcrc = badHeaderCrc.size() - (gz.size() - 10) - 2;
        badHeaderCrc[hcrc] = char(badHeaderCrc.at(hcrc) ^ 1);
        QVERIFY(!readAll(badHeaderCrc, &out, &error));
        QVERIFY2(error.contains(QStringLiteral("corrupt")), qPrintable(error));
    }

    void readsInputThatArrivesInTinyPieces()
    {
        const QByteArray a = text(4000, "first");
        const QByteArray b = text(3000, "second");
        TrickleDevice source(withFullHeader(gzip(a, 1)) + gzip(b, 2) + QByteArray(3, '\0'));
        GzipReader reader(&source);
        QVERIFY(reader.open(QIODevice::ReadOnly));
        QByteArray out;
        QString error;
        QVERIFY2(drain(reader, &out, &error, 333), qPrintable(error));
        QCOMPARE(out, a + b);
    }

    void zeroPaddingAfterTheLastMemberIsIgnored()
    {
        const QByteArray a = text(3000, "padded");
        QByteArray out;
        QString error;
        QVERIFY2(readAll(gzip(a) + QByteArray(700, '\0'), &out, &error), qPrintable(error));
        QCOMPARE(out, a);
    }

    // As gzip does ("decompression OK, trailing garbage ignored"), bytes after a whole member that
    // do not start another member are skipped, however few, and counted for a warning.
    void trailingDataAfterAMemberIsSkippedAndCounted_data()
    {
        QTest::addColumn<QByteArray>("trailing");
        QTest::addColumn<bool>("trickle");
        QTest::newRow("text") << QByteArray("junk after the stream") << false;
        QTest::newRow("one byte") << QByteArray("x") << false;
        QTest::newRow("half a magic") << QByteArray("\x1f") + QByteArray("x") << false;
        QTest::newRow("after zero padding") << QByteArray(5, '\0') + QByteArray("junk") << false;
        QTest::newRow("in tiny pieces") << QByteArray("\x1fjunk arriving slowly") << true;
    }

    void trailingDataAfterAMemberIsSkippedAndCounted()
    {
        QFETCH(QByteArray, trailing);
        QFETCH(bool, trickle);
        const QByteArray a = text(3000, "then junk");
        QBuffer buffer;
        buffer.setData(gzip(a) + trailing);
        TrickleDevice slow(gzip(a) + trailing);
        QIODevice *source = trickle ? static_cast<QIODevice *>(&slow) : &buffer;
        buffer.open(QIODevice::ReadOnly);
        GzipReader reader(source);
        QVERIFY(reader.open(QIODevice::ReadOnly));
        QByteArray out;
        QString error;
        QVERIFY2(drain(reader, &out, &error, 4096), qPrintable(error));
        QCOMPARE(out, a);
        const qint64 zeros = trailing.count('\0');
        QCOMPARE(reader.trailingBytes(), trailing.size() - zeros);
        QVERIFY2(
            reader.trailingDataWarning().contains(QString::number(trailing.size() - zeros) + QStringLiteral(" bytes")),
            qPrintable(reader.trailingDataWarning()));
        // A backup check refuses what a load only warns about.
        QBuffer again;
        again.setData(gzip(a) + trailing);
        again.open(QIODevice::ReadOnly);
        QString refused;
        QVERIFY(!GzipReader::verifyStream(&again, &refused));
        QVERIFY2(refused.contains(QStringLiteral("not gzip data")), qPrintable(refused));
    }

    // A second member with the gzip magic but a broken header is damage, not trailing data.
    void damagedSecondMemberIsAnError()
    {
        QByteArray out;
        QString error;
        QVERIFY(!readAll(gzip(text(3000, "first")) + QByteArray("\x1f\x8b\x09junk-junk-junk"), &out, &error));
        QVERIFY2(error.contains(QStringLiteral("corrupt")), qPrintable(error));
        QVERIFY(!readAll(QByteArray("\x1f\x8b\x08") + QByteArray(20, 'x'), &out, &error));
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

        // The trailer's length (ISIZE) is checked too.
        gz = gzip(text(1000, "crc"));
        gz[gz.size() - 1] = char(gz.at(gz.size() - 1) ^ 1);
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

    // What the usual compressors write is named with the command that unpacks it; SQL text (also
    // text that starts like a magic number) and gzip are not.
    void namesOtherCompressions_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zip") << QByteArrayLiteral("PK\x03\x04\x14\x00\x00\x00") << QStringLiteral("a zip archive");
        QTest::newRow("empty zip") << QByteArrayLiteral("PK\x05\x06\x00\x00") << QStringLiteral("(unzip)");
        QTest::newRow("bzip2") << QByteArray("BZh91AY&SY") << QStringLiteral("bzip2-compressed");
        QTest::newRow("xz") << QByteArrayLiteral("\xFD"
                                                 "7zXZ\x00\x00\x04")
                            << QStringLiteral("(unxz)");
        QTest::newRow("zstd") << QByteArrayLiteral("\x28\xB5\x2F\xFD\x04\x58") << QStringLiteral("(unzstd)");
        QTest::newRow("7z") << QByteArrayLiteral("7z\xBC\xAF\x27\x1C\x00\x04") << QStringLiteral("a 7z archive");
        QTest::newRow("lz4") << QByteArrayLiteral("\x04\x22\x4D\x18\x64\x40") << QStringLiteral("(unlz4)");
        QTest::newRow("SQL") << QByteArray("CREATE TABLE t (a INT);") << QString();
        QTest::newRow("text starting BZh") << QByteArray("BZhello;") << QString();
        QTest::newRow("PK as text") << QByteArray("PK INT") << QString();
        QTest::newRow("gzip") << gzip("x") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void namesOtherCompressions()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, expected);
        const QString named = GzipReader::otherCompression(head);
        if (expected.isEmpty())
            QVERIFY2(named.isEmpty(), qPrintable(named));
        else
            QVERIFY2(named.contains(expected) && named.contains(QLatin1String("unpack it first")), qPrintable(named));
    }

    // What a loader reads: the input itself, the inflated gzip, or nothing with the reason.
    void openTextGivesTheSqlText()
    {
        const QByteArray sql = text(50, "plain");
        for (const QByteArray &input : { sql, gzip(sql) }) {
            QByteArray data = input;
            QBuffer in(&data);
            QVERIFY(in.open(QIODevice::ReadOnly));
            std::unique_ptr<GzipReader> holder;
            QString error;
            QIODevice *opened = GzipReader::openText(&in, &holder, &error);
            QVERIFY2(opened, qPrintable(error));
            QCOMPARE(opened == &in, input == sql);
            QCOMPARE(opened->readAll(), sql);
        }
        QByteArray zip = QByteArrayLiteral("PK\x03\x04\x14\x00\x00\x00");
        QBuffer zipIn(&zip);
        QVERIFY(zipIn.open(QIODevice::ReadOnly));
        std::unique_ptr<GzipReader> holder;
        QString error;
        QVERIFY(!GzipReader::openText(&zipIn, &holder, &error));
        QVERIFY2(error.contains(QLatin1String("a zip archive")), qPrintable(error));
    }

    // The same with the real tools' output, where they are installed.
    void namesWhatTheRealToolsWrite_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bzip2") << QStringLiteral("bzip2") << QStringList{ QStringLiteral("-c") }
                               << QStringLiteral("bzip2");
        QTest::newRow("xz") << QStringLiteral("xz") << QStringList{ QStringLiteral("-c") } << QStringLiteral("xz");
        QTest::newRow("zstd") << QStringLiteral("zstd") << QStringList{ QStringLiteral("-c"), QStringLiteral("-q") }
                              << QStringLiteral("zstd");
        QTest::newRow("lz4") << QStringLiteral("lz4") << QStringList{ QStringLiteral("-c"), QStringLiteral("-q") }
                             << QStringLiteral("lz4");
        QTest::newRow("zip") << QStringLiteral("zip")
                             << QStringList{ QStringLiteral("-q"), QStringLiteral("-"), QStringLiteral("-") }
                             << QStringLiteral("zip");
    }

    void namesWhatTheRealToolsWrite()
    {
        QFETCH(QString, tool);
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const QString program = QStandardPaths::findExecutable(tool);
        if (program.isEmpty())
            QSKIP("the tool is not installed");
        QProcess p;
        p.start(program, arguments);
        QVERIFY(p.waitForStarted(10000));
        p.write(text(100, "compressed"));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        const QString named = GzipReader::otherCompression(out.left(8));
        QVERIFY2(named.contains(expected), qPrintable(named));
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
