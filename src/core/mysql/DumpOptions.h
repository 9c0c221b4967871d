// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

/// How MySqlDumper writes a dump. The defaults give a consistent, lock-free dump of one database
/// with tables, views, triggers, routines, events and sequences.
struct DumpOptions
{
    /// Upper bound of one extended INSERT; the dumper lowers it below the server's
    /// max_allowed_packet. A single row larger than this still gets a statement of its own.
    int maxStatementBytes = 1024 * 1024;
    /// Take FLUSH TABLES WITH READ LOCK while the snapshot opens, so non-transactional tables are
    /// consistent too (needs RELOAD; blocks writers for a moment).
    bool lockForConsistency = false;
    bool routines = true;
    bool triggers = true;
    bool events = true;
    bool views = true;
    /// Write cache and session tables (MySqlDumper::isCacheOrSessionTable) without their rows:
    /// structure only, e.g. for an environment sync whose target rebuilds its caches.
    bool skipCacheData = false;
};

/// Progress of a running dump, reported from the dumping thread.
struct DumpProgress
{
    QString table;
    int tableIndex = 0; ///< 0-based index of @c table among the tables with data
    int tableCount = 0;
    qint64 rows = 0; ///< rows written so far, all tables
    qint64 bytes = 0; ///< SQL text bytes written so far (before compression)
};

struct TableStats
{
    QString name;
    qint64 rows = 0;
};

/// What a finished dump contains (for the backup manifest).
struct DumpStats
{
    QString serverVersion;
    QVector<TableStats> tables;
    qint64 rawBytes = 0; ///< SQL text bytes written
    QStringList nonTransactionalTables; ///< tables outside the snapshot's guarantee
    QString optionsSummary;
    QString tlsMode; ///< the endpoint's TLS mode ("off", "required", ...)
    QString tlsCipher; ///< negotiated cipher; null when the connection was not encrypted
};
