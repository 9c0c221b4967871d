// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What creodrop-backupctl leaves on disk, through the real binary against the real MariaDB and S3
// test server, every run under umask 022 (set in the child's shell): CREODROP_HOME, the local
// store, dumps and downloads carry no group or other permission bits; `storage get`,
// `backup download` and `dump --output` leave nothing at the target (and no .part) when the
// credentials are wrong, the connection is cut (FaultProxy) or the disk is full (ulimit -f), nor
// (with `backup verify`, no temporary file either) when SIGINT or SIGTERM stops them, and a
// stopped `storage put` removes its incomplete upload, and a stopped `backup delete`, `site rm
// --delete-backups` or `catalog rescan` leaves the backup whole;
// existing files are only replaced with --force; links at the target or .part are never written
// through; and the manifest records the dump connection's TLS mode and cipher.
#include "CliTestEnv.h"
#include "FaultProxy.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <functional>
#include <memory>
#include <sys/stat.h>

using Result = CliTest::RawResult;

class TestCliFileSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void freshHomeAndLocalStoreArePrivate();
    void manifestRecordsTls();
    void dumpOutputIsPrivateAndAtomic();
    void storageGetLeavesNothingOnFailure();
    void storageGetRefusesToOverwrite();
    void storageGetNeverFollowsLinks();
    void backupDownloadLeavesNothingOnFailure();
    void backupDownloadRefusesToOverwrite();
    void stoppedTransfersLeaveNothing_data();
    void stoppedTransfersLeaveNothing();
    void stoppedPutRemovesItsUpload();
    void stoppedDeletionsKeepTheBackup_data();
    void stoppedDeletionsKeepTheBackup();
    void rescanSkipsInvalidManifests();

private:
    struct Run
    {
        Run(const QStringList &a = {}, const QString &h = {}, bool withS3 = true)
            : args(a)
            , home(h)
            , s3(withS3)
        { }
        QStringList args;
        QString home; ///< CREODROP_HOME; empty: m_s3Home
        bool s3 = true;
        QString s3Endpoint; ///< instead of the test server's
        QString s3Secret; ///< instead of the right one
        int fileSizeBlocks = 0; ///< ulimit -f (512-byte blocks in sh), 0 = none
        QString tmpDir; ///< TMPDIR, when not empty
        /// When set, polled while the command runs: once it returns true, the command gets stopSignal.
        std::function<bool()> stopWhen;
        int stopSignal = SIGTERM;
    };
    Result cli(const Run &run);
    Result cli(const QStringList &args) { return cli(Run{ args }); }
    /// Files and folders under @p root (itself included) that group or others may access.
    static QStringList notPrivate(const QString &root);
    /// A listening FaultProxy in front of the S3 test server; null when it cannot listen.
    static std::unique_ptr<FaultProxy> s3Proxy();
    static QString endpointOf(const FaultProxy &proxy)
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
    }
    /// Holds every @p method request whose target contains @p targetPart back for 600 s, longer
    /// than a test waits: only a stop can end the command in time.
    static FaultProxy::Rule holdBack(const QByteArray &method, const QByteArray &targetPart)
    {
        return FaultProxy::Rule{ method, targetPart, FaultProxy::Action::Delay, 0, -1, 0, 600000, 0 };
    }
    /// Whether @p proxy saw a request line ("METHOD target") matching @p pattern.
    static bool saw(const FaultProxy &proxy, const QString &pattern)
    {
        return !proxy.requests().filter(QRegularExpression(pattern)).isEmpty();
    }
    static int mode(const QString &path);
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    /// A site whose prod backs up m_database; returns the id of a completed backup.
    QString addSiteAndBackUp(const Run &base, const QString &site, const QStringList &tlsArgs);
    static QJsonObject readManifest(const QString &storeRoot, const QString &backupId);

    QTemporaryDir m_root;
    QString m_s3Home;
    QString m_database;
    QString m_customer;
    QString m_pid;
    QString m_objectKey; ///< a 1.5 MiB random object in S3
    QString m_s3Backup; ///< a completed backup in S3 (catalog in m_s3Home)
};

void TestCliFileSafety::initTestCase()
{
    CREODROP_REQUIRE_MYSQL();
    CREODROP_REQUIRE_S3();
    QVERIFY(m_root.isValid());
    m_pid = QString::number(QCoreApplication::applicationPid());
    m_customer = QStringLiteral("files") + m_pid;
    m_s3Home = m_root.filePath(QStringLiteral("s3home"));
    // ~2 MiB of incompressible rows, so a full-disk limit of 512 KiB hits the download.
    m_database = TestServices::createScratchDatabase(QStringLiteral("files"));
    {
        QString error;
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("files-setup"), m_database, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE TABLE blobs (id INT PRIMARY KEY, data VARBINARY(1024))")),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO blobs SELECT seq, RANDOM_BYTES(1024) FROM seq_1_to_1000")),
                 qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("files-setup"));

    const QString source = m_root.filePath(QStringLiteral("object.bin"));
    QFile f(source);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray data(1536 * 1024, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    f.write(data);
    f.close();
    m_objectKey = QStringLiteral("test-cli-files-%1/object.bin").arg(m_pid);
    const Result put = cli({ QStringLiteral("storage"), QStringLiteral("put"), source, m_objectKey });
    QVERIFY2(put.exitCode == 0, put.err.constData());

    m_s3Backup = addSiteAndBackUp(Run{ {}, m_s3Home, true }, QStringLiteral("s3site") + m_pid, {});
    QVERIFY(!m_s3Backup.isEmpty());
}

