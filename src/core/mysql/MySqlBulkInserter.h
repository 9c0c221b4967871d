// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "InsertRowsDecoder.h"

#include <QByteArray>
#include <QString>

#include <vector>

struct st_mysql;
struct st_mysql_stmt;

/// Executes the rows of a decoded INSERT on one MariaDB connection with one
/// COM_STMT_BULK_EXECUTE: the statement is prepared once per table, and the values travel as typed
/// parameters, so the server stores them without lexing and parsing every literal (about half the
/// server's work for a dump's INSERTs). The stored rows are the same as the text statement's:
/// InsertRowsDecoder gives every value the type the parser gives its literal.
///
/// One call is one statement of the dump: all its rows or, on failure, none (rows whose value
/// types differ are sent in several executes inside one transaction, which is only done with
/// autocommit on and no transaction open). insert() answers NotApplicable, having changed nothing,
/// when the statement should go as text instead: a server without bulk operations (MySQL, MariaDB
/// before 10.2), a statement the server will not prepare, or a request larger than the server's
/// max_allowed_packet.
///
/// Not thread-safe: use it on the thread that owns the connection, between its other statements.
class MySqlBulkInserter
{
public:
    explicit MySqlBulkInserter(st_mysql *handle);
    ~MySqlBulkInserter();
    MySqlBulkInserter(const MySqlBulkInserter &) = delete;
    MySqlBulkInserter &operator=(const MySqlBulkInserter &) = delete;

    /// Whether the server takes bulk executes (MariaDB 10.2 and later).
    bool serverSupportsBulk() const { return m_supportsBulk; }

    enum class Result { Inserted, Failed, NotApplicable };
    /// Inserts @p rows (prefix and values from InsertRowsDecoder). On Failed, @p error holds the
    /// server's message and nothing of the statement was kept (for a transactional table).
    Result insert(const InsertRowsDecoder &rows, QString *error);

    /// Statements sent with bulk executes so far.
    qint64 statementsInserted() const { return m_inserted; }

    /// Per column of the statement prepared last: whether its quoted strings go as binary
    /// parameters. A string bound for a CHAR, VARCHAR or TEXT column of the session's character
    /// set (client and connection alike), or for a binary column, is stored with its bytes
    /// unchanged either way, and as binary the server does not measure its characters first.
    /// Empty (all go as strings in the client character set) until the statements of one
    /// prepared statement have carried kClassifyAfterBytes of strings and values.
    const std::vector<bool> &binaryStringColumns() const { return m_binaryStringColumns; }
    static constexpr qint64 kClassifyAfterBytes = 256 * 1024;

private:
    struct Run
    {
        qsizetype first = 0;
        qsizetype count = 0;
    };
    bool prepare(const InsertRowsDecoder &rows);
    void classifyColumns(const InsertRowsDecoder &rows);
    bool binaryString(int column) const
    {
        return size_t(column) < m_binaryStringColumns.size() && m_binaryStringColumns[size_t(column)];
    }
    bool takesHex(int column) const { return size_t(column) < m_hexColumns.size() && m_hexColumns[size_t(column)]; }
    bool execute(const InsertRowsDecoder &rows, const Run &run, unsigned int *errorNumber, QString *error);
    void closeStatement();

    st_mysql *m_handle;
    bool m_supportsBulk = false;
    st_mysql_stmt *m_statement = nullptr;
    QByteArray m_prepared; // the statement m_statement was prepared from
    // Per parameter of m_statement: quoted strings go as binary (empty: not looked up yet).
    std::vector<bool> m_binaryStringColumns;
    // Per parameter: a hex literal (a binary string) stores the same as the text statement's. Not
    // in a numeric or temporal column, where the parser reads 0x41 as the number 65.
    std::vector<bool> m_hexColumns;
    qint64 m_stringBytes = 0; // decoded bytes sent with m_statement so far
    QByteArray m_refused; // the last statement the server would not prepare
    unsigned long long m_maxPacket = 0;
    qint64 m_inserted = 0;
};
