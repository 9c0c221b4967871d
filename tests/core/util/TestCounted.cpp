// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Counted.h"

#include <QtTest>

class TestCounted : public QObject
{
    Q_OBJECT

private slots:
    void countsOfOneAreSingular_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 tables");
        QTest::newRow("one") << qint64(1) << QStringLiteral("1 table");
        QTest::newRow("two") << qint64(2) << QStringLiteral("2 tables");
        QTest::newRow("eleven") << qint64(11) << QStringLiteral("11 tables");
        QTest::newRow("21 is plural") << qint64(21) << QStringLiteral("21 tables");
        QTest::newRow("large") << qint64(5000000000) << QStringLiteral("5000000000 tables");
        QTest::newRow("minus one") << qint64(-1) << QStringLiteral("-1 tables");
    }

    void countsOfOneAreSingular()
    {
        QFETCH(qint64, count);
        QFETCH(QString, expected);
        QCOMPARE(Counted::of(count, "table", "tables"), expected);
    }

    void irregularPlurals()
    {
        QCOMPARE(Counted::of(1, "entry", "entries"), QStringLiteral("1 entry"));
        QCOMPARE(Counted::of(3, "entry", "entries"), QStringLiteral("3 entries"));
    }
};

QTEST_GUILESS_MAIN(TestCounted)
#include "TestCounted.moc"
