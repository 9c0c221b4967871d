// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `backup restore` through the real binary against the real MariaDB and S3 test server: a
// restore into another environment equals the backed-up database (CHECKSUM TABLE and every
// object definition) and leaves a completed pre-restore backup; a restore whose load connection
// is killed, and one whose process is killed (SIGKILL) followed by a worker start, leave the
// target equal to its previous state; a corrupt or truncated object, a prod target without the
// right confirmation and a file naming another database are refused before the target changes.
#include "../mysql/DumpTestSupport.h"
#include "CliTestEnv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

using Result = CliTest::RawResult;

class TestCliRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void usageErrors();
    void restoreIntoOtherEnvironment();
    void prodNeedsExactConfirmation();
    void foreignDatabaseFileRefused();
    void fileRestore();
    void corruptAndTruncatedObjectsRefused();
    void killedLoadConnectionRollsBack();
    void sigtermRollsBack();
    void sigtermWhileCheckingEndsConsistently();
    void sigtermStopsALongStatement();
    void killedProcessRolledBackByWorker();
    void killedBeforeReplaceIsUnlockedUntouched();
    void failedRollbackSaysSoAndIsRetried();
    void unrecordedFinishIsAFailure();

private:
    QProcessEnvironment environment() const;
    /// Starts the CLI with @p args in this test's environment, its stdin closed.
    bool start(QProcess *p, const QStringList &args) const;
    Result cli(const QStringList &args, int timeoutMs = 240000);
    /// `backup restore m_backup --to dev`.
    QStringList restoreToDev() const
    {
        return { QStringLiteral("backup"), QStringLiteral("restore"), m_backup, QStringLiteral("--to"),
                 QStringLiteral("dev") };
    }
    /// Looks every 50 ms, for up to 180 s, how many statements holding @p text run in dev, until
    /// some do or @p p ends, and returns the last count. One look per step: QTRY_VERIFY looks once
    /// more after its loop, and would report a changed answer as a timeout.
    int waitForStatements(const QProcess &p, const QString &text) const;
    /// Runs SQL on the test server (no default database); fails the test on error.
    bool sql(const QString &database, const QStringList &statements);
    /// Creates package @p name (Oracle mode) whose function answer() returns @p answer.
    static QStringList packageStatements(const QString &name, int answer)
    {
        return { QStringLiteral("SET SESSION sql_mode = 'ORACLE'"),
                 QStringLiteral("CREATE PACKAGE %1 AS FUNCTION answer RETURN INT; END").arg(name),
                 QStringLiteral("CREATE PACKAGE BODY %1 AS FUNCTION answer RETURN INT AS BEGIN RETURN %2; END; END")
                     .arg(name)
                     .arg(answer),
                 QStringLiteral("SET SESSION sql_mode = DEFAULT") };
    }
    /// Makes dev and devref the same database that differs from prod.
    bool resetDev();
    /// Starts a restore of m_backup into dev, waits until its load runs INSERTs into dev.
    bool startRestoreAndWaitForLoad(QProcess *p, QList<qint64> *loadConnections);
    /// Waits up to 240 s for a stopped restore to end. When it does not, returns what the
    /// process said, its threads' stacks (gdb, when installed) and the server's statements, to
    /// show where the stop waits, and kills the process; empty when it ended.
    QByteArray waitOrReportHang(QProcess &p);
    QJsonArray backupsJson(const QString &env);
    /// The newest audit entries of the site (catalog under m_home).
    QVector<AuditEntry> audit();

    QTemporaryDir m_home;
    QTemporaryDir m_tmp; ///< the processes' TMPDIR, where a restore fetches its backup
    QString m_pid;
    QString m_site;
    QString m_prod;
    QString m_dev;
    QString m_devRef;
    QString m_backup;
};

QProcessEnvironment TestCliRestore::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CREODROP_HOME"), m_home.path());
    env.remove(QStringLiteral("CREODROP_CATALOG"));
    env.remove(QStringLiteral("CREODROP_CATALOG_PASSWORD"));
    CliTest::insertS3Environment(env);
    env.insert(QStringLiteral("MYSQL_PWD"), TestServices::mysql().password);
    env.insert(QStringLiteral("USER"), QStringLiteral("restore-tester"));
    env.insert(QStringLiteral("CREODROP_HEARTBEAT_SECONDS"), QStringLiteral("1"));
    env.insert(QStringLiteral("TMPDIR"), m_tmp.path());
    return env;
}

