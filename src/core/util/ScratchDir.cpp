// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchDir.h"

#include "Logging.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr char kPrefix[] = "creodrop-scratch-";
constexpr char kLockName[] = "owner.lock";
// Between mkdtemp() and the lock a folder has no lock file; no process takes this long there.
constexpr time_t kUnlockedGraceSeconds = 10 * 60;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool removeFolder(const QString &path)
{
    // removeRecursively() removes a symbolic link found inside, never what it points to.
    return QDir(path).removeRecursively();
}

} // namespace

ScratchDir::ScratchDir(const QString &baseDir)
{
    QString base = baseDir;
    QString where = baseDir;
    if (base.isEmpty()) {
        // Not QDir::tempPath(): for a $TMPDIR that does not exist it returns an empty path, which
        // would put the folder in "/" (as root) instead of saying what is wrong.
        base = qEnvironmentVariable("TMPDIR");
        where = base + QStringLiteral(" (TMPDIR)");
        if (base.isEmpty())
            where = base = QStringLiteral("/tmp");
    }
    removeAbandoned(base);
    QByteArray name = QFile::encodeName(base + QLatin1Char('/') + QLatin1String(kPrefix) + QLatin1String("XXXXXX"));
    if (!::mkdtemp(name.data())) { // mode 0700
        m_error = QStringLiteral("%1: %2").arg(where, errnoText());
        return;
    }
    m_path = QFile::decodeName(name);
    const QByteArray lock = QFile::encodeName(filePath(QLatin1String(kLockName)));
    const int fd = ::open(lock.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    // O_CLOEXEC: a child process must not inherit the lock and keep the folder alive.
    if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        m_error = QStringLiteral("%1: %2").arg(QFile::decodeName(lock), errnoText());
        if (fd >= 0)
            ::close(fd);
        removeFolder(m_path);
        m_path.clear();
        return;
    }
    m_lockFd = fd;
}

ScratchDir::~ScratchDir()
{
    if (m_lockFd < 0)
        return;
    if (!removeFolder(m_path))
        qCWarning(lcJobs) << "could not remove the temporary folder" << m_path;
    ::close(m_lockFd);
}

QString ScratchDir::filePath(const QString &name) const
{
    return m_path + QLatin1Char('/') + name;
}

int ScratchDir::removeAbandoned(const QString &baseDir)
{
    const QStringList candidates = QDir(baseDir).entryList(
        { QLatin1String(kPrefix) + QLatin1Char('*') }, QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    int removed = 0;
    for (const QString &entry : candidates) {
        const QString path = baseDir + QLatin1Char('/') + entry;
        struct stat st;
        // A symbolic link, or another user's folder (seen by root), is not ours to remove.
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid())
            continue;
        const QByteArray lock = QFile::encodeName(path + QLatin1Char('/') + QLatin1String(kLockName));
        const int fd = ::open(lock.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        bool abandoned = false;
        if (fd >= 0)
            abandoned = ::flock(fd, LOCK_EX | LOCK_NB) == 0; // held until the folder is gone
        else if (errno == ENOENT)
            abandoned = std::time(nullptr) - st.st_mtime > kUnlockedGraceSeconds;
        if (abandoned) {
            if (removeFolder(path)) {
                ++removed;
                qCInfo(lcJobs) << "removed" << path << "which a process that ended without cleaning up left";
            } else {
                qCWarning(lcJobs) << "could not remove" << path << "which a process that ended left";
            }
        }
        if (fd >= 0)
            ::close(fd);
    }
    return removed;
}
