// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsertRowsDecoder.h"

#include "ByteScan.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

const char *skipSpaces(const char *p, const char *end)
{
    while (p < end && isSpace(*p))
        ++p;
    return p;
}

// Past a `quoted` identifier (a doubled backtick is part of the name); nullptr if unterminated.
const char *skipIdentifier(const char *p, const char *end)
{
    if (p >= end || *p != '`')
        return nullptr;
    for (++p; p < end; ++p) {
        if (*p != '`')
            continue;
        if (p + 1 < end && p[1] == '`') {
            ++p;
            continue;
        }
        return p + 1;
    }
    return nullptr;
}

// The name inside a `quoted` identifier (from skipIdentifier's span).
QByteArray unquoteIdentifier(const char *begin, const char *end)
{
    QByteArray name(begin + 1, end - begin - 2);
    return name.replace("``", "`");
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A literal must be followed by the end of its row or the next value, as in our dumps.
bool endsValue(const char *p, const char *end)
{
    p = skipSpaces(p, end);
    return p < end && (*p == ',' || *p == ')');
}

} // namespace

bool InsertRowsDecoder::decode(const QByteArray &statement)
{
    clear();
    const char *begin = statement.constData();
    const char *end = begin + statement.size();
    const char *p = skipSpaces(begin, end);
    static const char kInsert[] = "INSERT INTO ";
    const size_t insertLength = sizeof(kInsert) - 1;
    if (size_t(end - p) < insertLength || std::memcmp(p, kInsert, insertLength) != 0)
        return false;
    const char *start = p;
    const char *name = p + insertLength;
    p = skipIdentifier(name, end);
    if (!p)
        return false;
    m_table = QByteArray(name, p - name);
    p = skipSpaces(p, end);
    if (p < end && *p == '(') {
        for (++p;;) {
            name = skipSpaces(p, end);
            p = skipIdentifier(name, end);
            if (!p) {
                clear();
                return false;
            }
            m_columnNames.push_back(unquoteIdentifier(name, p));
            p = skipSpaces(p, end);
            if (p < end && *p == ',') {
                ++p;
                continue;
            }
            if (p < end && *p == ')') {
                ++p;
                break;
            }
            clear();
            return false;
        }
        p = skipSpaces(p, end);
    }
    if (end - p < 6 || qstrnicmp(p, "VALUES", 6) != 0) {
        clear();
        return false;
    }
    m_prefix = QByteArray(start, p - start);
    if (!m_prefix.endsWith(' '))
        m_prefix.append(' ');
    m_data.reserve(statement.size());
    if (!decodeValues(p + 6, end) || (!m_columnNames.empty() && qsizetype(m_columnNames.size()) != m_columns)) {
        clear();
        return false;
    }
    return true;
}

void InsertRowsDecoder::clear()
{
    m_prefix.clear();
    m_table.clear();
    m_columnNames.clear();
    m_data.resize(0); // keeps the capacity for the next statement
    m_values.clear();
    m_columns = 0;
}

QByteArray InsertRowsDecoder::preparedStatement() const
{
    QByteArray sql = m_prefix;
    sql.append("VALUES (");
    for (int i = 0; i < m_columns; ++i)
        sql.append(i ? ",?" : "?");
    sql.append(')');
    return sql;
}

bool InsertRowsDecoder::decodeValues(const char *p, const char *end)
{
    for (bool firstRow = true;; firstRow = false) {
        p = skipSpaces(p, end);
        if (p >= end || *p != '(')
            return false;
        ++p;
        int count = 0;
        for (;;) {
            p = skipSpaces(p, end);
            if (p >= end)
                return false;
            Value v;
            const char c = *p;
            if (c == '\'') {
                p = string(p, end, &v);
            } else if (c == '0' && p + 1 < end && (p[1] == 'x')) {
                p = hex(p, end, &v);
            } else if (c == '-' || isDigit(c)) {
                p = number(p, end, &v);
            } else if (end - p >= 4 && qstrnicmp(p, "NULL", 4) == 0) {
                p += 4;
                v.kind = Kind::Null;
            } else {
                return false;
            }
            if (!p || !endsValue(p, end))
                return false;
            m_values.push_back(v);
            ++count;
            p = skipSpaces(p, end);
            if (*p++ == ')')
                break;
        }
        if (firstRow)
            m_columns = count;
        else if (count != m_columns)
            return false;
        p = skipSpaces(p, end);
        if (p == end)
            return true;
        if (*p != ',')
            return false;
        ++p;
    }
}

