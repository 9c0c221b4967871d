// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ScratchDir: a private folder removed with its object; what a process killed with SIGKILL left
// is removed by the next scratch folder made in the same place, and nothing else is: not a folder
// in use (by this process or another), not a link, not another user's folder.
#include "util/ScratchDir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

class TestScratchDir : public QObject
{
    Q_OBJECT

private slots:
    void privateFolderRemovedWithItsObject();
    void whatAKilledProcessLeftIsRemoved();
    void foldersInUseAreKept();
    void foldersAProcessIsStillCreatingAreKept();
    void nothingElseIsRemoved();
    void unusableBaseSaysWhy();

private:
    /// In a child process: creates a scratch folder in @p base with a file in it, then dies of
    /// SIGKILL (no destructor runs). Returns the folder's path, empty on failure.
    static QString leftByKilledProcess(const QString &base);
    static QStringList scratchFolders(const QString &base)
    {
        return QDir(base).entryList({ QStringLiteral("creodrop-scratch-*") },
                                    QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    }
};

QString TestScratchDir::leftByKilledProcess(const QString &base)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        auto *scratch = new ScratchDir(base); // never deleted: the process dies first
        QFile dump(scratch->filePath(QStringLiteral("restore.sql.gz")));
        if (scratch->isValid() && dump.open(QIODevice::WriteOnly)) {
            dump.write("customer data");
            dump.close();
            const QByteArray path = QFile::encodeName(scratch->path());
            if (::write(fds[1], path.constData(), size_t(path.size())) != path.size())
                ::_exit(1);
        }
        ::close(fds[1]);
        ::raise(SIGKILL);
        ::_exit(1);
    }
    ::close(fds[1]);
    QByteArray path;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
        path.append(buffer, int(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
        return {};
    return QFile::decodeName(path);
}

void TestScratchDir::privateFolderRemovedWithItsObject()
{
    QTemporaryDir base;
    QVERIFY(base.isValid());
    QString path;
    {
        ScratchDir scratch(base.path());
        QVERIFY2(scratch.isValid(), qPrintable(scratch.errorString()));
        path = scratch.path();
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(base.path()).absoluteFilePath());
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
        QFile file(scratch.filePath(QStringLiteral("backup.sql.gz")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("data");
    }
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(scratchFolders(base.path()).isEmpty());
}

void TestScratchDir::whatAKilledProcessLeftIsRemoved()
{
    QTemporaryDir base;
    QVERIFY(base.isValid());
    const QString left = leftByKilledProcess(base.path());
    QVERIFY(!left.isEmpty());
    QVERIFY(QFileInfo::exists(left + QStringLiteral("/restore.sql.gz")));

    // The next scratch folder made there removes it, and only it.
    ScratchDir next(base.path());
    QVERIFY(next.isValid());
    QVERIFY(!QFileInfo::exists(left));
    QCOMPARE(scratchFolders(base.path()), QStringList{ QFileInfo(next.path()).fileName() });

    const QString second = leftByKilledProcess(base.path());
    QVERIFY(!second.isEmpty());
    QCOMPARE(ScratchDir::removeAbandoned(base.path()), 1);
    QVERIFY(!QFileInfo::exists(second));
    QVERIFY(QFileInfo::exists(next.path()));
}

void TestScratchDir::foldersInUseAreKept()
{
    QTemporaryDir base;
    QVERIFY(base.isValid());
    ScratchDir first(base.path());
    QVERIFY(first.isValid());
    ScratchDir second(base.path());
    QVERIFY(second.isValid());
    QVERIFY(first.path() != second.path());
    QCOMPARE(ScratchDir::removeAbandoned(base.path()), 0);
    QVERIFY(QFileInfo::exists(first.path()));
    QVERIFY(QFileInfo::exists(second.path()));

    // In use by another process: a child that holds one until told to end.
    int toChild[2];
    int fromChild[2];
    QVERIFY(::pipe(toChild) == 0 && ::pipe(fromChild) == 0);
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(toChild[1]);
        ::close(fromChild[0]);
        ScratchDir held(base.path());
        const QByteArray path = QFile::encodeName(held.path());
        if (::write(fromChild[1], path.constData(), size_t(path.size())) != path.size())
            ::_exit(1);
        ::close(fromChild[1]);
        char c;
        while (::read(toChild[0], &c, 1) > 0) {
        }
        ::_exit(0);
    }
    ::close(toChild[0]);
    ::close(fromChild[1]);
    char buffer[4096];
    const ssize_t n = ::read(fromChild[0], buffer, sizeof buffer);
    ::close(fromChild[0]);
    QVERIFY(n > 0);
    const QString held = QFile::decodeName(QByteArray(buffer, int(n)));
    QCOMPARE(ScratchDir::removeAbandoned(base.path()), 0);
    QVERIFY(QFileInfo::exists(held));
    ::close(toChild[1]); // the child ends (without removing its folder)
    int status = 0;
    ::waitpid(child, &status, 0);
    QCOMPARE(ScratchDir::removeAbandoned(base.path()), 1);
    QVERIFY(!QFileInfo::exists(held));
}

// Between creating its folder and locking it a process has no lock file yet: such a folder is
// removed only once it is old.
void TestScratchDir::foldersAProcessIsStillCreatingAreKept()
{
    QTemporaryDir base;
    QVERIFY(base.isValid());
    const QString fresh = base.filePath(QStringLiteral("creodrop-scratch-fresh1"));
    const QString old = base.filePath(QStringLiteral("creodrop-scratch-old123"));
    QVERIFY(QDir().mkdir(fresh) && QDir().mkdir(old));
    const struct timeval hourAgo[2] = { { ::time(nullptr) - 3600, 0 }, { ::time(nullptr) - 3600, 0 } };
    QCOMPARE(::utimes(QFile::encodeName(old).constData(), hourAgo), 0);
    QCOMPARE(ScratchDir::removeAbandoned(base.path()), 1);
    QVERIFY(QFileInfo::exists(fresh));
    QVERIFY(!QFileInfo::exists(old));
}

void TestScratchDir::nothingElseIsRemoved()
{
    QTemporaryDir base;
    QTemporaryDir elsewhere;
    QVERIFY(base.isValid() && elsewhere.isValid());
    // A link named like a scratch folder, to an abandoned-looking folder: neither is touched.
    const QString target = elsewhere.filePath(QStringLiteral("target"));
    QVERIFY(QDir().mkdir(target));
    QVERIFY(QFile(target + QStringLiteral("/owner.lock")).open(QIODevice::WriteOnly));
    QVERIFY(QFile::link(target, base.filePath(QStringLiteral("creodrop-scratch-link"))));
    // Files and folders that only look alike.
    QVERIFY(QFile(base.filePath(QStringLiteral("creodrop-scratch-file"))).open(QIODevice::WriteOnly));
    QVERIFY(QDir().mkdir(base.filePath(QStringLiteral("creodrop-other"))));
    QString foreign;
    if (::geteuid() == 0) {
        // Root sees other users' folders in a shared /tmp: they are not its to remove.
        foreign = leftByKilledProcess(base.path());
        QVERIFY(!foreign.isEmpty());
        for (const QString &p : QStringList{ foreign, foreign + QStringLiteral("/owner.lock") })
            QCOMPARE(::lchown(QFile::encodeName(p).constData(), 65534, 65534), 0);
    }
    const QString left = leftByKilledProcess(base.path());
    QVERIFY(!left.isEmpty());
    QCOMPARE(ScratchDir::removeAbandoned(base.path()), 1);
    if (!foreign.isEmpty())
        QVERIFY(QFileInfo::exists(foreign + QStringLiteral("/restore.sql.gz")));
    QVERIFY(!QFileInfo::exists(left));
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/owner.lock")));
    QVERIFY(QFileInfo(base.filePath(QStringLiteral("creodrop-scratch-link"))).isSymLink());
    QVERIFY(QFileInfo::exists(base.filePath(QStringLiteral("creodrop-scratch-file"))));
    QVERIFY(QFileInfo::exists(base.filePath(QStringLiteral("creodrop-other"))));
}

void TestScratchDir::unusableBaseSaysWhy()
{
    QTemporaryDir base;
    QVERIFY(base.isValid());
    const QString missing = base.filePath(QStringLiteral("missing"));
    ScratchDir scratch(missing);
    QVERIFY(!scratch.isValid());
    QVERIFY(scratch.path().isEmpty());
    QVERIFY2(scratch.errorString().contains(missing), qPrintable(scratch.errorString()));
    QVERIFY2(scratch.errorString().contains(QStringLiteral("No such file or directory")),
             qPrintable(scratch.errorString()));

    // The default place is $TMPDIR: one that does not exist is named, not replaced by another
    // folder.
    const QByteArray saved = qgetenv("TMPDIR");
    const auto restore = [&saved] { saved.isNull() ? qunsetenv("TMPDIR") : qputenv("TMPDIR", saved); };
    qputenv("TMPDIR", QFile::encodeName(missing));
    ScratchDir fromEnvironment;
    restore();
    QVERIFY(!fromEnvironment.isValid());
    QVERIFY2(fromEnvironment.errorString().startsWith(missing + QStringLiteral(" (TMPDIR): No such file")),
             qPrintable(fromEnvironment.errorString()));

    qputenv("TMPDIR", QFile::encodeName(base.path()));
    ScratchDir inTmpDir;
    restore();
    QVERIFY(inTmpDir.isValid());
    QCOMPARE(QFileInfo(inTmpDir.path()).absolutePath(), QFileInfo(base.path()).absoluteFilePath());
}

QTEST_GUILESS_MAIN(TestScratchDir)
#include "TestScratchDir.moc"
