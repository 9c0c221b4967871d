// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestServices.h"
#include "catalog/Catalog.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

/// Helpers every CLI test shares, with or without a CliTestEnv.
namespace CliTest {

/// What a CLI run left: exit code (-1 when it crashed or hung) and raw output.
struct RawResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Points the CLI at the test S3 server (CREODROP_S3_*).
inline void insertS3Environment(QProcessEnvironment &env)
{
    const auto s3 = TestServices::s3();
    env.insert(QStringLiteral("CREODROP_S3_ENDPOINT"), s3.endpoint);
    env.insert(QStringLiteral("CREODROP_S3_REGION"), s3.region);
    env.insert(QStringLiteral("CREODROP_S3_BUCKET"), s3.bucket);
    env.insert(QStringLiteral("CREODROP_S3_ACCESS_KEY_ID"), s3.accessKeyId);
    env.insert(QStringLiteral("CREODROP_S3_SECRET_ACCESS_KEY"), s3.secretAccessKey);
}

/// The environment for /usr/bin/aws against the test S3 server (pass --endpoint-url too).
inline QProcessEnvironment awsEnvironment()
{
    const auto s3 = TestServices::s3();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), s3.accessKeyId);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), s3.secretAccessKey);
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), s3.region);
    return env;
}

/// Keys listed by `aws s3api COMMAND` (list-objects-v2 or list-multipart-uploads) under
/// @p prefix; @p ok says whether the server answered.
inline QStringList awsKeys(const QString &command, const QString &prefix, bool *ok = nullptr)
{
    const auto s3 = TestServices::s3();
    QProcess p;
    p.setProcessEnvironment(awsEnvironment());
    p.start(QStringLiteral("/usr/bin/aws"),
            { QStringLiteral("--endpoint-url"), s3.endpoint, QStringLiteral("s3api"), command,
              QStringLiteral("--bucket"), s3.bucket, QStringLiteral("--prefix"), prefix, QStringLiteral("--output"),
              QStringLiteral("json") });
    p.waitForFinished(60000);
    if (ok)
        *ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QStringList keys;
    const QString field
        = command == QLatin1String("list-multipart-uploads") ? QStringLiteral("Uploads") : QStringLiteral("Contents");
    for (const QJsonValue &v : o.value(field).toArray())
        keys << v.toObject().value(QStringLiteral("Key")).toString();
    return keys;
}

inline QJsonDocument parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8());
}

/// The global data rows of a test that runs on both catalog kinds: column "mariadb" (bool).
inline void addCatalogKindRows()
{
    QTest::addColumn<bool>("mariadb");
    QTest::newRow("sqlite") << false;
    QTest::newRow("mariadb") << true;
}

} // namespace CliTest

/// Runs the real creodrop-backupctl with CREODROP_HOME in a temporary folder, on an SQLite
/// catalog (the default under CREODROP_HOME) or on a scratch MariaDB catalog (CREODROP_CATALOG
/// + CREODROP_CATALOG_PASSWORD), for CLI tests that run on both catalog kinds.
class CliTestEnv
{
public:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// @p tag makes the scratch database name unique per test executable.
    bool setUp(bool mariadb, const QString &tag)
    {
        m_mariadb = mariadb;
        if (!m_home.isValid())
            return false;
        if (!mariadb) {
            m_location.kind = CatalogLocation::Kind::Sqlite;
            m_location.sqlitePath = m_home.filePath(QStringLiteral("catalog.sqlite"));
            return true;
        }
        const TestServices::MySql m = TestServices::mysql();
        m_location.kind = CatalogLocation::Kind::MySql;
        m_location.host = m.host;
        m_location.port = m.port;
        m_location.user = m.user;
        m_location.password = m.password;
        m_location.database = TestServices::createScratchDatabase(tag);
        return true;
    }

    void tearDown()
    {
        if (m_mariadb && !m_location.database.isEmpty())
            TestServices::dropDatabase(m_location.database);
    }

    QString home() const { return m_home.path(); }
    /// With the password, for opening the catalog in the test process.
    const CatalogLocation &location() const { return m_location; }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CREODROP_HOME"), m_home.path());
        env.remove(QStringLiteral("CREODROP_CATALOG"));
        env.remove(QStringLiteral("CREODROP_CATALOG_PASSWORD"));
        env.remove(QStringLiteral("MYSQL_PWD"));
        env.insert(QStringLiteral("USER"), QStringLiteral("cli-tester"));
        if (m_mariadb) {
            env.insert(QStringLiteral("CREODROP_CATALOG"), m_location.toString());
            env.insert(QStringLiteral("CREODROP_CATALOG_PASSWORD"), m_location.password);
        }
        return env;
    }

    Result run(const QStringList &args, const QByteArray &stdinData = {},
               const QProcessEnvironment &env = QProcessEnvironment()) const
    {
        QProcess p;
        p.setProcessEnvironment(env.isEmpty() ? environment() : env);
        p.start(QStringLiteral(CREODROP_CLI_PATH), args);
        Result r;
        if (!p.waitForStarted(10000))
            return r;
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    /// Files under CREODROP_HOME whose bytes contain @p needle.
    QStringList filesContaining(const QByteArray &needle) const
    {
        QStringList hits;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                hits << f.fileName();
        }
        return hits;
    }

private:
    QTemporaryDir m_home;
    CatalogLocation m_location;
    bool m_mariadb = false;
};

#define CLI_EXPECT(result, code)                                                                                       \
    QVERIFY2((result).exitCode == (code),                                                                              \
             qPrintable(QStringLiteral("exit %1, expected %2; stdout: %3; stderr: %4")                                 \
                            .arg((result).exitCode)                                                                    \
                            .arg(code)                                                                                 \
                            .arg((result).out, (result).err)))
