// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DumpTestSupport.h"
#include "FreezingProxy.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

using namespace DumpTestSupport;

/// `creodrop-backupctl dump` and `load` as a user runs them: round trip through a file, bounded
/// memory on a 2 M-row table without a key, and one-line errors with no output file left.
class TestDumpCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    static QProcessEnvironment environment(const QString &password)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MYSQL_PWD"), password);
        return env;
    }

    /// How @p p ended, once it has (code -1 if it crashed).
    static Run result(QProcess &p)
    {
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    Run cli(const QStringList &args, const QString &password, const QString &wrapper = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment(password));
        if (wrapper.isEmpty())
            p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        else
            p.start(wrapper, QStringList{ QStringLiteral("-v"), QStringLiteral(CREODROP_CLI_PATH) } + args);
        if (!p.waitForFinished(240000))
            return Run{};
        return result(p);
    }

    // A user (from any host) with @p privileges on @p database only, for the privilege cases; the
    // caller drops it. Returns the stock client's error, or an empty string.
    static QString createUser(const QString &database, const QString &user, const QString &password,
                              const QString &privileges)
    {
        return loadWithClient(database,
                              QStringLiteral("DROP USER IF EXISTS '%1'@'%'; CREATE USER '%1'@'%' IDENTIFIED "
                                             "BY '%2'; GRANT %3 ON `%4`.* TO '%1'@'%';")
                                  .arg(user, password, privileges, database)
                                  .toUtf8());
    }

    /// `dump` of @p database to @p file as @p user (the test server's own user when empty).
    Run dumpTo(const QString &database, const QString &file, const QString &user = {}, const QString &password = {})
    {
        return cli(QStringList{ QStringLiteral("dump") } + endpointArgs(database, user)
                       + QStringList{ QStringLiteral("--output"), file },
                   user.isEmpty() ? TestServices::mysql().password : password);
    }

    /// `load` of @p file into @p database with @p extra options, as @p user (as dumpTo()).
    Run loadFrom(const QString &database, const QString &file, const QStringList &extra = {}, const QString &user = {},
                 const QString &password = {})
    {
        return cli(QStringList{ QStringLiteral("load") } + endpointArgs(database, user)
                       + QStringList{ QStringLiteral("--input"), file } + extra,
                   user.isEmpty() ? TestServices::mysql().password : password);
    }

    QStringList endpointArgs(const QString &database, const QString &user = {})
    {
        const TestServices::MySql m = TestServices::mysql();
        return { QStringLiteral("--host"),     m.host,
                 QStringLiteral("--port"),     QString::number(m.port),
                 QStringLiteral("--user"),     user.isEmpty() ? m.user : user,
                 QStringLiteral("--database"), database,
                 QStringLiteral("--quiet") };
    }

    /// Starts `creodrop-backupctl` with @p args and @p input on its stdin (kept open), waits until
    /// @p ready holds, sends @p signal and returns how the process ended (code -1 if it did not end
    /// within a minute).
    Run signalWhen(const QStringList &args, const std::function<bool()> &ready, int signal, bool *wasReady,
                   const QByteArray &input = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment(TestServices::mysql().password));
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        *wasReady = false;
        if (!p.waitForStarted())
            return Run{};
        p.write(input);
        QElapsedTimer waited;
        waited.start();
        while (!(*wasReady = ready()) && p.state() == QProcess::Running && waited.elapsed() < 60000)
            QTest::qWait(100);
        // Generous: what this catches is a process that waits for its statement to end.
        if (!signalAndWait(p, signal))
            return Run{};
        return result(p);
    }

    /// Sends @p signal to @p p and waits up to 60 s for it to end; kills it after that. Whether
    /// it ended by itself.
    static bool signalAndWait(QProcess &p, int signal)
    {
        ::kill(static_cast<pid_t>(p.processId()), signal);
        if (p.waitForFinished(60000))
            return true;
        p.kill();
        p.waitForFinished();
        return false;
    }

    /// A FIFO in the test folder, already full: a process writing to it blocks. @p reader is
    /// its open read end (close it to end the test); empty on failure.
    QString fullFifo(const QString &name, int *reader)
    {
        const QString fifo = m_dir.filePath(name);
        if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
            return {};
        *reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
        const int filler = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
        if (*reader < 0 || filler < 0)
            return {};
        const QByteArray block(4096, 'x');
        while (::write(filler, block.constData(), size_t(block.size())) > 0) {
        }
        ::close(filler);
        return fifo;
    }

    void expectCleanFailure(const Run &r, const QString &needle, const QString &output)
    {
        QCOMPARE(r.code, 1);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(needle), qPrintable(err));
        QVERIFY2(!err.contains(TestServices::mysql().password), "the password leaked into the message");
        if (!output.isEmpty()) {
            QVERIFY(!QFile::exists(output));
            QVERIFY(!QFile::exists(output + QStringLiteral(".part")));
        }
    }

