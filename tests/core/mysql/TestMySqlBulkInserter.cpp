// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DumpTestSupport.h"
#include "mysql/InsertRowsDecoder.h"
#include "mysql/MySqlBulkInserter.h"
#include "mysql/MySqlSession.h"

#include <QtTest>

using namespace DumpTestSupport;

/// MySqlBulkInserter against the real server: which strings go as binary parameters, and that
/// every row is stored exactly as the text statement stores it.
class TestMySqlBulkInserter : public QObject
{
    Q_OBJECT

private:
    QString m_db;

    // Columns of every kind a quoted string may be bound for.
    static QByteArray createTable(const char *name)
    {
        return QByteArray("CREATE TABLE `") + name
            + "` (id INT PRIMARY KEY, m4 TEXT, `Mixed Case` VARCHAR(20), ch CHAR(8), mb VARCHAR(20) COLLATE "
              "utf8mb4_bin,\n"
              "  m3 VARCHAR(20) CHARACTER SET utf8mb3, cz VARCHAR(20) CHARACTER SET cp1250,\n"
              "  l1 TINYTEXT CHARACTER SET latin1, bn VARBINARY(40), bl BLOB, eu ENUM('\xC3\xA4','\xE2\x82\xAC'),\n"
              "  st SET('\xC3\xA4','\xC3\xB6'), js JSON, dt DATETIME, dc DECIMAL(10,2), u UUID)\n"
              "  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    // One INSERT of @p rows rows into @p table whose strings total at least @p bytes.
    static QByteArray insertStatement(const char *table, int firstId, int rows, int padding)
    {
        QByteArray sql = QByteArray("INSERT INTO `") + table
            + "` (`id`,`m4`,`mixed case`,`ch`,`mb`,`m3`,`cz`,`l1`,`bn`,`bl`,`eu`,`st`,`js`,`dt`,`dc`,`u`) VALUES ";
        const QByteArray pad(padding, 'x');
        for (int i = 0; i < rows; ++i) {
            sql += (i ? ",(" : "(") + QByteArray::number(firstId + i) + ",'\xC3\xA4\xE2\x82\xAC\xF0\x9F\x98\x80 " + pad
                + " \\\\ \\' \\n','\xC3\xB1 ','ab ','\xC3\x84"
                  "b',"
                  "'\xC3\xA4\xE2\x82\xAC','\xC4\x8D\xC5\xA1\xE2\x82\xAC','\xC3\xA4\xC3\xBF','\xC3\xA4\\0',"
                  "'\xE2\x82\xAC','\xE2\x82\xAC','\xC3\xA4,\xC3\xB6','{\"\xC3\xA4\": \"\xE2\x82\xAC\"}',"
                  "'2024-02-29 12:34:56','12.50','123e4567-e89b-12d3-a456-426655440000')";
        }
        return sql;
    }

    static QStringList hexRows(const QString &database, const char *table)
    {
        return queryRows(database,
                         QStringLiteral("SELECT id, HEX(m4), HEX(`Mixed Case`), HEX(ch), HEX(mb), HEX(m3), "
                                        "HEX(cz), HEX(l1), HEX(bn), HEX(bl), HEX(eu), HEX(st), HEX(js), dt, "
                                        "dc, u FROM `%1` ORDER BY id")
                             .arg(QLatin1String(table)));
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        m_db = TestServices::createScratchDatabase(QStringLiteral("bulkins"));
    }

    void cleanupTestCase()
    {
        if (!m_db.isEmpty())
            TestServices::dropDatabase(m_db);
    }

    void stringsOfTheSessionCharsetGoAsBinaryAndStoreTheSameBytes()
    {
        MySqlSession session(endpoint(m_db), QStringLiteral("bulk"));
        QString error;
        QVERIFY2(session.open(&error), qPrintable(error));
        QVERIFY2(session.exec("SET NAMES utf8mb4", &error), qPrintable(error));
        QVERIFY2(session.exec(createTable("viaText"), &error), qPrintable(error));
        QVERIFY2(session.exec(createTable("viaBulk"), &error), qPrintable(error));
        MySqlBulkInserter inserter(session.handle());
        QVERIFY(inserter.serverSupportsBulk());

        // Small statements first: no column lookup yet, every string goes in the client charset.
        const int padding = 2000;
        const int rowsPerStatement = 20;
        qint64 sent = 0;
        int id = 1;
        InsertRowsDecoder rows;
        while (sent + qint64(rowsPerStatement) * padding < MySqlBulkInserter::kClassifyAfterBytes) {
            const QByteArray statement = insertStatement("viaBulk", id, rowsPerStatement, padding);
            QVERIFY2(session.exec(insertStatement("viaText", id, rowsPerStatement, padding), &error),
                     qPrintable(error));
            QVERIFY(rows.decode(statement));
            QCOMPARE(inserter.insert(rows, &error), MySqlBulkInserter::Result::Inserted);
            QVERIFY(inserter.binaryStringColumns().empty());
            sent += rows.dataSize();
            id += rowsPerStatement;
        }
        // Then the columns are looked up, by name in any case.
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(session.exec(insertStatement("viaText", id, rowsPerStatement, padding), &error),
                     qPrintable(error));
            QVERIFY(rows.decode(insertStatement("viaBulk", id, rowsPerStatement, padding)));
            QCOMPARE(inserter.insert(rows, &error), MySqlBulkInserter::Result::Inserted);
            id += rowsPerStatement;
        }
        //                         id     m4    Mixed  ch    mb    m3     cz     l1     bn    bl    eu     st
        const std::vector<bool> expected{ false, true, true, true, true, false, false, false, true, true, false, false,
                                          //  js  dt     dc     u
                                          true, false, false, false };
        QCOMPARE(inserter.binaryStringColumns(), expected);
        QCOMPARE(inserter.statementsInserted(), qint64(id - 1) / rowsPerStatement);

        const QStringList text = hexRows(m_db, "viaText");
        const QStringList bulk = hexRows(m_db, "viaBulk");
        QCOMPARE(text.size(), id - 1);
        QCOMPARE(bulk, text);
    }

