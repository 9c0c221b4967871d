// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlStatementReader.h"

#include "ByteScan.h"

#include <algorithm>
#include <array>
#include <cstring>

// The rules below follow what the mariadb 10.11 client does with a line of input (client/mysql.cc
// read_and_execute() and add_line()), checked case by case against the real client with the
// server's general log (tests/core/mysql/TestSqlStatementReader.cpp holds the table).

namespace {
constexpr qsizetype kReadSize = 1024 * 1024;

bool isSpace(uchar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of the valid UTF-8 multi-byte character at @p p, or 0. The client copies such characters
// as a unit (it runs with the connection's utf8mb4), which matters only for the space it inserts
// where a comment was removed.
int utf8Length(const uchar *p, const uchar *end)
{
    const uchar c = *p;
    int n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (c > 0xF4 || n == 0 || end - p < n)
        return 0;
    for (int i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return n;
}

// The client copies a DELIMITER command into a 256-byte buffer and a USE command into one of
// FN_REFLEN + 1 (513) bytes before parsing the argument.
constexpr qsizetype kDelimiterCommandBytes = 255;
constexpr qsizetype kUseCommandBytes = 512;

struct ClientCommand
{
    const char *name;
    bool takesArguments;
};

// The client's named commands (mariadb 10.11); a statement or a line starting with one of these
// words is run by the client itself, never sent to the server.
const ClientCommand kCommands[] = {
    { "?", true },       { "clear", false },  { "connect", true },   { "delimiter", true },  { "edit", false },
    { "ego", false },    { "exit", false },   { "go", false },       { "help", true },       { "nopager", false },
    { "notee", false },  { "pager", true },   { "print", false },    { "prompt", true },     { "quit", false },
    { "rehash", false }, { "source", true },  { "status", false },   { "system", true },     { "tee", true },
    { "use", true },     { "charset", true }, { "warnings", false }, { "nowarning", false }, { "sandbox", false },
};

// The client command that @p text (a line or a whole statement) starts with, if any.
const ClientCommand *namedCommand(const char *p, const char *end)
{
    while (p < end && isSpace(uchar(*p)))
        ++p;
    const char *word = p;
    while (p < end && *p != ' ' && *p != '\t')
        ++p;
    const qsizetype length = p - word;
    while (p < end && isSpace(uchar(*p)))
        ++p;
    const bool hasArguments = p < end;
    for (const ClientCommand &c : kCommands) {
        if (qsizetype(std::strlen(c.name)) == length && qstrnicmp(word, c.name, size_t(length)) == 0)
            return !hasArguments || c.takesArguments ? &c : nullptr;
    }
    return nullptr;
}

bool startsWithDelimiterWord(const char *p, const char *end)
{
    while (p < end && isSpace(uchar(*p)))
        ++p;
    return end - p >= 9 && qstrnicmp(p, "delimiter", 9) == 0;
}

// How a client command is written: DELIMITER x, or its one-letter form \d x.
enum class CommandForm { Named, Short };

// The argument of a client command (DELIMITER, USE) as the client parses it: the first word up
// to a space (a tab is part of it), or a quoted string of any quote kind. A backslash takes the
// next byte as it is (outside backticks; one at the very end stays), and a quote doubled inside
// its quotes stands for one: `use sh\op` selects `shop`, `use 'it''s'` selects `it's`. The
// short forms (\d, \u) keep the client's older rule: a backslash escapes in every quote kind,
// and a doubled quote ends the argument. The client copies the command into a fixed buffer
// first, so only its first @p limit bytes count.
QByteArray commandArgument(const char *p, const char *end, qsizetype limit, CommandForm form = CommandForm::Named)
{
    const bool shortForm = form == CommandForm::Short;
    end = std::min(end, p + limit);
    while (p < end && isSpace(uchar(*p)))
        ++p;
    if (shortForm)
        p = std::min(end, p + 2);
    while (!shortForm && p < end && !isSpace(uchar(*p)))
        ++p;
    while (p < end && isSpace(uchar(*p)))
        ++p;
    char quote = 0;
    if (p < end && (*p == '\'' || *p == '"' || *p == '`'))
        quote = *p++;
    QByteArray arg;
    for (; p < end; ++p) {
        if (*p == '\\' && (quote != '`' || shortForm) && p + 1 < end) {
            arg.append(*++p);
        } else if (!shortForm && quote && *p == quote && p + 1 < end && p[1] == quote) {
            arg.append(quote);
            ++p;
        } else if (*p == (quote ? quote : ' ')) {
            quote = 0;
            break;
        } else {
            arg.append(*p);
        }
    }
    return quote ? QByteArray() : arg;
}

// Bytes that may begin a quote, an escape, a comment or the end of one: ordinary text outside
// quotes and comments runs up to one of these (or to the delimiter's first byte).
constexpr std::array<bool, 256> kEndsOrdinaryText = [] {
    std::array<bool, 256> table{};
    for (const char c : { '\\', '\'', '"', '`', '#', '-', '/', '*' })
        table[uchar(c)] = true;
    return table;
}();

QByteArray trimmed(const QByteArray &text)
{
    qsizetype a = 0, b = text.size();
    while (a < b && isSpace(uchar(text.at(a))))
        ++a;
    // The client drops trailing bytes that are not graphic in its character set's table (utf8mb4:
    // spaces, control characters and 0xFF, which no UTF-8 text holds).
    auto dropped = [](uchar c) { return c <= 0x20 || c == 0x7f || c == 0xff; };
    while (b > a && dropped(uchar(text.at(b - 1))))
        --b;
    return a == 0 && b == text.size() ? text : text.mid(a, b - a);
}
} // namespace

SqlStatementReader::SqlStatementReader(QIODevice *input)
    : m_input(input)
{ }

bool SqlStatementReader::loadLine()
{
    m_lineStart = m_next;
    qsizetype searchFrom = m_lineStart;
    for (;;) {
        const char *b = m_buffer.constData();
        const char *bufferEnd = b + m_buffer.size();
        // A NUL byte is looked for in the same pass: the client (without --binary-mode) stops at
        // a line that holds one, before sending anything of it.
        const char *nl
            = searchFrom < m_buffer.size() ? findEitherByte(b + searchFrom, bufferEnd, '\n', '\0') : bufferEnd;
        if (nl < bufferEnd && *nl == '\0') {
            m_error
                = QStringLiteral("line %1 holds a zero byte (ASCII NUL), which no SQL text holds: the file is not an "
                                 "SQL script, or it is damaged (the mariadb client refuses it too)")
                      .arg(m_line + 1);
            return false;
        }
        if (nl < bufferEnd) {
            m_lineEnd = nl - b;
            m_next = m_lineEnd + 1;
            break;
        }
        if (m_eof) {
            if (m_lineStart >= m_buffer.size())
                return false;
            m_lineEnd = m_next = m_buffer.size();
            break;
        }
        if (m_buffer.size() - m_lineStart > m_maxStatement + kReadSize) {
            m_error = QStringLiteral("line %1 is longer than the maximum statement size of %2 bytes")
                          .arg(m_line + 1)
                          .arg(m_maxStatement);
            return false;
        }
        // Drop consumed lines, then read more.
        if (m_lineStart > 0) {
            m_buffer.remove(0, m_lineStart);
            m_next -= m_lineStart;
            m_lineStart = 0;
        }
        searchFrom = m_buffer.size();
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
    // The client reads lines without their CR LF.
    if (m_lineEnd > m_lineStart && m_buffer.at(m_lineEnd - 1) == '\r')
        --m_lineEnd;
    // And skips a UTF-8 byte order mark at the start of the first line (Notepad writes one).
    if (m_line == 0 && m_lineEnd - m_lineStart >= 3
        && std::memcmp(m_buffer.constData() + m_lineStart, "\xEF\xBB\xBF", 3) == 0)
        m_lineStart += 3;
    ++m_line;
    m_pos = m_lineStart;
    m_outStart = m_pending.size();
    m_serverComment = false;
    m_needSpace = false;
    return true;
}

void SqlStatementReader::append(const char *data, qsizetype length)
{
    if (pendingEmpty()) {
        m_pendingLine = m_line;
        // Statements of a dump are alike in size: one allocation instead of growing by copies.
        if (m_pending.capacity() < m_sizeHint)
            m_pending.reserve(m_sizeHint);
    }
    // Text is mostly copied as it is, a few bytes at a time (up to a quote, then the quote...):
    // input bytes that follow the span are added to it, and the span is copied in one go.
    const auto at = reinterpret_cast<quintptr>(data);
    const auto buffer = reinterpret_cast<quintptr>(m_buffer.constData());
    if (m_spanEnd > m_spanStart && at == buffer + quintptr(m_spanEnd)) {
        m_spanEnd += length;
        return;
    }
    copySpan();
    if (at >= buffer && at + quintptr(length) <= buffer + quintptr(m_buffer.size())) {
        m_spanStart = qsizetype(at - buffer);
        m_spanEnd = m_spanStart + length;
        return;
    }
    m_pending.append(data, length);
}

void SqlStatementReader::copySpan()
{
    if (m_spanEnd > m_spanStart)
        m_pending.append(m_buffer.constData() + m_spanStart, m_spanEnd - m_spanStart);
    m_spanStart = m_spanEnd = 0;
}

bool SqlStatementReader::checkSize()
{
    if (pendingSize() <= m_maxStatement)
        return true;
    m_error = QStringLiteral("the statement that starts on line %1 is larger than the maximum statement size of %2 "
                             "bytes")
                  .arg(m_pendingLine)
                  .arg(m_maxStatement);
    if (m_inString)
        m_error += QStringLiteral(" (a quoted string (%1) opened on line %2 is never closed)")
                       .arg(QLatin1Char(m_inString))
                       .arg(m_quoteLine);
    return false;
}

bool SqlStatementReader::clientCommandError(const QByteArray &word, qint64 line)
{
    m_error = QStringLiteral("line %1: the client command %2 is not supported (of the mysql client's own commands "
                             "only DELIMITER, USE, their short forms \\d and \\u, \\g and \\G are)")
                  .arg(line)
                  .arg(QString::fromUtf8(word));
    return false;
}

bool SqlStatementReader::useCommand(const char *p, const char *end, bool shortForm)
{
    m_useDatabase = commandArgument(p, end, kUseCommandBytes, shortForm ? CommandForm::Short : CommandForm::Named);
    if (m_useDatabase.isEmpty()) {
        // The client prints this and goes on with the next statement; a load that may then run
        // in another database than the file meant stops here instead.
        m_error = QStringLiteral("line %1: %2 must be followed by a database name")
                      .arg(m_statementLine)
                      .arg(shortForm ? QStringLiteral("USE (\\u)") : QStringLiteral("USE"));
        return false;
    }
    return true;
}

bool SqlStatementReader::delimiterCommand(const char *p, const char *end, bool shortForm)
{
    const QByteArray arg
        = commandArgument(p, end, kDelimiterCommandBytes, shortForm ? CommandForm::Short : CommandForm::Named);
    if (arg.isEmpty()) {
        m_error = QStringLiteral("line %1: %2 must be followed by a delimiter")
                      .arg(m_line)
                      .arg(shortForm ? QStringLiteral("DELIMITER (\\d)") : QStringLiteral("DELIMITER"));
        return false;
    }
    if (arg.contains('\\')) {
        m_error = QStringLiteral("line %1: a DELIMITER cannot contain a backslash").arg(m_line);
        return false;
    }
    m_delimiter = arg.left(15);
    return true;
}

// A client command alone on a line between statements (the client checks this before parsing).
bool SqlStatementReader::lineCommand(bool *handled)
{
    *handled = false;
    const char *p = m_buffer.constData() + m_lineStart;
    const char *end = m_buffer.constData() + m_lineEnd;
    const QByteArray line = QByteArray::fromRawData(p, end - p);
    // The command's name first: scanning a long line for \\g or the delimiter is the costly part.
    const ClientCommand *command = namedCommand(p, end);
    if (!command)
        return true;
    if (line.contains("\\g") || (line.contains(m_delimiter) && !startsWithDelimiterWord(p, end)))
        return true;
    *handled = true;
    const QByteArray name(command->name);
    if (name == "delimiter")
        return delimiterCommand(p, end, false);
    if (name == "use") {
        m_statement = trimmed(QByteArray(p, end - p));
        m_statementLine = m_line;
        return useCommand(p, end, false);
    }
    return clientCommandError(name, m_line);
}

// \d (DELIMITER) or \u (USE) at @p *p: the client runs it where it stands, inside a statement
// too (what was read before it stays), with the rest of the line as its argument. It then skips
// its argument: up to the end of a /*! comment it stands in, else past the next delimiter (the
// new one, after \d) or to the end of the line.
std::optional<SqlStatementReader::Step> SqlStatementReader::shortCommand(char command, qsizetype *p)
{
    const char *b = m_buffer.constData();
    const char *lineEnd = b + m_lineEnd;
    m_outStart = pendingSize();
    if (command == 'd') {
        if (!delimiterCommand(b + *p, lineEnd, true))
            return Step::Error;
    } else {
        m_statementLine = m_line;
        if (!useCommand(b + *p, lineEnd, true))
            return Step::Error;
        m_statement = trimmed(QByteArray(b + *p, lineEnd - (b + *p)));
    }
    const char *from = b + *p + 2;
    if (m_serverComment) {
        const char *q = from;
        while (q + 1 < lineEnd && !(q[0] == '*' && q[1] == '/'))
            ++q;
        *p = q + 1 < lineEnd ? q - b : m_lineEnd;
    } else {
        const char *q = std::search(from, lineEnd, m_delimiter.cbegin(), m_delimiter.cend());
        *p = q < lineEnd ? (q - b) + m_delimiter.size() : m_lineEnd;
    }
    if (command == 'd')
        return std::nullopt;
    // The database is selected now, before the statement it stands in is sent.
    m_pos = *p;
    ++m_number;
    return Step::Statement;
}

// Called at a delimiter, a \g or \G, or the end of input with the collected statement in
// m_pending. Returns true when m_statement holds a statement to run. Only a statement ended by the
// delimiter can be one of the client's commands: at the end of input, or at \g, the client sends
// what it has to the server as it is.
bool SqlStatementReader::finishStatement(bool lookForCommands)
{
    // The client parses a DELIMITER command's argument from the untrimmed text (a trailing tab is
    // part of the new delimiter).
    const QByteArray untrimmed = m_pending;
    m_statement = trimmed(m_pending);
    // A short statement after a long one must not keep the long one's allocation (the loader
    // queues statements by size).
    if (m_statement.capacity() > 2 * m_statement.size() + 4096)
        m_statement = QByteArray(m_statement.constData(), m_statement.size());
    m_sizeHint = qMin<qsizetype>(m_pending.size() + 64, 16 * 1024 * 1024);
    m_pending.clear();
    m_outStart = 0;
    m_statementLine = m_pendingLine;
    if (m_statement.isEmpty())
        return false;
    if (lookForCommands) {
        const ClientCommand *command
            = namedCommand(m_statement.constData(), m_statement.constData() + m_statement.size());
        const QByteArray name = command ? QByteArray(command->name) : QByteArray();
        // As at the start of a line, a statement that holds the delimiter (inside quotes, say) is
        // no client command but SQL: `use 'a;b';` goes to the server.
        if (command && !m_statement.contains("\\g") && (name == "delimiter" || !m_statement.contains(m_delimiter))) {
            if (name == "delimiter") {
                const QByteArray arg = commandArgument(untrimmed.constData(), untrimmed.constData() + untrimmed.size(),
                                                       kDelimiterCommandBytes);
                if (!arg.isEmpty() && !arg.contains('\\'))
                    m_delimiter = arg.left(15);
                m_statement.clear();
                return false;
            }
            if (name != "use" || !useCommand(untrimmed.constData(), untrimmed.constData() + untrimmed.size(), false)) {
                if (name != "use")
                    clientCommandError(name, m_statementLine);
                m_statement.clear();
                return false;
            }
        }
    }
    ++m_number;
    return true;
}

std::optional<SqlStatementReader::Step> SqlStatementReader::endStatement(qsizetype p, bool lookForCommands)
{
    m_pos = p;
    if (!checkSize())
        return Step::Error;
    copySpan();
    if (finishStatement(lookForCommands))
        return Step::Statement;
    if (!m_error.isEmpty())
        return Step::Error;
    return std::nullopt;
}

SqlStatementReader::Step SqlStatementReader::processLine()
{
    const Step step = scanLine();
    copySpan(); // the line buffer moves on
    return step;
}

SqlStatementReader::Step SqlStatementReader::scanLine()
{
    const char *b = m_buffer.constData();
    const qsizetype end = m_lineEnd;
    uchar delim0 = uchar(m_delimiter.at(0));
    qsizetype delimLength = m_delimiter.size();
    auto at = [&](qsizetype i) -> uchar { return i < end ? uchar(b[i]) : 0; };
    auto flush = [&] { m_outStart = pendingSize(); };
    qsizetype p = m_pos;
    while (p < end) {
        if (m_inComment) {
            // Inside a comment the client still reads "/*" (its '*' then ends nothing) and "/*!"
            // (the next "*/" only ends that), so both characters are looked at.
            const qsizetype q = findEitherByte(b + p, b + end, '*', '/') - b;
            auto keep = [&](qsizetype from, qsizetype length) {
                if (m_keepComments && !pendingEmpty())
                    append(b + from, length);
            };
            keep(p, q - p);
            if (q >= end) {
                p = end;
                break;
            }
            if (b[q] == '/') {
                const bool opens = at(q + 1) == '*';
                const bool executable = opens && (at(q + 2) == '!' || (at(q + 2) == 'M' && at(q + 3) == '!'));
                if (opens && !executable) {
                    keep(q, 2);
                    p = q + 2;
                    continue;
                }
                if (opens && at(q + 2) == '!')
                    m_serverComment = true;
                keep(q, 1);
                p = q + 1;
                continue;
            }
            if (at(q + 1) != '/' || m_serverComment) {
                // A "*/" that ends a /*!...*/ opened before (or inside) this comment does not end
                // the comment; its '/' is read afresh.
                if (at(q + 1) == '/')
                    m_serverComment = false;
                keep(q, 1);
                p = q + 1;
                continue;
            }
            keep(q, 2);
            p = q + 2;
            m_inComment = false;
            m_needSpace = !m_keepComments;
            flush();
            continue;
        }
        if (m_inString) {
            const char quote = m_inString;
            const bool escapes = quote != '`' && !(quote == '"' && m_ansiQuotes) && !m_noBackslashEscapes;
            qsizetype r = p;
            if (escapes) {
                r = findEitherByte(b + p, b + end, quote, '\\') - b;
            } else {
                const void *hit = std::memchr(b + p, quote, size_t(end - p));
                r = hit ? static_cast<const char *>(hit) - b : end;
            }
            append(b + p, r - p);
            if (!checkSize())
                return Step::Error;
            if (r >= end) {
                p = end;
                break;
            }
            if (b[r] == '\\') {
                if (r + 1 >= end) {
                    // The client drops a backslash that ends a line.
                    p = end;
                    break;
                }
                append(b + r, 2);
                p = r + 2;
                continue;
            }
            append(b + r, 1);
            m_inString = 0;
            p = r + 1;
            continue;
        }

        const uchar c = uchar(b[p]);
        if (pendingEmpty() && isSpace(c)) {
            ++p;
            continue;
        }
        if (c >= 0xC2) {
            const int n = utf8Length(reinterpret_cast<const uchar *>(b + p), reinterpret_cast<const uchar *>(b + end));
            if (n > 0) {
                append(b + p, n);
                p += n;
                continue;
            }
        }
        if (c == '\\') {
            const uchar n = at(p + 1);
            if (!n) {
                p = end;
                break;
            }
            if (n == 'N') {
                append(b + p, 2);
                p += 2;
                continue;
            }
            if (n == 'g' || n == 'G') {
                // "go" and "ego" send what was read so far, whatever the delimiter (nothing, and
                // no error, when that is empty); the line goes on after them.
                p += 2;
                if (const auto step = endStatement(p, false))
                    return *step;
                continue;
            }
            if (n == 'd' || n == 'u') {
                if (const auto step = shortCommand(n, &p))
                    return *step;
                delim0 = uchar(m_delimiter.at(0));
                delimLength = m_delimiter.size();
                continue;
            }
            if (n == '-') {
                // \- turns on the client's sandbox mode (mariadb-dump writes it on its first line):
                // it forbids what we never do, so it is accepted and dropped.
                flush();
                p += 2;
                continue;
            }
            clientCommandError(QByteArray("\\") + char(n), m_line);
            return Step::Error;
        }
        if (c == delim0 && end - p >= delimLength
            && std::memcmp(b + p, m_delimiter.constData(), size_t(delimLength)) == 0) {
            p += delimLength;
            if (const auto step = endStatement(p, true))
                return *step;
            // The statement was a DELIMITER command: the rest of the line ends at the new one.
            delim0 = uchar(m_delimiter.at(0));
            delimLength = m_delimiter.size();
            continue;
        }
        if (c == '#' || (c == '-' && at(p + 1) == '-' && (isSpace(at(p + 2)) || at(p + 2) == 0 || pendingEmpty()))) {
            if (m_keepComments && !pendingEmpty())
                append(b + p, end - p);
            p = end;
            flush();
            break;
        }
        if (c == '/' && at(p + 1) == '*' && !(at(p + 2) == '!' || (at(p + 2) == 'M' && at(p + 3) == '!'))) {
            if (m_keepComments && !pendingEmpty())
                append(b + p, 2);
            p += 2;
            m_inComment = true;
            flush();
            continue;
        }
        if (c == '/' && at(p + 1) == '*' && at(p + 2) == '!') {
            m_serverComment = true;
        } else if (m_serverComment && c == '*' && at(p + 1) == '/') {
            // Only the '*' is taken here: like the client, the '/' is read afresh next, so it can
            // begin a delimiter (DELIMITER //) or, followed by '*', a comment.
            m_serverComment = false;
        }
        if (c == '\'' || c == '"' || c == '`') {
            m_inString = char(c);
            m_quoteLine = m_line;
        }
        if (m_needSpace && !isSpace(c))
            append(" ", 1);
        m_needSpace = false;
        append(b + p, 1);
        ++p;
        // Fast path over ordinary text.
        if (!m_inString && !m_serverComment) {
            qsizetype r = p;
            while (r < end && !kEndsOrdinaryText[uchar(b[r])] && uchar(b[r]) != delim0)
                ++r;
            if (r > p) {
                append(b + p, r - p);
                p = r;
            }
        }
        if (!checkSize())
            return Step::Error;
    }
    m_pos = p;
    return checkSize() ? Step::LineDone : Step::Error;
}

void SqlStatementReader::endOfLine()
{
    if (!m_pending.isEmpty() && !m_inComment) {
        const qsizetype outLength = m_pending.size() - m_outStart;
        const bool delimiterLine = outLength >= 9 && qstrnicmp(m_pending.constData() + m_outStart, "delimiter", 9) == 0;
        if (m_keepComments || !delimiterLine || m_inString)
            m_pending.append('\n');
    } else if (!m_pending.isEmpty() && m_keepComments) {
        m_pending.append('\n');
    }
    bool blank = true;
    for (const char c : std::as_const(m_pending)) {
        if (!isSpace(uchar(c))) {
            blank = false;
            break;
        }
    }
    if (blank)
        m_pending.clear();
}

bool SqlStatementReader::next()
{
    m_statement.clear();
    m_useDatabase.clear();
    if (!m_error.isEmpty())
        return false;
    for (;;) {
        if (!m_inLine) {
            if (!loadLine()) {
                if (!m_error.isEmpty())
                    return false;
                if (m_inString) {
                    m_error = QStringLiteral("the input ends inside a quoted string (%1) that starts on line %2")
                                  .arg(QLatin1Char(m_inString))
                                  .arg(m_quoteLine);
                    return false;
                }
                // Like the client in batch mode, a last statement without delimiter still runs.
                if (!checkSize())
                    return false;
                return finishStatement(false);
            }
            m_inLine = true;
            if (m_pending.isEmpty() && !m_inComment && !m_inString) {
                bool handled = false;
                if (!lineCommand(&handled))
                    return false;
                if (handled) {
                    m_inLine = false;
                    if (!m_statement.isEmpty()) {
                        ++m_number;
                        return true;
                    }
                    continue;
                }
            }
        }
        switch (processLine()) {
        case Step::Statement:
            return true;
        case Step::Error:
            return false;
        case Step::LineDone:
            endOfLine();
            m_inLine = false;
            break;
        }
    }
}
