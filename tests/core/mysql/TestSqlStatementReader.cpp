// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatementReaderCases.h"
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

Split split(const QByteArray &text, const QByteArray &sqlMode = {}, qint64 maxStatement = 0, bool keepComments = false)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    SqlStatementReader reader(&buffer);
    reader.setServerStatus(sqlMode.contains("NO_BACKSLASH_ESCAPES"), sqlMode.contains("ANSI_QUOTES"));
    reader.setKeepComments(keepComments);
    if (maxStatement > 0)
        reader.setMaxStatementSize(maxStatement);
    Split s;
    while (reader.next()) {
        s.statements << reader.statement();
        s.lines << reader.line();
    }
    s.error = reader.errorString();
    return s;
}
} // namespace

/// SqlStatementReader splits like the stock mariadb client: the shared case table (replayed through
/// the real client by TestMySqlLoader), client commands refused by line, bounded statements.
class TestSqlStatementReader : public QObject
{
    Q_OBJECT

private slots:
    void sendsWhatTheClientSends_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QByteArray>>("statements");
        QTest::addColumn<QByteArray>("sqlMode");
        for (const StatementReaderCase &c : statementReaderCases())
            QTest::newRow(c.name) << c.input << c.statements << c.sqlMode;
    }

    void sendsWhatTheClientSends()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QByteArray>, statements);
        QFETCH(QByteArray, sqlMode);
        const Split s = split(input, sqlMode);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.statements, statements);
    }

    void followsStatusChangesBetweenStatements()
    {
        // The status after each statement decides how the next one is read, even on the same line.
        QBuffer buffer;
        buffer.setData("SET sql_mode='NO_BACKSLASH_ESCAPES'; SELECT 'C:\\'; SET sql_mode=''; SELECT 'it\\'s';");
        buffer.open(QIODevice::ReadOnly);
        SqlStatementReader reader(&buffer);
        QList<QByteArray> got;
        while (reader.next()) {
            got << reader.statement();
            const QByteArray s = reader.statement();
            if (s.startsWith("SET sql_mode"))
                reader.setServerStatus(s.contains("NO_BACKSLASH_ESCAPES"), false);
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(got,
                 (QList<QByteArray>{ "SET sql_mode='NO_BACKSLASH_ESCAPES'", "SELECT 'C:\\'", "SET sql_mode=''",
                                     "SELECT 'it\\'s'" }));
    }

    void refusesClientCommandsWithTheirLine_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("\\!") << QByteArray("SELECT 1;\n\\! rm -rf /\n")
                             << QStringLiteral("line 2: the client command \\!");
        QTest::newRow("system") << QByteArray("SELECT 1;\n\nsystem ls\n")
                                << QStringLiteral("line 3: the client command system");
        QTest::newRow("system;") << QByteArray("SELECT 1;\nSYSTEM ls;\n")
                                 << QStringLiteral("line 2: the client command system");
        QTest::newRow("source") << QByteArray("source /etc/passwd\n")
                                << QStringLiteral("line 1: the client command source");
        QTest::newRow("\\.") << QByteArray("SELECT 1;\nSELECT 2; \\. x.sql\n")
                             << QStringLiteral("line 2: the client command \\.");
        QTest::newRow("\\c") << QByteArray("SELECT 1 \\c\n") << QStringLiteral("line 1: the client command \\c");
        QTest::newRow("\\q") << QByteArray("SELECT 1;\n\\q\nSELECT 2;\n")
                             << QStringLiteral("line 2: the client command \\q");
        QTest::newRow("quit") << QByteArray("SELECT 1;\nquit\nSELECT 2;\n")
                              << QStringLiteral("line 2: the client command quit");
        QTest::newRow("\\ outside strings under NO_BACKSLASH_ESCAPES")
            << QByteArray("SELECT 'a\\'b';\nSELECT 'a\\'b;';\n") << QStringLiteral("line 2: the client command \\'");
    }

    // The client (without --binary-mode) reads a line whole and stops at one that holds a NUL
    // byte, wherever it stands (a string, a comment), before sending any of that line.
    void refusesANulByteWithItsLine_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QByteArray>>("before");
        QTest::addColumn<QString>("expected");
        QTest::newRow("in a string") << QByteArrayLiteral("SELECT 1;\nSELECT 2,\n'a\0b';\nSELECT 3;\n")
                                     << QList<QByteArray>{ "SELECT 1" } << QStringLiteral("line 3 holds a zero byte");
        QTest::newRow("in a comment after a statement") << QByteArrayLiteral("SELECT 1; /* \0 */\nSELECT 2;\n")
                                                        << QList<QByteArray>{} << QStringLiteral("line 1 holds");
        QTest::newRow("last line without newline")
            << QByteArrayLiteral("SELECT 1;\r\nSELECT 2;\n\0") << QList<QByteArray>{ "SELECT 1", "SELECT 2" }
            << QStringLiteral("line 3 holds");
    }

    void refusesANulByteWithItsLine()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QByteArray>, before);
        QFETCH(QString, expected);
        const Split s = split(input);
        QCOMPARE(s.statements, before);
        QVERIFY2(s.error.startsWith(expected), qPrintable(s.error));
    }

    // Past the first read of the input (1 MiB), in a line that began in it.
    void refusesANulByteBeyondTheFirstRead()
    {
        const QByteArray input = "SELECT '" + QByteArray(900 * 1024, 'x') + "';\nSELECT '" + QByteArray(700 * 1024, 'y')
            + '\0' + "';\nSELECT 3;\n";
        const Split s = split(input);
        QCOMPARE(s.statements.size(), 1);
        QVERIFY2(s.error.startsWith(QLatin1String("line 2 holds a zero byte")), qPrintable(s.error));
    }

    void refusesClientCommandsWithTheirLine()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const Split s = split(input, input.contains("a\\'b") ? QByteArray("NO_BACKSLASH_ESCAPES") : QByteArray());
        QVERIFY2(s.error.startsWith(expected), qPrintable(s.error));
        for (const QByteArray &st : s.statements)
            QVERIFY2(!st.contains("rm") && !st.contains("ls") && !st.contains("passwd"), st.constData());
    }

    // What the client's USE selects (checked against mariadb 10.11 through the server's general
    // log): the first word up to a space, or a quoted name of any quote kind.
    void namesTheDatabaseAUseSelects_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("database");
        QTest::newRow("line command") << QByteArray("use shop\nSELECT 1;\n") << QByteArray("shop");
        QTest::newRow("statement") << QByteArray("USE shop;\n") << QByteArray("shop");
        QTest::newRow("backticks") << QByteArray("USE `my shop`;\n") << QByteArray("my shop");
        QTest::newRow("single quotes") << QByteArray("use 'shop'\n") << QByteArray("shop");
        QTest::newRow("double quotes") << QByteArray("use \"shop\";\n") << QByteArray("shop");
        QTest::newRow("words after the name") << QByteArray("use shop now;\n") << QByteArray("shop");
        QTest::newRow("a tab is part of the name") << QByteArray("use shop\t\n") << QByteArray("shop\t");
        QTest::newRow("after a statement on the line") << QByteArray("SELECT 0; use shop;\n") << QByteArray("shop");
        QTest::newRow("a backslash takes the next byte") << QByteArray("use sh\\op\n") << QByteArray("shop");
        QTest::newRow("two backslashes are one") << QByteArray("use sh\\\\op\n") << QByteArray("sh\\op");
        QTest::newRow("a doubled quote") << QByteArray("use 'sh''op';\n") << QByteArray("sh'op");
        QTest::newRow("an escaped quote") << QByteArray("use \"sh\\\"op\";\n") << QByteArray("sh\"op");
        QTest::newRow("a doubled backtick") << QByteArray("use `sh``op`;\n") << QByteArray("sh`op");
        QTest::newRow("backslashes stay in backticks") << QByteArray("use `sh\\\\op`\n") << QByteArray("sh\\\\op");
        // The short form keeps the client's older argument rules.
        QTest::newRow("\\u") << QByteArray("\\u shop\nSELECT 1;\n") << QByteArray("shop");
        QTest::newRow("\\u after a statement") << QByteArray("SELECT 0;\\u shop\n") << QByteArray("shop");
        QTest::newRow("\\u: a backslash escapes in backticks")
            << QByteArray("\\u `sh\\\\op`\n") << QByteArray("sh\\op");
        QTest::newRow("\\u: a doubled quote ends the name") << QByteArray("\\u 'sh''op'\n") << QByteArray("sh");
    }

    // The client takes a statement that holds its delimiter (in quotes) for SQL, not for its USE.
    void useHoldingTheDelimiterIsSql()
    {
        const Split s = split("use 'a;b';\nSELECT 1;\n");
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.statements, (QList<QByteArray>{ "use 'a;b'", "SELECT 1" }));
        QBuffer buffer;
        buffer.setData("use 'a;b';\n");
        buffer.open(QIODevice::ReadOnly);
        SqlStatementReader reader(&buffer);
        QVERIFY(reader.next());
        QVERIFY(reader.useDatabase().isEmpty());
    }

    void namesTheDatabaseAUseSelects()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, database);
        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        SqlStatementReader reader(&buffer);
        QByteArray selected;
        int statements = 0;
        while (reader.next()) {
            ++statements;
            if (!reader.useDatabase().isEmpty()) {
                QVERIFY(reader.statement().toLower().startsWith("use") || reader.statement().startsWith("\\u"));
                selected = reader.useDatabase();
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(selected, database);
        QVERIFY(statements >= 1);
    }

    // \u inside a statement selects the database at once; the statement goes on after it.
    void shortUseInsideAStatementComesFirst()
    {
        QBuffer buffer;
        // Its argument ends at a space (`\\u other;` would select "other;"); the rest of the line is
        // skipped up to the next delimiter.
        buffer.setData("SELECT 1\n\\u shop\n, 2;\n\\u other ignored; SELECT 3;\n");
        buffer.open(QIODevice::ReadOnly);
        SqlStatementReader reader(&buffer);
        QList<QByteArray> statements, databases;
        while (reader.next()) {
            statements << reader.statement();
            databases << reader.useDatabase();
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(statements,
                 (QList<QByteArray>{ "\\u shop", "SELECT 1\n\n, 2", "\\u other ignored; SELECT 3;", "SELECT 3" }));
        QCOMPARE(databases, (QList<QByteArray>{ "shop", {}, "other", {} }));
    }

    void refusesShortCommandsWithoutArgument()
    {
        QCOMPARE(split("SELECT 1;\n\\d\nSELECT 2;\n").error,
                 QStringLiteral("line 2: DELIMITER (\\d) must be followed by a delimiter"));
        QCOMPARE(split("\\d a\\\\b\n").error, QStringLiteral("line 1: a DELIMITER cannot contain a backslash"));
        QCOMPARE(split("SELECT 1;\n\\u  \n").error,
                 QStringLiteral("line 2: USE (\\u) must be followed by a database name"));
    }

    void refusesUseWithoutADatabase()
    {
        // The client prints an error and goes on in whatever database it was in.
        const Split s = split("SELECT 1;\nuse\nSELECT 2;\n");
        QCOMPARE(s.statements, QList<QByteArray>{ "SELECT 1" });
        QCOMPARE(s.error, QStringLiteral("line 2: USE must be followed by a database name"));
        QCOMPARE(split("USE '';\n").error, QStringLiteral("line 1: USE must be followed by a database name"));
    }

    void keepsCommentsInOwnDumps()
    {
        const Split s = split(
            "-- header\nDELIMITER ;;\n/* between */\nCREATE PROCEDURE p() BEGIN\n  -- step one\n  SELECT 1; /* x */\n"
            "END;;\nSELECT 2;;\n",
            {}, 0, true);
        QVERIFY(s.error.isEmpty());
        QCOMPARE(s.statements.size(), 2);
        QCOMPARE(s.statements.at(0), QByteArray("CREATE PROCEDURE p() BEGIN\n  -- step one\n  SELECT 1; /* x */\nEND"));
        QCOMPARE(s.lines.at(0), 4);
    }

    void countsLines()
    {
        const Split s = split("INSERT INTO t VALUES ('a\nb\nc');\n\nSELECT `x\ny`;\n-- c\n/* d\n*/ SELECT 1;");
        QCOMPARE(s.lines, (QList<qint64>{ 1, 5, 9 }));
    }

    void reportsUnterminatedStringWithItsLine()
    {
        const Split s = split("SELECT 1;\nSELECT 'never closed;\n\n");
        QCOMPARE(s.statements.size(), 1);
        QVERIFY2(s.error.contains(QStringLiteral("starts on line 2")), qPrintable(s.error));
    }

    void failsEarlyOnOversizedStatements()
    {
        // An unterminated quote on line 2 followed by lots of text fails once the limit is passed,
        // not at the end of the input.
        QByteArray text = "SELECT 1;\nINSERT INTO t VALUES ('open\n";
        for (int i = 0; i < 2000; ++i)
            text += "more text that never closes the quote;\n";
        const Split s = split(text, {}, 4096);
        QCOMPARE(s.statements.size(), 1);
        QVERIFY2(s.error.contains(QStringLiteral("starts on line 2 is larger than the maximum statement size of 4096")),
                 qPrintable(s.error));
        QVERIFY2(s.error.contains(QStringLiteral("opened on line 2")), qPrintable(s.error));
        // A statement that closes on its own line is checked as well.
        const Split oneLine = split("SELECT 1;\nSELECT '" + QByteArray(5000, 'x') + "';\nSELECT 2;\n", {}, 4096);
        QCOMPARE(oneLine.statements.size(), 1);
        QVERIFY2(oneLine.error.contains(QStringLiteral("starts on line 2")), qPrintable(oneLine.error));
        // A single endless line fails too.
        const Split line = split("SELECT '" + QByteArray(3 * 1024 * 1024, 'x'), {}, 4096);
        QVERIFY2(!line.error.isEmpty(), "an endless line must fail");
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
