// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Sentence.h"

#include <QtTest>

class TestSentence : public QObject
{
    Q_OBJECT

private slots:
    void endsWithOneFullStop_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("without") << QStringLiteral("access denied") << QStringLiteral("access denied.");
        QTest::newRow("with") << QStringLiteral("Check the token.") << QStringLiteral("Check the token.");
        QTest::newRow("trailing space") << QStringLiteral("Check the token. \n") << QStringLiteral("Check the token.");
        QTest::newRow("other punctuation")
            << QStringLiteral("HTTP 403 (AccessDenied)") << QStringLiteral("HTTP 403 (AccessDenied).");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blank") << QStringLiteral("  ") << QString();
    }

    void endsWithOneFullStop()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(Sentence::ended(text), expected);
    }

    void unendedGoesInsideASentence()
    {
        QCOMPARE(Sentence::unended(QStringLiteral("No space left on device.")),
                 QStringLiteral("No space left on device"));
        QCOMPARE(Sentence::unended(QStringLiteral(" status.. \n")), QStringLiteral("status"));
        QCOMPARE(Sentence::unended(QStringLiteral("v1.2 ok")), QStringLiteral("v1.2 ok"));
        QCOMPARE(Sentence::unended(QString()), QString());
    }
};

QTEST_GUILESS_MAIN(TestSentence)
#include "TestSentence.moc"
