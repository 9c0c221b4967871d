// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the stock mariadb 10.11 client sends to the server for each input: the table that
// TestSqlStatementReader checks SqlStatementReader against, and that TestMySqlLoader replays
// through the real client (reading the server's general log) to prove the table right.
#include <QByteArray>
#include <QList>

struct StatementReaderCase
{
    const char *name;
    QByteArray input;
    QList<QByteArray> statements; // as sent, without surrounding whitespace
    QByteArray sqlMode; // the session's sql_mode while reading (the client sees it in the status flags)
    bool replayWithClient = true; // false where the client sends extra queries of its own (USE)

    StatementReaderCase(const char *n, const QByteArray &in, const QList<QByteArray> &out, const QByteArray &mode = {},
                        bool replay = true)
        : name(n)
        , input(in)
        , statements(out)
        , sqlMode(mode)
        , replayWithClient(replay)
    { }
};

inline QList<StatementReaderCase> statementReaderCases()
{
    return {
        { "delimiter inside every quote kind",
          "SELECT 'a;b', \"c;d\", 1 AS `e;f`;\nSELECT 'it\\'s;', 'x''y;';SELECT 2",
          { "SELECT 'a;b', \"c;d\", 1 AS `e;f`", "SELECT 'it\\'s;', 'x''y;'", "SELECT 2" } },
        { "doubled quotes of each kind",
          "SELECT 'it''s', \"dq\"\"x\", 1 AS `b``q`;\n",
          { "SELECT 'it''s', \"dq\"\"x\", 1 AS `b``q`" } },
        { "backslash is no escape in backticks",
          "CREATE TABLE `x\\` (a INT);\nDROP TABLE `x\\`;\n",
          { "CREATE TABLE `x\\` (a INT)", "DROP TABLE `x\\`" } },
        { "backslash escapes in double quotes",
          "SELECT \"a\\\"; \" ;\nSELECT 2;\n",
          { "SELECT \"a\\\"; \"", "SELECT 2" } },
        { "ANSI_QUOTES: no escapes in double quotes",
          "SELECT 1 AS \"a\\\";\nSELECT 2;\n",
          { "SELECT 1 AS \"a\\\"", "SELECT 2" },
          "ANSI_QUOTES" },
        { "NO_BACKSLASH_ESCAPES: no escapes in strings",
          "SELECT 'C:\\';\nSELECT \"D:\\\", 2;\n",
          { "SELECT 'C:\\'", "SELECT \"D:\\\", 2" },
          "NO_BACKSLASH_ESCAPES" },
        { "line comments are removed, their newline stays",
          "SELECT 1 -- c\n, 2;\n# h\nSELECT 5 # x\n;\n",
          { "SELECT 1 \n, 2", "SELECT 5" } },
        { "-- without space is a comment only at a statement start",
          "--x\nSELECT 3;\nSELECT 1,\n--5\n2;\nSELECT 1--1;\n",
          { "SELECT 3", "SELECT 1,\n--5\n2", "SELECT 1--1" } },
        { "block comments become one space",
          "SELECT /* a */4/* b */;\nSELECT 1 /* it's; */, 2;\n/* lead */ SELECT 7;\n",
          { "SELECT  4", "SELECT 1  , 2", "SELECT 7" } },
        { "multi-line block comment",
          "SELECT 'x'/* c1 */ /* c2 */, 3\n/* multi\nline ; comment */ ;\n",
          { "SELECT 'x'  , 3" } },
        { "comment markers inside strings",
          "SELECT '#x', \"-- y\", '/* z */';\n",
          { "SELECT '#x', \"-- y\", '/* z */'" } },
        { "blank and comment lines inside a statement", "SELECT 1\n\n,2\n#x\n,3;\n", { "SELECT 1\n\n,2\n\n,3" } },
        { "executable comments are kept but do not hide the delimiter",
          "/*!40101 SET @x=1 */;\n/*M!100100 SELECT 1 */;\nSELECT 1 /*!99999 hidden */ + 1;\n",
          { "/*!40101 SET @x=1 */", "/*M!100100 SELECT 1 */", "SELECT 1 /*!99999 hidden */ + 1" } },
        { "a delimiter inside an executable comment ends the statement",
          "SELECT 5 /*!99999 hidden; */;\n",
          { "SELECT 5 /*!99999 hidden", "*/" } },
        { "optimizer-hint comments are plain comments", "SELECT 1/*+ hint; */, 2;\n", { "SELECT 1 , 2" } },
        { "sandbox line of mariadb-dump",
          "/*M!999999\\- enable the sandbox mode */\nSELECT 1;\n",
          { "/*M!999999 enable the sandbox mode */\nSELECT 1" } },
        { "sandbox command inside a statement", "SELECT 1, \\- 2;\nSELECT 3;\n", { "SELECT 1,  2", "SELECT 3" } },
        { "\\N stays", "SELECT \\N;\n", { "SELECT \\N" } },
        { "DELIMITER in any case, with spaces",
          "delimiter ;;\nSELECT 1;;\nDELIMITER  $$  \nSELECT 2$$\nDELIMITER ;\n",
          { "SELECT 1", "SELECT 2" } },
        { "routine body with the old delimiter inside",
          "DELIMITER //\nCREATE PROCEDURE p_t() BEGIN SELECT 1; SELECT ';;'; END//\nDELIMITER ;\nDROP PROCEDURE p_t;\n",
          { "CREATE PROCEDURE p_t() BEGIN SELECT 1; SELECT ';;'; END", "DROP PROCEDURE p_t" } },
        { "DELIMITER after a statement on the same line is text",
          "SELECT 3;DELIMITER //\nSELECT 4//\n",
          { "SELECT 3", "DELIMITER //SELECT 4//" } },
        { "\\d is DELIMITER",
          "SELECT 0;\n\\d $$\nSELECT 1; SELECT 2$$\n\\d ;\nSELECT 3;\n",
          { "SELECT 0", "SELECT 1; SELECT 2", "SELECT 3" } },
        { "\\d inside a statement keeps what was read before it",
          "SELECT 1 \\d $$\n+ 1$$\n\\d ;\n",
          { "SELECT 1 \n+ 1" } },
        { "\\d skips its argument up to the new delimiter",
          "\\d $$ SELECT 9 $$ SELECT 1$$\n\\d ;\nSELECT 2;\n",
          { "SELECT 9", "SELECT 1", "SELECT 2" } },
        { "\\d in an executable comment skips to the comment's end",
          "/*!40101 SELECT 1 \\d $$ ignored */$$\n\\d ;\nSELECT 2;\n",
          { "/*!40101 SELECT 1 */", "SELECT 2" } },
        { "\\d in a string is text", "SELECT '\\d $$', 1 AS `\\d`;\n", { "SELECT '\\d $$', 1 AS `\\d`" } },
        { "several statements on one line",
          "SELECT 4;/* after */SELECT 5; SELECT 6;\n",
          { "SELECT 4", "SELECT 5", "SELECT 6" } },
        { "backslash at the end of a line is dropped", "SELECT 'a\nb\\\nc';\n", { "SELECT 'a\nb\nc'" } },
        { "CR LF line ends",
          "SELECT 1;\r\nDELIMITER ;;\r\nSELECT 2;; SELECT 3;;\r\n",
          { "SELECT 1", "SELECT 2", "SELECT 3" } },
        { "last statement without delimiter", "SELECT 1;\nSELECT 2", { "SELECT 1", "SELECT 2" } },
        { "USE without delimiter is a client command",
          "use creodrop_test\nSELECT 2;\n",
          { "use creodrop_test", "SELECT 2" },
          {},
          false },
        { "a plain comment inside an executable one",
          "SELECT 1 /*!99999 a /* b */ c */ + 1;\n",
          { "SELECT 1 /*!99999 a  + 1" } },
        // Found by comparing random scripts with the client: the '/' of an executable comment's
        // "*/" is read again, and a comment still reads "/*" and "/*!" inside it.
        { "the '/' ending an executable comment can begin the delimiter",
          "DELIMITER //\nSELECT 1 /*!50000 + 2 *//\nSELECT 3//\nDELIMITER ;\n",
          { "SELECT 1 /*!50000 + 2 *", "SELECT 3" } },
        { "the '/' ending an executable comment can begin a comment",
          "SELECT 1 /*!50000 + 2 */*3 + 4 */ + 5;\n",
          { "SELECT 1 /*!50000 + 2 * + 5" } },
        { "inside a comment, /*! makes the next */ end only itself",
          "SELECT 1 /* a /*!x */ 2 */ + 5;\n",
          { "SELECT 1  + 5" } },
        { "inside a comment, the '*' of /* ends nothing", "SELECT 1 /* a /*/ 2 */ + 5;\n", { "SELECT 1  + 5" } },
        { "inside a comment, /*M! is text", "SELECT 1 /* a /*M!x */ + 6;\n", { "SELECT 1  + 6" } },
        { "no space before a multi-byte character after a comment", "SELECT 'x' AS/* c */ñ;\n", { "SELECT 'x' ASñ" } },
        { "non-ASCII text", "SELECT 'ñ' AS `ключ`, \"漢字\";\n", { "SELECT 'ñ' AS `ключ`, \"漢字\"" } },
        // Found the same way: a DELIMITER statement that a delimiter ends takes effect at once, and
        // its argument is read before the statement's trailing whitespace is dropped.
        { "a DELIMITER statement ended on a line applies to the rest of that line",
          "SELECT 1; delimiter //; SELECT 2 //\nSELECT 3 //\nDELIMITER ;\n",
          { "SELECT 1", "SELECT 2", "SELECT 3" } },
        { "a backslash in DELIMITER's argument takes the next byte",
          "delimiter a\\b\nSELECT 1ab\ndelimiter \\$\\$\nSELECT 2$$\nDELIMITER ;\n",
          { "SELECT 1", "SELECT 2" } },
        { "a quote doubled inside DELIMITER's quotes stands for one",
          "DELIMITER \"$\"\"$\"\nSELECT 3$\"$\nDELIMITER `%``%`\nSELECT 4%`%\nDELIMITER ;\n",
          { "SELECT 3", "SELECT 4" } },
        { "a DELIMITER statement keeps a trailing tab in the delimiter",
          "SELECT 1; delimiter $$\t; SELECT 2 $$\t\nSELECT 3 $$\t\nDELIMITER ;\n",
          { "SELECT 1", "SELECT 2", "SELECT 3" } },
        { "\\g and \\G end a statement wherever they stand; alone they send nothing",
          "SELECT 1\\gSELECT 2 /* x */ \\G SELECT 3\n\\g\n\\G\nSELECT 4;\n",
          { "SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4" } },
        { "\\g and \\G are text in quotes and comments",
          "SELECT 'a\\g', \"b\\G\", 1 AS `c\\g` /* \\g */ -- \\G\n;\n# \\g\nSELECT 5;\n",
          { "SELECT 'a\\g', \"b\\G\", 1 AS `c\\g`", "SELECT 5" } },
        // Not replayed here (the replay puts a statement of its own first): TestMySqlLoader loads
        // files that begin with one through both clients.
        { "a UTF-8 byte order mark at the start is skipped, elsewhere it is text",
          "\xef\xbb\xbfSELECT 1;\nSELECT 2 AS `\xef\xbb\xbf`;\n",
          { "SELECT 1", "SELECT 2 AS `\xef\xbb\xbf`" },
          {},
          false },
        { "a byte order mark before a client command",
          "\xef\xbb\xbf"
          "DELIMITER //\nSELECT 1//\n",
          { "SELECT 1" },
          {},
          false },
        { "a trailing 0xFF byte is dropped like a space (a UTF-8 character is not)",
          "SELECT 1 AS x\xff\xff;\nSELECT 2 AS y\xff\n\\g\nSELECT 3 AS \xc3\xbf;\n",
          { "SELECT 1 AS x", "SELECT 2 AS y", "SELECT 3 AS \xc3\xbf" } },
        { "\\g ends a statement under another delimiter",
          "DELIMITER //\nSELECT 6\\g\nSELECT 7//\nDELIMITER ;\nSELECT 8;\n",
          { "SELECT 6", "SELECT 7", "SELECT 8" } },
    };
}