bool TestCliRestore::start(QProcess *p, const QStringList &args) const
{
    p->setProcessEnvironment(environment());
    p->start(QStringLiteral(CREODROP_CLI_PATH), args);
    if (!p->waitForStarted(10000))
        return false;
    p->closeWriteChannel();
    return true;
}

int TestCliRestore::waitForStatements(const QProcess &p, const QString &text) const
{
    QElapsedTimer waited;
    waited.start();
    int running = 0;
    while ((running = DumpTestSupport::runningStatements(m_dev, text)) == 0 && p.state() == QProcess::Running
           && waited.elapsed() < 180000)
        QTest::qWait(50);
    return running;
}

Result TestCliRestore::cli(const QStringList &args, int timeoutMs)
{
    QProcess p;
    Result r;
    if (!start(&p, args))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

#define RESULT_IS(result, code)                                                                                        \
    QVERIFY2((result).exitCode == (code),                                                                              \
             qPrintable(QStringLiteral("exit %1, expected %2; stdout: %3; stderr: %4")                                 \
                            .arg((result).exitCode)                                                                    \
                            .arg(code)                                                                                 \
                            .arg(QString::fromUtf8((result).out), QString::fromUtf8((result).err))))

bool TestCliRestore::sql(const QString &database, const QStringList &statements)
{
    bool ok = true;
    {
        QString error;
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-sql"), database, &error);
        if (!db.isOpen()) {
            qWarning("cannot connect: %s", qPrintable(error));
            return false;
        }
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!q.exec(s)) {
                qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                ok = false;
                break;
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-sql"));
    return ok;
}

bool TestCliRestore::resetDev()
{
    for (const QString &db : { m_dev, m_devRef }) {
        TestServices::dropDatabase(db);
        if (!sql(QString(), { QStringLiteral("CREATE DATABASE `%1`").arg(db) }))
            return false;
        if (!sql(db,
                 { QStringLiteral("CREATE TABLE only_in_dev (id INT PRIMARY KEY, note VARCHAR(40))"),
                   QStringLiteral("INSERT INTO only_in_dev VALUES (1, 'dev data'), (2, 'more')"),
                   QStringLiteral("CREATE TABLE big (id INT PRIMARY KEY, pad VARCHAR(10))"),
                   QStringLiteral("INSERT INTO big VALUES (7, 'dev')"),
                   QStringLiteral("CREATE VIEW v_dev AS SELECT id FROM only_in_dev"),
                   QStringLiteral("CREATE PROCEDURE p_dev() SELECT 1") })
            || !sql(db, packageStatements(QStringLiteral("pk_dev"), 7)))
            return false;
    }
    return true;
}

QJsonArray TestCliRestore::backupsJson(const QString &env)
{
    const Result r = cli({ QStringLiteral("backup"), QStringLiteral("list"), m_site, QStringLiteral("--env"), env,
                           QStringLiteral("--json") });
    return QJsonDocument::fromJson(r.out).array();
}

QVector<AuditEntry> TestCliRestore::audit()
{
    CatalogLocation location;
    location.sqlitePath = m_home.filePath(QStringLiteral("catalog.sqlite"));
    QString error;
    auto catalog = Catalog::open(location, nullptr, &error);
    if (!catalog) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return catalog->auditLog(m_site, 20);
}

void TestCliRestore::initTestCase()
{
    CREODROP_REQUIRE_MYSQL();
    CREODROP_REQUIRE_S3();
    QVERIFY(m_home.isValid());
    m_pid = QString::number(QCoreApplication::applicationPid());
    m_site = QStringLiteral("restore") + m_pid;
    m_prod = TestServices::createScratchDatabase(QStringLiteral("rprod"));
    m_dev = TestServices::createScratchDatabase(QStringLiteral("rdev"));
    m_devRef = TestServices::createScratchDatabase(QStringLiteral("rdevref"));
    const QString loaded
        = DumpTestSupport::loadWithClient(m_prod, DumpTestSupport::readFile(DumpTestSupport::fixturePath()));
    QVERIFY2(loaded.isEmpty(), qPrintable(loaded));
    // Enough rows that a load takes a while, so the tests can interrupt it.
    QVERIFY(sql(m_prod,
                { QStringLiteral("CREATE TABLE big (id INT PRIMARY KEY, pad VARCHAR(200))"),
                  QStringLiteral("INSERT INTO big SELECT seq, REPEAT(CHAR(65 + seq % 26), 150) FROM "
                                 "seq_1_to_400000") }));
    // An Oracle-mode package: dumped, and dropped from the target, under sql_mode ORACLE only.
    QVERIFY(sql(m_prod, packageStatements(QStringLiteral("pk_prod"), 42)));
    QVERIFY(resetDev());

    const auto m = TestServices::mysql();
    Result r = cli({ QStringLiteral("site"), QStringLiteral("add"), m_site, QStringLiteral("--name"),
                     QStringLiteral("Restore"), QStringLiteral("--customer"), QStringLiteral("cust") + m_pid,
                     QStringLiteral("--tier"), QStringLiteral("developer") });
    RESULT_IS(r, 0);
    for (const auto &[env, db] :
         { std::pair{ QStringLiteral("prod"), m_prod }, std::pair{ QStringLiteral("dev"), m_dev } }) {
        r = cli({ QStringLiteral("env"), QStringLiteral("set"), m_site, env, QStringLiteral("--host"), m.host,
                  QStringLiteral("--port"), QString::number(m.port), QStringLiteral("--database"), db,
                  QStringLiteral("--user"), m.user });
        RESULT_IS(r, 0);
    }
    r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("prod") });
    RESULT_IS(r, 0);
    m_backup = QString::fromUtf8(r.out).section(QLatin1Char('\n'), 0, 0).trimmed();
    QVERIFY(!m_backup.isEmpty());
}

