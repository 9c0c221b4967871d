// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mysql/ByteScan.h"
#include "mysql/InsertRowsDecoder.h"

#include <QtTest>

#include <limits>

namespace {

using Kind = InsertRowsDecoder::Kind;

/// One value as text: N, I:<n>, U:<n>, D:<text>, F:<%.17g>, T:<hex>, B:<hex>.
QString describe(const InsertRowsDecoder &d, const InsertRowsDecoder::Value &v)
{
    const QByteArray bytes = QByteArray(d.data() + v.offset, v.length);
    switch (v.kind) {
    case Kind::Null:
        return QStringLiteral("N");
    case Kind::Integer:
        return QStringLiteral("I:%1").arg(v.integer);
    case Kind::Unsigned:
        return QStringLiteral("U:%1").arg(v.unsignedInteger);
    case Kind::Decimal:
        return QStringLiteral("D:") + QString::fromLatin1(bytes);
    case Kind::Double:
        return QStringLiteral("F:") + QString::number(v.real, 'g', 17);
    case Kind::Text:
        return QStringLiteral("T:") + QString::fromLatin1(bytes.toHex());
    case Kind::Binary:
        return QStringLiteral("B:") + QString::fromLatin1(bytes.toHex());
    }
    return QStringLiteral("?");
}

/// Rows as "v1 v2 ..." each.
QStringList describeRows(const InsertRowsDecoder &d)
{
    QStringList rows;
    for (qsizetype r = 0; r < d.rows(); ++r) {
        QStringList values;
        for (int c = 0; c < d.columns(); ++c)
            values << describe(d, d.value(r, c));
        rows << values.join(QLatin1Char(' '));
    }
    return rows;
}

QString text(const QByteArray &bytes)
{
    return QStringLiteral("T:") + QString::fromLatin1(bytes.toHex());
}

} // namespace

