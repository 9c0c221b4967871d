// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

/// Splits a stream of SQL text (a dump, or anything the mysql client accepts) into statements,
/// the way the mysql/mariadb client does: it honours '...', "..." and `...` quoting with
/// backslash escapes, -- and # line comments, /* */ comments, executable /*! */ and /*M! */
/// comments (kept, the server runs them) and the client's DELIMITER command. Comments that are
/// not executable are kept inside a statement but a statement made only of comments is skipped.
///
/// Usage: while (reader.next()) use(reader.statement(), reader.statementNumber(), reader.line());
/// then check hasError(). Memory is bounded by the largest statement plus a read buffer.
class SqlStatementReader
{
public:
    explicit SqlStatementReader(QIODevice *input);

    /// Advances to the next statement; false at the end of input or on error.
    bool next();
    /// The current statement without its delimiter and surrounding whitespace.
    QByteArray statement() const { return m_statement; }
    /// 1-based number of the current statement and the line where it starts.
    qint64 statementNumber() const { return m_number; }
    qint64 line() const { return m_statementLine; }
    /// Bytes consumed from the input so far.
    qint64 bytesConsumed() const { return m_consumed; }

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    bool fill(qsizetype needed);
    bool startsWithAt(qsizetype pos, const char *text, qsizetype length, bool caseInsensitive) const;

    QIODevice *m_input;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    QByteArray m_delimiter = QByteArrayLiteral(";");
    QByteArray m_statement;
    qint64 m_number = 0;
    qint64 m_line = 1;
    qint64 m_statementLine = 0;
    qint64 m_consumed = 0;
    QString m_error;
};