void TestCliRestore::cleanupTestCase()
{
    for (const QString &db : { m_prod, m_dev, m_devRef }) {
        if (!db.isEmpty())
            TestServices::dropDatabase(db);
    }
}

void TestCliRestore::usageErrors()
{
    Result r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), m_backup, QStringLiteral("--file"),
                     QStringLiteral("/tmp/x.sql"), QStringLiteral("--site"), m_site, QStringLiteral("--to"),
                     QStringLiteral("dev") });
    RESULT_IS(r, 2);
    r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("--to"), QStringLiteral("dev") });
    RESULT_IS(r, 2);
    r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("--file"),
              QStringLiteral("/tmp/x.sql") });
    RESULT_IS(r, 2);
    // A basic-tier site has prod only: the refusal says so (not to set up an environment it
    // cannot have), in the dry run and in the restore.
    r = cli({ QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("basic-one"), QStringLiteral("--name"),
              QStringLiteral("Basic"), QStringLiteral("--customer"), QStringLiteral("acme"), QStringLiteral("--tier"),
              QStringLiteral("basic") });
    RESULT_IS(r, 0);
    const QString file = m_home.filePath(QStringLiteral("basic.sql"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("CREATE TABLE t (a INT);\n");
    out.close();
    for (const QString &extra : { QStringLiteral("--dry-run"), QString() }) {
        QStringList args{ QStringLiteral("backup"), QStringLiteral("restore"),
                          QStringLiteral("--file"), file,
                          QStringLiteral("--site"), QStringLiteral("basic-one"),
                          QStringLiteral("--to"),   QStringLiteral("dev") };
        if (!extra.isEmpty())
            args << extra;
        r = cli(args);
        RESULT_IS(r, 1);
        QVERIFY2(r.err.contains("is basic tier and has no dev environment") && !r.err.contains("env set"),
                 r.err.constData());
    }
}

void TestCliRestore::restoreIntoOtherEnvironment()
{
    QVERIFY(resetDev());
    const Result r = cli(restoreToDev());
    RESULT_IS(r, 0);
    QVERIFY2(r.out.contains("Steps:"), r.out.constData()); // the preflight was printed
    const QString diff = DumpTestSupport::compareDatabases(m_prod, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    const QString results = DumpTestSupport::compareQueries(m_prod, m_dev, DumpTestSupport::fixtureResultQueries());
    QVERIFY2(results.isEmpty(), qPrintable(results));
    {
        QString error;
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-check"), m_dev, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QCOMPARE(DumpTestSupport::rowsOf(db,
                                         QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                                        "TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN "
                                                        "('only_in_dev', 'v_dev')")),
                 QStringList{ QStringLiteral("0") });
        QCOMPARE(DumpTestSupport::rowsOf(db,
                                         QStringLiteral("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE "
                                                        "ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME IN ('p_dev', "
                                                        "'pk_dev')")),
                 QStringList{ QStringLiteral("0") });
        QCOMPARE(DumpTestSupport::rowsOf(db,
                                         QStringLiteral("SELECT ROUTINE_TYPE FROM information_schema.ROUTINES WHERE "
                                                        "ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = 'pk_prod' "
                                                        "ORDER BY 1")),
                 (QStringList{ QStringLiteral("PACKAGE"), QStringLiteral("PACKAGE BODY") }));
        DumpTestSupport::rowsOf(db, QStringLiteral("SET SESSION sql_mode = 'ORACLE'"));
        QCOMPARE(DumpTestSupport::rowsOf(db, QStringLiteral("SELECT pk_prod.answer() FROM DUAL")),
                 QStringList{ QStringLiteral("42") });
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-check"));
    bool preRestore = false;
    for (const QJsonValue &v : backupsJson(QStringLiteral("dev"))) {
        const QJsonObject o = v.toObject();
        preRestore = preRestore
            || (o.value(QStringLiteral("type")).toString() == QLatin1String("pre-restore")
                && o.value(QStringLiteral("status")).toString() == QLatin1String("completed"));
    }
    QVERIFY(preRestore);
    const auto entries = audit();
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.first().action, QStringLiteral("backup.restore"));
    QCOMPARE(entries.first().outcome, AuditOutcome::Success);
    QCOMPARE(entries.first().backupId, m_backup);
    QCOMPARE(entries.first().environment, std::optional<Environment>(Environment::Dev));
    QCOMPARE(entries.first().actor, QStringLiteral("restore-tester"));
}