void TestCliFileSafety::cleanupTestCase()
{
    if (!m_database.isEmpty())
        TestServices::dropDatabase(m_database);
}

Result TestCliFileSafety::cli(const Run &run)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CREODROP_HOME"), run.home.isEmpty() ? m_s3Home : run.home);
    for (const char *name : { "CREODROP_S3_ENDPOINT", "CREODROP_S3_REGION", "CREODROP_S3_BUCKET",
                              "CREODROP_S3_ACCESS_KEY_ID", "CREODROP_S3_SECRET_ACCESS_KEY", "CREODROP_CATALOG",
                              "CREODROP_CATALOG_PASSWORD", "CREODROP_DUMP_THROTTLE_KBPS" })
        env.remove(QLatin1String(name));
    if (run.s3) {
        CliTest::insertS3Environment(env);
        if (!run.s3Endpoint.isEmpty())
            env.insert(QStringLiteral("CREODROP_S3_ENDPOINT"), run.s3Endpoint);
        if (!run.s3Secret.isEmpty())
            env.insert(QStringLiteral("CREODROP_S3_SECRET_ACCESS_KEY"), run.s3Secret);
    }
    env.insert(QStringLiteral("MYSQL_PWD"), TestServices::mysql().password);
    env.insert(QStringLiteral("USER"), QStringLiteral("cli-tester"));
    if (!run.tmpDir.isEmpty())
        env.insert(QStringLiteral("TMPDIR"), run.tmpDir);
    QString script = QStringLiteral("umask 022; ");
    if (run.fileSizeBlocks > 0)
        script += QStringLiteral("ulimit -f %1; ").arg(run.fileSizeBlocks);
    script += QStringLiteral("exec \"$0\" \"$@\"");
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/bin/sh"),
            QStringList{ QStringLiteral("-c"), script, QStringLiteral(CREODROP_CLI_PATH) } + run.args);
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    // Through the event loop, so an in-process FaultProxy keeps serving.
    if (run.stopWhen) {
        QDeadlineTimer deadline(180000);
        while (!run.stopWhen() && finished.isEmpty() && !deadline.hasExpired())
            finished.wait(50);
        if (finished.isEmpty())
            ::kill(static_cast<pid_t>(p.processId()), run.stopSignal);
    }
    if (finished.isEmpty() && !finished.wait(180000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    const Result r{ p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                    p.readAllStandardError() };
    if (r.err.contains(TestServices::s3().secretAccessKey.toUtf8())
        || r.err.contains(TestServices::mysql().password.toUtf8()))
        qFatal("a secret reached stderr");
    return r;
}

std::unique_ptr<FaultProxy> TestCliFileSafety::s3Proxy()
{
    const QUrl upstream(TestServices::s3().endpoint);
    auto proxy = std::make_unique<FaultProxy>(QHostAddress(upstream.host()), quint16(upstream.port()));
    return proxy->listen() ? std::move(proxy) : nullptr;
}

int TestCliFileSafety::mode(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QStringList TestCliFileSafety::notPrivate(const QString &root)
{
    QStringList bad;
    if (mode(root) & 077)
        bad << QStringLiteral("%1 (%2)").arg(root).arg(mode(root), 0, 8);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (mode(path) & 077)
            bad << QStringLiteral("%1 (%2)").arg(path).arg(mode(path), 0, 8);
    }
    return bad;
}

QString TestCliFileSafety::addSiteAndBackUp(const Run &base, const QString &site, const QStringList &tlsArgs)
{
    const auto m = TestServices::mysql();
    Run run = base;
    run.args = QStringList{ QStringLiteral("site"),  QStringLiteral("add"),        site,       QStringLiteral("--name"),
                            QStringLiteral("Files"), QStringLiteral("--customer"), m_customer, QStringLiteral("--tier"),
                            QStringLiteral("basic") };
    Result r = cli(run);
    if (r.exitCode != 0 && !r.err.contains("already exists")) {
        qWarning("site add: %s", r.err.constData());
        return {};
    }
    run.args = QStringList{ QStringLiteral("env"),
                            QStringLiteral("set"),
                            site,
                            QStringLiteral("prod"),
                            QStringLiteral("--host"),
                            m.host,
                            QStringLiteral("--port"),
                            QString::number(m.port),
                            QStringLiteral("--database"),
                            m_database,
                            QStringLiteral("--user"),
                            m.user }
        + tlsArgs;
    r = cli(run);
    if (r.exitCode != 0) {
        qWarning("env set: %s", r.err.constData());
        return {};
    }
    run.args = QStringList{ QStringLiteral("backup"), QStringLiteral("create"), site, QStringLiteral("prod"),
                            QStringLiteral("--wait") };
    r = cli(run);
    if (r.exitCode != 0) {
        qWarning("backup create: %s", r.err.constData());
        return {};
    }
    return QString::fromUtf8(r.out).section(QLatin1Char('\n'), 0, 0).trimmed();
}

QJsonObject TestCliFileSafety::readManifest(const QString &storeRoot, const QString &backupId)
{
    QDirIterator it(storeRoot, { backupId + QStringLiteral(".json") }, QDir::Files, QDirIterator::Subdirectories);
    if (!it.hasNext())
        return {};
    QFile f(it.next());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void TestCliFileSafety::freshHomeAndLocalStoreArePrivate()
{
    const QString home = m_root.filePath(QStringLiteral("localhome/nested"));
    QVERIFY(!QFileInfo::exists(home));
    const Run local{ {}, home, false };
    const QString id = addSiteAndBackUp(local, QStringLiteral("local") + m_pid, {});
    QVERIFY(!id.isEmpty());
    QVERIFY(QFileInfo::exists(home + QStringLiteral("/catalog.sqlite")));
    QVERIFY(QFileInfo::exists(home + QStringLiteral("/store")));
    QVERIFY(!readManifest(home + QStringLiteral("/store"), id).isEmpty());

    const QString downloads = m_root.filePath(QStringLiteral("localdownloads/deeper"));
    const QString target = downloads + QStringLiteral("/backup.sql.gz");
    Run download = local;
    download.args
        = QStringList{ QStringLiteral("backup"), QStringLiteral("download"), id, QStringLiteral("-o"), target };
    const Result r = cli(download);
    QVERIFY2(r.exitCode == 0, r.err.constData());

    QStringList bad = notPrivate(home) + notPrivate(downloads);
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(", "))));
    QCOMPARE(mode(target), 0600);
    QCOMPARE(mode(home), 0700);

    // The CLI's last connection removed -wal and -shm; a writer in this process (umask 022)
    // brings them back with the catalog file's mode, not the umask's.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("files-wal"));
        db.setDatabaseName(home + QStringLiteral("/catalog.sqlite"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY2(q.exec(QStringLiteral("CREATE TABLE wal_probe (x INTEGER)")), qPrintable(q.lastError().text()));
        QVERIFY(QFileInfo::exists(home + QStringLiteral("/catalog.sqlite-wal")));
        bad = notPrivate(home);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral(", "))));
        QVERIFY(q.exec(QStringLiteral("DROP TABLE wal_probe")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("files-wal"));
}

