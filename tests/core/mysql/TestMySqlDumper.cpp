// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DumpTestSupport.h"
#include "compress/GzipWriter.h"
#include "mysql/MySqlDumper.h"
#include "mysql/MySqlLoader.h"

#include <QBuffer>
#include <QDir>
#include <QRandomGenerator>

#include <cmath>
#include <cstring>
#include <limits>

using namespace DumpTestSupport;

/// Round trips through MySqlDumper: our fixture and Sakila dump and load into fresh databases
/// with equal checksums and definitions; the dump loads with the stock client; the snapshot
/// hides rows committed while the dump runs.
class TestMySqlDumper : public QObject
{
    Q_OBJECT

private:
    QString m_fixtureDb;
    QByteArray m_fixtureDump;

    /// A finite @p Real from random bits (subnormal and huge values included), as text with
    /// enough @p digits to read back to the same value.
    template <typename Real, typename Bits>
    static QByteArray randomFinite(QRandomGenerator &r, int digits)
    {
        static_assert(sizeof(Real) == sizeof(Bits));
        for (;;) {
            const Bits bits = Bits(r.generate64());
            Real value;
            std::memcpy(&value, &bits, sizeof value);
            if (std::isfinite(value))
                return QByteArray::number(double(value), 'g', digits);
        }
    }

