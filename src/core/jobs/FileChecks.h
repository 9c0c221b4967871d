// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>

/// Local-file checks shared by downloads and verification: hashing and gzip testing (the
/// publication of a downloaded file is PrivateFiles::publish).
namespace FileChecks {
/// Hex SHA-256 of the file, or "" with @p error set. Blocking: FileCheckJob runs it in a
/// thread; @p cancel, when set, stops it between chunks (as a read error).
QString sha256(const QString &path, QString *error, const std::atomic<bool> *cancel = nullptr);
/// True when the file is one complete, valid gzip stream (like `gzip -t`).
bool testGzip(const QString &path, QString *error, const std::atomic<bool> *cancel = nullptr);
} // namespace FileChecks
