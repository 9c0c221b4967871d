// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// MySqlStreamCopier (MySqlDumpStream -> MySqlLoader, in-process) and DumpOptions::skipCacheData
// against the real MariaDB.
#include "DumpTestSupport.h"
#include "TestServices.h"
#include "mysql/MySqlDumper.h"
#include "mysql/MySqlStreamCopier.h"

#include <QElapsedTimer>
#include <QtTest>

#include <thread>

using namespace DumpTestSupport;

class TestMySqlStreamCopier : public QObject
{
    Q_OBJECT

    QString m_fixtureDb;

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        m_fixtureDb = TestServices::createScratchDatabase(QStringLiteral("cfix"));
        QString err = loadWithClient(m_fixtureDb, readFile(fixturePath()));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void cleanupTestCase()
    {
        if (!m_fixtureDb.isEmpty())
            TestServices::dropDatabase(m_fixtureDb);
    }

    void cacheTablesAreNamedPrecisely()
    {
        for (const char *name : { "cache", "cache_page", "CACHE_render", "sessions", "wp_woocommerce_sessions" })
            QVERIFY2(MySqlDumper::isCacheOrSessionTable(QString::fromLatin1(name)), name);
        for (const char *name : { "product_cache_settings", "cached", "sessions_log", "d7_cache_form", "wp_options" })
            QVERIFY2(!MySqlDumper::isCacheOrSessionTable(QString::fromLatin1(name)), name);
    }

    void copyEqualsTheSource()
    {
        const QString target = TestServices::createScratchDatabase(QStringLiteral("cdst"));
        MySqlStreamCopier copier(endpoint(m_fixtureDb), endpoint(target));
        // A small pipe: the dump waits on the load many times over.
        copier.setPipeCapacity(64 * 1024);
        qint64 lastStatements = 0;
        copier.setProgressCallback([&](const CopyProgress &p) { lastStatements = p.statements; });
        QVERIFY2(copier.copy(), qPrintable(copier.errorString()));
        QVERIFY(copier.loadedInParallel());
        QVERIFY(lastStatements > 0);
        QVERIFY(!copier.dumpStats().tables.isEmpty());
        const QString diff = compareDatabases(m_fixtureDb, target);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        TestServices::dropDatabase(target);
    }

    void skipCacheDataKeepsStructureOnly()
    {
        const QString source = TestServices::createScratchDatabase(QStringLiteral("csrc"));
        const QString target = TestServices::createScratchDatabase(QStringLiteral("cdst2"));
        QString err = loadWithClient(source,
                                     "CREATE TABLE cache_render (cid VARCHAR(64) PRIMARY KEY, data BLOB, "
                                     "KEY k (data(10)));"
                                     "CREATE TABLE sessions (sid VARCHAR(64) PRIMARY KEY, s TEXT);"
                                     "CREATE TABLE wp_woocommerce_sessions (id INT PRIMARY KEY);"
                                     "CREATE TABLE node (nid INT PRIMARY KEY, title TEXT);"
                                     "INSERT INTO cache_render VALUES ('a', 'x'), ('b', 'y');"
                                     "INSERT INTO sessions VALUES ('s1', 'secret');"
                                     "INSERT INTO wp_woocommerce_sessions VALUES (1);"
                                     "INSERT INTO node VALUES (1, 'kept'), (2, 'kept too');");
        QVERIFY2(err.isEmpty(), qPrintable(err));
        DumpOptions options;
        options.skipCacheData = true;
        MySqlStreamCopier copier(endpoint(source), endpoint(target), options);
        QVERIFY2(copier.copy(), qPrintable(copier.errorString()));
        for (const char *table : { "cache_render", "sessions", "wp_woocommerce_sessions" }) {
            QCOMPARE(queryRows(target, QStringLiteral("SELECT COUNT(*) FROM `%1`").arg(QLatin1String(table))),
                     QStringList{ QStringLiteral("0") });
            QCOMPARE(queryRows(target, QStringLiteral("SHOW CREATE TABLE `%1`").arg(QLatin1String(table))),
                     queryRows(source, QStringLiteral("SHOW CREATE TABLE `%1`").arg(QLatin1String(table))));
        }
        QCOMPARE(queryRows(target, QStringLiteral("SELECT COUNT(*) FROM node")), QStringList{ QStringLiteral("2") });
        TestServices::dropDatabase(source);
        TestServices::dropDatabase(target);
    }

