// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DumpTestSupport.h"
#include "TestServices.h"
#include "mysql/MySqlConnection.h"
#include "mysql/MySqlDumper.h"
#include "mysql/MySqlHandle.h"
#include "mysql/MySqlSession.h"

#include <QBuffer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <mysql.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

/// The harness's first promise: a real MariaDB answers through the QMYSQL driver. And
/// MySqlConnection's TLS modes against the test server, which scripts/mariadb-server starts with
/// a certificate from a generated CA (CREODROP_TEST_MYSQL_CA; CREODROP_TEST_MYSQL_OTHER_CA signed
/// nothing), plus a second server of the test's own started without TLS.
class TestMySqlConnection : public QObject
{
    Q_OBJECT

    static MySqlEndpoint tlsEndpoint(MySqlTlsMode mode, const QString &ca = {})
    {
        MySqlEndpoint e = DumpTestSupport::endpoint(TestServices::mysql().database);
        e.tlsMode = mode;
        e.tlsCa = ca;
        return e;
    }
    static QString ca() { return qEnvironmentVariable("CREODROP_TEST_MYSQL_CA"); }

    QTemporaryDir m_plainDir{ QStringLiteral("/tmp/creodrop-plain-XXXXXX") };
    MySqlEndpoint m_plain; ///< the server without TLS
    bool m_plainStarted = false;

    QString script() const { return QStringLiteral(CREODROP_SOURCE_DIR "/scripts/mariadb-server"); }

private slots:
    void initTestCase() { CREODROP_REQUIRE_MYSQL(); }

    void cleanupTestCase()
    {
        if (m_plainStarted)
            QProcess::execute(script(), { QStringLiteral("stop"), m_plainDir.path() });
    }

    void requiredIsEncrypted()
    {
        MySqlConnection c(tlsEndpoint(MySqlTlsMode::Required));
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QVERIFY2(!c.tlsCipher().isEmpty(), "mode required gave an unencrypted connection");
    }

    void preferredEncryptsWhenOffered()
    {
        MySqlConnection c(tlsEndpoint(MySqlTlsMode::Preferred));
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QVERIFY(!c.tlsCipher().isEmpty());
    }

    void preferredSkipsTlsOnASocket()
    {
        MySqlEndpoint e = tlsEndpoint(MySqlTlsMode::Preferred);
        e.socket = TestServices::mysql().socket;
        if (e.socket.isEmpty())
            QSKIP("no socket (CREODROP_TEST_MYSQL_SOCKET unset)");
        MySqlConnection c(e);
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QVERIFY(c.tlsCipher().isNull());
    }

    // A TCP connection, from either way of connecting, carries the options that make a dead
    // network path fail the waiting call within about two minutes; a Unix socket is left as it is.
    void tcpConnectionsDetectADeadPath()
    {
        const auto option = [](st_mysql *handle, int level, int name) {
            int value = -1;
            socklen_t length = sizeof value;
            return ::getsockopt(int(mysql_get_socket(handle)), level, name, &value, &length) == 0 ? value : -1;
        };
        const auto expectDetection = [&](st_mysql *handle) {
            QCOMPARE(option(handle, SOL_SOCKET, SO_KEEPALIVE), 1);
            QCOMPARE(option(handle, IPPROTO_TCP, TCP_KEEPIDLE), 60);
            QCOMPARE(option(handle, IPPROTO_TCP, TCP_KEEPINTVL), 10);
            QCOMPARE(option(handle, IPPROTO_TCP, TCP_KEEPCNT), 6);
            QCOMPARE(option(handle, IPPROTO_TCP, TCP_USER_TIMEOUT), 120000);
        };
        MySqlEndpoint tcp = tlsEndpoint(MySqlTlsMode::Preferred);
        tcp.socket.clear();
        QString error;
        MySqlConnection direct(tcp);
        QVERIFY2(direct.open(&error), qPrintable(error));
        expectDetection(direct.handle());
        MySqlSession session(tcp, QStringLiteral("keepalive-test"));
        QVERIFY2(session.open(&error), qPrintable(error));
        expectDetection(session.handle());

        MySqlEndpoint local = tcp;
        local.socket = TestServices::mysql().socket;
        if (local.socket.isEmpty())
            QSKIP("no socket (CREODROP_TEST_MYSQL_SOCKET unset)");
        MySqlConnection overSocket(local);
        QVERIFY2(overSocket.open(&error), qPrintable(error));
        QVERIFY(!MySqlHandle::enableDeadPathDetection(overSocket.handle()));
    }

    void offIsNotEncrypted()
    {
        MySqlConnection c(tlsEndpoint(MySqlTlsMode::Off));
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QVERIFY(c.tlsCipher().isNull());
    }