void TestCliFileSafety::manifestRecordsTls()
{
    const QString home = m_root.filePath(QStringLiteral("tlshome"));
    const Run local{ {}, home, false };
    const QString site = QStringLiteral("tls") + m_pid;
    const QString ca = qEnvironmentVariable("CREODROP_TEST_MYSQL_CA");

    QString id = addSiteAndBackUp(local, site, { QStringLiteral("--tls"), QStringLiteral("required") });
    QVERIFY(!id.isEmpty());
    QJsonObject tls = readManifest(home + QStringLiteral("/store"), id).value(QStringLiteral("tls")).toObject();
    QCOMPARE(tls.value(QStringLiteral("mode")).toString(), QStringLiteral("required"));
    QVERIFY2(tls.value(QStringLiteral("cipher")).isString()
                 && !tls.value(QStringLiteral("cipher")).toString().isEmpty(),
             "mode required recorded no cipher");

    id = addSiteAndBackUp(local, site, { QStringLiteral("--tls"), QStringLiteral("off") });
    QVERIFY(!id.isEmpty());
    tls = readManifest(home + QStringLiteral("/store"), id).value(QStringLiteral("tls")).toObject();
    QCOMPARE(tls.value(QStringLiteral("mode")).toString(), QStringLiteral("off"));
    QVERIFY(tls.contains(QStringLiteral("cipher")));
    QVERIFY(tls.value(QStringLiteral("cipher")).isNull());

    if (ca.isEmpty())
        QSKIP("the test MariaDB has no TLS (CREODROP_TEST_MYSQL_CA unset)");
    id = addSiteAndBackUp(local, site,
                          { QStringLiteral("--tls"), QStringLiteral("verify-ca"), QStringLiteral("--tls-ca"), ca });
    QVERIFY(!id.isEmpty());
    tls = readManifest(home + QStringLiteral("/store"), id).value(QStringLiteral("tls")).toObject();
    QCOMPARE(tls.value(QStringLiteral("mode")).toString(), QStringLiteral("verify-ca"));
    QVERIFY(!tls.value(QStringLiteral("cipher")).toString().isEmpty());

    // The listing shows the mode; the JSON too.
    Run show = local;
    show.args = QStringList{ QStringLiteral("site"), QStringLiteral("show"), site, QStringLiteral("--json") };
    Result r = cli(show);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject endpoint
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("endpoints")).toArray().first().toObject();
    QCOMPARE(endpoint.value(QStringLiteral("tls")).toString(), QStringLiteral("verify-ca"));
    QCOMPARE(endpoint.value(QStringLiteral("tls_ca")).toString(), ca);

    // A CA that did not sign the server's certificate: the backup fails and says why.
    const QString other = qEnvironmentVariable("CREODROP_TEST_MYSQL_OTHER_CA");
    Run set = local;
    set.args = QStringList{ QStringLiteral("env"),
                            QStringLiteral("set"),
                            site,
                            QStringLiteral("prod"),
                            QStringLiteral("--host"),
                            TestServices::mysql().host,
                            QStringLiteral("--port"),
                            QString::number(TestServices::mysql().port),
                            QStringLiteral("--database"),
                            m_database,
                            QStringLiteral("--user"),
                            TestServices::mysql().user,
                            QStringLiteral("--tls"),
                            QStringLiteral("verify-ca"),
                            QStringLiteral("--tls-ca"),
                            other };
    r = cli(set);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    Run create = local;
    create.args = QStringList{ QStringLiteral("backup"), QStringLiteral("create"), site, QStringLiteral("prod"),
                               QStringLiteral("--wait") };
    r = cli(create);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("certificate") && r.err.contains("--tls-ca"), r.err.constData());

    // Usage errors: an unknown mode, a CA without a verify mode.
    set.args = QStringList{ QStringLiteral("env"),
                            QStringLiteral("set"),
                            site,
                            QStringLiteral("prod"),
                            QStringLiteral("--host"),
                            QStringLiteral("127.0.0.1"),
                            QStringLiteral("--database"),
                            m_database,
                            QStringLiteral("--user"),
                            QStringLiteral("u"),
                            QStringLiteral("--tls"),
                            QStringLiteral("sometimes") };
    QCOMPARE(cli(set).exitCode, 2);
    set.args.replace(set.args.size() - 1, QStringLiteral("required"));
    set.args << QStringLiteral("--tls-ca") << ca;
    QCOMPARE(cli(set).exitCode, 2);
}