private slots:
    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        QVERIFY(m_dir.isValid());
    }

    void dumpAndLoadThroughFiles()
    {
        const QString source = TestServices::createScratchDatabase(QStringLiteral("cfix"));
        QString err = loadWithClient(source, readFile(fixturePath()));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString file = m_dir.filePath(QStringLiteral("fixture.sql.gz"));
        const QString password = TestServices::mysql().password;
        const Run dump
            = cli(QStringList{ QStringLiteral("dump") } + endpointArgs(source)
                      + QStringList{ QStringLiteral("--output"), file, QStringLiteral("--level"), QStringLiteral("9") },
                  password);
        QVERIFY2(dump.code == 0, dump.err.constData());
        QVERIFY(dump.err.isEmpty());
        QProcess gzipTest;
        gzipTest.start(QStringLiteral("gzip"), { QStringLiteral("-t"), file });
        QVERIFY(gzipTest.waitForFinished());
        QCOMPARE(gzipTest.exitCode(), 0);

        const QString target = TestServices::createScratchDatabase(QStringLiteral("cfixl"));
        const Run load = cli(QStringList{ QStringLiteral("load") } + endpointArgs(target)
                                 + QStringList{ QStringLiteral("--input"), file },
                             password);
        const QString diff = load.code == 0 ? compareDatabases(source, target) : QString();
        TestServices::dropDatabase(source);
        TestServices::dropDatabase(target);
        QVERIFY2(load.code == 0, load.err.constData());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void keylessTwoMillionRowsInBoundedMemory()
    {
        const QString source = TestServices::createScratchDatabase(QStringLiteral("cbig"));
        QString err = loadWithClient(source,
                                     "CREATE TABLE big (a INT, b VARCHAR(40), c BIGINT) ENGINE=InnoDB;\n"
                                     "INSERT INTO big SELECT seq % 1000, CONCAT('row ', seq), seq * 3 "
                                     "FROM seq_1_to_2000000;\n");
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString file = m_dir.filePath(QStringLiteral("big.sql.gz"));
        const Run r
            = cli(QStringList{ QStringLiteral("dump") } + endpointArgs(source)
                      + QStringList{ QStringLiteral("--output"), file, QStringLiteral("--level"), QStringLiteral("1") },
                  TestServices::mysql().password, QStringLiteral("/usr/bin/time"));
        TestServices::dropDatabase(source);
        QVERIFY2(r.code == 0, r.err.constData());
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)"))
                  .match(QString::fromUtf8(r.err));
        QVERIFY2(m.hasMatch(), r.err.constData());
        const qint64 rssKiB = m.captured(1).toLongLong();
        // Buffering the table would take several hundred MiB; streaming stays far below.
        QVERIFY2(rssKiB < 100 * 1024, qPrintable(QStringLiteral("peak RSS %1 KiB").arg(rssKiB)));
        QVERIFY(QFileInfo(file).size() > 1024 * 1024);
    }

    void loadOptions()
    {
        const QString password = TestServices::mysql().password;
        const QString db = TestServices::createScratchDatabase(QStringLiteral("copt"));
        auto write = [&](const QString &name, const QByteArray &data) {
            QFile f(m_dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(data);
            return f.fileName();
        };
        auto load = [&](const QString &file, const QStringList &extra) {
            return cli(QStringList{ QStringLiteral("load") } + endpointArgs(db)
                           + QStringList{ QStringLiteral("--input"), file } + extra,
                       password);
        };
        const QString ghost
            = write(QStringLiteral("ghost.sql"), "CREATE DEFINER=`ghost`@`%` VIEW v_ghost AS SELECT 1 AS one;\n");
        QCOMPARE(load(ghost, { QStringLiteral("--definer"), QStringLiteral("maybe") }).code, 2);
        QCOMPARE(load(ghost, { QStringLiteral("--max-statement-size"), QStringLiteral("10") }).code, 2);
        const Run stripped = load(ghost, { QStringLiteral("--definer"), QStringLiteral("strip") });
        QVERIFY2(stripped.code == 0, stripped.err.constData());
        QSqlDatabase::removeDatabase(QStringLiteral("copt"));
        QStringList definer;
        {
            QString error;
            QSqlDatabase c = TestServices::openMySql(QStringLiteral("copt"), db, &error);
            definer = rowsOf(c,
                             QStringLiteral("SELECT DEFINER = CURRENT_USER() FROM information_schema.VIEWS "
                                            "WHERE TABLE_SCHEMA = DATABASE()"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("copt"));
        QCOMPARE(definer, QStringList{ QStringLiteral("1") });

        // A user without SUPER or SET USER: keeping the definer fails and says what to do,
        // stripping it creates the view for that user.
        QString err = loadWithClient(db, "DROP VIEW v_ghost;");
        if (err.isEmpty())
            err = createUser(db, QStringLiteral("creodrop_nd"), QStringLiteral("nd-pass"),
                             QStringLiteral("ALL PRIVILEGES"));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        auto loadAs = [&](const QStringList &extra) {
            return cli(QStringList{ QStringLiteral("load") } + endpointArgs(db, QStringLiteral("creodrop_nd"))
                           + QStringList{ QStringLiteral("--input"), ghost } + extra,
                       QStringLiteral("nd-pass"));
        };
        const Run kept = loadAs({});
        const Run strippedAs = loadAs({ QStringLiteral("--definer"), QStringLiteral("strip") });
        loadWithClient(db, "DROP USER IF EXISTS 'creodrop_nd'@'%';");
        expectCleanFailure(kept, QStringLiteral("load with --definer strip"), QString());
        QVERIFY2(kept.err.contains("statement 1 (line 1) failed: Access denied"), kept.err.constData());
        QVERIFY2(strippedAs.code == 0, strippedAs.err.constData());

        const QString big = write(QStringLiteral("big.sql"), "SELECT 1;\nSELECT '" + QByteArray(4096, 'x') + "';\n");
        expectCleanFailure(load(big, { QStringLiteral("--max-statement-size"), QStringLiteral("1024") }),
                           QStringLiteral("starts on line 2 is larger than the maximum statement size"), QString());
        const QString shell = write(QStringLiteral("shell.sql"), "SELECT 1;\n\\! touch /tmp/creodrop-never\n");
        expectCleanFailure(load(shell, {}), QStringLiteral("line 2: the client command \\!"), QString());
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/creodrop-never")));

        const QString mysql8 = QStringLiteral(CREODROP_SOURCE_DIR "/tests/data/sql/mysql8_dump.sql");
        expectCleanFailure(load(mysql8, {}), QStringLiteral("utf8mb4_0900_ai_ci"), QString());
        const Run mapped = load(mysql8, { QStringLiteral("--map-mysql8-collations") });
        QVERIFY2(mapped.code == 0, mapped.err.constData());
        TestServices::dropDatabase(db);
    }

    // A view whose table is gone cannot be created again: the dump fails and names it, rather
    // than write a file that no restore can load (mariadb-dump refuses it too).
    void brokenViewFailsTheDump()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("cbadv"));
        const QString err = loadWithClient(db,
                                           "CREATE TABLE t1 (id INT PRIMARY KEY); CREATE TABLE t2 (id INT);"
                                           "CREATE VIEW v_ok AS SELECT id FROM t1;"
                                           "CREATE VIEW v_bad AS SELECT t2.id FROM t2; DROP TABLE t2;");
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString file = m_dir.filePath(QStringLiteral("badview.sql.gz"));
        const Run r = dumpTo(db, file);
        expectCleanFailure(r,
                           QStringLiteral("view `v_bad` cannot be dumped: View '%1.v_bad' references invalid "
                                          "table(s)")
                               .arg(db),
                           file);
        QVERIFY2(r.err.contains("repair the view (or drop it), then back up again"), r.err.constData());
        QVERIFY(loadWithClient(db, "DROP VIEW v_bad;").isEmpty());
        const Run fixed = dumpTo(db, file);
        QVERIFY2(fixed.code == 0, fixed.err.constData());
        TestServices::dropDatabase(db);
    }

    // A user without the EVENT privilege sees no events in information_schema: the dump fails and
    // says which privilege it needs, rather than leave the events out without a word.
    void dumpWithoutTheEventPrivilegeFails()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("cnoev"));
        QString err = loadWithClient(db,
                                     "CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1);"
                                     "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM t;");
        if (err.isEmpty())
            err = createUser(db, QStringLiteral("creodrop_noev"), QStringLiteral("noev-pass"),
                             QStringLiteral("SELECT, SHOW VIEW, TRIGGER, LOCK TABLES, EXECUTE"));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString file = m_dir.filePath(QStringLiteral("noevent.sql.gz"));
        auto dumpAsUser
            = [&] { return dumpTo(db, file, QStringLiteral("creodrop_noev"), QStringLiteral("noev-pass")); };
        const Run refused = dumpAsUser();
        expectCleanFailure(refused, QStringLiteral("cannot list the events: Access denied"), file);
        QVERIFY2(refused.err.contains("needs the EVENT privilege"), refused.err.constData());
        QVERIFY(loadWithClient(db, QStringLiteral("GRANT EVENT ON `%1`.* TO 'creodrop_noev'@'%';").arg(db).toUtf8())
                    .isEmpty());
        const Run granted = dumpAsUser();
        loadWithClient(db, "DROP USER IF EXISTS 'creodrop_noev'@'%';");
        QVERIFY2(granted.code == 0, granted.err.constData());
        const QString copy = TestServices::createScratchDatabase(QStringLiteral("cnoevc"));
        const Run loaded = loadFrom(copy, file);
        QVERIFY2(loaded.code == 0, loaded.err.constData());
        QCOMPARE(queryRows(copy,
                           QStringLiteral("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE "
                                          "EVENT_SCHEMA = DATABASE()")),
                 QStringList{ QStringLiteral("e") });
        TestServices::dropDatabase(copy);
        TestServices::dropDatabase(db);
    }

    // Our dump names its definers in its header: a user who may not create objects for them
    // (no SET USER, no SUPER) is refused before the load changes anything when the definers are
    // kept (the default), with what to do instead; with --definer strip the same file loads.
    void keptDefinersAreCheckedBeforeTheLoadBegins()
    {
        const QString source = TestServices::createScratchDatabase(QStringLiteral("cdefs"));
        const QString target = TestServices::createScratchDatabase(QStringLiteral("cdeft"));
        QString err = loadWithClient(source,
                                     "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));"
                                     "INSERT INTO t VALUES (1, 'new'), (2, 'new');"
                                     "CREATE DEFINER=`ghost`@`%` VIEW v AS SELECT id FROM t;"
                                     "CREATE DEFINER=`ghost`@`%` PROCEDURE p() SELECT 'new';");
        if (err.isEmpty())
            err = loadWithClient(target,
                                 "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10)); INSERT INTO t VALUES (9, 'old');"
                                 "CREATE PROCEDURE p() SELECT 'old';");
        if (err.isEmpty())
            err = createUser(target, QStringLiteral("creodrop_nd2"), QStringLiteral("nd2-pass"),
                             QStringLiteral("ALL PRIVILEGES"));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString file = m_dir.filePath(QStringLiteral("definers.sql.gz"));
        const Run dumped = dumpTo(source, file);
        QVERIFY2(dumped.code == 0, dumped.err.constData());
        auto loadAs = [&](const QStringList &extra) {
            return loadFrom(target, file, extra, QStringLiteral("creodrop_nd2"), QStringLiteral("nd2-pass"));
        };
        const QString state
            = QStringLiteral("SELECT (SELECT GROUP_CONCAT(CONCAT(id, v) ORDER BY id) FROM t), (SELECT COUNT(*) FROM "
                             "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = 'p' "
                             "AND ROUTINE_DEFINITION LIKE '%old%'), (SELECT COUNT(*) FROM information_schema.VIEWS "
                             "WHERE TABLE_SCHEMA = DATABASE())");

        const Run kept = loadAs({});
        expectCleanFailure(kept,
                           QStringLiteral("for other accounts (ghost@%), and creodrop_nd2@% may not name another "
                                          "definer (it has neither SET USER nor SUPER); nothing was loaded"),
                           QString());
        QVERIFY2(kept.err.contains("Load with --definer strip"), kept.err.constData());
        QCOMPARE(queryRows(target, state), QStringList{ QStringLiteral("9old|1|0") }); // untouched

        const Run stripped = loadAs({ QStringLiteral("--definer"), QStringLiteral("strip") });
        QVERIFY2(stripped.code == 0, stripped.err.constData());
        QCOMPARE(queryRows(target, state), QStringList{ QStringLiteral("1new,2new|0|1") });
        QCOMPARE(
            queryRows(target,
                      QStringLiteral("SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() "
                                     "AND DEFINER = 'creodrop_nd2@%'")),
            QStringList{ QStringLiteral("1") });
        // The admin may name any definer: kept, as in the source.
        const Run asAdmin = loadFrom(target, file);
        QVERIFY2(asAdmin.code == 0, asAdmin.err.constData());
        QCOMPARE(queryRows(target,
                           QStringLiteral("SELECT DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
                                          "DATABASE()")),
                 QStringList{ QStringLiteral("ghost@%") });
        loadWithClient(target, "DROP USER IF EXISTS 'creodrop_nd2'@'%';");
        TestServices::dropDatabase(source);
        TestServices::dropDatabase(target);
    }

    // SIGINT and SIGTERM stop a load at once, like Ctrl-C in the stock client: the statement
    // running is stopped (a 600 s one here) and nothing after it starts.
    void loadStopsOnSignal_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("name");
        QTest::newRow("SIGINT") << int(SIGINT) << 130 << QStringLiteral("SIGINT");
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143 << QStringLiteral("SIGTERM");
    }

    void loadStopsOnSignal()
    {
        QFETCH(int, signal);
        QFETCH(int, exitCode);
        QFETCH(QString, name);
        const QString db = TestServices::createScratchDatabase(QStringLiteral("csig"));
        QFile f(m_dir.filePath(QStringLiteral("slow.sql")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CREATE TABLE u (s INT);\nINSERT INTO u SELECT SLEEP(600);\nINSERT INTO u VALUES (2);\n");
        f.close();
        bool ready = false;
        const Run r = signalWhen(
            QStringList{ QStringLiteral("load") } + endpointArgs(db)
                + QStringList{ QStringLiteral("--input"), f.fileName() },
            [&] { return runningStatements(db, QStringLiteral("SLEEP(600)")) == 1; }, signal, &ready);
        const int running = runningStatements(db, QStringLiteral("SLEEP(600)"));
        const QStringList after = queryRows(db, QStringLiteral("SELECT COUNT(*) FROM u"));
        TestServices::dropDatabase(db);
        QVERIFY(ready);
        QVERIFY2(r.code == exitCode, r.err.constData());
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("stopped by ") + name), qPrintable(err));
        QCOMPARE(running, 0);
        QCOMPARE(after, QStringList{ QStringLiteral("0") });
    }

    // The server closes the load's connection (killed, restarted): the message says what is in the
    // database and what to do, not only the client library's "Lost connection".
    void lostConnectionSaysWhatToDo()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("clost"));
        QFile f(m_dir.filePath(QStringLiteral("lost.sql")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CREATE TABLE u (s INT);\nINSERT INTO u VALUES (1);\nINSERT INTO u SELECT SLEEP(600);\n"
                "INSERT INTO u VALUES (2);\n");
        f.close();
        QProcess p;
        p.setProcessEnvironment(environment(TestServices::mysql().password));
        p.start(QStringLiteral(CREODROP_CLI_PATH),
                QStringList{ QStringLiteral("load") } + endpointArgs(db)
                    + QStringList{ QStringLiteral("--input"), f.fileName() });
        QVERIFY(p.waitForStarted());
        QStringList ids;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(ids = queryRows(db,
                              QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE "
                                             "'INSERT INTO u SELECT SLEEP(600)%'")))
                 .isEmpty(),
            30000);
        queryRows(db, QStringLiteral("KILL CONNECTION %1").arg(ids.first()));
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const QStringList rows = queryRows(db, QStringLiteral("SELECT COUNT(*) FROM u"));
        TestServices::dropDatabase(db);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QLatin1String("statement 3 (line 3) failed"))
                     && err.contains(QLatin1String("The connection to the server was lost"))
                     && err.contains(QLatin1String("into an empty database")),
                 qPrintable(err));
        QCOMPARE(rows, QStringList{ QStringLiteral("1") }); // what ran before stays
    }

    // A load waiting for more input on stdin stops on a signal too, without waiting for the next
    // byte (the stop message, not the one of the grace period's forced exit).
    void loadFromStdinStopsOnSignal()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("cstdin"));
        const QString connected = QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '%1' "
                                                 "AND ID <> CONNECTION_ID()")
                                      .arg(db);
        bool ready = false;
        const Run r = signalWhen(
            QStringList{ QStringLiteral("load") } + endpointArgs(db)
                + QStringList{ QStringLiteral("--input"), QStringLiteral("-") },
            [&] { return queryRows(db, connected) == QStringList{ QStringLiteral("1") }; }, SIGTERM, &ready,
            "SELECT 1;\n");
        TestServices::dropDatabase(db);
        QVERIFY(ready);
        QVERIFY2(r.code == 143, r.err.constData());
        QVERIFY2(r.err.contains("stopped by SIGTERM"), r.err.constData());
        QVERIFY2(!r.err.contains("did not stop in time"), r.err.constData());
    }

    // A dump stopped by a signal, even one waiting on a table lock, leaves the previous output
    // file as it was and no .part file.
    void dumpStopsOnSignal()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("cdsig"));
        QCOMPARE(TestServices::runMariaDbClient({ db },
                                                "CREATE TABLE a (id INT PRIMARY KEY); INSERT INTO a VALUES (1);"
                                                "CREATE TABLE b_locked (id INT PRIMARY KEY);"),
                 0);
        const QString output = m_dir.filePath(QStringLiteral("stopped.sql.gz"));
        QFile old(output);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous dump");
        old.close();
        bool ready = false;
        Run r;
        {
            QSqlDatabase lock = TestServices::openMySql(QStringLiteral("lock-holder"), db);
            QSqlQuery q(lock);
            QVERIFY2(q.exec(QStringLiteral("LOCK TABLES b_locked WRITE")), qPrintable(q.lastError().text()));
            r = signalWhen(
                QStringList{ QStringLiteral("dump") } + endpointArgs(db)
                    + QStringList{ QStringLiteral("--output"), output },
                [&] {
                    return queryRows(db,
                                     QStringLiteral("SELECT COUNT(*) > 0 FROM information_schema.PROCESSLIST "
                                                    "WHERE DB = '%1' AND STATE LIKE 'Waiting for table "
                                                    "metadata lock%'")
                                         .arg(db))
                        == QStringList{ QStringLiteral("1") };
                },
                SIGTERM, &ready);
            QVERIFY(lock.isOpen()); // the lock was never released: the dump was stopped
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lock-holder"));
        TestServices::dropDatabase(db);
        QVERIFY(ready);
        QVERIFY2(r.code == 143, r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("stopped by SIGTERM")), r.err.constData());
        QVERIFY(!QFile::exists(output + QStringLiteral(".part")));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the previous dump"));
    }

    // `dump --output -` into a pipe whose reader takes nothing stops on a signal at once, with
    // the stop message; a write that blocked until the reader drained the pipe held the process
    // until the grace period's forced exit.
    void dumpToAStalledPipeStopsOnSignal()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("cdpipe"));
        // Random bytes do not compress: far more output than a pipe holds.
        QCOMPARE(TestServices::runMariaDbClient({ db },
                                                "CREATE TABLE r (id INT PRIMARY KEY, b BLOB);"
                                                "INSERT INTO r SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_2000;"),
                 0);
        const QString fifo = m_dir.filePath(QStringLiteral("stalled.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // Opened (and never read) before the dump starts, so that the dump's open does not wait.
        const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        QProcess p;
        p.setProcessEnvironment(environment(TestServices::mysql().password));
        p.setStandardOutputFile(fifo);
        p.start(QStringLiteral(CREODROP_CLI_PATH),
                QStringList{ QStringLiteral("dump") } + endpointArgs(db)
                    + QStringList{ QStringLiteral("--output"), QStringLiteral("-") });
        QVERIFY(p.waitForStarted());
        const auto queued = [&] {
            int bytes = 0;
            return ::ioctl(reader, FIONREAD, &bytes) == 0 ? bytes : -1;
        };
        QElapsedTimer waited;
        waited.start();
        // Full: 64 KiB on Linux (16 pages).
        while (queued() < 60000 && p.state() == QProcess::Running && waited.elapsed() < 60000)
            QTest::qWait(50);
        const bool full = queued() >= 60000;
        QTest::qWait(200); // the dump is now inside a write that cannot finish
        const bool finished = signalAndWait(p, SIGTERM);
        ::close(reader);
        TestServices::dropDatabase(db);
        QVERIFY(full);
        QVERIFY(finished);
        const Run r = result(p);
        QVERIFY2(r.code == 143, r.err.constData());
        QVERIFY2(r.err.contains("stopped by SIGTERM; the output is incomplete"), r.err.constData());
        QVERIFY2(!r.err.contains("did not stop in time"), r.err.constData());
    }

    // A command that stopped cleanly after a signal but cannot say so (its stderr is a pipe
    // whose reader takes nothing) still ends when the grace period is over, with the stop's exit
    // code: the deadline does not depend on the main thread, which is stuck in that write.
    void stoppedCommandWithAFullStderrEndsAfterTheGracePeriod()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("cfull"));
        int reader = -1;
        const QString fifo = fullFifo(QStringLiteral("stopped-stderr.fifo"), &reader);
        QVERIFY(!fifo.isEmpty());
        QProcess p;
        p.setProcessEnvironment(environment(TestServices::mysql().password));
        p.setStandardErrorFile(fifo);
        p.start(QStringLiteral(CREODROP_CLI_PATH),
                QStringList{ QStringLiteral("load") } + endpointArgs(db)
                    + QStringList{ QStringLiteral("--input"), QStringLiteral("-") });
        QVERIFY(p.waitForStarted());
        p.write("SELECT 1;\n"); // stdin stays open: the load waits for more
        const QString connected = QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '%1' "
                                                 "AND ID <> CONNECTION_ID()")
                                      .arg(db);
        QElapsedTimer clock;
        clock.start();
        bool ready = false;
        while (!(ready = queryRows(db, connected) == QStringList{ QStringLiteral("1") })
               && p.state() == QProcess::Running && clock.elapsed() < 60000)
            QTest::qWait(100);
        clock.restart();
        const bool ended = signalAndWait(p, SIGTERM);
        const qint64 took = clock.elapsed();
        ::close(reader);
        TestServices::dropDatabase(db);
        QVERIFY(ready);
        QVERIFY2(ended, "the process did not end after the grace period");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 143);
        // Not the normal way out, which would have had to say "stopped by SIGTERM" first.
        QVERIFY2(took >= 13000, qPrintable(QString::number(took)));
    }

    // A dump whose server stops answering (a connection cut without a close) cannot stop by
    // itself: its read waits, and the answer to KILL QUERY never arrives. SIGTERM then ends the
    // process when the grace period is over, with the stop's exit code, even when stderr (where
    // it says so) is a pipe whose reader takes nothing.
    void dumpOverADeadConnectionExitsAfterTheGracePeriod()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("cddead"));
        QCOMPARE(TestServices::runMariaDbClient({ db },
                                                "CREATE TABLE r (id INT PRIMARY KEY, b BLOB);"
                                                "INSERT INTO r SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_8000;"),
                 0);
        const TestServices::MySql m = TestServices::mysql();
        auto proxy = std::make_unique<FreezingProxy>();
        QVERIFY(proxy->listen(m.host, quint16(m.port)));
        // stderr: a pipe that is full before the dump starts.
        int reader = -1;
        const QString fifo = fullFifo(QStringLiteral("stderr.fifo"), &reader);
        QVERIFY(!fifo.isEmpty());
        const QString output = m_dir.filePath(QStringLiteral("dead.sql.gz"));
        QProcess p;
        p.setProcessEnvironment(environment(m.password));
        p.setStandardErrorFile(fifo);
        p.start(QStringLiteral(CREODROP_CLI_PATH),
                { QStringLiteral("dump"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                  QStringLiteral("--port"), QString::number(proxy->port()), QStringLiteral("--user"), m.user,
                  QStringLiteral("--database"), db, QStringLiteral("--tls"), QStringLiteral("off"),
                  QStringLiteral("--output"), output });
        QVERIFY(p.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        // Well into the rows (the table is about 16 MiB of dump text), then the path dies.
        while (proxy->forwarded() < 1024 * 1024 && p.state() == QProcess::Running && clock.elapsed() < 60000)
            QTest::qWait(20);
        const bool streaming = proxy->forwarded() >= 1024 * 1024;
        proxy->freeze();
        QTest::qWait(300);
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        clock.restart();
        // The proxy needs this event loop (for the KILL QUERY), so no waitForFinished().
        while (p.state() != QProcess::NotRunning && clock.elapsed() < 60000)
            QTest::qWait(100);
        const bool ended = p.state() == QProcess::NotRunning;
        if (!ended) {
            p.kill();
            p.waitForFinished();
        }
        ::close(reader);
        // Closes the frozen connection's other half: the server ends its transaction, whose
        // locks would hold up DROP DATABASE.
        proxy.reset();
        TestServices::dropDatabase(db);
        QVERIFY(streaming);
        QVERIFY2(ended, "the process did not end after the grace period");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 143);
        QVERIFY(!QFile::exists(output));
    }

    void badInputFailsCleanly()
    {
        const QString password = TestServices::mysql().password;
        const QString out = m_dir.filePath(QStringLiteral("bad.sql.gz"));
        const QString existing = TestServices::createScratchDatabase(QStringLiteral("cbad"));

        // Unreachable server.
        QStringList args{ QStringLiteral("dump"),
                          QStringLiteral("--host"),
                          QStringLiteral("127.0.0.1"),
                          QStringLiteral("--port"),
                          QStringLiteral("1"),
                          QStringLiteral("--user"),
                          QStringLiteral("x"),
                          QStringLiteral("--database"),
                          existing,
                          QStringLiteral("--output"),
                          out };
        expectCleanFailure(cli(args, password), QStringLiteral("cannot connect"), out);

        // Wrong password.
        const QStringList dumpArgs = QStringList{ QStringLiteral("dump") } + endpointArgs(existing)
            + QStringList{ QStringLiteral("--output"), out };
        expectCleanFailure(cli(dumpArgs, password + QStringLiteral("x")), QStringLiteral("Access denied"), out);

        // Missing database.
        expectCleanFailure(cli(QStringList{ QStringLiteral("dump") } + endpointArgs(existing + QStringLiteral("_none"))
                                   + QStringList{ QStringLiteral("--output"), out },
                               password),
                           QStringLiteral("Unknown database"), out);

        // Missing privileges: a user who may connect but not read the table.
        QString err = loadWithClient(existing, "CREATE TABLE secret (a INT); INSERT INTO secret VALUES (1);");
        if (err.isEmpty())
            err = createUser(existing, QStringLiteral("creodrop_np"), QStringLiteral("np-pass"),
                             QStringLiteral("SHOW VIEW"));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const Run np = cli(QStringList{ QStringLiteral("dump") } + endpointArgs(existing, QStringLiteral("creodrop_np"))
                               + QStringList{ QStringLiteral("--output"), out },
                           QStringLiteral("np-pass"));
        loadWithClient(existing, "DROP USER IF EXISTS 'creodrop_np'@'%';");
        expectCleanFailure(np, QStringLiteral("denied"), out);

        // Truncated and corrupt .sql.gz on load.
        const QString file = m_dir.filePath(QStringLiteral("good.sql.gz"));
        QVERIFY(cli(QStringList{ QStringLiteral("dump") } + endpointArgs(existing)
                        + QStringList{ QStringLiteral("--output"), file },
                    password)
                    .code
                == 0);
        const QByteArray good = readFile(file);
        QFile t(m_dir.filePath(QStringLiteral("truncated.sql.gz")));
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(good.left(good.size() - 10));
        t.close();
        expectCleanFailure(cli(QStringList{ QStringLiteral("load") } + endpointArgs(existing)
                                   + QStringList{ QStringLiteral("--input"), t.fileName() },
                               password),
                           QStringLiteral("truncated gzip stream"), QString());
        QByteArray corrupt = good;
        for (qsizetype i = 20; i < corrupt.size() - 20; i += 7)
            corrupt[i] = char(corrupt.at(i) ^ 0x33);
        QFile c(m_dir.filePath(QStringLiteral("corrupt.sql.gz")));
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write(corrupt);
        c.close();
        expectCleanFailure(cli(QStringList{ QStringLiteral("load") } + endpointArgs(existing)
                                   + QStringList{ QStringLiteral("--input"), c.fileName() },
                               password),
                           QStringLiteral("corrupt gzip data"), QString());

        // Usage errors exit with 2.
        QCOMPARE(cli({ QStringLiteral("dump"), QStringLiteral("--user"), QStringLiteral("x") }, password).code, 2);
        TestServices::dropDatabase(existing);
    }
};

QTEST_GUILESS_MAIN(TestDumpCommand)
#include "TestDumpCommand.moc"
