// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/InMemorySecretStore.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

class TestEnvironmentSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void variablesOverrideTheirKeys();
    void fallbackAnswersOtherwise();
    void writesAndRemovesGoToFallback();
    void failureNamesTheVariable();
    void jobsFinishAsynchronously();

private:
    /// Runs @p job to completion and keeps it for inspection.
    std::unique_ptr<SecretJob> run(SecretJob *job)
    {
        job->setAutoDelete(false);
        QSignalSpy spy(job, &Job::finished);
        job->start();
        if (spy.isEmpty())
            [&] { QVERIFY(spy.wait(5000)); }();
        return std::unique_ptr<SecretJob>(job);
    }

    InMemorySecretStore m_fallback;
};

void TestEnvironmentSecretStore::init()
{
    qunsetenv("CREODROP_S3_SECRET_ACCESS_KEY");
    qunsetenv("MYSQL_PWD");
    qunsetenv("CREODROP_CATALOG_PASSWORD");
    m_fallback = InMemorySecretStore();
}

void TestEnvironmentSecretStore::cleanup()
{
    init();
}

void TestEnvironmentSecretStore::variablesOverrideTheirKeys()
{
    QCOMPARE(EnvironmentSecretStore::overrideVariable(QStringLiteral("s3/secret-access-key")),
             QStringLiteral("CREODROP_S3_SECRET_ACCESS_KEY"));
    QCOMPARE(EnvironmentSecretStore::overrideVariable(QStringLiteral("mysql/shop/prod")), QStringLiteral("MYSQL_PWD"));
    QCOMPARE(EnvironmentSecretStore::overrideVariable(QStringLiteral("catalog/u@h:3306/db")),
             QStringLiteral("CREODROP_CATALOG_PASSWORD"));
    QVERIFY(EnvironmentSecretStore::overrideVariable(QStringLiteral("other")).isEmpty());

    m_fallback.insert(QStringLiteral("s3/secret-access-key"), QStringLiteral("from-keychain"));
    m_fallback.insert(QStringLiteral("mysql/shop/prod"), QStringLiteral("kc-mysql"));
    qputenv("CREODROP_S3_SECRET_ACCESS_KEY", "from-env");
    qputenv("MYSQL_PWD", "env-mysql");
    qputenv("CREODROP_CATALOG_PASSWORD", "env-catalog");
    EnvironmentSecretStore store(&m_fallback);
    QCOMPARE(run(store.read(QStringLiteral("s3/secret-access-key")))->secret(), QStringLiteral("from-env"));
    QCOMPARE(run(store.read(QStringLiteral("mysql/shop/prod")))->secret(), QStringLiteral("env-mysql"));
    QCOMPARE(run(store.read(QStringLiteral("mysql/other/dev")))->secret(), QStringLiteral("env-mysql"));
    QCOMPARE(run(store.read(QStringLiteral("catalog/u@h:3306/db")))->secret(), QStringLiteral("env-catalog"));
}

void TestEnvironmentSecretStore::fallbackAnswersOtherwise()
{
    m_fallback.insert(QStringLiteral("mysql/shop/prod"), QStringLiteral("kc-mysql"));
    m_fallback.insert(QStringLiteral("custom"), QStringLiteral("c"));
    qputenv("CREODROP_S3_SECRET_ACCESS_KEY", "from-env"); // unrelated to the keys read below
    EnvironmentSecretStore store(&m_fallback);
    QCOMPARE(run(store.read(QStringLiteral("mysql/shop/prod")))->secret(), QStringLiteral("kc-mysql"));
    QCOMPARE(run(store.read(QStringLiteral("custom")))->secret(), QStringLiteral("c"));
    auto missing = run(store.read(QStringLiteral("mysql/shop/dev")));
    QVERIFY(missing->succeeded());
    QVERIFY(missing->isNotFound());
    // An empty variable is "not set".
    qputenv("MYSQL_PWD", "");
    QCOMPARE(run(store.read(QStringLiteral("mysql/shop/prod")))->secret(), QStringLiteral("kc-mysql"));
}

void TestEnvironmentSecretStore::writesAndRemovesGoToFallback()
{
    qputenv("MYSQL_PWD", "env-mysql");
    EnvironmentSecretStore store(&m_fallback);
    QVERIFY(run(store.write(QStringLiteral("mysql/shop/prod"), QStringLiteral("new")))->succeeded());
    QCOMPARE(m_fallback.contents().value(QStringLiteral("mysql/shop/prod")), QStringLiteral("new"));
    QVERIFY(run(store.remove(QStringLiteral("mysql/shop/prod")))->succeeded());
    QVERIFY(!m_fallback.contents().contains(QStringLiteral("mysql/shop/prod")));
}

void TestEnvironmentSecretStore::failureNamesTheVariable()
{
    m_fallback.setFailure(QStringLiteral("No Secret Service is running."));
    EnvironmentSecretStore store(&m_fallback);
    auto job = run(store.read(QStringLiteral("mysql/shop/prod")));
    QVERIFY(!job->succeeded());
    QVERIFY2(job->errorString().contains(QLatin1String("MYSQL_PWD")), qPrintable(job->errorString()));
    job = run(store.read(QStringLiteral("s3/secret-access-key")));
    QVERIFY(job->errorString().contains(QLatin1String("CREODROP_S3_SECRET_ACCESS_KEY")));
    // With the variable set, the broken keychain is not asked at all.
    qputenv("MYSQL_PWD", "env-mysql");
    job = run(store.read(QStringLiteral("mysql/shop/prod")));
    QVERIFY(job->succeeded());
    QCOMPARE(job->secret(), QStringLiteral("env-mysql"));
}

void TestEnvironmentSecretStore::jobsFinishAsynchronously()
{
    qputenv("MYSQL_PWD", "env-mysql");
    EnvironmentSecretStore store(&m_fallback);
    for (SecretJob *job : { store.read(QStringLiteral("mysql/a/prod")), store.read(QStringLiteral("other")) }) {
        QSignalSpy spy(job, &Job::finished);
        QSignalSpy destroyed(job, &QObject::destroyed);
        job->start();
        QCOMPARE(spy.count(), 0); // never inside start()
        QVERIFY(spy.wait(5000));
        QVERIFY(destroyed.wait(5000)); // auto-delete by default
    }
}

QTEST_GUILESS_MAIN(TestEnvironmentSecretStore)
#include "TestEnvironmentSecretStore.moc"