void TestCliFileSafety::dumpOutputIsPrivateAndAtomic()
{
    const auto m = TestServices::mysql();
    const QString dir = m_root.filePath(QStringLiteral("dumps"));
    QVERIFY(QDir().mkpath(dir));
    const QString target = dir + QStringLiteral("/db.sql.gz");
    const QStringList dumpArgs{ QStringLiteral("dump"),
                                QStringLiteral("--host"),
                                m.host,
                                QStringLiteral("--port"),
                                QString::number(m.port),
                                QStringLiteral("--user"),
                                m.user,
                                QStringLiteral("--database"),
                                m_database,
                                QStringLiteral("--quiet"),
                                QStringLiteral("--output"),
                                target };
    Result r = cli(Run{ dumpArgs, {}, false });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(mode(target), 0600);
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));

    // A failing dump leaves the previous file whole (atomic replace) and no .part.
    const QByteArray before = readAll(target);
    r = cli(Run{
        QStringList(dumpArgs).replaceInStrings(m_database, QStringLiteral("no_such_db_%1").arg(m_pid)), {}, false });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(readAll(target), before);
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));

    // A failing dump to a new path leaves nothing; so does a full disk.
    const QString fresh = dir + QStringLiteral("/fresh.sql.gz");
    QStringList freshArgs = dumpArgs;
    freshArgs.replace(freshArgs.size() - 1, fresh);
    r = cli(Run{
        QStringList(freshArgs).replaceInStrings(m_database, QStringLiteral("no_such_db_%1").arg(m_pid)), {}, false });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFileInfo::exists(fresh));
    QVERIFY(!QFileInfo::exists(fresh + QStringLiteral(".part")));
    Run full{ freshArgs, {}, false };
    full.fileSizeBlocks = 256; // 128 KiB, the dump is ~2 MiB
    r = cli(full);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFileInfo::exists(fresh));
    QVERIFY(!QFileInfo::exists(fresh + QStringLiteral(".part")));

    // A link planted at the .part is replaced, never written through.
    const QString victim = dir + QStringLiteral("/victim");
    QFile v(victim);
    QVERIFY(v.open(QIODevice::WriteOnly));
    v.write("keep");
    v.close();
    QVERIFY(QFile::link(victim, target + QStringLiteral(".part")));
    r = cli(Run{ dumpArgs, {}, false });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(readAll(victim), QByteArray("keep"));
    QVERIFY(!QFileInfo(target).isSymLink());
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));
}