    // A hex literal is a string of its bytes in a character, binary or BIT column, as a binary
    // parameter is, but the number 65 for 0x41 in a numeric one: such a statement goes as text.
    void hexLiteralsGoInBulkOnlyWhereTheyAreStrings()
    {
        MySqlSession session(endpoint(m_db), QStringLiteral("bulkhex"));
        QString error;
        QVERIFY2(session.open(&error), qPrintable(error));
        QVERIFY2(session.exec("SET NAMES utf8mb4", &error), qPrintable(error));
        QVERIFY2(session.exec("CREATE TABLE hx (id INT PRIMARY KEY, i INT, b BLOB, v VARCHAR(10), bt BIT(8))", &error),
                 qPrintable(error));
        MySqlBulkInserter inserter(session.handle());
        InsertRowsDecoder rows;
        QVERIFY(rows.decode("INSERT INTO `hx` (`id`,`i`,`b`,`v`,`bt`) VALUES (1,NULL,0x41,0x42,0x43)"));
        QCOMPARE(inserter.insert(rows, &error), MySqlBulkInserter::Result::Inserted);
        QVERIFY(rows.decode("INSERT INTO `hx` (`id`,`i`,`b`,`v`,`bt`) VALUES (2,0x41,0x41,NULL,NULL)"));
        QCOMPARE(inserter.insert(rows, &error), MySqlBulkInserter::Result::NotApplicable);
        QCOMPARE(inserter.statementsInserted(), qint64(1));
        QCOMPARE(queryRows(m_db, QStringLiteral("SELECT CONCAT_WS('|', id, HEX(b), v, HEX(bt)) FROM hx")),
                 QStringList{ QStringLiteral("1|41|B|43") });
    }

    // A session whose client and connection character sets differ converts every string.
    void differentConnectionCharsetKeepsStrings()
    {
        MySqlSession session(endpoint(m_db), QStringLiteral("bulk2"));
        QString error;
        QVERIFY2(session.open(&error), qPrintable(error));
        QVERIFY2(session.exec("SET NAMES utf8mb4", &error), qPrintable(error));
        QVERIFY2(session.exec("SET collation_connection = latin1_swedish_ci", &error), qPrintable(error));
        QVERIFY2(session.exec(createTable("mixedSession"), &error), qPrintable(error));
        MySqlBulkInserter inserter(session.handle());
        InsertRowsDecoder rows;
        const int n = int(MySqlBulkInserter::kClassifyAfterBytes / 4000) + 1;
        QVERIFY(rows.decode(insertStatement("mixedSession", 1, n, 4000)));
        QCOMPARE(inserter.insert(rows, &error), MySqlBulkInserter::Result::Inserted);
        QCOMPARE(inserter.binaryStringColumns(), std::vector<bool>(16, false));
    }
};

QTEST_GUILESS_MAIN(TestMySqlBulkInserter)
#include "TestMySqlBulkInserter.moc"
