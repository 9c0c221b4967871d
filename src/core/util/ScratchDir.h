// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// A private folder (0700) for one process's temporary copies of customer data: a backup fetched
/// to be restored or verified. Like QTemporaryDir, it is removed with this object; unlike it, what
/// a killed process leaves behind does not stay: the folder holds a lock (flock) for as long as
/// its process lives, which the system releases however the process ends, and each new scratch
/// folder first removes the ones whose lock is free.
///
///     ScratchDir scratch;
///     if (!scratch.isValid())
///         return fail(scratch.errorString());
///     fetchTo(scratch.filePath("restore.sql.gz"));
class ScratchDir
{
public:
    /// Removes the abandoned scratch folders in @p baseDir, then creates one there ($TMPDIR, else
    /// /tmp, when empty).
    explicit ScratchDir(const QString &baseDir = {});
    ~ScratchDir();
    ScratchDir(const ScratchDir &) = delete;
    ScratchDir &operator=(const ScratchDir &) = delete;

    bool isValid() const { return m_lockFd >= 0; }
    /// Why the folder could not be created, with where ("/tmp: No space left on device").
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    QString filePath(const QString &name) const;

    /// Removes the scratch folders in @p baseDir that belong to this user and whose process is
    /// gone; a folder whose lock was never taken counts as gone once it is ten minutes old.
    /// Returns how many were removed.
    static int removeAbandoned(const QString &baseDir);

private:
    QString m_path;
    QString m_error;
    int m_lockFd = -1;
};