/// InsertRowsDecoder gives each literal of our dumper's INSERTs the type the server's parser
/// gives it, and refuses everything else (the statement then goes as text).
class TestInsertRowsDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decodesValues_data()
    {
        QTest::addColumn<QByteArray>("values"); // one row's literal list, inside the parentheses
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << QByteArray("0") << QStringLiteral("I:0");
        QTest::newRow("negative") << QByteArray("-5") << QStringLiteral("I:-5");
        QTest::newRow("leading zeros") << QByteArray("007") << QStringLiteral("I:7");
        QTest::newRow("INT64_MAX") << QByteArray("9223372036854775807") << QStringLiteral("I:9223372036854775807");
        QTest::newRow("INT64_MIN") << QByteArray("-9223372036854775808") << QStringLiteral("I:-9223372036854775808");
        QTest::newRow("INT64_MAX + 1") << QByteArray("9223372036854775808") << QStringLiteral("U:9223372036854775808");
        QTest::newRow("UINT64_MAX") << QByteArray("18446744073709551615") << QStringLiteral("U:18446744073709551615");
        QTest::newRow("UINT64_MAX + 1") << QByteArray("18446744073709551616")
                                        << QStringLiteral("D:18446744073709551616");
        QTest::newRow("INT64_MIN - 1") << QByteArray("-9223372036854775809")
                                       << QStringLiteral("D:-9223372036854775809");
        QTest::newRow("long integer") << QByteArray("123456789012345678901234567890")
                                      << QStringLiteral("D:123456789012345678901234567890");
        QTest::newRow("long negative integer")
            << QByteArray("-18446744073709551616") << QStringLiteral("D:-18446744073709551616");
        QTest::newRow("decimal keeps trailing zeros") << QByteArray("1.50") << QStringLiteral("D:1.50");
        QTest::newRow("negative decimal") << QByteArray("-0.000001") << QStringLiteral("D:-0.000001");
        QTest::newRow("DECIMAL(65,30)")
            << QByteArray("-99999999999999999999999999999999999.999999999999999999999999999999")
            << QStringLiteral("D:-99999999999999999999999999999999999.999999999999999999999999999999");
        QTest::newRow("NULL") << QByteArray("NULL") << QStringLiteral("N");
        QTest::newRow("empty string") << QByteArray("''") << QStringLiteral("T:");
        QTest::newRow("plain string") << QByteArray("'abc'") << text("abc");
        QTest::newRow("escapes") << QByteArray("'\\0\\'\\\"\\b\\n\\r\\t\\Z\\\\'")
                                 << text(QByteArray("\0'\"\b\n\r\t\032\\", 9));
        QTest::newRow("LIKE escapes keep the backslash") << QByteArray("'\\%\\_'") << text("\\%\\_");
        QTest::newRow("unknown escape is the character") << QByteArray("'\\x\\q\\9'") << text("xq9");
        QTest::newRow("doubled quote") << QByteArray("'it''s'''") << text("it's'");
        QTest::newRow("only a doubled quote") << QByteArray("''''") << text("'");
        QTest::newRow("non-ASCII UTF-8") << QByteArray("'Grüße 😀'") << text("Grüße 😀");
        QTest::newRow("non-UTF-8 bytes") << QByteArray("'\xff\xfe\x80'") << text("\xff\xfe\x80");
        QTest::newRow("raw NUL, tab and newline") << QByteArray("'a\0b\tc\nd'", 9) << text(QByteArray("a\0b\tc\nd", 7));
        QTest::newRow("string with parentheses and commas") << QByteArray("'(1),(2'") << text("(1),(2");
        QTest::newRow("long string (word scan)")
            << QByteArray("'" + QByteArray(37, 'x') + "\\'" + QByteArray(19, 'y') + "'")
            << text(QByteArray(37, 'x') + "'" + QByteArray(19, 'y'));
        QTest::newRow("hex") << QByteArray("0x00FF27") << QStringLiteral("B:00ff27");
        QTest::newRow("hex lower case digits") << QByteArray("0xabcdef") << QStringLiteral("B:abcdef");
        QTest::newRow("several kinds") << QByteArray("1, -2 ,NULL,'x',0x41,1.5,2e3")
                                       << QStringLiteral("I:1 I:-2 N T:78 B:41 D:1.5 F:2000");
        QTest::newRow("spaces and newlines around values")
            << QByteArray(" \n1\t,\r\n'a' ") << QStringLiteral("I:1 T:61");
    }

    void decodesValues()
    {
        QFETCH(QByteArray, values);
        QFETCH(QString, expected);
        InsertRowsDecoder d;
        QVERIFY(d.decode("INSERT INTO `t` VALUES (" + values + ")"));
        QCOMPARE(d.rows(), 1);
        QCOMPARE(describeRows(d), QStringList{ expected });
    }

    void decodesDoubles_data()
    {
        QTest::addColumn<QByteArray>("literal");
        QTest::addColumn<double>("expected");
        QTest::newRow("DBL_MAX") << QByteArray("1.7976931348623157e308") << 1.7976931348623157e308;
        QTest::newRow("smallest subnormal") << QByteArray("4.9e-324") << 4.9e-324;
        QTest::newRow("FLT_TRUE_MIN negative") << QByteArray("-1.4e-45") << -1.4e-45;
        QTest::newRow("upper case E, plus sign") << QByteArray("2.5E+10") << 2.5e10;
        QTest::newRow("integer mantissa") << QByteArray("1e15") << 1e15;
        QTest::newRow("FLT_MAX as double") << QByteArray("3.4028234663852886e38") << 3.4028234663852886e38;
        QTest::newRow("DBL_MIN") << QByteArray("2.2250738585072014e-308") << 2.2250738585072014e-308;
        QTest::newRow("negative zero exponent") << QByteArray("-1.5e0") << -1.5;
    }

    void decodesDoubles()
    {
        QFETCH(QByteArray, literal);
        QFETCH(double, expected);
        InsertRowsDecoder d;
        QVERIFY(d.decode("INSERT INTO `t` VALUES (" + literal + ")"));
        QCOMPARE(d.rows(), 1);
        QCOMPARE(d.columns(), 1);
        QCOMPARE(d.value(0, 0).kind, Kind::Double);
        // Bit-exact: the literal's correctly rounded value.
        QVERIFY2(
            std::memcmp(&d.value(0, 0).real, &expected, sizeof(double)) == 0,
            qPrintable(QStringLiteral("%1 != %2")
                           .arg(QString::number(d.value(0, 0).real, 'g', 17), QString::number(expected, 'g', 17))));
    }

    void decodesStatements_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<QByteArray>("prepared");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("columns, two rows")
            << QByteArray("INSERT INTO `t` (`a`,`b`) VALUES (1,'x'),(NULL,0x00)")
            << QByteArray("INSERT INTO `t` (`a`,`b`) ") << QByteArray("INSERT INTO `t` (`a`,`b`) VALUES (?,?)")
            << QStringList{ QStringLiteral("I:1 T:78"), QStringLiteral("N B:00") };
        QTest::newRow("no column list") << QByteArray("INSERT INTO `t` VALUES (1)") << QByteArray("INSERT INTO `t` ")
                                        << QByteArray("INSERT INTO `t` VALUES (?)")
                                        << QStringList{ QStringLiteral("I:1") };
        QTest::newRow("doubled backticks") << QByteArray("INSERT INTO `we``ird` (`a``b`,`c,d`,`e)`) VALUES (1,2,3)")
                                           << QByteArray("INSERT INTO `we``ird` (`a``b`,`c,d`,`e)`) ")
                                           << QByteArray("INSERT INTO `we``ird` (`a``b`,`c,d`,`e)`) VALUES (?,?,?)")
                                           << QStringList{ QStringLiteral("I:1 I:2 I:3") };
        QTest::newRow("non-ASCII identifiers")
            << QByteArray("INSERT INTO `tä` (`ñ`) VALUES ('ö')") << QByteArray("INSERT INTO `tä` (`ñ`) ")
            << QByteArray("INSERT INTO `tä` (`ñ`) VALUES (?)") << QStringList{ text("ö") };
        QTest::newRow("three rows, newlines between")
            << QByteArray("INSERT INTO `t` (`a`,`b`) VALUES\n(1,'a'),\n(2,'b'),\n(3,NULL)")
            << QByteArray("INSERT INTO `t` (`a`,`b`) ") << QByteArray("INSERT INTO `t` (`a`,`b`) VALUES (?,?)")
            << QStringList{ QStringLiteral("I:1 T:61"), QStringLiteral("I:2 T:62"), QStringLiteral("I:3 N") };
        QTest::newRow("kinds differ between rows")
            << QByteArray("INSERT INTO `t` (`d`) VALUES (1),(1.5),(2.5e3),(NULL),(-7)")
            << QByteArray("INSERT INTO `t` (`d`) ") << QByteArray("INSERT INTO `t` (`d`) VALUES (?)")
            << QStringList{ QStringLiteral("I:1"), QStringLiteral("D:1.5"), QStringLiteral("F:2500"),
                            QStringLiteral("N"), QStringLiteral("I:-7") };
    }

    void decodesStatements()
    {
        QFETCH(QByteArray, statement);
        QFETCH(QByteArray, prefix);
        QFETCH(QByteArray, prepared);
        QFETCH(QStringList, rows);
        InsertRowsDecoder d;
        QVERIFY(d.decode(statement));
        QCOMPARE(d.prefix(), prefix);
        QCOMPARE(d.preparedStatement(), prepared);
        QCOMPARE(describeRows(d), rows);
        QCOMPARE(d.rows(), qsizetype(rows.size()));
    }

    // MySqlBulkInserter looks the columns up by these names to pick each parameter's type.
    void namesTheTableAndColumns()
    {
        InsertRowsDecoder d;
        QVERIFY(d.decode("INSERT INTO `we``ird` (`a``b`, `c,d`,`\xC3\xA4`) VALUES (1,2,3)"));
        QCOMPARE(d.table(), QByteArray("`we``ird`"));
        const std::vector<QByteArray> names{ "a`b", "c,d", "\xC3\xA4" };
        QCOMPARE(d.columnNames(), names);
        QVERIFY(d.decode("INSERT INTO `t` VALUES (1,'x')"));
        QCOMPARE(d.table(), QByteArray("`t`"));
        QVERIFY(d.columnNames().empty());
        QCOMPARE(d.columns(), 2);
        // A column list that does not match the values goes as text (the server's own error).
        QVERIFY(!d.decode("INSERT INTO `t` (`a`,`b`) VALUES (1)"));
        QVERIFY(d.table().isEmpty());
        QVERIFY(d.columnNames().empty());
    }

    void reusedDecoderForgetsThePreviousStatement()
    {
        InsertRowsDecoder d;
        QVERIFY(d.decode("INSERT INTO `a` (`x`,`y`) VALUES ('long text',2),('more',4)"));
        QVERIFY(d.decode("INSERT INTO `b` (`z`) VALUES ('q')"));
        QCOMPARE(d.prefix(), QByteArray("INSERT INTO `b` (`z`) "));
        QCOMPARE(describeRows(d), QStringList{ text("q") });
        QCOMPARE(d.dataSize(), 1);
        QVERIFY(!d.decode("INSERT INTO `b` (`z`) VALUES (NOW())"));
        QCOMPARE(d.rows(), 0);
        QCOMPARE(d.columns(), 0);
        QVERIFY(d.prefix().isEmpty());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("statement");
        const QByteArray t = "INSERT INTO `t` (`a`,`b`) VALUES ";
        QTest::newRow("function") << QByteArray(t + "(1,NOW())");
        QTest::newRow("function with argument") << QByteArray(t + "(1,UNHEX('41'))");
        QTest::newRow("X'..'") << QByteArray(t + "(1,X'41')");
        QTest::newRow("x'..'") << QByteArray(t + "(1,x'41')");
        QTest::newRow("b'..'") << QByteArray(t + "(1,b'1')");
        QTest::newRow("0b bits") << QByteArray(t + "(1,0b101)");
        QTest::newRow("introducer") << QByteArray(t + "(1,_binary'x')");
        QTest::newRow("introducer utf8mb4") << QByteArray(t + "(1,_utf8mb4'x')");
        QTest::newRow("collate") << QByteArray(t + "(1,'x' COLLATE utf8mb4_bin)");
        QTest::newRow("odd hex digits") << QByteArray(t + "(1,0x123)");
        QTest::newRow("0x alone") << QByteArray(t + "(1,0x)");
        QTest::newRow("0X upper case") << QByteArray(t + "(1,0X41)");
        QTest::newRow("hex followed by letters") << QByteArray(t + "(1,0x41zz)");
        QTest::newRow("string concatenation") << QByteArray(t + "(1,'a' 'b')");
        QTest::newRow("ON DUPLICATE KEY UPDATE") << QByteArray(t + "(1,2) ON DUPLICATE KEY UPDATE `b`=VALUES(`b`)");
        QTest::newRow("INSERT IGNORE") << QByteArray("INSERT IGNORE INTO `t` (`a`,`b`) VALUES (1,2)");
        QTest::newRow("REPLACE") << QByteArray("REPLACE INTO `t` (`a`,`b`) VALUES (1,2)");
        QTest::newRow("INSERT ... SELECT") << QByteArray("INSERT INTO `t` (`a`,`b`) SELECT 1,2");
        QTest::newRow("INSERT ... SET") << QByteArray("INSERT INTO `t` SET `a`=1");
        QTest::newRow("unquoted table") << QByteArray("INSERT INTO t (`a`,`b`) VALUES (1,2)");
        QTest::newRow("second row shorter") << QByteArray(t + "(1,2),(3)");
        QTest::newRow("second row longer") << QByteArray(t + "(1,2),(3,4,5)");
        QTest::newRow("empty row") << QByteArray(t + "()");
        QTest::newRow("unterminated string") << QByteArray(t + "(1,'abc)");
        QTest::newRow("unterminated string after escape") << QByteArray(t + "(1,'abc\\')");
        QTest::newRow("string ends in a backslash") << QByteArray(t + "(1,'abc\\");
        QTest::newRow("unterminated row") << QByteArray(t + "(1,2");
        QTest::newRow("unterminated after comma") << QByteArray(t + "(1,2),");
        QTest::newRow("missing comma between rows") << QByteArray(t + "(1,2)(3,4)");
        QTest::newRow("trailing garbage") << QByteArray(t + "(1,2) x");
        QTest::newRow("trailing semicolon") << QByteArray(t + "(1,2);");
        QTest::newRow("block comment in VALUES") << QByteArray(t + "(1,/* c */2)");
        QTest::newRow("dash comment in VALUES") << QByteArray(t + "(1,-- c\n2)");
        QTest::newRow("hash comment in VALUES") << QByteArray(t + "(1,# c\n2)");
        QTest::newRow("comment between rows") << QByteArray(t + "(1,2),/* c */(3,4)");
        QTest::newRow("number followed by letters") << QByteArray(t + "(1,12abc)");
        QTest::newRow("space in negative number") << QByteArray(t + "(1,- 5)");
        QTest::newRow("double minus") << QByteArray(t + "(1,--5)");
        QTest::newRow("plus sign") << QByteArray(t + "(1,+5)");
        QTest::newRow("point without digits after") << QByteArray(t + "(1,1.)");
        QTest::newRow("point without digits before") << QByteArray(t + "(1,.5)");
        QTest::newRow("exponent without digits") << QByteArray(t + "(1,1e)");
        QTest::newRow("exponent overflow") << QByteArray(t + "(1,1e999)");
        QTest::newRow("arithmetic") << QByteArray(t + "(1,1+1)");
        QTest::newRow("NULL followed by letters") << QByteArray(t + "(1,NULLX)");
        QTest::newRow("TRUE") << QByteArray(t + "(1,TRUE)");
        QTest::newRow("user variable") << QByteArray(t + "(1,@v)");
        QTest::newRow("DEFAULT") << QByteArray(t + "(1,DEFAULT)");
        QTest::newRow("double-quoted string") << QByteArray(t + "(1,\"x\")");
        QTest::newRow("missing value") << QByteArray(t + "(1,)");
        QTest::newRow("unterminated identifier") << QByteArray("INSERT INTO `t (`a`) VALUES (1)");
        QTest::newRow("no VALUES") << QByteArray("INSERT INTO `t` (`a`,`b`)");
        QTest::newRow("empty") << QByteArray();
    }

    void rejects()
    {
        QFETCH(QByteArray, statement);
        InsertRowsDecoder d;
        QVERIFY(!d.decode(statement));
        QCOMPARE(d.rows(), 0);
    }

    void findEitherByteFindsTheFirst_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("41 bytes") << 41;
        QTest::newRow("64 bytes") << 64;
        QTest::newRow("7 bytes") << 7;
        QTest::newRow("100 bytes") << 100; // past a whole block of 32 and one of 16
    }

    void findEitherByteFindsTheFirst()
    {
        QFETCH(int, size);
        // Bytes with high bits set around the targets, which a word-at-a-time scan must not confuse.
        QByteArray buffer(size, '\0');
        for (int i = 0; i < size; ++i)
            buffer[i] = char(i % 2 ? 0x80 + i : 'a' + i % 26);
        const char *begin = buffer.constData();
        const char *end = begin + buffer.size();
        QCOMPARE(findEitherByte(begin, end, '\'', '\\'), end);
        QCOMPARE(findEitherByte(begin, begin, '\'', '\\'), begin);
        for (int offset = 0; offset < size; ++offset) {
            for (const char target : { '\'', '\\' }) {
                QByteArray b = buffer;
                b[offset] = target;
                const char *bb = b.constData();
                QCOMPARE(findEitherByte(bb, bb + b.size(), '\'', '\\') - bb, qsizetype(offset));
                // The other byte later on does not matter.
                if (offset + 3 < size) {
                    b[offset + 3] = target == '\'' ? '\\' : '\'';
                    QCOMPARE(findEitherByte(bb, bb + b.size(), '\'', '\\') - bb, qsizetype(offset));
                }
                // Starting later than the byte, the scan goes on to the end.
                QCOMPARE(findEitherByte(bb + offset + 1, bb + offset + 1, '\'', '\\'), bb + offset + 1);
                // Starting at every earlier offset finds it too.
                for (int start = 0; start <= offset; ++start)
                    QCOMPARE(findEitherByte(bb + start, bb + b.size(), '\'', '\\') - bb, qsizetype(offset));
                // The end bounds the scan: a byte at or after it is not found.
                QCOMPARE(findEitherByte(bb, bb + offset, '\'', '\\'), bb + offset);
            }
        }
    }

    void findEitherByteWithEqualAndHighBytes()
    {
        const QByteArray buffer = QByteArray(20, '\x7f') + '\xff' + QByteArray(20, '\x01');
        const char *b = buffer.constData();
        QCOMPARE(findEitherByte(b, b + buffer.size(), '\xff', '\xff') - b, qsizetype(20));
        QCOMPARE(findEitherByte(b, b + buffer.size(), '\x01', '\0') - b, qsizetype(21));
        QCOMPARE(findEitherByte(b, b + buffer.size(), '\x80', '\0') - b, qsizetype(buffer.size()));
        QCOMPARE(findEitherByte(b, b + buffer.size(), '\x7e', '\x00') - b, qsizetype(buffer.size()));
    }
};

QTEST_GUILESS_MAIN(TestInsertRowsDecoder)
#include "TestInsertRowsDecoder.moc"