void TestCliRestore::prodNeedsExactConfirmation()
{
    const int before = backupsJson(QStringLiteral("prod")).size();
    Result r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), m_backup });
    RESULT_IS(r, 1);
    QVERIFY2(r.err.contains(QStringLiteral("%1/prod").arg(m_site).toUtf8()), r.err.constData());
    r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), m_backup, QStringLiteral("--confirm"),
              m_site + QStringLiteral("/dev") });
    RESULT_IS(r, 1);
    r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), m_backup, QStringLiteral("--to"),
              QStringLiteral("prod"), QStringLiteral("--confirm"), QStringLiteral("other/prod") });
    RESULT_IS(r, 1);
    // Nothing touched: no pre-restore backup of prod, prod unchanged (still equal to its backup
    // restored into dev by restoreIntoOtherEnvironment).
    QCOMPARE(backupsJson(QStringLiteral("prod")).size(), before);
    const auto entries = audit();
    QVERIFY(entries.size() >= 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(entries.at(i).action, QStringLiteral("backup.restore"));
        QCOMPARE(entries.at(i).outcome, AuditOutcome::Refused);
        QCOMPARE(entries.at(i).environment, std::optional<Environment>(Environment::Prod));
    }
    QVERIFY(sql(m_prod, { QStringLiteral("SELECT 1 FROM big LIMIT 1") }));
}

void TestCliRestore::foreignDatabaseFileRefused()
{
    QVERIFY(resetDev());
    for (const QByteArray &text :
         { QByteArrayLiteral("CREATE TABLE a (id INT);\nUSE other;\nCREATE TABLE b (id INT);\n"),
           QByteArrayLiteral("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `other`;\n"),
           QByteArrayLiteral("DROP DATABASE other;\n"), QByteArrayLiteral("INSERT INTO other.t VALUES (1);\n") }) {
        const QString path = m_home.filePath(QStringLiteral("foreign.sql"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const Result r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("--file"), path,
                               QStringLiteral("--site"), m_site, QStringLiteral("--to"), QStringLiteral("dev") });
        RESULT_IS(r, 1);
        QVERIFY2(r.err.contains("another database"), r.err.constData());
    }
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestCliRestore::fileRestore()
{
    QVERIFY(resetDev());
    // A customer's own dump, gzip-compressed, with a qualified name of the target itself.
    const QByteArray text = QStringLiteral("-- hand-written\nCREATE TABLE items (id INT PRIMARY KEY, name "
                                           "VARCHAR(20));\nINSERT INTO `%1`.items VALUES (1, 'a'), (2, 'b');\n"
                                           "CREATE VIEW v_items AS SELECT name FROM items;\n")
                                .arg(m_dev)
                                .toUtf8();
    const QString path = m_home.filePath(QStringLiteral("customer.sql.gz"));
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    QVERIFY(gz);
    QCOMPARE(gzwrite(gz, text.constData(), unsigned(text.size())), int(text.size()));
    QCOMPARE(gzclose(gz), Z_OK);
    const Result r = cli({ QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("--file"), path,
                           QStringLiteral("--site"), m_site, QStringLiteral("--to"), QStringLiteral("dev") });
    RESULT_IS(r, 0);
    {
        QString error;
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-check"), m_dev, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QCOMPARE(DumpTestSupport::rowsOf(db,
                                         QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE "
                                                        "TABLE_SCHEMA = DATABASE() ORDER BY 1")),
                 (QStringList{ QStringLiteral("items"), QStringLiteral("v_items") }));
        QCOMPARE(DumpTestSupport::rowsOf(db,
                                         QStringLiteral("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE "
                                                        "ROUTINE_SCHEMA = DATABASE()")),
                 QStringList{ QStringLiteral("0") });
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-check"));
}