    void verifyWithTheRightCa()
    {
        if (ca().isEmpty())
            QSKIP("the test MariaDB has no TLS (CREODROP_TEST_MYSQL_CA unset)");
        for (MySqlTlsMode mode : { MySqlTlsMode::VerifyCa, MySqlTlsMode::VerifyIdentity }) {
            MySqlConnection c(tlsEndpoint(mode, ca()));
            QString error;
            QVERIFY2(c.open(&error), qPrintable(error));
            QVERIFY(!c.tlsCipher().isEmpty());
        }
    }

    void verifyWithAnotherCaFails()
    {
        const QString other = qEnvironmentVariable("CREODROP_TEST_MYSQL_OTHER_CA");
        if (other.isEmpty())
            QSKIP("the test MariaDB has no TLS (CREODROP_TEST_MYSQL_OTHER_CA unset)");
        for (MySqlTlsMode mode : { MySqlTlsMode::VerifyCa, MySqlTlsMode::VerifyIdentity }) {
            MySqlConnection c(tlsEndpoint(mode, other));
            QString error;
            QVERIFY(!c.open(&error));
            QVERIFY2(error.contains(QLatin1String("certificate")) && error.contains(QLatin1String("--tls-ca")),
                     qPrintable(error));
            QVERIFY2(!error.contains(TestServices::mysql().password), "the password leaked into the message");
        }
    }

    void unreadableCaFileFails()
    {
        MySqlConnection c(tlsEndpoint(MySqlTlsMode::VerifyCa, QStringLiteral("/nonexistent/ca.pem")));
        QString error;
        QVERIFY(!c.open(&error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent/ca.pem")), qPrintable(error));
    }

    void startServerWithoutTls()
    {
        QVERIFY(m_plainDir.isValid());
        QProcess p;
        p.start(script(), { QStringLiteral("start"), m_plainDir.path(), QStringLiteral("--no-tls") });
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        m_plainStarted = true;
        QFile env(m_plainDir.filePath(QStringLiteral("mariadb.env")));
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(env.readAll());
        QVERIFY(!text.contains(QLatin1String("CREODROP_TEST_MYSQL_CA")));
        const auto value = [&text](const QString &name) {
            const QRegularExpression re(QStringLiteral("export %1=(\\S+)").arg(name));
            return re.match(text).captured(1);
        };
        m_plain.host = value(QStringLiteral("CREODROP_TEST_MYSQL_HOST"));
        m_plain.port = value(QStringLiteral("CREODROP_TEST_MYSQL_PORT")).toInt();
        m_plain.user = value(QStringLiteral("CREODROP_TEST_MYSQL_USER"));
        m_plain.password = value(QStringLiteral("CREODROP_TEST_MYSQL_PASSWORD"));
        m_plain.database = value(QStringLiteral("CREODROP_TEST_MYSQL_DATABASE"));
        QVERIFY(m_plain.port > 0);
    }

    void requiredFailsWithoutServerTls()
    {
        if (!m_plainStarted)
            QSKIP("needs startServerWithoutTls");
        for (MySqlTlsMode mode : { MySqlTlsMode::Required, MySqlTlsMode::VerifyCa }) {
            MySqlEndpoint e = m_plain;
            e.tlsMode = mode;
            e.tlsCa = ca();
            MySqlConnection c(e);
            QString error;
            QVERIFY(!c.open(&error));
            QVERIFY2(error.contains(QLatin1String("TLS")) || error.contains(QLatin1String("SSL")), qPrintable(error));
        }
        // The dumper reports the same.
        MySqlEndpoint e = m_plain;
        e.tlsMode = MySqlTlsMode::Required;
        MySqlDumper dumper(e);
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(!dumper.dump(&out));
        QVERIFY2(dumper.errorString().contains(QLatin1String("TLS")), qPrintable(dumper.errorString()));
    }

    void preferredFallsBackWithoutServerTls()
    {
        if (!m_plainStarted)
            QSKIP("needs startServerWithoutTls");
        MySqlEndpoint e = m_plain;
        e.tlsMode = MySqlTlsMode::Preferred;
        MySqlConnection c(e);
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QVERIFY(c.tlsCipher().isNull());
    }

    void dumperRecordsTheCipher()
    {
        for (MySqlTlsMode mode : { MySqlTlsMode::Required, MySqlTlsMode::Off }) {
            MySqlDumper dumper(tlsEndpoint(mode));
            QBuffer out;
            QVERIFY(out.open(QIODevice::WriteOnly));
            QVERIFY2(dumper.dump(&out), qPrintable(dumper.errorString()));
            QCOMPARE(dumper.stats().tlsMode, MySqlTls::toString(mode));
            QCOMPARE(dumper.stats().tlsCipher.isEmpty(), mode == MySqlTlsMode::Off);
        }
    }

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
