// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestServices.h"
#include "catalog/Catalog.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

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