void TestCliRestore::corruptAndTruncatedObjectsRefused()
{
    QVERIFY(resetDev());
    const Result show = cli({ QStringLiteral("backup"), QStringLiteral("show"), m_backup, QStringLiteral("--json") });
    RESULT_IS(show, 0);
    const QString key = QJsonDocument::fromJson(show.out).object().value(QStringLiteral("object_key")).toString();
    QVERIFY(!key.isEmpty());
    const QString original = m_home.filePath(QStringLiteral("original.sql.gz"));
    RESULT_IS(cli({ QStringLiteral("storage"), QStringLiteral("get"), key, original }), 0);
    const QByteArray bytes = DumpTestSupport::readFile(original);
    QVERIFY(bytes.size() > 1000);

    const QString bad = m_home.filePath(QStringLiteral("bad.sql.gz"));
    auto putAndRestore = [&](const QByteArray &content) {
        QFile f(bad);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(content);
        f.close();
        const Result put = cli({ QStringLiteral("storage"), QStringLiteral("put"), bad, key });
        if (put.exitCode != 0)
            return put;
        return cli(restoreToDev());
    };
    QByteArray corrupt = bytes;
    corrupt[corrupt.size() / 2] = char(corrupt.at(corrupt.size() / 2) ^ 0x55);
    Result r = putAndRestore(corrupt);
    RESULT_IS(r, 1);
    QVERIFY2(r.err.contains("corrupt"), r.err.constData());
    r = putAndRestore(bytes.left(bytes.size() / 2));
    RESULT_IS(r, 1);
    QVERIFY2(r.err.contains("corrupt"), r.err.constData());
    RESULT_IS(cli({ QStringLiteral("storage"), QStringLiteral("put"), original, key }), 0);
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    for (const QJsonValue &v : backupsJson(QStringLiteral("dev")))
        QVERIFY(v.toObject().value(QStringLiteral("status")).toString() != QLatin1String("in_progress"));
}

bool TestCliRestore::startRestoreAndWaitForLoad(QProcess *p, QList<qint64> *loadConnections)
{
    if (!start(p, restoreToDev()))
        return false;
    QString error;
    bool found = false;
    {
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-watch"), QString(), &error);
        if (!db.isOpen())
            return false;
        QSqlQuery q(db);
        QElapsedTimer deadline;
        deadline.start();
        while (!found && deadline.elapsed() < 180000 && p->state() == QProcess::Running) {
            if (!q.exec(QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '%1' AND INFO LIKE "
                                       "'INSERT INTO `big`%'")
                            .arg(m_dev)))
                break;
            while (q.next()) {
                found = true;
                loadConnections->append(q.value(0).toLongLong());
            }
            if (!found)
                QTest::qWait(20);
        }
        if (found) {
            // Every connection of the load, not only the one seen inserting.
            q.exec(QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '%1' AND ID <> "
                                  "CONNECTION_ID()")
                       .arg(m_dev));
            while (q.next())
                loadConnections->append(q.value(0).toLongLong());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-watch"));
    return found;
}

