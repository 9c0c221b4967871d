// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LoadOptions.h"
#include "MySqlEndpoint.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

#include <atomic>
#include <functional>

class MySqlSession;

/// Executes a dump (.sql or .sql.gz, detected from the magic bytes) against a database exactly
/// as `mariadb DB < dump.sql` does, streaming with bounded memory.
///
/// Blocking: call load() on a worker thread; it opens its own connections under unique names.
/// SqlStatementReader splits the input as the stock client does, following the server's
/// NO_BACKSLASH_ESCAPES and ANSI_QUOTES status after every statement, and statements are sent as
/// raw bytes (a dump may hold strings that are not UTF-8).
///
/// Any file runs strictly in order on one connection. Only a dump that declares on its first
/// line `-- creodrop-load: parallel-tables v1` (MySqlDumper writes it: every table's DROP,
/// CREATE and INSERTs form a group that needs nothing but the header's session settings) is
/// spread over LoadOptions::connections: a table's group stays in order on one connection, the
/// first one free when the table begins (GroupDispatcher), and every other statement waits for
/// all groups before it and runs alone. The load stops at the first
/// failing statement; no statement starts after a failure is seen, and errorString() names the
/// earliest failed statement's number, line and the server's message.
///
/// On a MariaDB server, the INSERTs of such a dump's InnoDB tables go as bulk executes of typed
/// parameters (MySqlBulkInserter, see LoadOptions::binaryInserts): the same rows, stored without
/// the server parsing every literal. A statement the decoder does not recognise goes as text.
/// Cancelling (setCancelFlag) takes effect within about a second: the statements queued for the
/// connections are dropped and the ones running are stopped with KILL QUERY (as the stock client
/// does on Ctrl-C); load() then fails with "cancelled".
///
/// Keeping definers (LoadOptions::Definer::Keep), a dump of ours whose header names an account
/// the loading user may not create objects for is refused before its first statement.
class MySqlLoader
{
public:
    explicit MySqlLoader(const MySqlEndpoint &endpoint, const LoadOptions &options = {});
    ~MySqlLoader();

    void setProgressCallback(std::function<void(const LoadProgress &)> callback);
    void setCancelFlag(const std::atomic<bool> *flag);

    bool load(QIODevice *in);
    QString errorString() const { return m_error; }
    /// After a load: what the user should know although it succeeded (trailing data after the
    /// gzip stream, which was ignored as gzip ignores it), or empty.
    QString warning() const { return m_warning; }
    /// Statements executed by the last load().
    qint64 statementsExecuted() const { return m_statements; }
    /// Whether the last load() used several connections (the dump declared it safe).
    bool loadedInParallel() const { return m_parallel; }
    /// INSERT statements of the last load() whose rows went as bulk executes
    /// (LoadOptions::binaryInserts); the others went as text.
    qint64 bulkInsertStatements() const { return m_bulkStatements; }

    /// The header line that declares a dump safe for a parallel load.
    static QByteArray parallelHeader() { return QByteArrayLiteral("-- creodrop-load: parallel-tables v1"); }
    /// @p statement without its first DEFINER=... clause (a CREATE or ALTER of a view, routine,
    /// trigger or event), else unchanged.
    static QByteArray stripDefiner(const QByteArray &statement, bool noBackslashEscapes = false);

private:
    /// How much of a dump's start holds its header, the definers' line included.
    static constexpr qint64 kDefinerHeadBytes = 64 * 1024;
    /// Whether the session's user may create objects for @p definers (its own account, or SET
    /// USER / SUPER); if not, @p error says which accounts and what to do instead.
    static bool mayCreateFor(MySqlSession &session, const QStringList &definers, QString *error);

    MySqlEndpoint m_endpoint;
    LoadOptions m_options;
    std::function<void(const LoadProgress &)> m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    QString m_error;
    QString m_warning;
    qint64 m_statements = 0;
    qint64 m_bulkStatements = 0;
    bool m_parallel = false;
};
