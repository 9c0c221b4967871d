// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// The backup lifecycle end to end through creodrop-backupctl, against the real MariaDB, the real
// S3 test server and (inside scripts/keyring-session) the real keychain; run once with an SQLite
// catalog and once with a MariaDB catalog.
#include "TestServices.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestCliLifecycle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_catalogDb;
    QString m_smallDb;
    QString m_bigDb;
    QString m_customer;
    QString m_site;
    bool m_keychain = false;
    QByteArrayList m_allOutput;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const auto s3 = TestServices::s3();
        env.insert(QStringLiteral("CREODROP_HOME"), m_home.path() + QLatin1Char('/') + catalogKind());
        env.insert(QStringLiteral("CREODROP_S3_ENDPOINT"), s3.endpoint);
        env.insert(QStringLiteral("CREODROP_S3_REGION"), s3.region);
        env.insert(QStringLiteral("CREODROP_S3_BUCKET"), s3.bucket);
        env.insert(QStringLiteral("CREODROP_S3_ACCESS_KEY_ID"), s3.accessKeyId);
        env.insert(QStringLiteral("CREODROP_S3_SECRET_ACCESS_KEY"), s3.secretAccessKey);
        env.insert(QStringLiteral("CREODROP_HEARTBEAT_SECONDS"), QStringLiteral("1"));
        env.remove(QStringLiteral("MYSQL_PWD"));
        if (!m_keychain)
            env.insert(QStringLiteral("MYSQL_PWD"), TestServices::mysql().password);
        if (catalogKind() == QLatin1String("mariadb")) {
            const auto m = TestServices::mysql();
            env.insert(QStringLiteral("CREODROP_CATALOG"),
                       QStringLiteral("mysql://%1@%2:%3/%4").arg(m.user, m.host).arg(m.port).arg(m_catalogDb));
            env.insert(QStringLiteral("CREODROP_CATALOG_PASSWORD"), m.password);
        }
        return env;
    }

    QString catalogKind() const
    {
        // The global data row (sqlite / mariadb) of the running test function.
        QFETCH_GLOBAL(QString, kind);
        return kind;
    }

    Result cli(const QStringList &args, const QByteArray &input = {}, const QProcessEnvironment &extra = {})
    {
        QProcess p;
        QProcessEnvironment env = environment();
        for (const QString &k : extra.keys())
            env.insert(k, extra.value(k));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        if (!p.waitForStarted())
            return {};
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        Result r{ p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                  p.readAllStandardError() };
        m_allOutput << r.out << r.err;
        return r;
    }

    QStringList awsKeys(const QString &command, const QString &prefix)
    {
        const auto s3 = TestServices::s3();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), s3.accessKeyId);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), s3.secretAccessKey);
        env.insert(QStringLiteral("AWS_DEFAULT_REGION"), s3.region);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("/usr/bin/aws"),
                { QStringLiteral("--endpoint-url"), s3.endpoint, QStringLiteral("s3api"), command,
                  QStringLiteral("--bucket"), s3.bucket, QStringLiteral("--prefix"), prefix, QStringLiteral("--output"),
                  QStringLiteral("json") });
        p.waitForFinished(60000);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QStringList keys;
        const QString field = command == QLatin1String("list-multipart-uploads") ? QStringLiteral("Uploads")
                                                                                 : QStringLiteral("Contents");
        for (const QJsonValue &v : o.value(field).toArray())
            keys << v.toObject().value(QStringLiteral("Key")).toString();
        return keys;
    }

    QString prefix() const { return QStringLiteral("customers/%1/").arg(m_customer); }

    QJsonObject backupJson(const QString &id)
    {
        const Result r = cli({ QStringLiteral("backup"), QStringLiteral("show"), id, QStringLiteral("--json") });
        return QJsonDocument::fromJson(r.out).object();
    }

    QString site() const { return m_site + QLatin1Char('-') + catalogKind(); }

    void setUpSite()
    {
        const auto m = TestServices::mysql();
        Result r = cli({ QStringLiteral("site"), QStringLiteral("add"), site(), QStringLiteral("--name"),
                         QStringLiteral("Lifecycle"), QStringLiteral("--customer"), m_customer,
                         QStringLiteral("--tier"), QStringLiteral("developer") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QPair<QString, QString>> envs{ { QStringLiteral("prod"), m_smallDb },
                                                   { QStringLiteral("dev"), m_bigDb },
                                                   { QStringLiteral("stage"), m_smallDb } };
        for (const auto &e : envs) {
            QStringList args{ QStringLiteral("env"),
                              QStringLiteral("set"),
                              site(),
                              e.first,
                              QStringLiteral("--host"),
                              m.host,
                              QStringLiteral("--port"),
                              QString::number(m.port),
                              QStringLiteral("--database"),
                              e.second,
                              QStringLiteral("--user"),
                              m.user };
            QByteArray password;
            if (m_keychain) {
                args << QStringLiteral("--password-stdin");
                // stage gets a wrong password: the failure path of a real keychain read.
                password
                    = e.first == QLatin1String("stage") ? QByteArray("wrong-password\n") : m.password.toUtf8() + '\n';
            }
            r = cli(args, password);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("mariadb") << QStringLiteral("mariadb");
    }

    void initTestCase()
    {
        CREODROP_REQUIRE_MYSQL();
        CREODROP_REQUIRE_S3();
        QVERIFY(m_home.isValid());
        m_keychain = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
            && qEnvironmentVariable("CREODROP_IN_KEYRING_SESSION") == QLatin1String("1");
        const QString pid = QString::number(QCoreApplication::applicationPid());
        m_customer = QStringLiteral("lc") + pid;
        m_site = QStringLiteral("shop") + pid;
        m_catalogDb = TestServices::createScratchDatabase(QStringLiteral("jobscat"));
        m_smallDb = TestServices::createScratchDatabase(QStringLiteral("jobsmall"));
        m_bigDb = TestServices::createScratchDatabase(QStringLiteral("jobsbig"));
        QByteArray err;
        QCOMPARE(TestServices::runMariaDbClient(
                     { m_smallDb },
                     "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), note TEXT);"
                     "INSERT INTO users SELECT seq, CONCAT('user', seq), REPEAT('x', seq % 50) FROM seq_1_to_2000;",
                     nullptr, &err),
                 0);
        // Large enough (and throttled in the kill test) to be caught mid-upload after a part.
        QCOMPARE(TestServices::runMariaDbClient({ m_bigDb },
                                                "CREATE TABLE blobs (id INT PRIMARY KEY, a CHAR(64), b CHAR(64));"
                                                "INSERT INTO blobs SELECT seq, SHA2(RAND(), 256), SHA2(RAND(), 256) "
                                                "FROM seq_1_to_120000;",
                                                nullptr, &err),
                 0);
    }

    void cleanupTestCase()
    {
        TestServices::dropDatabase(m_catalogDb);
        TestServices::dropDatabase(m_smallDb);
        TestServices::dropDatabase(m_bigDb);
    }

    void lifecycle()
    {
        setUpSite();
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("create"), site(), QStringLiteral("prod") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString id = QString::fromUtf8(r.out).split(QLatin1Char('\n')).first().trimmed();
        QVERIFY(!id.isEmpty());

        r = cli({ QStringLiteral("backup"), QStringLiteral("list"), site(), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject b = list.first().toObject();
        QCOMPARE(b.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY(b.value(QStringLiteral("size_bytes")).toInteger() > 0);
        const QString sha = b.value(QStringLiteral("sha256")).toString();
        QCOMPARE(sha.size(), 64);
        const QString key = b.value(QStringLiteral("object_key")).toString();
        QVERIFY(awsKeys(QStringLiteral("list-objects-v2"), key).contains(key));
        QVERIFY(awsKeys(QStringLiteral("list-objects-v2"), key.left(key.size() - 7))
                    .contains(key.left(key.size() - 7) + ".json"));

        // download: verified, private, no .part left
        const QString target = m_home.filePath(catalogKind() + QStringLiteral("-dl.sql.gz"));
        r = cli({ QStringLiteral("backup"), QStringLiteral("download"), id, QStringLiteral("-o"), target });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()),
                 sha);
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));

        // link: a plain HTTP GET of the presigned URL returns the same bytes
        r = cli({ QStringLiteral("backup"), QStringLiteral("link"), id });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QUrl url(QString::fromUtf8(r.out.trimmed()));
        QVERIFY(url.isValid());
        QVERIFY(url.query().contains(QLatin1String("X-Amz-Expires=900")));
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(30000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(reply->readAll(), QCryptographicHash::Sha256).toHex()),
                 sha);
        reply->deleteLater();

        r = cli({ QStringLiteral("backup"), QStringLiteral("verify"), id });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("OK"));

        // pin protects from delete; unpin, delete leaves nothing
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("pin"), id }).exitCode, 0);
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("delete"), id }).exitCode, 1);
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("unpin"), id }).exitCode, 0);
        r = cli({ QStringLiteral("backup"), QStringLiteral("delete"), id });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(awsKeys(QStringLiteral("list-objects-v2"), key.left(key.size() - 7)).isEmpty());
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("show"), id }).exitCode, 1);
    }

    void refusalsAndFailuresLeaveNothing()
    {
        Result r = cli(
            { QStringLiteral("backup"), QStringLiteral("create"), QStringLiteral("Bad_Slug"), QStringLiteral("prod") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("Invalid site"));

        if (!m_keychain)
            QSKIP("wrong-password case needs the keychain (run inside scripts/keyring-session)");
        const QStringList before = awsKeys(QStringLiteral("list-objects-v2"), prefix() + site() + "/stage/");
        r = cli({ QStringLiteral("backup"), QStringLiteral("create"), site(), QStringLiteral("stage") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Check the environment's MySQL settings and password"), r.err.constData());
        const QString id = QString::fromUtf8(r.out).trimmed();
        const QJsonObject b = backupJson(id);
        QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(awsKeys(QStringLiteral("list-objects-v2"), prefix() + site() + "/stage/"), before);
        QVERIFY(awsKeys(QStringLiteral("list-multipart-uploads"), prefix() + site() + "/stage/").isEmpty());
    }

    void corruptObjectIsCaught()
    {
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("create"), site(), QStringLiteral("prod") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString id = QString::fromUtf8(r.out).trimmed();
        const QString key = backupJson(id).value(QStringLiteral("object_key")).toString();
        // Overwrite the stored dump with same-size garbage.
        const qint64 size = backupJson(id).value(QStringLiteral("size_bytes")).toInteger();
        const QString garbage = m_home.filePath(QStringLiteral("garbage"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(QByteArray(size, 'z'));
        g.close();
        const auto s3 = TestServices::s3();
        QProcess aws;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), s3.accessKeyId);
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), s3.secretAccessKey);
        env.insert(QStringLiteral("AWS_DEFAULT_REGION"), s3.region);
        aws.setProcessEnvironment(env);
        aws.start(QStringLiteral("/usr/bin/aws"),
                  { QStringLiteral("--endpoint-url"), s3.endpoint, QStringLiteral("s3"), QStringLiteral("cp"), garbage,
                    QStringLiteral("s3://%1/%2").arg(s3.bucket, key) });
        QVERIFY(aws.waitForFinished(60000));
        QCOMPARE(aws.exitCode(), 0);

        r = cli({ QStringLiteral("backup"), QStringLiteral("verify"), id });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("corrupt"));
        const QString target = m_home.filePath(catalogKind() + QStringLiteral("-corrupt.sql.gz"));
        r = cli({ QStringLiteral("backup"), QStringLiteral("download"), id, QStringLiteral("-o"), target });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("corrupt"));
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        QCOMPARE(cli({ QStringLiteral("backup"), QStringLiteral("delete"), id }).exitCode, 0);
    }

    void twoProcessesSameEnvironment()
    {
        QProcess a, b;
        for (QProcess *p : { &a, &b }) {
            p->setProcessEnvironment(environment());
            p->start(QStringLiteral(CREODROP_CLI_PATH),
                     { QStringLiteral("backup"), QStringLiteral("create"), site(), QStringLiteral("prod") });
        }
        QVERIFY(a.waitForFinished(120000));
        QVERIFY(b.waitForFinished(120000));
        const QByteArray errA = a.readAllStandardError(), errB = b.readAllStandardError();
        QVERIFY2(a.exitCode() == 0, errA.constData());
        QVERIFY2(b.exitCode() == 0, errB.constData());
        const QString idA = QString::fromUtf8(a.readAllStandardOutput()).trimmed();
        const QString idB = QString::fromUtf8(b.readAllStandardOutput()).trimmed();
        QVERIFY(idA != idB);
        const QJsonObject ja = backupJson(idA), jb = backupJson(idB);
        QCOMPARE(ja.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(jb.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY(ja.value(QStringLiteral("object_key")) != jb.value(QStringLiteral("object_key")));
        const QStringList keys = awsKeys(QStringLiteral("list-objects-v2"), prefix() + site() + "/prod/");
        QVERIFY(keys.contains(ja.value(QStringLiteral("object_key")).toString()));
        QVERIFY(keys.contains(jb.value(QStringLiteral("object_key")).toString()));
    }

    void killedMidUploadBecomesInterrupted()
    {
        QProcess p;
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("CREODROP_DUMP_THROTTLE_KBPS"), QStringLiteral("1500"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_CLI_PATH),
                { QStringLiteral("backup"), QStringLiteral("create"), site(), QStringLiteral("dev") });
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine() || (p.waitForReadyRead(100) && p.canReadLine()), 30000);
        const QString id = QString::fromUtf8(p.readLine()).trimmed();
        const QString envPrefix = prefix() + site() + QStringLiteral("/dev/");
        // Wait until a multipart upload exists, then kill without a chance to clean up.
        QTRY_VERIFY_WITH_TIMEOUT(!awsKeys(QStringLiteral("list-multipart-uploads"), envPrefix).isEmpty(), 60000);
        p.kill();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(backupJson(id).value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));

        // After two heartbeat periods the next process that opens the catalog recovers it.
        QTest::qWait(2500);
        Result r = cli({ QStringLiteral("backup"), QStringLiteral("verify"), id });
        Q_UNUSED(r)
        const QJsonObject b = backupJson(id);
        QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY(b.value(QStringLiteral("error")).toString().contains(QLatin1String("interrupted")));
        QVERIFY(awsKeys(QStringLiteral("list-multipart-uploads"), envPrefix).isEmpty());
        QVERIFY(!awsKeys(QStringLiteral("list-objects-v2"), envPrefix).contains(b.value("object_key").toString()));
    }

    void noSecretAnywhere()
    {
        const QByteArray mysqlPassword = TestServices::mysql().password.toUtf8();
        const QByteArray s3Secret = TestServices::s3().secretAccessKey.toUtf8();
        QVERIFY(mysqlPassword.size() >= 8 && s3Secret.size() >= 8);
        for (const QByteArray &output : std::as_const(m_allOutput)) {
            QVERIFY(!output.contains(mysqlPassword));
            QVERIFY(!output.contains(s3Secret));
        }
        QDirIterator it(m_home.path(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.fileName().endsWith(QLatin1String(".sql.gz")) || !f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray data = f.readAll();
            QVERIFY2(!data.contains(mysqlPassword), qPrintable(f.fileName()));
            QVERIFY2(!data.contains(s3Secret), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 0); // the settings file and the catalog (SQLite) at least
        if (catalogKind() == QLatin1String("mariadb")) {
            QByteArray out;
            TestServices::runMariaDbClient({ m_catalogDb, QStringLiteral("-e"),
                                             QStringLiteral("SELECT * FROM backups; SELECT * FROM audit_log;") },
                                           {}, &out);
            QVERIFY(!out.contains(mysqlPassword));
            QVERIFY(!out.contains(s3Secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliLifecycle)
#include "TestCliLifecycle.moc"
