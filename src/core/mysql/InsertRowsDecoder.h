// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <vector>

/// Decodes the rows of an `INSERT INTO `t` (`a`,...) VALUES (...),(...)` statement as MySqlDumper
/// writes them, so that MySqlBulkInserter can send them as parameters (MariaDB's
/// COM_STMT_BULK_EXECUTE) instead of making the server parse every value.
///
/// Each value gets the type the server's own parser gives the literal, so that the stored result
/// is the same as the statement's:
/// - `NULL`;
/// - an integer that fits 64 bits (Integer, or Unsigned above INT64_MAX), as the parser's
///   Item_int / Item_uint; a longer one, or a number with a point, is Decimal (its text, as
///   Item_decimal); one with an exponent is Double (Item_float, both parse it correctly rounded);
/// - a '...' string (Text, in the connection's character set) with the parser's backslash
///   escapes, `\%` and `\_` keeping their backslash, and '' for a quote;
/// - a 0x... hex literal (Binary, a binary string).
/// Anything else (functions, introducers, X'..', b'..', comments, ON DUPLICATE KEY...) makes
/// decode() return false, and the statement goes to the server as text. Call it only while the
/// session has backslash escapes on and an ASCII-compatible character set in which a backslash is
/// never part of a multibyte character (utf8mb4, utf8mb3, latin1, ascii, binary).
class InsertRowsDecoder
{
public:
    enum class Kind : unsigned char { Null, Integer, Unsigned, Decimal, Double, Text, Binary };
    struct Value
    {
        Kind kind = Kind::Null;
        union {
            long long integer;
            unsigned long long unsignedInteger;
            double real;
        };
        /// Decimal, Text and Binary: the bytes in data().
        qsizetype offset = 0;
        qsizetype length = 0;
        Value()
            : integer(0)
        { }
    };

    /// False when @p statement is not in the form above (nothing is kept then).
    bool decode(const QByteArray &statement);

    /// `INSERT INTO `t` (`a`,`b`) ` up to VALUES, as written.
    const QByteArray &prefix() const { return m_prefix; }
    /// The table as the statement names it, quoted (`` `t` ``).
    const QByteArray &table() const { return m_table; }
    /// The names in the statement's column list, unquoted; empty when it has none.
    const std::vector<QByteArray> &columnNames() const { return m_columnNames; }
    /// The statement to prepare: prefix() plus `VALUES (?,?,...)`.
    QByteArray preparedStatement() const;
    int columns() const { return m_columns; }
    qsizetype rows() const { return m_columns ? qsizetype(m_values.size()) / m_columns : 0; }
    const Value &value(qsizetype row, int column) const { return m_values[size_t(row * m_columns + column)]; }
    /// Decoded bytes of Decimal, Text and Binary values.
    const char *data() const { return m_data.constData(); }
    /// Bytes of all decoded strings, for sizing the request.
    qsizetype dataSize() const { return m_data.size(); }

private:
    void clear();
    bool decodeValues(const char *p, const char *end);
    const char *number(const char *p, const char *end, Value *v);
    const char *string(const char *p, const char *end, Value *v);
    const char *hex(const char *p, const char *end, Value *v);

    QByteArray m_prefix;
    QByteArray m_table;
    std::vector<QByteArray> m_columnNames;
    QByteArray m_data;
    std::vector<Value> m_values;
    int m_columns = 0;
};
