// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DumpOptions.h"
#include "MySqlEndpoint.h"

#include <QByteArray>
#include <QIODevice>

#include <atomic>
#include <functional>
#include <memory>

/// Writes a logical dump of one database as SQL text that the stock mariadb/mysql client loads.
///
/// Blocking: call dump() on a worker thread; it opens its own connection under a unique name
/// and removes it before returning. Every table's rows come from one snapshot (REPEATABLE READ +
/// START TRANSACTION WITH CONSISTENT SNAPSHOT, no global lock unless lockForConsistency). The
/// connection is a MySqlConnection (C API, so the endpoint's TLS mode is enforced); rows
/// are streamed with mysql_use_result on it, so memory does not depend on table
/// size and tables without keys need no pagination. A table the user may not read in full
/// fails the dump (never a silently partial dump).
///
/// The first line declares the dump safe for MySqlLoader's parallel load (every table's DROP,
/// CREATE and INSERTs need only the header's session settings). Definitions of views, routines,
/// triggers and events are read with character_set_results=binary and written under the
/// character_set_client, collation_connection and sql_mode they were created with, so they come
/// back byte for byte; a view's stand-in is replaced (CREATE OR REPLACE), never dropped first.
///
/// Order: header (session settings), tables with their data (extended INSERTs bounded by
/// maxStatementBytes), sequences with their position, stand-in views, routines, real views,
/// triggers, events, footer. Values are exact: numbers verbatim, FLOAT read as DOUBLE so it
/// round-trips bit-exact, binary/BIT/spatial as hex, strings escaped, TIMESTAMPs in UTC.
class MySqlDumper
{
public:
    explicit MySqlDumper(const MySqlEndpoint &endpoint, const DumpOptions &options = {});
    ~MySqlDumper();

    /// Called on the dumping thread at every table start and after every INSERT statement.
    void setProgressCallback(std::function<void(const DumpProgress &)> callback);
    /// When the flag becomes true, dump() stops at the next statement and fails with "cancelled".
    void setCancelFlag(const std::atomic<bool> *flag);
    /// Receives the dump connection's server id once connected (0 again when dump() returns),
    /// so another thread can stop a statement blocked in the server (MySqlConnection::killQuery):
    /// the cancel flag alone is not seen while the server holds the dump on a lock.
    void setConnectionIdSink(std::atomic<unsigned long> *sink);

    /// Dumps into @p out (already open for writing). Returns false with errorString() set.
    bool dump(QIODevice *out);
    QString errorString() const { return m_error; }
    DumpStats stats() const { return m_stats; }

    /// Whether a column of information_schema.COLUMNS is generated (so left out of INSERTs), from
    /// columns MariaDB and MySQL 8 both have: a non-empty GENERATION_EXPRESSION, or an EXTRA that is
    /// exactly a generated or system-versioning kind (MySQL 8's DEFAULT_GENERATED is not one).
    static bool isGeneratedColumn(const QString &generationExpression, const QString &extra);
    /// Whether DumpOptions::skipCacheData leaves @p table's rows out: `cache` and `cache_*`
    /// (Drupal's cache bins), `sessions` and `*_sessions` (Drupal, WooCommerce and other
    /// session stores); case-insensitive. A prefixed Drupal (`d7_cache_form`) is not matched:
    /// a customer table like `product_cache_settings` must never lose its rows by accident.
    static bool isCacheOrSessionTable(const QString &table);

private:
    struct Run;
    MySqlEndpoint m_endpoint;
    DumpOptions m_options;
    std::function<void(const DumpProgress &)> m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    std::atomic<unsigned long> *m_connectionId = nullptr;
    QString m_error;
    DumpStats m_stats;
};