    /// Random rows for randomRowsRoundTrip(): text built from pieces that need escaping or are
    /// multi-byte, binary strings of any bytes, numbers up to their types' limits (doubles and
    /// floats from random bit patterns), JSON, dates, bits and NULLs; every value is written as a
    /// hex literal or a number the server reads exactly.
    static QByteArray randomRows(quint32 seed, int rows)
    {
        QRandomGenerator r(seed);
        auto pick = [&](int n) { return int(r.bounded(quint32(n))); };
        static const QList<QByteArray> textPieces{ "\\",
                                                   "'",
                                                   "\"",
                                                   QByteArray(1, '\0'),
                                                   "\n",
                                                   "\r",
                                                   "\t",
                                                   "\x1a",
                                                   "%",
                                                   "_",
                                                   "\xc3\xa9",
                                                   "\xe6\x97\xa5",
                                                   "\xf0\x9f\x98\x80",
                                                   " ",
                                                   "a",
                                                   "NULL",
                                                   "\\N",
                                                   "0x",
                                                   ",",
                                                   ")",
                                                   "(",
                                                   ";",
                                                   "*/",
                                                   "-- ",
                                                   "`" };
        static const QList<QByteArray> cp1250Pieces{ "\xc4\x9b", "\xc5\xa1", "\xc4\x8d", "\xc5\x99", "\xe2\x80\x9e",
                                                     "'",        "\\",       "a",        " " };
        auto text = [&](const QList<QByteArray> &pieces, int maxPieces) {
            QByteArray t;
            for (int i = pick(maxPieces + 1); i > 0; --i)
                t += pieces.at(pick(int(pieces.size())));
            return t;
        };
        auto hex = [](const QByteArray &bytes) -> QByteArray { return "X'" + bytes.toHex() + "'"; };
        auto orNull = [&](const QByteArray &value) -> QByteArray { return pick(10) == 0 ? QByteArray("NULL") : value; };
        auto bytes = [&](int max) {
            QByteArray b(pick(max + 1), Qt::Uninitialized);
            for (char &c : b)
                c = char(r.bounded(256));
            return b;
        };
        auto finiteDouble = [&] { return randomFinite<double, quint64>(r, 17); };
        auto finiteFloat = [&] { return randomFinite<float, quint32>(r, 9); };
        QByteArray sql;
        for (int id = 1; id <= rows; ++id) {
            QList<QByteArray> v;
            v << QByteArray::number(id);
            v << orNull(hex(text(textPieces, 12))); // vc utf8mb4
            v << orNull("CONVERT(" + hex(text(textPieces, 40)) + " USING utf8mb4)"); // tx
            v << orNull(hex(text({ "\xe9", "\xff", "'", "\\", "\x00", "a", "\"" }, 10))); // lat latin1
            v << orNull("CONVERT(_utf8mb4 " + hex(text(cp1250Pieces, 10)) + " USING cp1250)"); // cp
            v << orNull(hex(bytes(40))); // vb
            v << orNull(hex(bytes(pick(20) == 0 ? 70000 : 300))); // bl (some rows large)
            v << orNull((pick(2) ? "-" : "") + QByteArray::number(r.generate64() % 100000000000000000ULL) + "."
                        + QByteArray::number(r.generate64() % 10000000000ULL).rightJustified(10, '0')); // dc
            v << orNull(finiteDouble());
            v << orNull(finiteFloat());
            const qint64 bi = pick(10) == 0
                ? (pick(2) ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max())
                : qint64(r.generate64());
            v << orNull(QByteArray::number(bi));
            v << orNull(QByteArray::number(pick(10) == 0 ? std::numeric_limits<quint64>::max() : r.generate64()));
            v << orNull("'" + QByteArray("abc").mid(pick(3), 1) + "'"); // en
            v << orNull("'" + QList<QByteArray>{ "", "x", "y", "x,y", "y,z", "x,y,z" }.at(pick(6)) + "'"); // st
            v << orNull("JSON_OBJECT('k', CONVERT(" + hex(text(textPieces, 6)) + " USING utf8mb4), 'n', "
                        + finiteDouble() + ")");
            v << orNull("'" + QByteArray::number(1000 + pick(9000)) + "-" + QByteArray::number(1 + pick(12)) + "-"
                        + QByteArray::number(1 + pick(28)) + " " + QByteArray::number(pick(24)) + ":"
                        + QByteArray::number(pick(60)) + ":" + QByteArray::number(pick(60)) + "."
                        + QByteArray::number(pick(1000000)) + "'"); // dt
            v << orNull("b'" + QByteArray::number(pick(1 << 17), 2) + "'"); // bt
            sql += "INSERT INTO r VALUES (" + v.join(',') + ");\n";
        }
        return sql;
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        m_fixtureDb = TestServices::createScratchDatabase(QStringLiteral("dfix"));
        const QString err = loadWithClient(m_fixtureDb, readFile(fixturePath()));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void cleanupTestCase()
    {
        if (!m_fixtureDb.isEmpty())
            TestServices::dropDatabase(m_fixtureDb);
    }

    void dumpsFixture()
    {
        MySqlDumper dumper(endpoint(m_fixtureDb));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY2(dumper.dump(&out), qPrintable(dumper.errorString()));
        m_fixtureDump = out.data();
        const DumpStats stats = dumper.stats();
        QVERIFY(stats.serverVersion.contains(QStringLiteral("MariaDB")));
        QCOMPARE(stats.rawBytes, qint64(m_fixtureDump.size()));
        QCOMPARE(stats.nonTransactionalTables, QStringList{ QStringLiteral("myisam_t") });
        QVERIFY(m_fixtureDump.contains("-- Non-transactional tables (not covered by the snapshot): `myisam_t`"));
        bool sawKeyless = false;
        for (const TableStats &t : stats.tables) {
            if (t.name.startsWith(QStringLiteral("we`ird"))) {
                QCOMPARE(t.rows, 5);
                sawKeyless = true;
            }
        }
        QVERIFY(sawKeyless);
        // Generated columns are left out of INSERTs, invisible ones are kept.
        QVERIFY(m_fixtureDump.contains("INSERT INTO `gcols` (`id`,`a`,`h`) VALUES"));
        // A system-versioned table's past versions with their periods, its current rows with
        // their start (they end at the loading server's end of time).
        QVERIFY(m_fixtureDump.contains("INSERT INTO `versioned` (`id`,`v`,ROW_START,ROW_END) VALUES (1,'old','"));
        QVERIFY(m_fixtureDump.contains("INSERT INTO `versioned` (`id`,`v`,ROW_START) VALUES (1,'new','"));
        QVERIFY(m_fixtureDump.contains("INSERT INTO `versioned_p` (`id`,`v`,`start`,`end`) VALUES (1,1,'"));
    }

    void fixtureLoadsWithStockClient()
    {
        QVERIFY(!m_fixtureDump.isEmpty());
        const QString target = TestServices::createScratchDatabase(QStringLiteral("dcli"));
        const QString err = loadWithClient(target, m_fixtureDump);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QString diff = compareDatabases(m_fixtureDb, target);
        if (diff.isEmpty())
            diff = compareQueries(m_fixtureDb, target, fixtureResultQueries());
        TestServices::dropDatabase(target);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void gzippedOwnDumpLoadsInParallel()
    {
        QVERIFY(!m_fixtureDump.isEmpty());
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        GzipWriter gz(&sink, 6, 2);
        QVERIFY(gz.open(QIODevice::WriteOnly));
        gz.write(m_fixtureDump);
        gz.close();
        QByteArray compressed = sink.data();
        const QString target = TestServices::createScratchDatabase(QStringLiteral("dgz"));
        LoadOptions options;
        options.connections = 3;
        MySqlLoader loader(endpoint(target), options);
        QBuffer in(&compressed);
        in.open(QIODevice::ReadOnly);
        const bool ok = loader.load(&in);
        const QString diff = ok ? compareDatabases(m_fixtureDb, target) : QString();
        TestServices::dropDatabase(target);
        QVERIFY2(ok, qPrintable(loader.errorString()));
        QVERIFY(loader.loadedInParallel()); // the header is found through the gzip stream
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void fixtureLoadsWithOurLoader()
    {
        QVERIFY(!m_fixtureDump.isEmpty());
        const QString target = TestServices::createScratchDatabase(QStringLiteral("dldr"));
        MySqlLoader loader(endpoint(target));
        QBuffer in(&m_fixtureDump);
        in.open(QIODevice::ReadOnly);
        const bool ok = loader.load(&in);
        QString diff = ok ? compareDatabases(m_fixtureDb, target, true) : QString();
        if (ok && diff.isEmpty())
            diff = compareQueries(m_fixtureDb, target, fixtureResultQueries());
        TestServices::dropDatabase(target);
        QVERIFY2(ok, qPrintable(loader.errorString()));
        QVERIFY(loader.loadedInParallel()); // our own dump declares it
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // Random rows of every kind of value dump and load back to the same bytes, through our loader
    // (whose INSERTs go as bulk executes with binary strings where that stores the same bytes),
    // through it with --text-inserts, and through the stock client.
    void randomRowsRoundTrip()
    {
        const quint32 seed = qEnvironmentVariableIsSet("CREODROP_ROWS_FUZZ_SEED")
            ? quint32(qEnvironmentVariableIntValue("CREODROP_ROWS_FUZZ_SEED"))
            : 20261204u;
        qInfo("seed %u", seed);
        const QString source = TestServices::createScratchDatabase(QStringLiteral("drand"));
        const QString err = loadWithClient(
            source,
            "SET NAMES utf8mb4;\n"
            "CREATE TABLE r (id INT PRIMARY KEY, vc VARCHAR(200), tx TEXT, lat VARCHAR(100) CHARACTER SET latin1,\n"
            "  cp VARCHAR(100) CHARACTER SET cp1250, vb VARBINARY(100), bl MEDIUMBLOB, dc DECIMAL(30,10),\n"
            "  d DOUBLE, f FLOAT, bi BIGINT, biu BIGINT UNSIGNED, en ENUM('a','b','c'), st SET('x','y','z'),\n"
            "  js JSON, dt DATETIME(6), bt BIT(17), KEY (vc(20)), KEY (bi)) ENGINE=InnoDB;\n"
                + randomRows(seed, 1500));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QStringList shape = queryRows(source,
                                            QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT vc) > 1000, "
                                                           "COUNT(DISTINCT d) > 1000, SUM(bl IS NULL) > 50 "
                                                           "FROM r"));
        QCOMPARE(shape, QStringList{ QStringLiteral("1500|1|1|1") });
        MySqlDumper dumper(endpoint(source));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY2(dumper.dump(&out), qPrintable(dumper.errorString()));
        QByteArray dump = out.data();
        QVERIFY(dump.size() > 512 * 1024); // past the size at which strings may go as binary

        QStringList diffs;
        qint64 bulkStatements = 0;
        for (const bool binaryInserts : { true, false }) {
            const QString target = TestServices::createScratchDatabase(QStringLiteral("drandl"));
            LoadOptions options;
            options.binaryInserts = binaryInserts;
            MySqlLoader loader(endpoint(target), options);
            QBuffer in(&dump);
            in.open(QIODevice::ReadOnly);
            const bool ok = loader.load(&in);
            if (binaryInserts)
                bulkStatements = loader.bulkInsertStatements();
            diffs << (ok ? compareDatabases(source, target) : loader.errorString());
            TestServices::dropDatabase(target);
        }
        const QString viaClient = TestServices::createScratchDatabase(QStringLiteral("drandc"));
        const QString clientError = loadWithClient(viaClient, dump);
        diffs << (clientError.isEmpty() ? compareDatabases(source, viaClient) : clientError);
        TestServices::dropDatabase(viaClient);
        TestServices::dropDatabase(source);
        QVERIFY2(diffs.at(0).isEmpty(), qPrintable(QStringLiteral("bulk executes: ") + diffs.at(0)));
        QVERIFY2(diffs.at(1).isEmpty(), qPrintable(QStringLiteral("text inserts: ") + diffs.at(1)));
        QVERIFY2(diffs.at(2).isEmpty(), qPrintable(QStringLiteral("stock client: ") + diffs.at(2)));
        QVERIFY(bulkStatements > 0);
    }

    void writesDefinitionsInTheirOwnCharacterSet()
    {
        QVERIFY(!m_fixtureDump.isEmpty());
        QVERIFY(m_fixtureDump.startsWith(QByteArray(MySqlLoader::parallelHeader()).append('\n')));
        // The latin1 body bytes (not their UTF-8 form) under the latin1 client character set.
        const qsizetype body = m_fixtureDump.indexOf(QByteArray("RETURN 'Gr\xfc\xdf"
                                                                "e \xff'"));
        QVERIFY(body > 0);
        const qsizetype names = m_fixtureDump.lastIndexOf("SET character_set_client = latin1", body);
        QVERIFY(names > 0 && body - names < 400);
        QVERIFY(m_fixtureDump.contains("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES';"));
        // Views replace their stand-ins in one step.
        QVERIFY(m_fixtureDump.contains("CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`nobody_here`@`%`"));
    }

    void classifiesGeneratedColumns_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<bool>("generated");
        // MySQL 8
        QTest::newRow("mysql8 plain") << QString() << QString() << false;
        QTest::newRow("mysql8 DEFAULT_GENERATED") << QString() << QStringLiteral("DEFAULT_GENERATED") << false;
        QTest::newRow("mysql8 DEFAULT_GENERATED on update")
            << QString() << QStringLiteral("DEFAULT_GENERATED on update CURRENT_TIMESTAMP") << false;
        QTest::newRow("mysql8 auto_increment") << QString() << QStringLiteral("auto_increment") << false;
        QTest::newRow("mysql8 INVISIBLE") << QString() << QStringLiteral("INVISIBLE") << false;
        QTest::newRow("mysql8 VIRTUAL GENERATED")
            << QStringLiteral("(`a` * 2)") << QStringLiteral("VIRTUAL GENERATED") << true;
        QTest::newRow("mysql8 STORED GENERATED")
            << QStringLiteral("(`a` + 1)") << QStringLiteral("STORED GENERATED") << true;
        QTest::newRow("mysql8 VIRTUAL GENERATED INVISIBLE, no expression")
            << QString() << QStringLiteral("VIRTUAL GENERATED INVISIBLE") << true;
        // MariaDB 10.11 (as information_schema.COLUMNS shows them)
        QTest::newRow("mariadb VIRTUAL GENERATED")
            << QStringLiteral("`a` * 2") << QStringLiteral("VIRTUAL GENERATED") << true;
        QTest::newRow("mariadb generated invisible")
            << QStringLiteral("`a`") << QStringLiteral("VIRTUAL GENERATED, INVISIBLE") << true;
        QTest::newRow("mariadb ROW START")
            << QStringLiteral("ROW START") << QStringLiteral("STORED GENERATED, INVISIBLE") << true;
        QTest::newRow("mariadb ROW END, extra only") << QString() << QStringLiteral("ROW END") << true;
        QTest::newRow("older mariadb PERSISTENT") << QString() << QStringLiteral("PERSISTENT") << true;
        QTest::newRow("mariadb on update") << QString() << QStringLiteral("on update current_timestamp()") << false;
        QTest::newRow("mariadb INVISIBLE") << QString() << QStringLiteral("INVISIBLE") << false;
        QTest::newRow("mariadb auto_increment") << QString() << QStringLiteral("auto_increment") << false;
    }

    void classifiesGeneratedColumns()
    {
        QFETCH(QString, expression);
        QFETCH(QString, extra);
        QFETCH(bool, generated);
        QCOMPARE(MySqlDumper::isGeneratedColumn(expression, extra), generated);
    }

    void statementsStayBounded()
    {
        DumpOptions options;
        options.maxStatementBytes = 8192;
        MySqlDumper dumper(endpoint(m_fixtureDb), options);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY2(dumper.dump(&out), qPrintable(dumper.errorString()));
        // Every INSERT line is under the budget unless it holds a single (multi-MB) row.
        for (const QByteArray &line : out.data().split('\n')) {
            if (line.startsWith("INSERT") && line.size() > 8192)
                QVERIFY2(!line.contains("),("), line.left(80).constData());
        }
    }

    void snapshotHidesConcurrentCommits()
    {
        const QString source = TestServices::createScratchDatabase(QStringLiteral("dsnap"));
        {
            QString error;
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("snap-writer"), source, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE a_first (id INT PRIMARY KEY, pad VARCHAR(100))")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE z_last (id INT PRIMARY KEY)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO a_first SELECT seq, REPEAT('p', 100) FROM seq_1_to_2000")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO z_last SELECT seq FROM seq_1_to_10")));

            DumpOptions options;
            options.maxStatementBytes = 4096;
            MySqlDumper dumper(endpoint(source), options);
            int commits = 0;
            dumper.setProgressCallback([&](const DumpProgress &p) {
                if (p.rows > 0 && commits == 0) {
                    QSqlQuery w(db);
                    commits += w.exec(QStringLiteral("INSERT INTO a_first VALUES (100000, 'late')")) ? 1 : 0;
                    commits += w.exec(QStringLiteral("INSERT INTO z_last VALUES (100000)")) ? 1 : 0;
                    commits += w.exec(QStringLiteral("DELETE FROM z_last WHERE id = 1")) ? 1 : 0;
                }
            });
            QBuffer out;
            out.open(QIODevice::WriteOnly);
            QVERIFY2(dumper.dump(&out), qPrintable(dumper.errorString()));
            QCOMPARE(commits, 3);
            QVERIFY(!out.data().contains("100000"));
            QCOMPARE(dumper.stats().tables.size(), 2);
            QCOMPARE(dumper.stats().tables.at(0).rows, 2000);
            QCOMPARE(dumper.stats().tables.at(1).rows, 10);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("snap-writer"));
        TestServices::dropDatabase(source);
    }