    void aFailingTargetStopsTheDump()
    {
        MySqlStreamCopier copier(endpoint(m_fixtureDb), endpoint(QStringLiteral("no_such_database_creodrop")));
        QVERIFY(!copier.copy());
        QVERIFY(!copier.sourceFailed());
        QVERIFY2(copier.errorString().contains(QLatin1String("loading into the target failed")),
                 qPrintable(copier.errorString()));
    }

    void aFailingSourceIsReportedAsSuch()
    {
        const QString target = TestServices::createScratchDatabase(QStringLiteral("cdst3"));
        MySqlStreamCopier copier(endpoint(QStringLiteral("no_such_database_creodrop")), endpoint(target));
        QVERIFY(!copier.copy());
        QVERIFY(copier.sourceFailed());
        QVERIFY2(copier.errorString().contains(QLatin1String("reading the source failed")),
                 qPrintable(copier.errorString()));
        TestServices::dropDatabase(target);
    }

    void cancelStopsBothSides()
    {
        const QString target = TestServices::createScratchDatabase(QStringLiteral("cdst4"));
        std::atomic<bool> cancel{ true };
        MySqlStreamCopier copier(endpoint(m_fixtureDb), endpoint(target));
        copier.setCancelFlag(&cancel);
        QVERIFY(!copier.copy());
        QVERIFY2(copier.errorString().contains(QLatin1String("cancelled")), qPrintable(copier.errorString()));
        TestServices::dropDatabase(target);
    }

    // A sync whose target statement waits (here on a table lock another session holds) stops
    // soon after the cancel, not when the statement would end (never, while the lock is held):
    // the loader's KILL QUERY reaches the statement that is running.
    void cancelStopsAStatementWaitingOnTheTarget()
    {
        const QString source = TestServices::createScratchDatabase(QStringLiteral("cwsrc"));
        const QString target = TestServices::createScratchDatabase(QStringLiteral("cwdst"));
        QString err
            = loadWithClient(source, "CREATE TABLE locked (id INT PRIMARY KEY); INSERT INTO locked VALUES (1);");
        QVERIFY2(err.isEmpty(), qPrintable(err));
        err = loadWithClient(target, "CREATE TABLE locked (id INT PRIMARY KEY); INSERT INTO locked VALUES (7);");
        QVERIFY2(err.isEmpty(), qPrintable(err));
        std::atomic<bool> cancel{ false };
        std::atomic<bool> done{ false };
        bool copied = true;
        QString copyError;
        bool stoppedWhileLocked = false;
        {
            QSqlDatabase lock = TestServices::openMySql(QStringLiteral("target-lock"), target);
            QSqlQuery q(lock);
            QVERIFY2(q.exec(QStringLiteral("LOCK TABLES locked WRITE")), qPrintable(q.lastError().text()));
            std::thread worker([&] {
                MySqlStreamCopier copier(endpoint(source), endpoint(target));
                copier.setCancelFlag(&cancel);
                copied = copier.copy();
                copyError = copier.errorString();
                done = true;
            });
            const auto waiting = [&] {
                return queryRows(target,
                                 QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '%1' "
                                                "AND STATE LIKE 'Waiting for table metadata lock%'")
                                     .arg(target))
                    == QStringList{ QStringLiteral("1") };
            };
            QElapsedTimer clock;
            clock.start();
            while (!waiting() && !done && clock.elapsed() < 60000)
                QThread::msleep(50);
            cancel = true;
            clock.restart();
            while (!done && clock.elapsed() < 60000)
                QThread::msleep(50);
            stoppedWhileLocked = done;
            lock.close(); // lets a copy that ignored the cancel finish, so that the thread ends
            worker.join();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("target-lock"));
        QVERIFY2(stoppedWhileLocked, "the copy kept waiting for the lock after the cancel");
        QVERIFY(!copied);
        QVERIFY2(copyError.contains(QLatin1String("cancelled")), qPrintable(copyError));
        QCOMPARE(runningStatements(target, QStringLiteral("DROP TABLE")), 0);
        // The statement that waited (DROP TABLE) never ran.
        QCOMPARE(queryRows(target, QStringLiteral("SELECT id FROM locked")), QStringList{ QStringLiteral("7") });
        TestServices::dropDatabase(source);
        TestServices::dropDatabase(target);
    }
};

QTEST_GUILESS_MAIN(TestMySqlStreamCopier)
#include "TestMySqlStreamCopier.moc"