void TestCliFileSafety::storageGetLeavesNothingOnFailure()
{
    const QString dir = m_root.filePath(QStringLiteral("gets"));
    QVERIFY(QDir().mkpath(dir));
    const QString target = dir + QStringLiteral("/object.bin");
    const QStringList get{ QStringLiteral("storage"), QStringLiteral("get"), m_objectKey, target };
    auto nothingLeft
        = [&] { return !QFileInfo::exists(target) && !QFileInfo::exists(target + QStringLiteral(".part")); };

    Run wrongSecret{ get };
    wrongSecret.s3Secret = QStringLiteral("not-the-secret-0123456789");
    Result r = cli(wrongSecret);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(nothingLeft(), "a failed get (wrong secret) left a file");

    const auto proxy = s3Proxy();
    QVERIFY(proxy);
    proxy->addRule(FaultProxy::Rule{ "GET", "object.bin", FaultProxy::Action::CutResponse, 0, -1, 0, 0, 1024 });
    Run cut{ get };
    cut.s3Endpoint = endpointOf(*proxy);
    r = cli(cut);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(proxy->faultsInjected() > 0);
    QVERIFY2(nothingLeft(), "a failed get (cut connection) left a file");

    Run full{ get };
    full.fileSizeBlocks = 512; // 256 KiB of a 1.5 MiB object
    r = cli(full);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(nothingLeft(), "a failed get (full disk) left a file");

    r = cli(get);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QFileInfo(target).size(), qint64(1536 * 1024));
    QCOMPARE(mode(target), 0600);
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));
}

