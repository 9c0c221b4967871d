// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileDevice>
#include <QIODevice>
#include <QString>

class QFile;

/// Files and folders that hold customer data (dumps, downloads, store objects, manifests, the
/// catalog, settings) are private to the user from the moment they exist: folders 0700, files
/// 0600, whatever the process umask. Files Qt and SQLite create themselves follow the umask, so
/// both executables also set umask(077); these helpers make our own files independent of it.
///
///     QFile part(path + ".part");
///     if (!PrivateFiles::mkpath(dir, &error) || !PrivateFiles::openForWriting(&part, PrivateFiles::CreateNew, &error))
///         ...
///     // write, then
///     PrivateFiles::publish(part.fileName(), path, PrivateFiles::Replace, &error);
///
/// Nothing here follows a symbolic link at the file itself: a link planted at a .part or target
/// path is refused (opening) or replaced (publishing), never written through.
namespace PrivateFiles {

constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

/// Creates @p dir and its missing parents with mode 0700 (existing folders are left as they are).
bool mkpath(const QString &dir, QString *error);
/// mkpath(), and chmod 0700 of @p dir itself when it exists, belongs to us and is group- or
/// world-accessible (a home folder made by an older version under umask 022).
bool ensurePrivateDir(const QString &dir, QString *error);

enum OpenKind {
    CreateNew, ///< the file must not exist (O_CREAT | O_EXCL: never follows a link)
    Truncate, ///< create or truncate; refuses a symbolic link
    Append, ///< append to an existing file; refuses a symbolic link
};
/// Opens @p file (its fileName() set) write-only, mode 0600.
bool openForWriting(QFile *file, OpenKind kind, QString *error);

/// Why a write to @p file just failed, for a message ("No space left on device"): the system's
/// error for the failed call (Qt reports "Unknown error" for files opened from a descriptor).
/// Call it right after the failing write, flush or close, before anything else changes errno.
QString writeError(const QFileDevice &file);

/// True when something, even a dangling symbolic link, is at @p path (lstat).
bool exists(const QString &path);

enum PublishMode { Replace, NoReplace };
/// fsync()s @p partPath, makes it 0600 and renames it to @p finalPath (atomic on one file
/// system; a link at @p finalPath is replaced, not followed), then fsync()s the folder. With
/// NoReplace it fails with EEXIST instead of replacing anything at @p finalPath, atomically.
bool publish(const QString &partPath, const QString &finalPath, PublishMode mode, QString *error);

} // namespace PrivateFiles
