// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Counts in the English messages of the core and the command line: "1 table", "3 tables",
/// "0 rows". (Qt's %n has no English plural forms without a catalog, and these messages have
/// none; the console's translated strings spell their counts themselves.)
///
///     tr("Restored %1: %2.").arg(where, Counted::of(tables, "table", "tables"))
namespace Counted {

QString of(qint64 count, const char *singular, const char *plural);

} // namespace Counted
