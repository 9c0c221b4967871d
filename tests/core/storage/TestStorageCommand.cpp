// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `creodrop-backupctl storage` through the real binary against the real S3 server: put, get,
// ls, rm and presign; exit codes 0 (success), 1 (failure, one line on stderr) and 2 (usage);
// and the secret never shows in any output.
#include "StoreTestSupport.h"
#include "TestServices.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

using namespace StoreTest;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestStorageCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void putGetListRemove();
    void presignedLinkDownloads();
    void usageErrorsExitWithTwo();
    void failuresAreOneLineAndExitWithOne();
    void wrongSecretIsNeverShown();

private:
    CliRun cli(const QStringList &args, const QString &secret = {});
    QString key(const QString &name) const { return m_prefix + name; }
    QString writeFile(const QString &name, const QByteArray &data);

    TestServices::S3 m_s3;
    QTemporaryDir m_dir;
    QString m_prefix;
};

void TestStorageCommand::initTestCase()
{
    CREODROP_REQUIRE_S3();
    m_s3 = TestServices::s3();
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo(QStringLiteral(CREODROP_CLI_PATH)).isExecutable());
    m_prefix = QStringLiteral("test-cli-storage-%1-%2/")
                   .arg(QCoreApplication::applicationPid())
                   .arg(QDateTime::currentMSecsSinceEpoch());
}

CliRun TestStorageCommand::cli(const QStringList &args, const QString &secret)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CREODROP_HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("CREODROP_S3_ENDPOINT"), m_s3.endpoint);
    env.insert(QStringLiteral("CREODROP_S3_REGION"), m_s3.region);
    env.insert(QStringLiteral("CREODROP_S3_BUCKET"), m_s3.bucket);
    env.insert(QStringLiteral("CREODROP_S3_ACCESS_KEY_ID"), m_s3.accessKeyId);
    env.insert(QStringLiteral("CREODROP_S3_SECRET_ACCESS_KEY"), secret.isEmpty() ? m_s3.secretAccessKey : secret);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CREODROP_CLI_PATH), QStringList{ QStringLiteral("storage") } + args);
    CliRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("(timed out)");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    // Whatever happens, the secret in use never reaches the output.
    const QString used = secret.isEmpty() ? m_s3.secretAccessKey : secret;
    if (run.out.contains(used) || run.err.contains(used) || run.out.contains(m_s3.secretAccessKey)
        || run.err.contains(m_s3.secretAccessKey))
        run.exitCode = -2;
    return run;
}

QString TestStorageCommand::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

void TestStorageCommand::putGetListRemove()
{
    // Over one part, so `put` goes multipart from the file.
    const QByteArray data = randomBytes(2 * kPart + 12345);
    const QString source = writeFile(QStringLiteral("up.bin"), data);
    QVERIFY(!source.isEmpty());
    const QString k = key(QStringLiteral("dir/a file+(1).bin"));

    const CliRun put = cli({ QStringLiteral("put"), source, k });
    QVERIFY2(put.exitCode == 0, qPrintable(put.err));
    QVERIFY2(put.out.startsWith(QString::fromLatin1(sha256Hex(data))), qPrintable(put.out));
    QVERIFY(put.out.contains(k));

    const QString target = m_dir.filePath(QStringLiteral("down.bin"));
    const CliRun get = cli({ QStringLiteral("get"), k, target });
    QVERIFY2(get.exitCode == 0, qPrintable(get.err));
    QVERIFY(get.out.startsWith(QString::fromLatin1(sha256Hex(data))));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == data);

    const CliRun ls = cli({ QStringLiteral("ls"), key(QStringLiteral("dir/")) });
    QVERIFY2(ls.exitCode == 0, qPrintable(ls.err));
    const QStringList lines = ls.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const QStringList fields = lines.at(0).split(QLatin1Char('\t'));
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0).toLongLong(), qint64(data.size()));
    QCOMPARE(fields.at(2), k);

    const CliRun rm = cli({ QStringLiteral("rm"), k });
    QVERIFY2(rm.exitCode == 0, qPrintable(rm.err));
    const CliRun lsAfter = cli({ QStringLiteral("ls"), key(QStringLiteral("dir/")) });
    QCOMPARE(lsAfter.exitCode, 0);
    QVERIFY2(lsAfter.out.trimmed().isEmpty(), qPrintable(lsAfter.out));
}

