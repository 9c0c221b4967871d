// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// PrivateFiles under a permissive umask (022, as the tests set it): folders 0700, files 0600, no
// symbolic link ever written through, and publication that replaces (or refuses) atomically.
#include "util/PrivateFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

class TestPrivateFiles : public QObject
{
    Q_OBJECT

    static int mode(const QString &path)
    {
        struct stat st;
        return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static bool write(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }

    QTemporaryDir m_dir;
    mode_t m_oldUmask = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_oldUmask = ::umask(022);
    }

    // /dev/full fails every write with ENOSPC, as a full disk does: the message names it.
    void writeErrorNamesAFullDisk()
    {
        const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            QSKIP("no /dev/full here");
        QFile file;
        QVERIFY(file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle));
        const QByteArray block(1 << 20, 'x');
        const bool written = file.write(block) == block.size() && file.flush();
        QVERIFY(!written);
        QCOMPARE(PrivateFiles::writeError(file), QString::fromLocal8Bit(std::strerror(ENOSPC)));
    }
    void cleanupTestCase() { ::umask(m_oldUmask); }

    void mkpathMakesPrivateFolders()
    {
        const QString deep = m_dir.filePath(QStringLiteral("a/b/c"));
        QString error;
        QVERIFY2(PrivateFiles::mkpath(deep, &error), qPrintable(error));
        for (const QString &path : { m_dir.filePath(QStringLiteral("a")), m_dir.filePath(QStringLiteral("a/b")), deep })
            QCOMPARE(mode(path), 0700);
        QVERIFY(PrivateFiles::mkpath(deep, &error)); // existing: fine
        QVERIFY(write(m_dir.filePath(QStringLiteral("file")), "x"));
        QVERIFY(!PrivateFiles::mkpath(m_dir.filePath(QStringLiteral("file")), &error));
    }

    void ensurePrivateDirTightensOurOwnFolder()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkdir(home));
        QCOMPARE(mode(home), 0755);
        QString error;
        QVERIFY(PrivateFiles::ensurePrivateDir(home, &error));
        QCOMPARE(mode(home), 0700);
    }

    void filesArePrivateFromTheStart()
    {
        const QString path = m_dir.filePath(QStringLiteral("new.part"));
        QFile file(path);
        QString error;
        QVERIFY2(PrivateFiles::openForWriting(&file, PrivateFiles::CreateNew, &error), qPrintable(error));
        QCOMPARE(mode(path), 0600);
        file.close();
        QFile again(path);
        QVERIFY(!PrivateFiles::openForWriting(&again, PrivateFiles::CreateNew, &error)); // exists

        // An existing file made by someone else's umask becomes private when we write it.
        const QString loose = m_dir.filePath(QStringLiteral("loose"));
        QVERIFY(write(loose, "old"));
        QCOMPARE(mode(loose), 0644);
        QFile truncate(loose);
        QVERIFY2(PrivateFiles::openForWriting(&truncate, PrivateFiles::Truncate, &error), qPrintable(error));
        truncate.write("new");
        truncate.close();
        QCOMPARE(mode(loose), 0600);
        QCOMPARE(read(loose), QByteArray("new"));
        QFile append(loose);
        QVERIFY(PrivateFiles::openForWriting(&append, PrivateFiles::Append, &error));
        append.write("er");
        append.close();
        QCOMPARE(read(loose), QByteArray("newer"));
    }

    void linksAreNeverWrittenThrough()
    {
        const QString victim = m_dir.filePath(QStringLiteral("victim"));
        QVERIFY(write(victim, "keep"));
        const QString link = m_dir.filePath(QStringLiteral("link.part"));
        QVERIFY(QFile::link(victim, link));
        QString error;
        for (PrivateFiles::OpenKind kind : { PrivateFiles::CreateNew, PrivateFiles::Truncate, PrivateFiles::Append }) {
            QFile file(link);
            QVERIFY(!PrivateFiles::openForWriting(&file, kind, &error));
            QCOMPARE(read(victim), QByteArray("keep"));
        }
        // A dangling link: not created through either.
        const QString dangling = m_dir.filePath(QStringLiteral("dangling.part"));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("nowhere")), dangling));
        QVERIFY(PrivateFiles::exists(dangling));
        QVERIFY(!QFileInfo::exists(dangling)); // what a naive check would see
        QFile file(dangling);
        QVERIFY(!PrivateFiles::openForWriting(&file, PrivateFiles::Truncate, &error));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("nowhere"))));
    }

    void publishReplacesOrRefusesAtomically()
    {
        const QString part = m_dir.filePath(QStringLiteral("pub.part"));
        const QString target = m_dir.filePath(QStringLiteral("pub"));
        QVERIFY(write(part, "one"));
        QString error;
        QVERIFY2(PrivateFiles::publish(part, target, PrivateFiles::NoReplace, &error), qPrintable(error));
        QCOMPARE(read(target), QByteArray("one"));
        QCOMPARE(mode(target), 0600);
        QVERIFY(!QFileInfo::exists(part));

        QVERIFY(write(part, "two"));
        QVERIFY(!PrivateFiles::publish(part, target, PrivateFiles::NoReplace, &error));
        QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
        QCOMPARE(read(target), QByteArray("one"));
        QVERIFY(PrivateFiles::publish(part, target, PrivateFiles::Replace, &error));
        QCOMPARE(read(target), QByteArray("two"));

        // A link at the target is refused (NoReplace) or replaced itself (Replace), never followed.
        const QString victim = m_dir.filePath(QStringLiteral("pub-victim"));
        QVERIFY(write(victim, "keep"));
        const QString linked = m_dir.filePath(QStringLiteral("pub-link"));
        QVERIFY(QFile::link(victim, linked));
        QVERIFY(write(part, "three"));
        QVERIFY(!PrivateFiles::publish(part, linked, PrivateFiles::NoReplace, &error));
        QVERIFY(PrivateFiles::publish(part, linked, PrivateFiles::Replace, &error));
        QVERIFY(!QFileInfo(linked).isSymLink());
        QCOMPARE(read(linked), QByteArray("three"));
        QCOMPARE(read(victim), QByteArray("keep"));
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "TestPrivateFiles.moc"
