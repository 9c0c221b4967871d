// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DumpTestSupport.h"
#include "StatementReaderCases.h"
#include "compress/GzipWriter.h"
#include "mysql/CollationCompatibility.h"
#include "mysql/MySqlLoader.h"

#include <QBuffer>
#include <QProcess>

using namespace DumpTestSupport;

/// MySqlLoader against the real server: mysqldump files (DELIMITER blocks, raw binary strings,
/// LOCK TABLES) load exactly, gzip input is detected, and errors name statement and line.
class TestMySqlLoader : public QObject
{
    Q_OBJECT

private:
    QString m_fixtureDb;

    bool load(const QString &database, const QByteArray &data, QString *error, int connections = 2,
              LoadOptions options = {}, bool *parallel = nullptr)
    {
        options.connections = connections;
        MySqlLoader loader(endpoint(database), options);
        QByteArray copy = data;
        QBuffer in(&copy);
        in.open(QIODevice::ReadOnly);
        const bool ok = loader.load(&in);
        *error = loader.errorString();
        if (parallel)
            *parallel = loader.loadedInParallel();
        return ok;
    }

    static QStringList query(const QString &database, const QString &sql)
    {
        QStringList rows;
        {
            QString error;
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("lq"), database, &error);
            rows = rowsOf(db, sql);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lq"));
        return rows;
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        m_fixtureDb = TestServices::createScratchDatabase(QStringLiteral("lfix"));
        QString err = loadWithClient(m_fixtureDb, readFile(fixturePath()));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        // mariadb-dump 10.11 wraps this table's INSERT in LOCK TABLES without locking the sequence
        // its DEFAULT draws from, so its own output fails in the stock client too: leave it out.
        err = loadWithClient(m_fixtureDb, "DROP TABLE uses_seq;");
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void cleanupTestCase()
    {
        if (!m_fixtureDb.isEmpty())
            TestServices::dropDatabase(m_fixtureDb);
    }

    void loadsMysqldumpOutput_data()
    {
        QTest::addColumn<int>("connections");
        QTest::addColumn<bool>("gzipped");
        QTest::newRow("serial, plain") << 1 << false;
        QTest::newRow("parallel, gzip") << 3 << true;
    }

    void loadsMysqldumpOutput()
    {
        QFETCH(int, connections);
        QFETCH(bool, gzipped);
        const TestServices::MySql m = TestServices::mysql();
        QProcess dump;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MYSQL_PWD"), m.password);
        dump.setProcessEnvironment(env);
        // No --hex-blob: binary values arrive as raw escaped bytes, which must pass unchanged.
        dump.start(QStringLiteral("mariadb-dump"),
                   { QStringLiteral("--no-defaults"), QStringLiteral("-h"), m.host, QStringLiteral("-P"),
                     QString::number(m.port), QStringLiteral("-u"), m.user, QStringLiteral("--routines"),
                     QStringLiteral("--triggers"), QStringLiteral("--events"), m_fixtureDb });
        QVERIFY(dump.waitForFinished(120000));
        QVERIFY2(dump.exitCode() == 0, dump.readAllStandardError().constData());
        QByteArray sql = dump.readAllStandardOutput();
        QVERIFY(sql.contains("DELIMITER ;;"));
        // mariadb-dump prints FLOAT with 6 digits, so the reference is what the stock client
        // makes of the same file, not the source.
        const QString reference = TestServices::createScratchDatabase(QStringLiteral("lref"));
        const QString clientError = loadWithClient(reference, sql);
        QVERIFY2(clientError.isEmpty(), qPrintable(clientError));
        if (gzipped) {
            QBuffer sink;
            sink.open(QIODevice::WriteOnly);
            GzipWriter gz(&sink, 6, 2);
            gz.open(QIODevice::WriteOnly);
            gz.write(sql);
            gz.close();
            sql = sink.data();
        }
        const QString target = TestServices::createScratchDatabase(QStringLiteral("lmd"));
        QString error;
        const bool ok = load(target, sql, &error, connections);
        const QString diff = ok ? compareDatabases(reference, target) : QString();
        TestServices::dropDatabase(target);
        TestServices::dropDatabase(reference);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void stopsAtFirstErrorWithStatementAndLine()
    {
        const QString target = TestServices::createScratchDatabase(QStringLiteral("lerr"));
        const QByteArray sql = "CREATE TABLE t (a INT);\n-- comment\nINSERT INTO t VALUES (1);\n\n"
                               "INSERT INTO t VALUES\n (2), (3;\nINSERT INTO t VALUES (4);\n";
        QString error;
        // One connection: with several, INSERTs already handed out may still complete.
        const bool ok = load(target, sql, &error, 1);
        QString countError;
        QStringList rows;
        {
            QSqlDatabase db = TestServices::openMySql(QStringLiteral("lerr"), target, &countError);
            rows = rowsOf(db, QStringLiteral("SELECT a FROM t ORDER BY a"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lerr"));
        TestServices::dropDatabase(target);
        QVERIFY(!ok);
        QVERIFY2(error.startsWith(QStringLiteral("statement 3 (line 5) failed: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("SQL syntax")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QCOMPARE(rows, QStringList{ QStringLiteral("1") }); // nothing after the failure ran
    }

    // The statement table of TestSqlStatementReader, replayed through the stock client: the
    // server's general log shows what the client really sent. The log is read once at the end
    // (it is a CSV table that other tests may fill at the same time).
    void readerTableMatchesStockClient()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("lclient"));
        const QStringList before = query(db, QStringLiteral("SELECT @@general_log, @@log_output"));
        QVERIFY(!before.isEmpty());
        query(db, QStringLiteral("TRUNCATE mysql.general_log"));
        QVERIFY(query(db, QStringLiteral("SET GLOBAL log_output = 'TABLE'")).isEmpty());
        QVERIFY(query(db, QStringLiteral("SET GLOBAL general_log = 1")).isEmpty());
        struct Replay
        {
            StatementReaderCase c;
            qint64 id = 0;
            int rc = 0;
        };
        QList<Replay> replays;
        for (const StatementReaderCase &c : statementReaderCases()) {
            if (!c.replayWithClient)
                continue;
            QByteArray input = "SELECT CONNECTION_ID();\n";
            if (!c.sqlMode.isEmpty())
                input += "SET sql_mode = '" + c.sqlMode + "';\n";
            input += c.input;
            QByteArray out, err;
            const int rc = TestServices::runMariaDbClient(
                { QStringLiteral("--default-character-set=utf8mb4"), QStringLiteral("-N"), db }, input, &out, &err);
            replays.append(Replay{ c, QString::fromUtf8(out.split('\n').value(0)).trimmed().toLongLong(), rc });
        }
        query(db, QStringLiteral("SET GLOBAL general_log = 0"));
        QStringList ids;
        for (const Replay &r : std::as_const(replays))
            ids << QString::number(r.id);
        QHash<qint64, QList<QByteArray>> sentBy;
        {
            QString error;
            QSqlDatabase log = TestServices::openMySql(QStringLiteral("lgen"), db, &error);
            QSqlQuery q(log);
            QVERIFY2(q.exec(QStringLiteral("SELECT thread_id, argument FROM mysql.general_log WHERE command_type = "
                                           "'Query' AND thread_id IN (%1)")
                                .arg(ids.join(QLatin1Char(',')))),
                     qPrintable(q.lastError().text()));
            while (q.next())
                sentBy[q.value(0).toLongLong()] << q.value(1).toByteArray();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lgen"));
        query(db, QStringLiteral("SET GLOBAL general_log = %1").arg(before.first().section(QLatin1Char('|'), 0, 0)));
        query(db, QStringLiteral("SET GLOBAL log_output = '%1'").arg(before.first().section(QLatin1Char('|'), 1)));
        query(db, QStringLiteral("TRUNCATE mysql.general_log"));
        TestServices::dropDatabase(db);
        QVERIFY(replays.size() > 20);
        for (const Replay &r : std::as_const(replays)) {
            const QList<QByteArray> sent = sentBy.value(r.id).mid(r.c.sqlMode.isEmpty() ? 1 : 2);
            // The client stops at a failing statement: what it sent must then be a prefix.
            const bool same
                = r.rc == 0 ? sent == r.c.statements : (sent == r.c.statements.mid(0, sent.size()) && !sent.isEmpty());
            QStringList got;
            for (const QByteArray &s : sent)
                got << QString::fromUtf8(s);
            QVERIFY2(same,
                     qPrintable(QStringLiteral("%1: the client sent [%2] (rc %3)")
                                    .arg(QLatin1String(r.c.name), got.join(QStringLiteral("] [")))
                                    .arg(r.rc)));
        }
    }

    void handWrittenExportLoadsLikeTheClient()
    {
        // Session state carried from statement to statement, and child rows right after their
        // parent under foreign keys: only a strictly serial load on one connection gets this right.
        const QByteArray sql
            = "SET NAMES utf8mb4;\n"
              "CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40)) ENGINE=InnoDB;\n"
              "CREATE TABLE child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL,\n"
              "  note VARCHAR(40), FOREIGN KEY (parent_id) REFERENCES parent (id)) ENGINE=InnoDB;\n"
              "INSERT INTO parent (name) VALUES ('a');\n"
              "SET @p := LAST_INSERT_ID();\n"
              "INSERT INTO child (parent_id, note) VALUES (@p, 'first');\n"
              "INSERT INTO parent (name) VALUES ('b');\n"
              "INSERT INTO child (parent_id, note) VALUES (LAST_INSERT_ID(), 'second');\n"
              "SELECT MAX(id) INTO @m FROM child;\n"
              "INSERT INTO child (parent_id, note) SELECT @p, CONCAT('after ', @m);\n"
              "SET @x = 'semi;colon -- not a comment';\n"
              "INSERT INTO parent (name) VALUES (@x);\n"
              "SET sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');\n"
              "INSERT INTO parent (name) VALUES ('C:\\');\n";
        const QString reference = TestServices::createScratchDatabase(QStringLiteral("lhwref"));
        const QString clientError = loadWithClient(reference, sql);
        QVERIFY2(clientError.isEmpty(), qPrintable(clientError));
        const QString target = TestServices::createScratchDatabase(QStringLiteral("lhw"));
        QString error;
        bool parallel = true;
        const bool ok = load(target, sql, &error, 4, {}, &parallel);
        const QString diff = ok ? compareDatabases(reference, target) : QString();
        const QStringList names = query(target, QStringLiteral("SELECT name FROM parent ORDER BY id"));
        TestServices::dropDatabase(target);
        TestServices::dropDatabase(reference);
        QVERIFY2(ok, qPrintable(error));
        QVERIFY(!parallel); // not our own dump: one connection, in order
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(names,
                 (QStringList{ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("semi;colon -- not a comment"),
                               QStringLiteral("C:\\") }));
    }

    void parallelLoadReportsTheEarliestFailure()
    {
        const QByteArray sql = QByteArray(MySqlLoader::parallelHeader())
            + "\n"
              "SET NAMES utf8mb4;\n"
              "DROP TABLE IF EXISTS `t1`;\n"
              "CREATE TABLE `t1` (a INT PRIMARY KEY);\n"
              "INSERT INTO `t1` VALUES (1),(2);\n"
              "INSERT INTO `t1` VALUES (2);\n"
              "DROP TABLE IF EXISTS `t2`;\n"
              "CREATE TABLE `t2` (a INT);\n"
              "INSERT INTO `t2` VALUES (1);\n"
              "CREATE VIEW v AS SELECT 1 AS one;\n";
        const QString target = TestServices::createScratchDatabase(QStringLiteral("lpar"));
        QString error;
        bool parallel = false;
        const bool ok = load(target, sql, &error, 3, {}, &parallel);
        const QStringList views = query(target,
                                        QStringLiteral("SELECT COUNT(*) FROM information_schema.VIEWS WHERE "
                                                       "TABLE_SCHEMA = DATABASE()"));
        TestServices::dropDatabase(target);
        QVERIFY(!ok);
        QVERIFY(parallel);
        QVERIFY2(error.startsWith(QStringLiteral("statement 5 (line 6) failed: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Duplicate entry")), qPrintable(error));
        QCOMPARE(views, QStringList{ QStringLiteral("0") }); // nothing after the failure started
    }

    void stripsDefiners_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("procedure") << QByteArray("CREATE DEFINER=`root`@`localhost` PROCEDURE p() SELECT 1")
                                   << QByteArray("CREATE  PROCEDURE p() SELECT 1");
        QTest::newRow("mysqldump trigger")
            << QByteArray("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t BEFORE INSERT ON "
                          "x FOR EACH ROW SET @a = 1 */")
            << QByteArray(
                   "/*!50003 CREATE*/ /*!50017 */ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET @a = 1 */");
        QTest::newRow("view keeps SQL SECURITY DEFINER")
            << QByteArray("CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`a``b`@`%` SQL SECURITY DEFINER VIEW v AS "
                          "SELECT 'DEFINER=`x`@`y`'")
            << QByteArray(
                   "CREATE OR REPLACE ALGORITHM=UNDEFINED  SQL SECURITY DEFINER VIEW v AS SELECT 'DEFINER=`x`@`y`'");
        QTest::newRow("CURRENT_USER()") << QByteArray(
            "CREATE DEFINER = CURRENT_USER() FUNCTION f() RETURNS INT RETURN 1")
                                        << QByteArray("CREATE  FUNCTION f() RETURNS INT RETURN 1");
        QTest::newRow("quoted strings") << QByteArray(
            "CREATE DEFINER='u\\'x'@'h' EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1")
                                        << QByteArray("CREATE  EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1");
        QTest::newRow("not a CREATE") << QByteArray("INSERT INTO t VALUES ('x'), (DEFINER)")
                                      << QByteArray("INSERT INTO t VALUES ('x'), (DEFINER)");
    }

    void stripsDefiners()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        QCOMPARE(MySqlLoader::stripDefiner(in), out);
    }

    void stripDefinerLoadsObjectsForTheLoadingUser()
    {
        const QByteArray sql = "CREATE DEFINER=`ghost`@`%` SQL SECURITY DEFINER VIEW v AS SELECT 1 AS one;\n"
                               "CREATE DEFINER=`ghost`@`%` FUNCTION f() RETURNS INT DETERMINISTIC RETURN 2;\n";
        const QString target = TestServices::createScratchDatabase(QStringLiteral("ldef"));
        LoadOptions options;
        options.definer = LoadOptions::Definer::Strip;
        QString error;
        const bool ok = load(target, sql, &error, 1, options);
        const QStringList definers = query(
            target,
            QStringLiteral("SELECT DEFINER = CURRENT_USER() FROM information_schema.VIEWS WHERE TABLE_SCHEMA = "
                           "DATABASE() UNION ALL SELECT DEFINER = CURRENT_USER() FROM information_schema.ROUTINES "
                           "WHERE ROUTINE_SCHEMA = DATABASE()"));
        TestServices::dropDatabase(target);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(definers, (QStringList{ QStringLiteral("1"), QStringLiteral("1") }));
    }

    void mysql8CollationsAreFoundAndMapped()
    {
        const QByteArray dump = readFile(QStringLiteral(CREODROP_SOURCE_DIR "/tests/data/sql/mysql8_dump.sql"));
        QVERIFY(!dump.isEmpty());
        QBuffer in;
        in.setData(dump);
        in.open(QIODevice::ReadOnly);
        QSet<QString> found;
        QString error;
        QVERIFY(CollationCompatibility::collationsIn(&in, &found, &error));
        QCOMPARE(found, (QSet<QString>{ QStringLiteral("utf8mb4_0900_ai_ci"), QStringLiteral("utf8mb4_0900_as_cs") }));
        const QSet<QString> old{ QStringLiteral("utf8mb4_general_ci"), QStringLiteral("utf8mb4_bin") };
        QCOMPARE(CollationCompatibility::unsupported(found, old, true).size(), 2); // MariaDB before 10.10
        const QSet<QString> uca{ QStringLiteral("utf8mb4_uca1400_ai_ci"), QStringLiteral("utf8mb4_uca1400_as_cs") };
        QVERIFY(CollationCompatibility::unsupported(found, uca, true).isEmpty());
        QCOMPARE(CollationCompatibility::unsupported(found, uca, false).size(), 2);
        QByteArray statement = "CREATE TABLE t (a TEXT COLLATE utf8mb4_0900_as_cs) COLLATE=UTF8MB4_0900_AI_CI";
        QVERIFY(CollationCompatibility::map(&statement, uca));
        QCOMPARE(statement,
                 QByteArray("CREATE TABLE t (a TEXT COLLATE utf8mb4_uca1400_as_cs) COLLATE=utf8mb4_uca1400_ai_ci"));

        const QString target = TestServices::createScratchDatabase(QStringLiteral("lmy8"));
        const bool refused = !load(target, dump, &error, 1);
        QVERIFY(refused);
        QVERIFY2(error.contains(QStringLiteral("utf8mb4_0900_ai_ci"))
                     && error.contains(QStringLiteral("--map-mysql8-collations")),
                 qPrintable(error));
        LoadOptions options;
        options.mapMysql8Collations = true;
        const bool ok = load(target, dump, &error, 1, options);
        const QStringList rows = query(target, QStringLiteral("SELECT title FROM posts ORDER BY id"));
        const QStringList create = query(target, QStringLiteral("SHOW CREATE TABLE posts"));
        TestServices::dropDatabase(target);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(rows, (QStringList{ QStringLiteral("Hello"), QStringLiteral("Grüße") }));
        QVERIFY2(create.value(0).contains(QStringLiteral("utf8mb4_uca1400_as_cs")), qPrintable(create.value(0)));
    }

    void corruptGzipFailsClearly()
    {
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        GzipWriter gz(&sink, 6, 1);
        gz.open(QIODevice::WriteOnly);
        for (int i = 0; i < 20000; ++i)
            gz.write("INSERT INTO t VALUES (" + QByteArray::number(i) + ");\n");
        gz.close();
        const QByteArray truncated = sink.data().left(sink.data().size() / 2);
        const QString target = TestServices::createScratchDatabase(QStringLiteral("lgz"));
        QString error;
        const bool ok = load(target, "CREATE TABLE t (a INT);\n", &error); // table for the statements
        QVERIFY2(ok, qPrintable(error));
        const bool truncatedOk = load(target, truncated, &error);
        TestServices::dropDatabase(target);
        QVERIFY(!truncatedOk);
        QVERIFY2(error.contains(QStringLiteral("truncated gzip stream")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestMySqlLoader)
#include "TestMySqlLoader.moc"
