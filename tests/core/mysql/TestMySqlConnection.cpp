// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestServices.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

/// The harness's first promise: a real MariaDB answers through the QMYSQL driver.
class TestMySqlConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { CREODROP_REQUIRE_MYSQL(); }

    void driverIsAvailable() { QVERIFY(QSqlDatabase::drivers().contains(QStringLiteral("QMYSQL"))); }

    void roundTripsRows()
    {
        const QString dbName = TestServices::createScratchDatabase(QStringLiteral("conn"));
        QString error;
        {
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("conn"), dbName, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT VERSION()")));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toString().contains(QStringLiteral("MariaDB")), qPrintable(q.value(0).toString()));
            QVERIFY2(q.exec(QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(20))")),
                     qPrintable(q.lastError().text()));
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)")));
            q.addBindValue(1);
            q.addBindValue(QStringLiteral("grüße 🎉"));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("SELECT s FROM t WHERE id = 1")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("grüße 🎉"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("conn"));
        TestServices::dropDatabase(dbName);
    }

    void wrongPasswordIsRejected()
    {
        const TestServices::MySql m = TestServices::mysql();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("bad"));
            db.setHostName(m.host);
            db.setPort(m.port);
            db.setUserName(m.user);
            db.setPassword(m.password + QStringLiteral("x"));
            QVERIFY(!db.open());
            QVERIFY2(db.lastError().text().contains(QStringLiteral("Access denied")),
                     qPrintable(db.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bad"));
    }
};

QTEST_GUILESS_MAIN(TestMySqlConnection)
#include "TestMySqlConnection.moc"