void TestCliFileSafety::storageGetRefusesToOverwrite()
{
    const QString target = m_root.filePath(QStringLiteral("existing.bin"));
    QFile f(target);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("mine");
    f.close();
    Result r = cli({ QStringLiteral("storage"), QStringLiteral("get"), m_objectKey, target });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--force"), r.err.constData());
    QCOMPARE(readAll(target), QByteArray("mine"));
    r = cli({ QStringLiteral("storage"), QStringLiteral("get"), m_objectKey, target, QStringLiteral("--force") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QFileInfo(target).size(), qint64(1536 * 1024));
    QCOMPARE(mode(target), 0600);
}

void TestCliFileSafety::storageGetNeverFollowsLinks()
{
    const QString dir = m_root.filePath(QStringLiteral("links"));
    QVERIFY(QDir().mkpath(dir));
    const QString victim = dir + QStringLiteral("/victim");
    QFile v(victim);
    QVERIFY(v.open(QIODevice::WriteOnly));
    v.write("keep");
    v.close();

    // A link at the target (even a dangling one) counts as an existing file.
    const QString target = dir + QStringLiteral("/object.bin");
    QVERIFY(QFile::link(dir + QStringLiteral("/nowhere"), target));
    Result r = cli({ QStringLiteral("storage"), QStringLiteral("get"), m_objectKey, target });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/nowhere")));
    QVERIFY(QFile::remove(target));

    // A link at the .part is removed, not written through.
    QVERIFY(QFile::link(victim, target + QStringLiteral(".part")));
    r = cli({ QStringLiteral("storage"), QStringLiteral("get"), m_objectKey, target });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(readAll(victim), QByteArray("keep"));
    QVERIFY(!QFileInfo(target).isSymLink());
    QCOMPARE(QFileInfo(target).size(), qint64(1536 * 1024));

    // With --force, a link at the target is replaced by the file, its target untouched.
    QVERIFY(QFile::remove(target));
    QVERIFY(QFile::link(victim, target));
    r = cli({ QStringLiteral("storage"), QStringLiteral("get"), m_objectKey, target, QStringLiteral("--force") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(readAll(victim), QByteArray("keep"));
    QVERIFY(!QFileInfo(target).isSymLink());
    QCOMPARE(mode(target), 0600);
}

void TestCliFileSafety::backupDownloadLeavesNothingOnFailure()
{
    const QString dir = m_root.filePath(QStringLiteral("downloads"));
    const QString target = dir + QStringLiteral("/backup.sql.gz");
    const QStringList download{ QStringLiteral("backup"), QStringLiteral("download"), m_s3Backup, QStringLiteral("-o"),
                                target };
    auto nothingLeft
        = [&] { return !QFileInfo::exists(target) && !QFileInfo::exists(target + QStringLiteral(".part")); };

    Run wrongSecret{ download };
    wrongSecret.s3Secret = QStringLiteral("not-the-secret-0123456789");
    Result r = cli(wrongSecret);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(nothingLeft(), "a failed download (wrong secret) left a file");

    const auto proxy = s3Proxy();
    QVERIFY(proxy);
    // Every GET of the object cut after 1 KiB: more than the resumes can make up for.
    proxy->addRule(FaultProxy::Rule{ "GET", ".sql.gz", FaultProxy::Action::CutResponse, 0, -1, 0, 0, 1024 });
    Run cut{ download };
    cut.s3Endpoint = endpointOf(*proxy);
    r = cli(cut);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(proxy->faultsInjected() > 0);
    QVERIFY2(nothingLeft(), "a failed download (cut connection) left a file");

    Run full{ download };
    full.fileSizeBlocks = 1024; // 512 KiB of a ~2 MiB backup
    r = cli(full);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("free space"), r.err.constData());
    QVERIFY2(nothingLeft(), "a failed download (full disk) left a file");

    r = cli(download);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(mode(target), 0600);
    QCOMPARE(mode(dir), 0700);
}

void TestCliFileSafety::backupDownloadRefusesToOverwrite()
{
    const QString target = m_root.filePath(QStringLiteral("existing.sql.gz"));
    QFile f(target);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("mine");
    f.close();
    const QStringList download{ QStringLiteral("backup"), QStringLiteral("download"), m_s3Backup, QStringLiteral("-o"),
                                target };
    Result r = cli(download);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--force"), r.err.constData());
    QCOMPARE(readAll(target), QByteArray("mine"));
    r = cli(QStringList(download) << QStringLiteral("--force"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFileInfo(target).size() > 1024 * 1024);
    QCOMPARE(mode(target), 0600);
}

void TestCliFileSafety::stoppedTransfersLeaveNothing_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("signal");
    QTest::newRow("backup download, SIGTERM") << QStringLiteral("download") << int(SIGTERM);
    QTest::newRow("backup download, SIGINT") << QStringLiteral("download") << int(SIGINT);
    QTest::newRow("backup verify, SIGTERM") << QStringLiteral("verify") << int(SIGTERM);
    QTest::newRow("storage get, SIGTERM") << QStringLiteral("get") << int(SIGTERM);
}

// A transfer stopped by a signal while the object's bytes are on their way (held back by the
// proxy for longer than the test waits) ends with the shell's exit code for the signal, says so,
// and leaves neither the file, nor its .part, nor a temporary file behind.
void TestCliFileSafety::stoppedTransfersLeaveNothing()
{
    QFETCH(QString, command);
    QFETCH(int, signal);
    static int round = 0;
    const QString dir = m_root.filePath(QStringLiteral("stopped-%1").arg(++round));
    QVERIFY(QDir().mkpath(dir));
    const QString tmp = dir + QStringLiteral("/tmp");
    QVERIFY(QDir().mkpath(tmp));
    const QString target = dir + QStringLiteral("/out.bin");
    QStringList args;
    QByteArray objectPart;
    if (command == QLatin1String("download")) {
        args = QStringList{ QStringLiteral("backup"), QStringLiteral("download"), m_s3Backup, QStringLiteral("-o"),
                            target };
        objectPart = ".sql.gz";
    } else if (command == QLatin1String("verify")) {
        args = QStringList{ QStringLiteral("backup"), QStringLiteral("verify"), m_s3Backup };
        objectPart = ".sql.gz";
    } else {
        args = QStringList{ QStringLiteral("storage"), QStringLiteral("get"), m_objectKey, target };
        objectPart = "object.bin";
    }
    const auto proxy = s3Proxy();
    QVERIFY(proxy);
    proxy->addRule(holdBack("GET", objectPart));
    Run run{ args };
    run.s3Endpoint = endpointOf(*proxy);
    run.tmpDir = tmp;
    run.stopSignal = signal;
    const QString held = QStringLiteral("^GET .*") + QRegularExpression::escape(QString::fromLatin1(objectPart));
    run.stopWhen = [&] { return saw(*proxy, held); };
    const Result r = cli(run);
    QCOMPARE(r.exitCode, 128 + signal);
    const QByteArray expected = QByteArray("stopped by ") + (signal == SIGINT ? "SIGINT" : "SIGTERM");
    QVERIFY2(r.err.contains(expected), r.err.constData());
    QVERIFY2(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
                 == QStringList{ QStringLiteral("tmp") },
             qPrintable(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).join(u' ')));
    QVERIFY2(QDir(tmp).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             qPrintable(QDir(tmp).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).join(u' ')));
}