void TestStorageCommand::presignedLinkDownloads()
{
    const QByteArray data("presigned through the command line\n");
    const QString k = key(QStringLiteral("link.txt"));
    QCOMPARE(cli({ QStringLiteral("put"), writeFile(QStringLiteral("link.txt"), data), k }).exitCode, 0);

    const CliRun presign = cli({ QStringLiteral("presign"), k, QStringLiteral("--expires"), QStringLiteral("120") });
    QVERIFY2(presign.exitCode == 0, qPrintable(presign.err));
    const QUrl url(presign.out.trimmed());
    QVERIFY(url.isValid());
    QVERIFY(url.query().contains(QLatin1String("X-Amz-Expires=120")));

    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), data);
    reply->deleteLater();

    // More than 7 days is refused: a failure with one line, not a usage error.
    const CliRun tooLong
        = cli({ QStringLiteral("presign"), k, QStringLiteral("--expires"), QString::number(8 * 24 * 3600) });
    QCOMPARE(tooLong.exitCode, 1);
    QCOMPARE(tooLong.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(tooLong.out.isEmpty());
}

void TestStorageCommand::usageErrorsExitWithTwo()
{
    const QList<QStringList> cases{
        {},
        { QStringLiteral("frobnicate") },
        { QStringLiteral("put"), QStringLiteral("only-one") },
        { QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") },
        { QStringLiteral("rm") },
        { QStringLiteral("ls"), QStringLiteral("--bogus") },
        { QStringLiteral("presign"), QStringLiteral("k"), QStringLiteral("--expires"), QStringLiteral("soon") },
    };
    for (const QStringList &args : cases) {
        const CliRun run = cli(args);
        QVERIFY2(run.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err));
        QVERIFY(run.err.contains(QLatin1String("Usage:")));
    }
    QCOMPARE(cli({ QStringLiteral("--help") }).exitCode, 0);
}

void TestStorageCommand::failuresAreOneLineAndExitWithOne()
{
    const CliRun missingObject
        = cli({ QStringLiteral("get"), key(QStringLiteral("absent.bin")), m_dir.filePath(QStringLiteral("x")) });
    QCOMPARE(missingObject.exitCode, 1);
    QVERIFY(!missingObject.err.trimmed().isEmpty());
    QCOMPARE(missingObject.err.trimmed().count(QLatin1Char('\n')), 0);

    const CliRun missingFile
        = cli({ QStringLiteral("put"), m_dir.filePath(QStringLiteral("no-such-file")), key(QStringLiteral("x")) });
    QCOMPARE(missingFile.exitCode, 1);
    QCOMPARE(missingFile.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(missingFile.err.contains(QLatin1String("no-such-file")));
}

void TestStorageCommand::wrongSecretIsNeverShown()
{
    const QString wrong = QStringLiteral("WRONGsecret%1").arg(QDateTime::currentMSecsSinceEpoch());
    const QString source = writeFile(QStringLiteral("secret.bin"), "x");
    for (const QStringList &args : { QStringList{ QStringLiteral("put"), source, key(QStringLiteral("s.bin")) },
                                     QStringList{ QStringLiteral("ls"), m_prefix } }) {
        const CliRun run = cli(args, wrong);
        QVERIFY2(run.exitCode == 1, qPrintable(QString::number(run.exitCode) + QLatin1Char(' ') + run.err));
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(run.err.contains(QLatin1String("secret"), Qt::CaseInsensitive)
                     || run.err.contains(QLatin1String("credential"), Qt::CaseInsensitive),
                 qPrintable(run.err));
    }
    // A presigned link is computed locally: it carries the key id, never the secret.
    const CliRun presign = cli({ QStringLiteral("presign"), key(QStringLiteral("s.bin")) }, wrong);
    QCOMPARE(presign.exitCode, 0);
    QVERIFY(presign.out.contains(m_s3.accessKeyId));
}

QTEST_GUILESS_MAIN(TestStorageCommand)
#include "TestStorageCommand.moc"
