// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// How MySqlLoader executes a dump.
struct LoadOptions
{
    /// Connections that execute INSERTs of the same phase side by side. Statements that change
    /// the schema or session run once everything before them finished, so the result is the same
    /// as a serial load. 1 = strictly serial.
    int connections = 2;
};

/// Progress of a running load, reported from the loading thread.
struct LoadProgress
{
    qint64 statements = 0; ///< statements executed so far
    qint64 bytesRead = 0; ///< input bytes consumed (compressed bytes for .sql.gz)
    QString table; ///< table of the current INSERT, if any
};