// `storage put` stopped by SIGTERM while a part is on its way (held back by the proxy) removes the
// incomplete multipart upload, and that confirmed, before it exits 143: nothing is left in the bucket.
void TestCliFileSafety::stoppedPutRemovesItsUpload()
{
    const QString source = m_root.filePath(QStringLiteral("put-source.bin"));
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray data(24 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        f.write(data);
    }
    const QString key = QStringLiteral("test-cli-files-%1/stopped-put.bin").arg(m_pid);
    const auto proxy = s3Proxy();
    QVERIFY(proxy);
    // The first part goes through; the second is held back.
    proxy->addRule(holdBack("PUT", "partNumber=2"));
    Run run{ { QStringLiteral("storage"), QStringLiteral("put"), source, key } };
    run.s3Endpoint = endpointOf(*proxy);
    run.stopWhen = [&] { return saw(*proxy, QStringLiteral("^PUT .*partNumber=2")); };
    const Result r = cli(run);
    QCOMPARE(r.exitCode, 143);
    QVERIFY2(r.err.contains("stopped by SIGTERM; nothing was stored"), r.err.constData());
    QVERIFY2(saw(*proxy, QStringLiteral("^DELETE .*uploadId=")), qPrintable(proxy->requests().join(u'\n')));
    bool listed = false;
    QVERIFY(CliTest::awsKeys(QStringLiteral("list-objects-v2"), key, &listed).isEmpty());
    QVERIFY(listed);
    const QStringList uploads = CliTest::awsKeys(QStringLiteral("list-multipart-uploads"), key, &listed);
    if (listed)
        QVERIFY2(uploads.isEmpty(), qPrintable(uploads.join(u' ')));
    else
        qWarning("The S3 test server cannot list multipart uploads (NotImplemented): checked through the proxy only.");
}

void TestCliFileSafety::stoppedDeletionsKeepTheBackup_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("signal");
    QTest::newRow("backup delete, SIGTERM") << QStringLiteral("delete") << int(SIGTERM);
    QTest::newRow("backup delete, SIGINT") << QStringLiteral("delete") << int(SIGINT);
    QTest::newRow("site rm --delete-backups, SIGTERM") << QStringLiteral("site rm") << int(SIGTERM);
    QTest::newRow("site rm --delete-backups, SIGINT") << QStringLiteral("site rm") << int(SIGINT);
    QTest::newRow("catalog rescan, SIGTERM") << QStringLiteral("rescan") << int(SIGTERM);
}

// The commands that delete or rescan, stopped by SIGTERM or SIGINT while their request to S3 is
// held back by the proxy: exit 143 or 130 with "stopped by SIG..." said once, and the backup they
// were working on is still there, row, object and pin, and still verifies (a stopped deletion
// never drops the row first).
void TestCliFileSafety::stoppedDeletionsKeepTheBackup()
{
    QFETCH(QString, command);
    QFETCH(int, signal);
    static int round = 0;
    const QString home = m_root.filePath(QStringLiteral("stopdel-%1").arg(++round));
    const QString site = QStringLiteral("stopdel%1x%2").arg(round).arg(m_pid);
    const QString id = addSiteAndBackUp(Run{ {}, home, true }, site, {});
    QVERIFY(!id.isEmpty());
    const bool siteRm = command == QLatin1String("site rm");
    if (siteRm) {
        // The removal unpins a backup before deleting it; a stopped removal gives the pin back.
        Run pin{ { QStringLiteral("backup"), QStringLiteral("pin"), id }, home, true };
        const Result pinned = cli(pin);
        QVERIFY2(pinned.exitCode == 0, pinned.err.constData());
    }

    const auto proxy = s3Proxy();
    QVERIFY(proxy);
    const bool rescan = command == QLatin1String("rescan");
    proxy->addRule(rescan ? holdBack("GET", "list-type=2") : holdBack("DELETE", ".sql.gz"));
    const QString held = rescan ? QStringLiteral("^GET .*list-type=2") : QStringLiteral("^DELETE .*\\.sql\\.gz");
    Run run{ {}, home, true };
    if (command == QLatin1String("delete"))
        run.args = QStringList{ QStringLiteral("backup"), QStringLiteral("delete"), id };
    else if (command == QLatin1String("site rm"))
        run.args = QStringList{ QStringLiteral("site"),
                                QStringLiteral("rm"),
                                site,
                                QStringLiteral("--delete-backups"),
                                QStringLiteral("--confirm"),
                                site };
    else
        run.args = QStringList{ QStringLiteral("catalog"), QStringLiteral("rescan") };
    run.s3Endpoint = endpointOf(*proxy);
    run.stopWhen = [&] { return saw(*proxy, held); };
    run.stopSignal = signal;
    Result r = cli(run);
    QCOMPARE(r.exitCode, 128 + signal);
    const QByteArray stopped
        = QByteArray("creodrop-backupctl: stopped by ") + (signal == SIGINT ? "SIGINT" : "SIGTERM");
    QVERIFY2(r.err.startsWith(stopped), r.err.constData());
    // Said once, with how far the removal got.
    QCOMPARE(r.err.count("topped"), 1);
    const QByteArray leftDeleting = id.toLatin1() + " stays listed as deleting";
    if (siteRm)
        QVERIFY2(r.err.contains(QByteArray(stopped + ": 0 of 1 backup deleted; the site is still there, and backup "
                                           + leftDeleting)),
                 r.err.constData());
    else if (!rescan)
        QVERIFY2(r.err.contains(QByteArray(stopped + ": Backup " + leftDeleting + ": delete it again to finish")),
                 r.err.constData());

    // A stopped deletion may have removed the object already (S3 gives no answer to tell), so
    // the backup is listed as deleting, not completed, and is not offered for use; its object
    // was held back here, so a rescan lists it as completed again.
    Run check{ { QStringLiteral("backup"), QStringLiteral("show"), id }, home, true };
    r = cli(check);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray status = rescan ? "completed" : "deleting";
    QVERIFY2(r.out.contains(QByteArray("Status:      " + status + (siteRm ? " (pinned)\n" : "\n"))), r.out.constData());
    check.args = QStringList{ QStringLiteral("backup"), QStringLiteral("verify"), id };
    r = cli(check);
    QVERIFY2(r.exitCode == (rescan ? 0 : 1), r.err.constData());
    if (!rescan) {
        QVERIFY2(r.err.contains("is deleting; only completed backups can be verified"), r.err.constData());
        check.args = QStringList{ QStringLiteral("catalog"), QStringLiteral("rescan") };
        r = cli(check);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        check.args = QStringList{ QStringLiteral("backup"), QStringLiteral("verify"), id };
        r = cli(check);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    check.args = QStringList{ QStringLiteral("site"), QStringLiteral("show"), site };
    r = cli(check);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    check.args = QStringList{ QStringLiteral("backup"), QStringLiteral("show"), id };
    r = cli(check);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(QByteArray(QByteArray("Status:      completed") + (siteRm ? " (pinned)\n" : "\n"))),
             r.out.constData());
}