    void cancelStopsTheDump()
    {
        std::atomic<bool> cancel{ false };
        DumpOptions options;
        options.maxStatementBytes = 4096;
        MySqlDumper dumper(endpoint(m_fixtureDb), options);
        dumper.setCancelFlag(&cancel);
        dumper.setProgressCallback([&](const DumpProgress &) { cancel = true; });
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(!dumper.dump(&out));
        QCOMPARE(dumper.errorString(), QStringLiteral("cancelled"));
    }

    void sakilaRoundTrip()
    {
        const QString dir = TestServices::sharedTestDataDir() + QStringLiteral("/sakila");
        if (!QFile::exists(dir + QStringLiteral("/sakila-schema.sql")))
            QSKIP("Sakila is not in the shared test data");
        // The files create and use a database named sakila: point them at a scratch one.
        QByteArray schema = readFile(dir + QStringLiteral("/sakila-schema.sql"));
        QByteArray data = readFile(dir + QStringLiteral("/sakila-data.sql"));
        for (QByteArray *sql : { &schema, &data }) {
            QList<QByteArray> kept;
            for (const QByteArray &line : sql->split('\n')) {
                const QByteArray t = line.trimmed().toUpper();
                if (t.startsWith("DROP SCHEMA") || t.startsWith("CREATE SCHEMA") || t.startsWith("USE "))
                    continue;
                kept << line;
            }
            *sql = kept.join('\n');
            sql->replace("sakila.", ""); // qualified names in view bodies
        }
        const QString source = TestServices::createScratchDatabase(QStringLiteral("sak"));
        QString err = loadWithClient(source, schema + "\n" + data);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        MySqlDumper dumper(endpoint(source));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY2(dumper.dump(&out), qPrintable(dumper.errorString()));
        const QString target = TestServices::createScratchDatabase(QStringLiteral("sakr"));
        MySqlLoader loader(endpoint(target));
        out.close();
        out.open(QIODevice::ReadOnly);
        const bool loaded = loader.load(&out);
        const QString diff = loaded ? compareDatabases(source, target) : QString();
        TestServices::dropDatabase(source);
        TestServices::dropDatabase(target);
        QVERIFY2(loaded, qPrintable(loader.errorString()));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestMySqlDumper)
#include "TestMySqlDumper.moc"