QByteArray TestCliRestore::waitOrReportHang(QProcess &p)
{
    if (p.waitForFinished(240000))
        return {};
    QByteArray report = "the stopped restore did not end within 240 s\n--- its stderr:\n" + p.readAllStandardError();
    QProcess gdb;
    gdb.start(QStringLiteral("gdb"),
              { QStringLiteral("-p"), QString::number(p.processId()), QStringLiteral("-batch"), QStringLiteral("-ex"),
                QStringLiteral("thread apply all bt") });
    if (gdb.waitForFinished(60000))
        report += "--- its threads:\n" + gdb.readAllStandardOutput();
    QString error;
    {
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-hang"), QString(), &error);
        QSqlQuery q(db);
        if (db.isOpen()
            && q.exec(QStringLiteral("SELECT ID, DB, COMMAND, TIME, STATE, LEFT(INFO, 160) FROM "
                                     "information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"))) {
            report += "--- the server's connections:\n";
            while (q.next()) {
                for (int i = 0; i < 6; ++i)
                    report += q.value(i).toString().toUtf8() + (i < 5 ? " | " : "\n");
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-hang"));
    p.kill();
    p.waitForFinished(10000);
    return report;
}

void TestCliRestore::killedLoadConnectionRollsBack()
{
    QVERIFY(resetDev());
    QProcess p;
    QList<qint64> connections;
    QVERIFY2(startRestoreAndWaitForLoad(&p, &connections), "the restore never started loading big");
    QStringList kills;
    for (qint64 id : connections)
        kills << QStringLiteral("KILL CONNECTION %1").arg(id);
    {
        QString error;
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("restore-kill"), QString(), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery q(db);
        for (const QString &k : kills)
            q.exec(k); // a connection may be gone already
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-kill"));
    const QByteArray hang = waitOrReportHang(p);
    QVERIFY2(hang.isEmpty(), hang.constData());
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 1, err.constData());
    QVERIFY2(err.contains("back as it was"), err.constData());
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestCliRestore::sigtermRollsBack()
{
    QVERIFY(resetDev());
    QProcess p;
    QList<qint64> connections;
    QVERIFY2(startRestoreAndWaitForLoad(&p, &connections), "the restore never started loading big");
    p.terminate(); // SIGTERM: cancel, which after the pre-restore backup means roll back
    const QByteArray hang = waitOrReportHang(p);
    QVERIFY2(hang.isEmpty(), hang.constData());
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 143, err.constData());
    QVERIFY2(err.contains("back as it was"), err.constData());
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(audit().first().outcome, AuditOutcome::Failure);
}

// SIGTERM as the restore checks the loaded rows: the check may finish first (the target stays
// replaced) or see the stop (rolled back); either way the exit code and the output say which.
void TestCliRestore::sigtermWhileCheckingEndsConsistently()
{
    QVERIFY(resetDev());
    QProcess p;
    QVERIFY(start(&p, restoreToDev()));
    QByteArray out;
    QElapsedTimer deadline;
    deadline.start();
    while (!out.contains("Checking...") && p.state() == QProcess::Running && deadline.elapsed() < 180000) {
        p.waitForReadyRead(50);
        out += p.readAllStandardOutput();
    }
    QVERIFY2(out.contains("Checking..."), out.constData());
    p.terminate();
    const QByteArray hang = waitOrReportHang(p);
    QVERIFY2(hang.isEmpty(), hang.constData());
    out += p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    if (p.exitCode() == 0) {
        QVERIFY2(out.contains(QByteArray(QByteArray("Restored backup ") + m_backup.toUtf8())), out.constData());
        const QString diff = DumpTestSupport::compareDatabases(m_prod, m_dev);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(audit().first().outcome, AuditOutcome::Success);
    } else {
        QVERIFY2(p.exitCode() == 143, err.constData());
        QVERIFY2(err.contains("back as it was"), err.constData());
        QVERIFY2(!out.contains("Restored backup"), out.constData());
        const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(audit().first().outcome, AuditOutcome::Failure);
    }
}

// A statement of the file that would run for ten minutes: the stop does not wait for it (the
// loader stops it with KILL QUERY) and the rollback follows at once.
void TestCliRestore::sigtermStopsALongStatement()
{
    QVERIFY(resetDev());
    const QString path = m_home.filePath(QStringLiteral("slow.sql"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("CREATE TABLE slow (s INT);\nINSERT INTO slow SELECT SLEEP(600);\nINSERT INTO slow VALUES (2);\n");
    }
    QProcess p;
    QVERIFY(start(&p,
                  { QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("--file"), path,
                    QStringLiteral("--site"), m_site, QStringLiteral("--to"), QStringLiteral("dev") }));
    const QString sleep = QStringLiteral("SLEEP(600)");
    QElapsedTimer waited;
    waited.start();
    const int running = waitForStatements(p, sleep);
    if (running != 1 || p.state() != QProcess::Running) {
        const QString state = p.state() == QProcess::Running ? QStringLiteral("running") : QStringLiteral("ended");
        const QByteArray said = p.readAllStandardOutput() + p.readAllStandardError();
        p.kill();
        p.waitForFinished(10000);
        QFAIL(qPrintable(QStringLiteral("%1 long statement(s) running after %2 ms, restore %3: %4")
                             .arg(running)
                             .arg(waited.elapsed())
                             .arg(state, QString::fromUtf8(said))));
    }
    p.terminate();
    // Far below the 600 s of the statement: it was stopped, not awaited.
    const QByteArray hang = waitOrReportHang(p);
    QVERIFY2(hang.isEmpty(), hang.constData());
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 143, err.constData());
    QVERIFY2(err.contains("back as it was"), err.constData());
    QCOMPARE(DumpTestSupport::runningStatements(m_dev, sleep), 0);
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestCliRestore::killedProcessRolledBackByWorker()
{
    QVERIFY(resetDev());
    QProcess p;
    QList<qint64> connections;
    QVERIFY2(startRestoreAndWaitForLoad(&p, &connections), "the restore never started loading big");
    p.kill(); // SIGKILL: no cleanup of any kind
    QVERIFY(p.waitForFinished(10000));
    // The copy of the backup it was loading stays behind, until the next fetch removes it.
    const QStringList scratch = { QStringLiteral("creodrop-scratch-*") };
    QCOMPARE(QDir(m_tmp.path()).entryList(scratch, QDir::Dirs).size(), 1);
    // The dead process's load connections end with it; its heartbeat lapses after 2 s.
    QTest::qWait(3500);
    // A read marks the restore interrupted; the environment stays locked.
    Result r = cli({ QStringLiteral("backup"), QStringLiteral("list"), m_site });
    RESULT_IS(r, 0);
    r = cli(restoreToDev() << QStringLiteral("--dry-run"));
    RESULT_IS(r, 1);
    QVERIFY2(r.out.contains("interrupted"), r.out.constData());
    r = cli(restoreToDev());
    RESULT_IS(r, 1);
    QVERIFY2(r.err.contains("locked"), r.err.constData());
    r = cli({ QStringLiteral("backup"), QStringLiteral("create"), m_site, QStringLiteral("dev") });
    RESULT_IS(r, 1);
    QVERIFY2(r.err.contains("interrupted"), r.err.constData());

    r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
    RESULT_IS(r, 0);
    QVERIFY2(r.out.contains("rolled back"), r.out.constData());
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // The rollback fetched its pre-restore backup, and removed the dead restore's copy first.
    QCOMPARE(QDir(m_tmp.path()).entryList(scratch, QDir::Dirs), QStringList());
    // Unlocked: a dry run passes again.
    r = cli(restoreToDev() << QStringLiteral("--dry-run"));
    RESULT_IS(r, 0);
}

// Killed while its pre-restore backup waits (a session holds a table of dev locked): the target
// was never changed, and the lock says so; the worker unlocks it without a rollback.
void TestCliRestore::killedBeforeReplaceIsUnlockedUntouched()
{
    QVERIFY(resetDev());
    QString error;
    {
        QSqlDatabase holder = TestServices::openMySql(QStringLiteral("restore-holder"), m_dev, &error);
        QVERIFY2(holder.isOpen(), qPrintable(error));
        QSqlQuery lock(holder);
        QVERIFY2(lock.exec(QStringLiteral("LOCK TABLES only_in_dev WRITE")), qPrintable(lock.lastError().text()));
        QProcess p;
        QVERIFY(start(&p, restoreToDev()));
        // The pre-restore backup's dump waits for the table.
        const int waiting = waitForStatements(p, QStringLiteral("only_in_dev"));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(waiting > 0 && p.state() == QProcess::Running, QByteArray(out + p.readAllStandardError()).constData());
        QVERIFY2(out.contains("Pre-restore backup...") && !out.contains("Replacing"), out.constData());
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(10000));
        QVERIFY(lock.exec(QStringLiteral("UNLOCK TABLES")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-holder"));
    // Its heartbeat lapses after 2 s.
    QTest::qWait(3500);
    Result r = cli(restoreToDev() << QStringLiteral("--dry-run"));
    RESULT_IS(r, 1);
    QVERIFY2(r.out.contains("during its pre-backup phase, before it changed the target"), r.out.constData());
    QVERIFY2(!r.out.contains("rolls the target back"), r.out.constData());

    r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
    RESULT_IS(r, 0);
    QVERIFY2(r.out.contains("had not changed it yet; the environment is unlocked"), r.out.constData());
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    r = cli(restoreToDev() << QStringLiteral("--dry-run"));
    RESULT_IS(r, 0);
}

// The rollback cannot read its pre-restore backup (its object went behind the tool's back): the
// message says the restore failed and so did the rollback, and not that the target is unchanged;
// the environment stays locked until a worker rolls it back, which works once the object is back.
void TestCliRestore::failedRollbackSaysSoAndIsRetried()
{
    QVERIFY(resetDev());
    QProcess p;
    QList<qint64> connections;
    QVERIFY2(startRestoreAndWaitForLoad(&p, &connections), "the restore never started loading big");
    QString preKey; // of this restore's pre-restore backup, the newest one
    QString newest;
    for (const QJsonValue &v : backupsJson(QStringLiteral("dev"))) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("id")).toString(); // ids sort by creation time
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("pre-restore")
            && o.value(QStringLiteral("status")).toString() == QLatin1String("completed") && id > newest) {
            newest = id;
            preKey = o.value(QStringLiteral("object_key")).toString();
        }
    }
    QVERIFY(!preKey.isEmpty());
    const QString kept = m_home.filePath(QStringLiteral("pre-restore.sql.gz"));
    QFile::remove(kept);
    Result r = cli({ QStringLiteral("storage"), QStringLiteral("get"), preKey, kept });
    RESULT_IS(r, 0);
    r = cli({ QStringLiteral("storage"), QStringLiteral("rm"), preKey });
    RESULT_IS(r, 0);
    p.terminate();
    const QByteArray hang = waitOrReportHang(p);
    QVERIFY2(hang.isEmpty(), hang.constData());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 143, qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("failed too")) && err.contains(QLatin1String("stays locked")), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("not changed")), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("..")), qPrintable(err));
    QCOMPARE(out.count(QLatin1String("Rolling back...")), 1);

    r = cli({ QStringLiteral("storage"), QStringLiteral("put"), kept, preKey });
    RESULT_IS(r, 0);
    r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
    RESULT_IS(r, 0);
    QVERIFY2(r.out.contains("rolled back"), r.out.constData());
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// The load finished but the catalog cannot record it (here: its lock row was taken over, as a
// full disk or a lost catalog connection would also make the unlock fail). The lock still says a
// restore runs, so the next recovery rolls the target back: the command must not report success.
void TestCliRestore::unrecordedFinishIsAFailure()
{
    QVERIFY(resetDev());
    QProcess p;
    QList<qint64> connections;
    QVERIFY2(startRestoreAndWaitForLoad(&p, &connections), "the restore never started loading big");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("restore-catalog"));
        db.setDatabaseName(m_home.filePath(QStringLiteral("catalog.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("UPDATE env_restores SET worker_id = 'other-host:1:aaaaaaaa'")),
                 qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("restore-catalog"));
    const QByteArray hang = waitOrReportHang(p);
    QVERIFY2(hang.isEmpty(), hang.constData());
    const QByteArray err = p.readAllStandardError();
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 1, err.constData());
    QVERIFY2(err.contains("could not record that the restore finished") && err.contains("stays locked"),
             err.constData());
    QVERIFY2(!out.contains("Restored"), out.constData());
    // As it says: the worker rolls the target back (the lock's heartbeat lapsed with no owner).
    QTest::qWait(2500);
    const Result r = cli({ QStringLiteral("worker"), QStringLiteral("--once") });
    RESULT_IS(r, 0);
    QVERIFY2(r.out.contains("rolled back"), r.out.constData());
    const QString diff = DumpTestSupport::compareDatabases(m_devRef, m_dev);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

QTEST_GUILESS_MAIN(TestCliRestore)
#include "TestCliRestore.moc"