void TestCliFileSafety::rescanSkipsInvalidManifests()
{
    const QString home = m_root.filePath(QStringLiteral("rescanhome"));
    const Run local{ {}, home, false };
    const QString site = QStringLiteral("rescan") + m_pid;
    const QString id = addSiteAndBackUp(local, site, {});
    QVERIFY(!id.isEmpty());
    QDirIterator it(home + QStringLiteral("/store"), { id + QStringLiteral(".json") }, QDir::Files,
                    QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    const QString manifestPath = it.next();
    const QString folder = QFileInfo(manifestPath).absolutePath();
    const QJsonObject manifest = QJsonDocument::fromJson(readAll(manifestPath)).object();
    QVERIFY(!manifest.isEmpty());

    // Next to the real backup, manifests whose site, customer or id is not a whole valid slug or
    // id; each has an object of the right size, so only the validation can skip it.
    struct Bad
    {
        const char *field;
        QString value;
    };
    const QList<Bad> bads{ { "site", site + QStringLiteral("\n") },
                           { "site", QStringLiteral("sh/op") },
                           { "site", QStringLiteral("..") },
                           { "site", QStringLiteral(".hidden") },
                           { "customer", m_customer + QStringLiteral("\n") },
                           { "id", QStringLiteral("\n") } };
    int n = 0;
    for (const Bad &bad : bads) {
        const QString fakeId = QStringLiteral("20260101T000000000Z-0000000%1").arg(++n);
        QJsonObject o = manifest;
        o.insert(QStringLiteral("id"), fakeId);
        o.insert(QStringLiteral("object_key"), o.value(QStringLiteral("object_key")).toString().replace(id, fakeId));
        if (QLatin1String(bad.field) == QLatin1String("id"))
            o.insert(QStringLiteral("id"), QString(fakeId + bad.value));
        else
            o.insert(QLatin1String(bad.field), bad.value);
        QFile out(folder + QLatin1Char('/') + fakeId + QStringLiteral(".json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(o).toJson());
        out.close();
        QVERIFY(QFile::copy(folder + QLatin1Char('/') + id + QStringLiteral(".sql.gz"),
                            folder + QLatin1Char('/') + fakeId + QStringLiteral(".sql.gz")));
    }
    for (const QString &suffix : { QStringLiteral(""), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(home + QStringLiteral("/catalog.sqlite") + suffix);

    Run rescan = local;
    rescan.args = QStringList{ QStringLiteral("catalog"), QStringLiteral("rescan") };
    Result r = cli(rescan);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out + r.err).count(QLatin1String("Skipped")), bads.size());
    QVERIFY2(r.out.contains("1 backup written to the catalog, 1 site recreated"), r.out.constData());

    Run sites = local;
    sites.args = QStringList{ QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json") };
    r = cli(sites);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray siteRows = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(siteRows.size(), 1);
    QCOMPARE(siteRows.first().toObject().value(QStringLiteral("id")).toString(), site);
    Run backups = local;
    backups.args = QStringList{ QStringLiteral("backup"), QStringLiteral("list"), site, QStringLiteral("--json") };
    r = cli(backups);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject().value(QStringLiteral("id")).toString(), id);
}

QTEST_GUILESS_MAIN(TestCliFileSafety)
#include "TestCliFileSafety.moc"
