// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlStatementReader.h"

#include <cstring>

namespace {
constexpr qsizetype kReadSize = 1024 * 1024;
constexpr qsizetype kLookahead = 32;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
} // namespace

SqlStatementReader::SqlStatementReader(QIODevice *input)
    : m_input(input)
{ }

// Makes at least @p needed bytes from m_pos available unless the input ends first.
bool SqlStatementReader::fill(qsizetype needed)
{
    while (!m_eof && m_buffer.size() - m_pos < needed) {
        const qsizetype old = m_buffer.size();
        m_buffer.resize(old + kReadSize);
        const qint64 n = m_input->read(m_buffer.data() + old, kReadSize);
        if (n < 0) {
            m_buffer.resize(old);
            m_error = QStringLiteral("cannot read input: %1").arg(m_input->errorString());
            return false;
        }
        m_buffer.resize(old + qsizetype(n));
        m_consumed += n;
        if (n == 0)
            m_eof = true;
    }
    return true;
}

bool SqlStatementReader::startsWithAt(qsizetype pos, const char *text, qsizetype length, bool caseInsensitive) const
{
    if (m_buffer.size() - pos < length)
        return false;
    if (!caseInsensitive)
        return std::memcmp(m_buffer.constData() + pos, text, size_t(length)) == 0;
    return qstrnicmp(m_buffer.constData() + pos, text, size_t(length)) == 0;
}

bool SqlStatementReader::next()
{
    enum class State { Normal, Quote, LineComment, BlockComment };
    m_statement.clear();
    if (!m_error.isEmpty())
        return false;
    // Drop what earlier statements consumed, so the buffer holds only the current statement.
    m_buffer.remove(0, m_pos);
    m_pos = 0;

    State state = State::Normal;
    char quote = 0;
    bool executableComment = false;
    qsizetype significantStart = -1;
    qsizetype quoteLine = 0;
    for (;;) {
        if (m_buffer.size() - m_pos < kLookahead && !fill(kLookahead))
            return false;
        if (m_pos >= m_buffer.size()) {
            if (state == State::Quote) {
                m_error = QStringLiteral("the input ends inside a quoted string (%1) that starts on line %2")
                              .arg(QLatin1Char(quote))
                              .arg(quoteLine);
                return false;
            }
            if (significantStart < 0)
                return false;
            m_statement = m_buffer.mid(significantStart, m_pos - significantStart).trimmed();
            m_pos = m_buffer.size();
            ++m_number;
            return true;
        }
        const char c = m_buffer.at(m_pos);
        switch (state) {
        case State::Quote: {
            // Fast path through the body of a long string value.
            const char *data = m_buffer.constData();
            const qsizetype size = m_buffer.size();
            qsizetype p = m_pos;
            while (p < size && data[p] != quote && data[p] != '\\' && data[p] != '\n')
                ++p;
            m_pos = p;
            if (p >= size)
                continue;
            if (data[p] == '\n') {
                ++m_line;
                ++m_pos;
            } else if (data[p] == '\\') {
                if (p + 1 >= size && !fill(2))
                    return false;
                if (m_pos + 1 < m_buffer.size() && m_buffer.at(m_pos + 1) == '\n')
                    ++m_line;
                m_pos += 2;
            } else {
                ++m_pos;
                state = State::Normal;
            }
            continue;
        }
        case State::LineComment:
            if (c == '\n') {
                ++m_line;
                state = State::Normal;
            }
            ++m_pos;
            continue;
        case State::BlockComment:
            if (c == '\n')
                ++m_line;
            if (c == '*' && startsWithAt(m_pos, "*/", 2, false)) {
                m_pos += 2;
                state = State::Normal;
                continue;
            }
            ++m_pos;
            continue;
        case State::Normal:
            break;
        }

        // Normal state.
        if (significantStart < 0) {
            if (isSpace(c)) {
                if (c == '\n')
                    ++m_line;
                ++m_pos;
                continue;
            }
            // DELIMITER is a client command, valid only where a statement starts.
            if ((c == 'd' || c == 'D') && startsWithAt(m_pos, "delimiter", 9, true) && m_pos + 9 < m_buffer.size()
                && (m_buffer.at(m_pos + 9) == ' ' || m_buffer.at(m_pos + 9) == '\t')) {
                qsizetype end = m_buffer.indexOf('\n', m_pos);
                while (end < 0 && !m_eof) {
                    if (!fill(m_buffer.size() - m_pos + kReadSize))
                        return false;
                    end = m_buffer.indexOf('\n', m_pos);
                }
                if (end < 0)
                    end = m_buffer.size();
                const QByteArray newDelimiter = m_buffer.mid(m_pos + 10, end - m_pos - 10).trimmed();
                if (newDelimiter.isEmpty()) {
                    m_error = QStringLiteral("DELIMITER without a delimiter on line %1").arg(m_line);
                    return false;
                }
                m_delimiter = newDelimiter;
                m_pos = end;
                continue;
            }
        }
        if (c == '\n')
            ++m_line;
        if (!executableComment && c == m_delimiter.at(0)
            && startsWithAt(m_pos, m_delimiter.constData(), m_delimiter.size(), false)) {
            m_pos += m_delimiter.size();
            if (significantStart < 0)
                continue; // an empty statement, as ";;" or a lone delimiter
            m_statement = m_buffer.mid(significantStart, m_pos - m_delimiter.size() - significantStart).trimmed();
            ++m_number;
            return true;
        }
        if (c == '\'' || c == '"' || c == '`') {
            if (significantStart < 0) {
                significantStart = m_pos;
                m_statementLine = m_line;
            }
            state = State::Quote;
            quote = c;
            quoteLine = m_line;
            ++m_pos;
            continue;
        }
        if (c == '#'
            || (c == '-' && startsWithAt(m_pos, "--", 2, false)
                && (m_pos + 2 >= m_buffer.size() || isSpace(m_buffer.at(m_pos + 2))
                    || uchar(m_buffer.at(m_pos + 2)) < 32))) {
            state = State::LineComment;
            ++m_pos;
            continue;
        }
        if (c == '/' && startsWithAt(m_pos, "/*", 2, false)) {
            // mariadb-dump's sandbox marker is a client command in a comment: skip it.
            if (startsWithAt(m_pos, "/*M!999999\\-", 12, false)) {
                state = State::BlockComment;
                m_pos += 2;
                continue;
            }
            if (startsWithAt(m_pos, "/*!", 3, false) || startsWithAt(m_pos, "/*M!", 4, false)) {
                if (significantStart < 0) {
                    significantStart = m_pos;
                    m_statementLine = m_line;
                }
                executableComment = true;
                m_pos += 3;
                continue;
            }
            state = State::BlockComment;
            m_pos += 2;
            continue;
        }
        if (executableComment && c == '*' && startsWithAt(m_pos, "*/", 2, false)) {
            executableComment = false;
            m_pos += 2;
            continue;
        }
        if (significantStart < 0 && !isSpace(c)) {
            significantStart = m_pos;
            m_statementLine = m_line;
        }
        ++m_pos;
    }
}
