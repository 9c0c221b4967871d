// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestServices.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString env(const char *name)
{
    return qEnvironmentVariable(name);
}
} // namespace

TestServices::MySql TestServices::mysql()
{
    MySql m;
    m.host = env("CREODROP_TEST_MYSQL_HOST");
    m.port = env("CREODROP_TEST_MYSQL_PORT").toInt();
    m.socket = env("CREODROP_TEST_MYSQL_SOCKET");
    m.user = env("CREODROP_TEST_MYSQL_USER");
    m.password = env("CREODROP_TEST_MYSQL_PASSWORD");
    m.database = env("CREODROP_TEST_MYSQL_DATABASE");
    return m;
}

TestServices::S3 TestServices::s3()
{
    S3 s;
    s.endpoint = env("CREODROP_TEST_S3_ENDPOINT");
    s.region = env("CREODROP_TEST_S3_REGION");
    s.bucket = env("CREODROP_TEST_S3_BUCKET");
    s.accessKeyId = env("CREODROP_TEST_S3_ACCESS_KEY_ID");
    s.secretAccessKey = env("CREODROP_TEST_S3_SECRET_ACCESS_KEY");
    return s;
}

bool TestServices::servicesRequired()
{
    return env("CREODROP_REQUIRE_SERVICES") == QLatin1String("1");
}

QSqlDatabase TestServices::openMySql(const QString &connectionName, const QString &database, QString *error)
{
    const MySql m = mysql();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    db.setHostName(m.host);
    db.setPort(m.port);
    db.setUserName(m.user);
    db.setPassword(m.password);
    db.setDatabaseName(database.isEmpty() ? m.database : database);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        const QString name = db.connectionName();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    return db;
}

QString TestServices::createScratchDatabase(const QString &tag)
{
    const QString name = QStringLiteral("t_%1_%2").arg(tag).arg(QCoreApplication::applicationPid());
    const QString conn = QStringLiteral("scratch-admin-%1").arg(name);
    {
        QSqlDatabase db = openMySql(conn);
        QSqlQuery q(db);
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name));
        if (!q.exec(QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci").arg(name)))
            qWarning("cannot create %s: %s", qPrintable(name), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(conn);
    return name;
}

void TestServices::dropDatabase(const QString &name)
{
    const QString conn = QStringLiteral("scratch-drop-%1").arg(name);
    {
        QSqlDatabase db = openMySql(conn);
        QSqlQuery q(db);
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name));
    }
    QSqlDatabase::removeDatabase(conn);
}

int TestServices::runMariaDbClient(const QStringList &args, const QByteArray &stdinData, QByteArray *out,
                                   QByteArray *err)
{
    const MySql m = mysql();
    QProcess p;
    QProcessEnvironment penv = QProcessEnvironment::systemEnvironment();
    penv.insert(QStringLiteral("MYSQL_PWD"), m.password);
    p.setProcessEnvironment(penv);
    QStringList full{ QStringLiteral("--no-defaults"), QStringLiteral("--host=%1").arg(m.host),
                      QStringLiteral("--port=%1").arg(m.port), QStringLiteral("--user=%1").arg(m.user) };
    full += args;
    p.start(QStringLiteral("mariadb"), full);
    if (!p.waitForStarted())
        return -1;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString TestServices::sharedTestDataDir()
{
    const QString fromEnv = env("CREODROP_SHARED_TESTDATA");
    if (!fromEnv.isEmpty() && QDir(fromEnv).exists())
        return fromEnv;
    const QString beside = QStringLiteral(CREODROP_SOURCE_DIR "/../shared/testdata");
    return QDir(beside).exists() ? QDir(beside).absolutePath() : QString();
}
