// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// FileRestoreSource's scan for statements that name another database (a file restore refuses
// them before anything runs), and RestoreTarget's row count comparison.
#include "compress/GzipWriter.h"
#include "operations/FileRestoreSource.h"
#include "operations/RestoreTarget.h"

#include <QBuffer>
#include <QtTest>

class TestFileRestoreSource : public QObject
{
    Q_OBJECT

private slots:
    void foreignReference_data();
    void foreignReference();
    void scanReportsLine();
    void compareRowCounts();
};

void TestFileRestoreSource::foreignReference_data()
{
    QTest::addColumn<QByteArray>("statement");
    QTest::addColumn<bool>("foreign");
    QTest::newRow("use") << QByteArray("USE other") << true;
    QTest::newRow("use lower") << QByteArray("use `shop`") << true;
    QTest::newRow("create database") << QByteArray("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `other`") << true;
    QTest::newRow("create schema") << QByteArray("create schema x") << true;
    QTest::newRow("drop database") << QByteArray("DROP DATABASE IF EXISTS other") << true;
    QTest::newRow("alter database") << QByteArray("ALTER DATABASE other CHARACTER SET utf8mb4") << true;
    QTest::newRow("insert other") << QByteArray("INSERT INTO other.t VALUES (1)") << true;
    QTest::newRow("insert quoted other") << QByteArray("INSERT INTO `other`.`t` VALUES (1)") << true;
    QTest::newRow("create table other") << QByteArray("CREATE TABLE IF NOT EXISTS other.t (a INT)") << true;
    QTest::newRow("drop tables") << QByteArray("DROP TABLE IF EXISTS a, other.b") << true;
    QTest::newRow("view from other") << QByteArray(
        "/*!50001 CREATE VIEW `v` AS select `x`.`a` AS `a` from `other`.`x` */")
                                     << true;
    QTest::newRow("fk to other") << QByteArray("CREATE TABLE c (p INT, FOREIGN KEY (p) REFERENCES other.p (id))")
                                 << true;
    QTest::newRow("own database") << QByteArray("INSERT INTO `target_db`.t VALUES (1)") << false;
    QTest::newRow("plain insert") << QByteArray("INSERT INTO `t` VALUES (1,'USE other; db.t')") << false;
    QTest::newRow("alias columns") << QByteArray("CREATE VIEW v AS SELECT t1.a, t2.b FROM t1 JOIN t2 ON t1.id = t2.id")
                                   << false;
    QTest::newRow("mysqldump view") << QByteArray(
        "/*!50001 CREATE ALGORITHM=UNDEFINED */ /*!50013 DEFINER=`root`@`localhost` SQL SECURITY "
        "DEFINER */ /*!50001 VIEW `v` AS select `t`.`a` AS `a` from (`t` join `u` on(`t`.`a` = "
        "`u`.`a`)) */") << false;
    QTest::newRow("set names") << QByteArray("/*!40101 SET NAMES utf8mb4 */") << false;
    QTest::newRow("lock tables") << QByteArray("LOCK TABLES `t` WRITE") << false;
    QTest::newRow("use as column") << QByteArray("UPDATE t SET `use` = 1") << false;
}

void TestFileRestoreSource::foreignReference()
{
    QFETCH(QByteArray, statement);
    QFETCH(bool, foreign);
    const QString what = FileRestoreSource::foreignReference(statement, QStringLiteral("target_db"));
    QVERIFY2(what.isEmpty() != foreign, qPrintable(what));
}

void TestFileRestoreSource::scanReportsLine()
{
    bool foreign = false;
    auto scan = [&foreign](QByteArray data) {
        QBuffer in(&data);
        in.open(QIODevice::ReadOnly);
        return FileRestoreSource::scanForeignDatabase(&in, QStringLiteral("target_db"), nullptr, &foreign);
    };
    const QString error
        = scan("CREATE TABLE a (id INT);\n-- USE other; in a comment is fine\nINSERT INTO a VALUES (1);\n\n"
               "USE other;\n");
    QVERIFY2(error.contains(QLatin1String("line 5")), qPrintable(error));
    QVERIFY(foreign);
    // The client's short form selects a database too, even in the middle of a statement.
    const QString shortUse = scan("CREATE TABLE a\n\\u other\n(id INT);\n");
    QVERIFY2(shortUse.contains(QLatin1String("line 2")) && shortUse.contains(QLatin1String("USE")),
             qPrintable(shortUse));
    QVERIFY(foreign);
    QCOMPARE(scan("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n"), QString());
    QVERIFY(!foreign);
    // Not SQL text at all: refused with the line, and not taken for another database.
    const QString refused = scan(QByteArrayLiteral("CREATE TABLE a (id INT);\nPK\x03\x04\0\0junk\n"));
    QVERIFY2(refused.startsWith(QLatin1String("line 2 holds a zero byte")), qPrintable(refused));
    QVERIFY(!foreign);
    // A restore takes a whole file only: what follows its gzip data is refused, not ignored.
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    GzipWriter gz(&sink, 6, 1);
    gz.open(QIODevice::WriteOnly);
    gz.write("CREATE TABLE a (id INT);\n");
    gz.close();
    const QString trailing = scan(sink.data() + "appended");
    QVERIFY2(trailing.contains(QLatin1String("last 8 bytes")) && trailing.contains(QLatin1String("gunzip")),
             qPrintable(trailing));
    QVERIFY(!foreign);
    QCOMPARE(scan(sink.data()), QString());
    // A compressed file that is not gzip is named as what it is.
    const QString zipped = scan(QByteArrayLiteral("PK\x03\x04\x14\x00\x00\x00\x08\x00"));
    QVERIFY2(zipped.contains(QLatin1String("a zip archive")) && zipped.contains(QLatin1String("unzip")),
             qPrintable(zipped));
    QVERIFY(!foreign);
}

void TestFileRestoreSource::compareRowCounts()
{
    const QVector<QPair<QString, qint64>> expected{ { QStringLiteral("a"), 3 }, { QStringLiteral("b"), 0 } };
    QCOMPARE(RestoreTarget::compareRowCounts(expected, expected), QString());
    const QString diff
        = RestoreTarget::compareRowCounts(expected, { { QStringLiteral("a"), 2 }, { QStringLiteral("c"), 1 } });
    QVERIFY(diff.contains(QLatin1String("a has 2 rows instead of 3")));
    QVERIFY(diff.contains(QLatin1String("b is missing")));
    QVERIFY(diff.contains(QLatin1String("c should not exist")));
}

QTEST_GUILESS_MAIN(TestFileRestoreSource)
#include "TestFileRestoreSource.moc"
