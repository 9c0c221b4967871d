// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestServices.h"
#include "secrets/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

// Runs against the real Secret Service: ctest runs inside scripts/keyring-session in CI. With
// CREODROP_REQUIRE_SERVICES=1 a missing Secret Service is a failure, not a skip.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripOverwriteRemove();
    void missingKeyIsNotFound();
    void messageWhenNoSecretService();

private:
    bool requireKeychain();
    std::unique_ptr<SecretJob> run(SecretJob *job)
    {
        job->setAutoDelete(false);
        QSignalSpy spy(job, &Job::finished);
        job->start();
        if (spy.isEmpty())
            [&] { QVERIFY(spy.wait(20000)); }();
        return std::unique_ptr<SecretJob>(job);
    }
    QString uniqueKey(const char *what)
    {
        return QStringLiteral("test/%1/%2-%3")
            .arg(QLatin1String(what))
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    }

    KeychainSecretStore m_store;
};

bool TestKeychainSecretStore::requireKeychain()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    if (TestServices::servicesRequired())
        [] { QFAIL("No D-Bus session (DBUS_SESSION_BUS_ADDRESS): run the tests inside scripts/keyring-session"); }();
    else
        [] { QSKIP("No D-Bus session: run inside scripts/keyring-session"); }();
    return false;
}

void TestKeychainSecretStore::roundTripOverwriteRemove()
{
    if (!requireKeychain())
        return;
    const QString key = uniqueKey("roundtrip");
    const QString secret = QStringLiteral("pässwörd with spaces & \"quotes\"");
    auto write = run(m_store.write(key, secret));
    QVERIFY2(write->succeeded(), qPrintable(write->errorString()));
    auto read = run(m_store.read(key));
    QVERIFY2(read->succeeded(), qPrintable(read->errorString()));
    QVERIFY(!read->isNotFound());
    QCOMPARE(read->secret(), secret);

    QVERIFY(run(m_store.write(key, QStringLiteral("second")))->succeeded());
    QCOMPARE(run(m_store.read(key))->secret(), QStringLiteral("second"));

    // Another service name is another namespace.
    KeychainSecretStore other(QStringLiteral("creodrop-backups-test-other"));
    QVERIFY(run(other.read(key))->isNotFound());

    auto removed = run(m_store.remove(key));
    QVERIFY2(removed->succeeded(), qPrintable(removed->errorString()));
    auto gone = run(m_store.read(key));
    QVERIFY(gone->succeeded());
    QVERIFY(gone->isNotFound());
    QVERIFY(gone->secret().isEmpty());
    // Removing what is not there succeeds.
    QVERIFY(run(m_store.remove(key))->succeeded());
}

void TestKeychainSecretStore::missingKeyIsNotFound()
{
    if (!requireKeychain())
        return;
    auto read = run(m_store.read(uniqueKey("missing")));
    QVERIFY2(read->succeeded(), qPrintable(read->errorString()));
    QVERIFY(read->isNotFound());
}

void TestKeychainSecretStore::messageWhenNoSecretService()
{
    // A child process whose session bus points nowhere, as on a headless server.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/creodrop-bus"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("CREODROP_KEYCHAIN_CHILD"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    QCOMPARE(child.exitCode(), 1);
    QVERIFY2(out.contains(QLatin1String("No Secret Service is running")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("MYSQL_PWD")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("start one")), qPrintable(out));
}

// The child mode of messageWhenNoSecretService: write a secret, print the error, exit 1 on failure.
static int childMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KeychainSecretStore store;
    SecretJob *job = store.write(QStringLiteral("test/no-service"), QStringLiteral("x"));
    int code = 2;
    QObject::connect(job, &Job::finished, &app, [&] {
        code = job->succeeded() ? 0 : 1;
        printf("%s\n", qPrintable(job->errorString()));
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(0, job, &Job::start);
    app.exec();
    return code;
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariable("CREODROP_KEYCHAIN_CHILD") == QLatin1String("1"))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychainSecretStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestKeychainSecretStore.moc"
