// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// How MySqlLoader executes a dump.
struct LoadOptions
{
    /// Connections for dumps that declare themselves safe to load in parallel (our own dumps,
    /// header line `-- creodrop-load: parallel-tables v1`): each table's statements stay in order
    /// on one connection. Any other file runs strictly in order on one connection, like the
    /// stock client. 1 = always serial.
    int connections = 2;
    /// Keep DEFINER clauses (as mysqldump and the stock client do) or strip them, so that views,
    /// routines, triggers and events belong to the loading user (for a user without SUPER or
    /// SET USER, who may not create objects for others).
    enum class Definer { Keep, Strip };
    Definer definer = Definer::Keep;
    /// A statement larger than this (like the server's max_allowed_packet) fails the load before
    /// it is sent, naming the line where it starts.
    qint64 maxStatementSize = qint64(1) << 30;
    /// MySQL 8 collations MariaDB lacks (utf8mb4_0900_*): map them to utf8mb4_uca1400_* when the
    /// target has those (MariaDB 10.10 and later). Without it such a dump is refused before the
    /// first statement that names one runs. See CollationCompatibility for the preflight scan.
    bool mapMysql8Collations = false;
    /// For our own dumps on a MariaDB server: the rows of each InnoDB table's INSERTs travel as
    /// typed parameters of one bulk execute per statement (MySqlBulkInserter), which stores the
    /// same rows with about half the server's work. False sends every statement as text.
    bool binaryInserts = true;
};

/// Progress of a running load, reported from the loading thread.
struct LoadProgress
{
    qint64 statements = 0; ///< statements executed so far
    qint64 bytesRead = 0; ///< input bytes consumed (compressed bytes for .sql.gz)
    QString table; ///< table of the current INSERT, if any
};
