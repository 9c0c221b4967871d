// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// DefinerPrivileges: which SHOW GRANTS rows let a user name another DEFINER, and the header line
// in which our dumps list their definers (read back whole whatever the account names hold).
#include "mysql/DefinerPrivileges.h"

#include <QtTest>

class TestDefinerPrivileges : public QObject
{
    Q_OBJECT

private slots:
    void grants_data()
    {
        QTest::addColumn<QStringList>("grants");
        QTest::addColumn<bool>("allowed");
        const QString usage = QStringLiteral("GRANT USAGE ON *.* TO `app`@`%` IDENTIFIED BY PASSWORD '*AB'");
        QTest::newRow("all on *.*") << QStringList{
            QStringLiteral("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION")
        } << true;
        QTest::newRow("super") << QStringList{ QStringLiteral("GRANT SELECT, SUPER ON *.* TO `ops`@`%`") } << true;
        QTest::newRow("set user") << QStringList{ QStringLiteral("grant set user, select on *.* to `ops`@`%`") }
                                  << true;
        QTest::newRow("usage and all on one database")
            << QStringList{ usage, QStringLiteral("GRANT ALL PRIVILEGES ON `shop`.* TO `app`@`%`") } << false;
        QTest::newRow("a database named super")
            << QStringList{ usage, QStringLiteral("GRANT SELECT ON `super`.* TO `app`@`%`") } << false;
        QTest::newRow("nothing") << QStringList{} << false;
    }

    void grants()
    {
        QFETCH(QStringList, grants);
        QFETCH(bool, allowed);
        QCOMPARE(DefinerPrivileges::allowsOtherDefiners(grants), allowed);
    }

    void headerLineReadsBackWhole()
    {
        const QStringList definers{ QStringLiteral("root@localhost"), QStringLiteral("we, \"they\"@%"),
                                    QStringLiteral("line\nbreak@h"), QStringLiteral("ünï@%"), QStringLiteral("role") };
        const QString line = DefinerPrivileges::headerLine(definers);
        QVERIFY(line.startsWith(QLatin1String("-- Definers: ")));
        QVERIFY2(!line.contains(u'\n'), qPrintable(line)); // one comment line
        const QByteArray head = "-- creodrop-load: parallel-tables v1\n-- Server version: 10.11\n" + line.toUtf8()
            + "\n-- Data of all transactional tables comes from one consistent snapshot.\n\nSET NAMES utf8mb4;\n";
        QCOMPARE(DefinerPrivileges::fromHeader(head), std::optional<QStringList>(definers));
        QCOMPARE(DefinerPrivileges::fromHeader(QByteArray(head).replace('\n', "\r\n")),
                 std::optional<QStringList>(definers));
        QCOMPARE(DefinerPrivileges::fromHeader("-- Definers: []\n"), std::optional<QStringList>(QStringList()));
    }

    // Only the leading comment lines count: no line of the data, no cut-off line, no other text.
    void fromHeaderNeedsTheWholeLineInTheHeader()
    {
        QCOMPARE(DefinerPrivileges::fromHeader("-- creodrop-load: parallel-tables v1\n-- Options: x\n"), std::nullopt);
        QCOMPARE(DefinerPrivileges::fromHeader("-- x\nSELECT 1;\n-- Definers: [\"a@b\"]\n"), std::nullopt);
        QCOMPARE(DefinerPrivileges::fromHeader("-- x\n-- Definers: [\"a@b\""), std::nullopt);
        QCOMPARE(DefinerPrivileges::fromHeader("-- Definers: not json\n"), std::nullopt);
        QCOMPARE(DefinerPrivileges::fromHeader(QByteArray()), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestDefinerPrivileges)
#include "TestDefinerPrivileges.moc"
