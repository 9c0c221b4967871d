// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QtTest>

/// Endpoints of the real services that scripts/test starts once per run and exports
/// (CREODROP_TEST_MYSQL_*, CREODROP_TEST_S3_*). Integration tests call the REQUIRE macros: they
/// fail when CREODROP_REQUIRE_SERVICES=1 (scripts/test, CI) and skip otherwise, so a plain
/// `ctest` on a developer machine without services still runs the unit tests.
namespace TestServices {

struct MySql
{
    QString host;
    int port = 0;
    QString socket;
    QString user;
    QString password;
    QString database;
    bool isValid() const { return port > 0 && !user.isEmpty(); }
};

struct S3
{
    QString endpoint;
    QString region;
    QString bucket;
    QString accessKeyId;
    QString secretAccessKey;
    bool isValid() const { return !endpoint.isEmpty() && !bucket.isEmpty(); }
};

/// How long a test waits for a step that spans S3 requests (an upload reaching a point, a
/// backup finishing, an abort confirmed). The product retries a request that makes no progress
/// for 60 s (S3TransferOptions::timeoutMs); once in hundreds of runs the test server leaves one
/// unanswered, and a wait of 60 s failed on exactly that recovery. Three times the retry
/// interval allows one such retry on a loaded machine.
constexpr int kS3StepBudgetMs = 180000;

MySql mysql();
S3 s3();
bool servicesRequired();

/// Opens a QMYSQL connection named @p connectionName to @p database (default: the provisioned
/// one). Returns an invalid QSqlDatabase and sets @p error on failure.
QSqlDatabase openMySql(const QString &connectionName, const QString &database = {}, QString *error = nullptr);

/// Creates (dropping first) a database with a name unique to this process and @p tag, so tests
/// running in parallel never share one. Returns its name.
QString createScratchDatabase(const QString &tag);
void dropDatabase(const QString &name);

/// Runs a command with the stock `mariadb` client against the test server; returns its exit code.
int runMariaDbClient(const QStringList &args, const QByteArray &stdinData = {}, QByteArray *out = nullptr,
                     QByteArray *err = nullptr);

/// Path of the Creodrop source tree's shared test data (../shared/testdata) when present.
QString sharedTestDataDir();

} // namespace TestServices

#define CREODROP_REQUIRE_SERVICE(valid, what)                                                                          \
    do {                                                                                                               \
        if (!(valid)) {                                                                                                \
            if (TestServices::servicesRequired())                                                                      \
                QFAIL(what " is not configured: run the tests through ./scripts/test");                                \
            QSKIP(what " is not configured: run the tests through ./scripts/test");                                    \
        }                                                                                                              \
    } while (false)

#define CREODROP_REQUIRE_MYSQL() CREODROP_REQUIRE_SERVICE(TestServices::mysql().isValid(), "MariaDB")
#define CREODROP_REQUIRE_S3() CREODROP_REQUIRE_SERVICE(TestServices::s3().isValid(), "The S3 test server")
