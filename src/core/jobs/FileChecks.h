// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>

/// Local-file steps shared by downloads and verification: hashing, gzip testing and the
/// durable, atomic, private publication of a downloaded file.
namespace FileChecks {
/// Hex SHA-256 of the file, or "" with @p error set. Blocking: FileCheckJob runs it in a
/// thread; @p cancel, when set, stops it between chunks (as a read error).
QString sha256(const QString &path, QString *error, const std::atomic<bool> *cancel = nullptr);
/// True when the file is one complete, valid gzip stream (like `gzip -t`).
bool testGzip(const QString &path, QString *error, const std::atomic<bool> *cancel = nullptr);
/// fsync()s @p partPath, makes it mode 0600, renames it over @p finalPath (atomic on one file
/// system) and fsync()s the directory so the rename survives a crash.
bool publish(const QString &partPath, const QString &finalPath, QString *error);
} // namespace FileChecks
