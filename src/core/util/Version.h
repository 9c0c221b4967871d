// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Version {
/// The product version, from the top-level CMake project().
QString string();
/// "creodrop-backupctl 0.1.0 (Qt 6.4.2)" style text for --version.
QString describe(const QString &program);
} // namespace Version