const char *InsertRowsDecoder::number(const char *p, const char *end, Value *v)
{
    const char *start = p;
    const bool negative = *p == '-';
    if (negative)
        ++p;
    const char *digits = p;
    unsigned long long magnitude = 0;
    bool overflow = false;
    for (; p < end && isDigit(*p); ++p) {
        const unsigned digit = unsigned(*p - '0');
        if (magnitude > (std::numeric_limits<unsigned long long>::max() - digit) / 10)
            overflow = true;
        else
            magnitude = magnitude * 10 + digit;
    }
    if (p == digits)
        return nullptr;
    bool point = false;
    bool exponent = false;
    if (p < end && *p == '.') {
        const char *fraction = ++p;
        while (p < end && isDigit(*p))
            ++p;
        if (p == fraction)
            return nullptr;
        point = true;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        const char *power = p;
        while (p < end && isDigit(*p))
            ++p;
        if (p == power)
            return nullptr;
        exponent = true;
    }
    if (exponent) {
        bool ok = false;
        const double value = QByteArray::fromRawData(start, p - start).toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return nullptr;
        v->kind = Kind::Double;
        v->real = value;
        return p;
    }
    constexpr unsigned long long kMinMagnitude = 1ULL << 63; // -INT64_MIN
    if (point || overflow || (negative && magnitude > kMinMagnitude)) {
        // The parser makes these Item_decimal; the server converts the text the same way.
        v->kind = Kind::Decimal;
        v->offset = m_data.size();
        v->length = p - start;
        m_data.append(start, p - start);
        return p;
    }
    if (negative) {
        v->kind = Kind::Integer;
        v->integer
            = magnitude == kMinMagnitude ? std::numeric_limits<long long>::min() : -static_cast<long long>(magnitude);
    } else if (magnitude > static_cast<unsigned long long>(std::numeric_limits<long long>::max())) {
        v->kind = Kind::Unsigned;
        v->unsignedInteger = magnitude;
    } else {
        v->kind = Kind::Integer;
        v->integer = static_cast<long long>(magnitude);
    }
    return p;
}

const char *InsertRowsDecoder::string(const char *p, const char *end, Value *v)
{
    ++p; // opening quote
    v->kind = Kind::Text;
    v->offset = m_data.size();
    for (;;) {
        const char *run = p;
        p = findEitherByte(p, end, '\'', '\\');
        m_data.append(run, p - run);
        if (p >= end)
            return nullptr;
        if (*p == '\'') {
            if (p + 1 < end && p[1] == '\'') {
                m_data.append('\'');
                p += 2;
                continue;
            }
            ++p;
            break;
        }
        if (p + 1 >= end)
            return nullptr;
        // The server's escapes; \% and \_ keep their backslash (they are LIKE escapes).
        switch (p[1]) {
        case '0':
            m_data.append('\0');
            break;
        case 'b':
            m_data.append('\b');
            break;
        case 'n':
            m_data.append('\n');
            break;
        case 'r':
            m_data.append('\r');
            break;
        case 't':
            m_data.append('\t');
            break;
        case 'Z':
            m_data.append('\032');
            break;
        case '%':
        case '_':
            m_data.append(p, 2);
            break;
        default:
            m_data.append(p[1]);
            break;
        }
        p += 2;
    }
    v->length = m_data.size() - v->offset;
    return p;
}

const char *InsertRowsDecoder::hex(const char *p, const char *end, Value *v)
{
    p += 2; // 0x
    const char *digits = p;
    while (p < end && hexDigit(*p) >= 0)
        ++p;
    const qsizetype count = p - digits;
    if (count == 0 || count % 2 != 0)
        return nullptr;
    v->kind = Kind::Binary;
    v->offset = m_data.size();
    v->length = count / 2;
    for (const char *d = digits; d < p; d += 2)
        m_data.append(char(hexDigit(d[0]) << 4 | hexDigit(d[1])));
    return p;
}
