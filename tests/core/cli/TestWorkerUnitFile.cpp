// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The systemd unit of the headless worker (packaging/creodrop-backup-worker.service): the keys
// that keep its files private, let it start on a clean machine (a user that exists, an optional
// environment file, a state directory systemd creates) and bound how long a stop may take.
#include <QFile>
#include <QMultiMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestWorkerUnitFile : public QObject
{
    Q_OBJECT

private slots:
    void serviceKeys();
    void systemdAcceptsIt();

private:
    static QString unitPath()
    {
        return QStringLiteral(CREODROP_SOURCE_DIR "/packaging/creodrop-backup-worker.service");
    }
    /// "Section/Key" -> values, in file order (systemd allows repeated keys).
    static QMultiMap<QString, QString> parse(const QByteArray &text);
};

QMultiMap<QString, QString> TestWorkerUnitFile::parse(const QByteArray &text)
{
    QMultiMap<QString, QString> keys;
    QString section;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2);
            continue;
        }
        const int eq = line.indexOf(u'=');
        if (eq > 0)
            keys.insert(section + u'/' + line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return keys;
}

void TestWorkerUnitFile::serviceKeys()
{
    QFile file(unitPath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const auto keys = parse(file.readAll());
    const auto one = [&keys](const char *key) {
        const QStringList values = keys.values(QStringLiteral("Service/") + QLatin1String(key));
        return values.size() == 1 ? values.first() : QStringLiteral("<%1 values>").arg(values.size());
    };
    QCOMPARE(one("UMask"), QStringLiteral("0077"));
    QCOMPARE(one("StateDirectory"), QStringLiteral("creodrop-backups"));
    QCOMPARE(one("StateDirectoryMode"), QStringLiteral("0700"));
    // A user that exists on a clean machine: systemd allocates it.
    QCOMPARE(one("DynamicUser"), QStringLiteral("yes"));
    QVERIFY(!keys.contains(QStringLiteral("Service/User")));
    // "-": the worker starts without the file (e.g. secrets from a drop-in).
    QCOMPARE(one("EnvironmentFile"), QStringLiteral("-/etc/creodrop-backups/worker.env"));
    QCOMPARE(one("Restart"), QStringLiteral("on-failure"));
    QCOMPARE(one("TimeoutStopSec"), QStringLiteral("30"));
    QVERIFY(keys.values(QStringLiteral("Service/Environment"))
                .contains(QStringLiteral("CREODROP_HOME=/var/lib/creodrop-backups")));
    QVERIFY(one("ExecStart").endsWith(QLatin1String("creodrop-backupctl worker")));
    QCOMPARE(keys.value(QStringLiteral("Install/WantedBy")), QStringLiteral("multi-user.target"));
}

void TestWorkerUnitFile::systemdAcceptsIt()
{
    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (analyze.isEmpty())
        QSKIP("systemd-analyze is not installed");
    QFile file(unitPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    // verify checks that ExecStart exists: point it at a binary every machine has.
    text.replace("/usr/bin/creodrop-backupctl", "/bin/true");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile copy(dir.filePath(QStringLiteral("creodrop-backup-worker.service")));
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(text);
    copy.close();
    QProcess p;
    p.start(analyze, { QStringLiteral("verify"), copy.fileName() });
    QVERIFY(p.waitForFinished(60000));
    const QByteArray output = p.readAllStandardError() + p.readAllStandardOutput();
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, output.constData());
    QVERIFY2(!output.contains("creodrop-backup-worker.service"), output.constData());
}

QTEST_GUILESS_MAIN(TestWorkerUnitFile)
#include "TestWorkerUnitFile.moc"
