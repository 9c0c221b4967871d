// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}
} // namespace

bool PrivateFiles::mkpath(const QString &dir, QString *error)
{
    const QString clean = QDir::cleanPath(QDir(dir).absolutePath());
    QStringList missing;
    QString at = clean;
    while (!at.isEmpty() && at != QLatin1String("/") && !exists(at)) {
        missing.prepend(at);
        at = QFileInfo(at).absolutePath();
    }
    for (const QString &path : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(path).constData(), 0700) != 0 && errno != EEXIST) {
            *error = QStringLiteral("cannot create the folder %1: %2").arg(path, errnoText());
            return false;
        }
    }
    if (!QFileInfo(clean).isDir()) {
        *error = QStringLiteral("%1 is not a folder").arg(clean);
        return false;
    }
    return true;
}

bool PrivateFiles::ensurePrivateDir(const QString &dir, QString *error)
{
    if (!mkpath(dir, error))
        return false;
    struct stat st;
    const QByteArray path = QFile::encodeName(dir);
    if (::stat(path.constData(), &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & 077) != 0)
        ::chmod(path.constData(), 0700);
    return true;
}

bool PrivateFiles::exists(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

QString PrivateFiles::writeError(const QFileDevice &file)
{
    const int saved = errno;
    if (saved != 0 && (file.error() == QFileDevice::NoError || file.errorString() == QLatin1String("Unknown error")))
        return QString::fromLocal8Bit(std::strerror(saved));
    return file.errorString();
}

bool PrivateFiles::openForWriting(QFile *file, OpenKind kind, QString *error)
{
    const QString path = file->fileName();
    if (kind == CreateNew) {
        if (file->open(QIODevice::WriteOnly | QIODevice::NewOnly, kFileMode))
            return true;
        *error = QStringLiteral("cannot create %1: %2").arg(path, file->errorString());
        return false;
    }
    if (!exists(path) && file->open(QIODevice::WriteOnly | QIODevice::NewOnly, kFileMode))
        return true;
    // It exists (or appeared meanwhile): open without following a link, then make it private.
    const int flags = O_WRONLY | O_NOFOLLOW | O_CLOEXEC | (kind == Append ? O_APPEND : O_TRUNC);
    const int fd = ::open(QFile::encodeName(path).constData(), flags);
    if (fd < 0) {
        *error = errno == ELOOP ? QStringLiteral("%1 is a symbolic link; refusing to write through it").arg(path)
                                : QStringLiteral("cannot write %1: %2").arg(path, errnoText());
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || ::fchmod(fd, 0600) != 0) {
        *error = QStringLiteral("cannot write %1: not a regular file we own").arg(path);
        ::close(fd);
        return false;
    }
    const QIODevice::OpenMode mode = QIODevice::WriteOnly | (kind == Append ? QIODevice::Append : QIODevice::Truncate);
    if (!file->open(fd, mode, QFileDevice::AutoCloseHandle)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file->errorString());
        ::close(fd);
        return false;
    }
    return true;
}

bool PrivateFiles::publish(const QString &partPath, const QString &finalPath, PublishMode mode, QString *error)
{
    const QByteArray part = QFile::encodeName(partPath);
    const QByteArray target = QFile::encodeName(finalPath);
    const int fd = ::open(part.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0 || ::fchmod(fd, 0600) != 0) {
        *error = errnoText();
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    if (mode == NoReplace) {
        // link() fails with EEXIST on anything at the target, links included: no check-then-rename race.
        if (::link(part.constData(), target.constData()) == 0) {
            ::unlink(part.constData());
        } else if (errno == EEXIST) {
            *error = QStringLiteral("%1 already exists").arg(finalPath);
            return false;
        } else if (exists(finalPath)) { // a file system without hard links: check, then rename
            *error = QStringLiteral("%1 already exists").arg(finalPath);
            return false;
        } else if (::rename(part.constData(), target.constData()) != 0) {
            *error = errnoText();
            return false;
        }
    } else if (::rename(part.constData(), target.constData()) != 0) {
        *error = errnoText();
        return false;
    }
    const QByteArray dir = QFile::encodeName(QFileInfo(finalPath).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}
