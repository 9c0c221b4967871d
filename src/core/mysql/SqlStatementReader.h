// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <optional>

/// Splits a stream of SQL text into the statements the stock `mariadb` client (10.11) would send
/// for it, byte for byte up to leading and trailing whitespace (which the server drops anyway):
///
/// - input is read line by line (a CR before LF is dropped); a delimiter ends a statement only
///   outside quotes and comments, and text after it on the same line starts the next statement;
/// - backslash escapes count only inside '...' and "..." strings, never in backticks, not in
///   "..." while the server reports ANSI_QUOTES, and in no string while it reports
///   NO_BACKSLASH_ESCAPES: call setServerStatus() after executing each statement, as the client
///   reads the status flags of every reply;
/// - `-- ` and `#` comments and `/* */` comments are removed (a `--` at the very start of a
///   statement is a comment even without a space), `/*!NNNNN ... */` and `/*M!NNNNN ... */` are
///   kept (the server runs them) but do not hide a delimiter, just as in the client;
/// - of the client's own commands only DELIMITER (at the start of a line, between statements) is
///   honoured, with `\g` and `\G`, which end a statement wherever they stand outside quotes and
///   comments (what was read is sent as it is, even `delimiter x`); `\-` (mariadb-dump's sandbox
///   line) is accepted and dropped; `USE db` is a statement whose useDatabase() names the database
///   to select (the client selects it with COM_INIT_DB, parsing the name its own way: `use 'a' x`
///   selects `a`); the short forms `\d x` and `\u db` work wherever they stand outside quotes and
///   comments, even inside a statement (`\u` then comes out as a USE statement of its own before
///   the statement it stood in); every other client command (`\!`, `system`, `source`, `quit`...)
///   fails with its line number instead of being run or silently skipped.
///
/// With setKeepComments(true) the statement is the raw text from its first significant byte up to
/// the delimiter, comments included (for our own dumps, so routine bodies keep their comments);
/// the splitting rules are the same.
///
/// Usage: while (reader.next()) { execute(reader.statement()); reader.setServerStatus(...); }
/// then check hasError(). Memory is bounded by setMaxStatementSize() (plus one input line): a
/// larger statement, or a quote still open at the end of input, fails with the line where it began.
class SqlStatementReader
{
public:
    explicit SqlStatementReader(QIODevice *input);

    void setMaxStatementSize(qint64 bytes) { m_maxStatement = bytes; }
    void setKeepComments(bool keep) { m_keepComments = keep; }
    /// The server's status after the last statement (MariaDB SERVER_STATUS_NO_BACKSLASH_ESCAPES
    /// and SERVER_STATUS_ANSI_QUOTES); before the first, the connection's status as it connected
    /// (the client reads the session's sql_mode from the handshake).
    void setServerStatus(bool noBackslashEscapes, bool ansiQuotes)
    {
        m_noBackslashEscapes = noBackslashEscapes;
        m_ansiQuotes = ansiQuotes;
    }

    /// Advances to the next statement; false at the end of input or on error.
    bool next();
    /// The current statement without its delimiter and surrounding whitespace.
    const QByteArray &statement() const { return m_statement; }
    /// For a client USE command, the database it selects (empty for any other statement).
    const QByteArray &useDatabase() const { return m_useDatabase; }
    /// 1-based number of the current statement and the line where it starts.
    qint64 statementNumber() const { return m_number; }
    qint64 line() const { return m_statementLine; }
    /// Bytes consumed from the input so far.
    qint64 bytesConsumed() const { return m_consumed; }
    QByteArray delimiter() const { return m_delimiter; }

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    enum class Step { Statement, LineDone, Error };
    bool loadLine();
    bool lineCommand(bool *handled);
    Step processLine();
    Step scanLine();
    void endOfLine();
    bool finishStatement(bool lookForCommands);
    /// Ends the statement read so far at @p p, just past its delimiter (or \g): the step to return,
    /// or none when nothing is to be run and the line goes on (an empty statement, a DELIMITER).
    std::optional<Step> endStatement(qsizetype p, bool lookForCommands);
    std::optional<Step> shortCommand(char command, qsizetype *p);
    bool clientCommandError(const QByteArray &word, qint64 line);
    /// The client's USE (@p shortForm: \u) with the argument in [p, end): sets m_useDatabase.
    bool useCommand(const char *p, const char *end, bool shortForm);
    /// The client's DELIMITER (@p shortForm: \d) with the argument in [p, end): sets m_delimiter.
    bool delimiterCommand(const char *p, const char *end, bool shortForm);
    bool checkSize();
    void append(const char *data, qsizetype length);
    void copySpan();
    bool pendingEmpty() const { return m_pending.isEmpty() && m_spanEnd == m_spanStart; }
    qsizetype pendingSize() const { return m_pending.size() + (m_spanEnd - m_spanStart); }

    QIODevice *m_input;
    qsizetype m_sizeHint = 0; // capacity for the next statement: the size of the last one
    QByteArray m_buffer; // input bytes; the current line is [m_lineStart, m_lineEnd)
    qsizetype m_lineStart = 0;
    qsizetype m_lineEnd = 0;
    qsizetype m_next = 0; // start of the following line
    qsizetype m_pos = 0; // scan position inside the current line
    bool m_inLine = false;
    bool m_eof = false;

    QByteArray m_delimiter = QByteArrayLiteral(";");
    QByteArray m_pending; // the statement being collected (the client's glob_buffer)
    qsizetype m_outStart = 0; // where this line's not yet flushed text starts in m_pending
    // Input bytes [m_spanStart, m_spanEnd) of the current line that follow m_pending, not yet copied.
    qsizetype m_spanStart = 0;
    qsizetype m_spanEnd = 0;
    QByteArray m_statement;
    QByteArray m_useDatabase;
    char m_inString = 0;
    bool m_inComment = false;
    bool m_serverComment = false;
    bool m_needSpace = false;
    bool m_noBackslashEscapes = false;
    bool m_ansiQuotes = false;
    bool m_keepComments = false;
    qint64 m_maxStatement = qint64(1) << 30;

    qint64 m_number = 0;
    qint64 m_line = 0; // current line number
    qint64 m_statementLine = 0;
    qint64 m_pendingLine = 0;
    qint64 m_quoteLine = 0;
    qint64 m_consumed = 0;
    QString m_error;
};
