// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mysql/SqlStatementReader.h"

#include <QBuffer>
#include <QtTest>

namespace {
struct Split
{
    QList<QByteArray> statements;
    QList<qint64> lines;
    QString error;
};

Split split(const QByteArray &text)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    SqlStatementReader reader(&buffer);
    Split s;
    while (reader.next()) {
        s.statements << reader.statement();
        s.lines << reader.line();
    }
    s.error = reader.errorString();
    return s;
}
} // namespace

class TestSqlStatementReader : public QObject
{
    Q_OBJECT

private slots:
    void splitsOnDelimiterOutsideQuotes()
    {
        const Split s = split("SELECT 'a;b', \"c;d\", `e;f`;\nSELECT 'it\\'s;', 'x''y;';SELECT 2");
        QCOMPARE(s.statements,
                 (QList<QByteArray>{ "SELECT 'a;b', \"c;d\", `e;f`", "SELECT 'it\\'s;', 'x''y;'", "SELECT 2" }));
        QVERIFY(s.error.isEmpty());
    }

    void skipsCommentsButKeepsExecutableOnes()
    {
        const Split s = split("-- a comment; not a statement\n# another;\n/* block; */\n"
                              "/*!40101 SET @x=1 */;\n--not-a-comment\nSELECT 1 /* mid; */ + 1;\n/* only */;\n"
                              "/*M!999999\\- enable the sandbox mode */\nSELECT 3;");
        // A statement of comments only ("/* only */;") is skipped, as the client does.
        QCOMPARE(s.statements.size(), 3);
        QCOMPARE(s.statements.at(0), QByteArray("/*!40101 SET @x=1 */"));
        QCOMPARE(s.statements.at(1), QByteArray("--not-a-comment\nSELECT 1 /* mid; */ + 1"));
        QCOMPARE(s.statements.at(2), QByteArray("SELECT 3"));
        QCOMPARE(s.lines.at(0), 4);
        QCOMPARE(s.lines.at(1), 5);
    }

    void honoursDelimiterCommand()
    {
        const Split s = split("DELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';;'; END;;\n"
                              "delimiter $$\nCREATE FUNCTION f() RETURNS INT RETURN 1$$\nDELIMITER ;\nSELECT 4;\n");
        QCOMPARE(s.statements,
                 (QList<QByteArray>{ "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';;'; END",
                                     "CREATE FUNCTION f() RETURNS INT RETURN 1", "SELECT 4" }));
        QCOMPARE(s.lines, (QList<qint64>{ 2, 4, 6 }));
    }

    void countsLinesInsideStrings()
    {
        const Split s = split("INSERT INTO t VALUES ('a\nb\nc');\n\nSELECT `x\ny`;\nSELECT 1;");
        QCOMPARE(s.lines, (QList<qint64>{ 1, 5, 7 }));
    }

    void reportsUnterminatedString()
    {
        const Split s = split("SELECT 1;\nSELECT 'never closed;\n");
        QCOMPARE(s.statements.size(), 1);
        QVERIFY2(s.error.contains(QStringLiteral("line 2")), qPrintable(s.error));
    }

    void handlesLargeStatementsAcrossReads()
    {
        QByteArray big = "INSERT INTO t VALUES ('";
        big += QByteArray(3 * 1024 * 1024, 'x');
        big += "\\';'),('y');\nSELECT 2;";
        const Split s = split(big);
        QCOMPARE(s.statements.size(), 2);
        QCOMPARE(s.statements.at(0).size(), big.indexOf(";\nSELECT"));
    }
};

QTEST_GUILESS_MAIN(TestSqlStatementReader)
#include "TestSqlStatementReader.moc"
