// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlDumper.h"

#include "DefinerPrivileges.h"
#include "MySqlConnection.h"
#include "MySqlLoader.h"
#include "MySqlSession.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cstring>
#include <functional>
#include <mysql.h>

namespace {

enum class ValueKind { Number, Hex, String, IntroducedHex };

constexpr qsizetype kFlushBytes = 256 * 1024;

struct Column
{
    QString name;
    QString dataType;
    bool generated = false;
    QString charset; // of a character column; empty for others
};

// Character sets whose text does not come back byte for byte from UTF-8: several of their
// characters share one Unicode character (sjis's 0x5C and 0x815F, cp932's NEC and IBM
// duplicates, tis620's and armscii8's unassigned bytes...), measured on MariaDB 10.11 over every
// one- and two-byte sequence. Their columns are dumped as the stored bytes.
bool lossyThroughUtf8(const QString &charset)
{
    static const QSet<QString> lossy{ QStringLiteral("big5"),   QStringLiteral("ujis"),     QStringLiteral("sjis"),
                                      QStringLiteral("tis620"), QStringLiteral("armscii8"), QStringLiteral("cp932"),
                                      QStringLiteral("eucjpms") };
    return lossy.contains(charset.toLower());
}

struct TableInfo
{
    QString name;
    QString type; // BASE TABLE, SYSTEM VERSIONED, SEQUENCE, VIEW
    QString engine;
};

ValueKind kindOf(const QString &dataType)
{
    static const QSet<QString> numbers{ QStringLiteral("tinyint"),   QStringLiteral("smallint"),
                                        QStringLiteral("mediumint"), QStringLiteral("int"),
                                        QStringLiteral("bigint"),    QStringLiteral("decimal"),
                                        QStringLiteral("float"),     QStringLiteral("double"),
                                        QStringLiteral("year") };
    static const QSet<QString> hex{ QStringLiteral("bit"),
                                    QStringLiteral("binary"),
                                    QStringLiteral("varbinary"),
                                    QStringLiteral("tinyblob"),
                                    QStringLiteral("blob"),
                                    QStringLiteral("mediumblob"),
                                    QStringLiteral("longblob"),
                                    QStringLiteral("geometry"),
                                    QStringLiteral("point"),
                                    QStringLiteral("linestring"),
                                    QStringLiteral("polygon"),
                                    QStringLiteral("multipoint"),
                                    QStringLiteral("multilinestring"),
                                    QStringLiteral("multipolygon"),
                                    QStringLiteral("geometrycollection") };
    const QString t = dataType.toLower();
    if (numbers.contains(t))
        return ValueKind::Number;
    if (hex.contains(t))
        return ValueKind::Hex;
    return ValueKind::String;
}

// Comment lines must not let a name with a newline escape the comment.
QString commentSafe(const QString &text)
{
    QString s = text;
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s;
}

// The row writers below write into space the caller reserved: at most 2 * length + 2 bytes.
char *writeHex(char *p, const char *data, unsigned long length)
{
    static const char digits[] = "0123456789ABCDEF";
    if (length == 0) {
        *p++ = '\'';
        *p++ = '\'';
        return p;
    }
    *p++ = '0';
    *p++ = 'x';
    const auto *in = reinterpret_cast<const unsigned char *>(data);
    for (unsigned long i = 0; i < length; ++i) {
        *p++ = digits[in[i] >> 4];
        *p++ = digits[in[i] & 15];
    }
    return p;
}

// For each byte, the letter after the backslash when it needs escaping, else 0. Backslash
// escapes are safe because the dump header sets an sql_mode without NO_BACKSLASH_ESCAPES.
struct EscapeTable
{
    char letter[256] = {};
    EscapeTable()
    {
        letter[0] = '0';
        letter[uchar('\'')] = '\'';
        letter[uchar('\\')] = '\\';
        letter[uchar('\n')] = 'n';
        letter[uchar('\r')] = 'r';
        letter[0x1a] = 'Z';
    }
};

char *writeString(char *p, const char *data, unsigned long length)
{
    static const EscapeTable table;
    *p++ = '\'';
    const char *runStart = data;
    const char *end = data + length;
    for (const char *c = data; c < end; ++c) {
        const char letter = table.letter[uchar(*c)];
        if (!letter)
            continue;
        std::memcpy(p, runStart, size_t(c - runStart));
        p += c - runStart;
        *p++ = '\\';
        *p++ = letter;
        runStart = c + 1;
    }
    std::memcpy(p, runStart, size_t(end - runStart));
    p += end - runStart;
    *p++ = '\'';
    return p;
}

// The CREATE TABLE without its trailing plain secondary keys, which go to @p deferred as
// "ADD KEY ..." clauses: InnoDB builds an index from sorted rows much faster than it maintains one
// row by row (myloader's --innodb-optimize-keys). SHOW CREATE TABLE keeps PRIMARY and UNIQUE keys
// first and FULLTEXT ones last whatever the order they were added in, but a plain key added after
// a SPATIAL one is listed after it: only the plain keys after the last SPATIAL (or other) key are
// deferred, so that adding them back gives the same SHOW CREATE TABLE. Anything unexpected (a
// name with a line break in it, say) keeps the original.
QString withoutSecondaryKeys(const QString &create, QStringList *deferred)
{
    deferred->clear();
    const QStringList lines = create.split(QLatin1Char('\n'));
    if (lines.size() < 3 || !lines.first().endsWith(QLatin1Char('(')) || !lines.last().startsWith(QLatin1Char(')')))
        return create;
    QStringList elements;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        QString element = lines.at(i);
        // Each element on a line of its own: an odd number of backticks means a quoted name
        // goes on over the line's end.
        if (!element.startsWith(QLatin1String("  ")) || element.count(QLatin1Char('`')) % 2 != 0)
            return create;
        if (element.endsWith(QLatin1Char(',')))
            element.chop(1);
        elements << element;
    }
    auto isPlainKey = [](const QString &e) { return e.startsWith(QLatin1String("  KEY `")); };
    auto keepsItsPlace = [](const QString &e) {
        // PRIMARY, UNIQUE and FULLTEXT keys are sorted into their place; columns and constraints
        // are not keys.
        static const QRegularExpression otherKey(QStringLiteral("^  [A-Z]+ KEY "));
        return otherKey.match(e).hasMatch() && !e.startsWith(QLatin1String("  PRIMARY KEY "))
            && !e.startsWith(QLatin1String("  UNIQUE KEY ")) && !e.startsWith(QLatin1String("  FULLTEXT KEY "));
    };
    qsizetype firstDeferrable = 0;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (keepsItsPlace(elements.at(i)))
            firstDeferrable = i + 1;
    }
    QStringList kept;
    QStringList keys;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i >= firstDeferrable && isPlainKey(elements.at(i)))
            keys << QStringLiteral("ADD ") + elements.at(i).mid(2);
        else
            kept << elements.at(i);
    }
    if (keys.isEmpty() || kept.isEmpty())
        return create;
    *deferred = keys;
    return lines.first() + QLatin1Char('\n') + kept.join(QStringLiteral(",\n")) + QLatin1Char('\n') + lines.last();
}

// The row start and end columns of a system-versioned table whose history can be dumped, as
// INSERT and SELECT name them: those of its PERIOD FOR SYSTEM_TIME, or the hidden ROW_START and
// ROW_END. False for transaction-based versioning (BIGINT periods hold this server's transaction
// ids, meaningless on another) and for anything unexpected: then only current rows are dumped.
bool historyColumns(const QString &create, const QVector<Column> &columns, QStringList *out)
{
    out->clear();
    static const QRegularExpression period(
        QStringLiteral("PERIOD FOR SYSTEM_TIME \\((`(?:[^`]|``)+`), (`(?:[^`]|``)+`)\\)"));
    if (!create.contains(QLatin1String("PERIOD FOR SYSTEM_TIME"))) {
        *out = QStringList{ QStringLiteral("ROW_START"), QStringLiteral("ROW_END") };
        return true;
    }
    const QRegularExpressionMatch m = period.match(create);
    if (!m.hasMatch())
        return false;
    const QString start = m.captured(1).mid(1).chopped(1).replace(QLatin1String("``"), QLatin1String("`"));
    for (const Column &c : columns) {
        if (c.name == start && c.dataType.compare(QLatin1String("timestamp"), Qt::CaseInsensitive) != 0)
            return false;
    }
    *out = QStringList{ m.captured(1), m.captured(2) };
    return true;
}

// A delimiter for a routine, trigger, event or view that holds none of the usual ones. The client
// keeps at most 15 bytes of a DELIMITER's argument: every candidate is shorter.
QByteArray pickDelimiter(const QByteArray &body)
{
    for (const char *candidate : { ";;", "$$", "//", "@@@", "#|#|#" }) {
        if (!body.contains(candidate))
            return candidate;
    }
    for (int n = 1;; ++n) {
        const QByteArray candidate = "$$" + QByteArray::number(n) + "$$";
        if (!body.contains(candidate))
            return candidate;
    }
}

// The definition without the dumped database's name where it qualifies a name (`db`.`t`), so
// that the copy uses its own tables and sequences, not the source's: SHOW CREATE TABLE names the
// sequence a DEFAULT draws from with its database, and SHOW CREATE VIEW every table of a view that
// also reads another database (those names stay). Quoted strings are left as they are: the
// server prints both definitions with backslash escapes and without ANSI_QUOTES, as the dump
// session asks.
QByteArray withoutOwnDatabase(const QByteArray &definition, const QString &database)
{
    const QByteArray own = MySqlSession::quoteIdentifier(database).toUtf8() + '.';
    QByteArray out;
    out.reserve(definition.size());
    const char *p = definition.constData();
    const char *const end = p + definition.size();
    while (p < end) {
        const char c = *p;
        if (c == '`' && end - p >= own.size() && std::memcmp(p, own.constData(), size_t(own.size())) == 0) {
            p += own.size();
            continue;
        }
        if (c != '\'' && c != '"' && c != '`') {
            out += *p++;
            continue;
        }
        // A quoted string or name, copied whole: a doubled quote stays inside, and in a string a
        // backslash takes the next byte.
        out += *p++;
        while (p < end) {
            if (c != '`' && *p == '\\' && p + 1 < end) {
                out += *p++;
                out += *p++;
                continue;
            }
            out += *p;
            if (*p++ != c)
                continue;
            if (p < end && *p == c) {
                out += *p++;
                continue;
            }
            break;
        }
    }
    return out;
}

// The views in an order in which each comes after the views it selects from (a view WITH CHECK
// OPTION cannot be created over a stand-in, which is not updatable), alphabetical otherwise.
// SHOW CREATE VIEW and information_schema name every view a view uses as `db`.`view`.
QVector<TableInfo> viewsInDependencyOrder(const QVector<TableInfo> &views, const QHash<QString, QString> &definitions,
                                          const QString &database)
{
    const QString prefix = MySqlSession::quoteIdentifier(database) + QLatin1Char('.');
    QVector<TableInfo> ordered;
    QSet<QString> placed;
    QSet<QString> visiting;
    std::function<void(const TableInfo &)> place = [&](const TableInfo &v) {
        if (placed.contains(v.name) || visiting.contains(v.name))
            return;
        visiting.insert(v.name);
        const QString definition = definitions.value(v.name);
        for (const TableInfo &other : views) {
            if (other.name != v.name && definition.contains(prefix + MySqlSession::quoteIdentifier(other.name)))
                place(other);
        }
        visiting.remove(v.name);
        placed.insert(v.name);
        ordered << v;
    };
    for (const TableInfo &v : views)
        place(v);
    return ordered;
}

} // namespace

struct MySqlDumper::Run
{
    MySqlDumper *self;
    QIODevice *out;
    MySqlConnection session;
    QByteArray buffer;
    qint64 bytes = 0;
    qint64 rows = 0;
    int maxStatement = 1024 * 1024;
    QString error;

    Run(MySqlDumper *dumper, QIODevice *device)
        : self(dumper)
        , out(device)
        , session(dumper->m_endpoint)
    { }

    bool cancelled() const { return self->m_cancel && self->m_cancel->load(); }

    bool flush()
    {
        const char *p = buffer.constData();
        qint64 left = buffer.size();
        while (left > 0) {
            const qint64 n = out->write(p, left);
            if (n <= 0) {
                error = QStringLiteral("cannot write the dump: %1").arg(out->errorString());
                return false;
            }
            p += n;
            left -= n;
        }
        bytes += buffer.size();
        buffer.resize(0); // keeps the allocation, unlike clear()
        return true;
    }

    bool emitText(const QString &text)
    {
        buffer.append(text.toUtf8());
        return buffer.size() < kFlushBytes || flush();
    }

    bool exec(const QString &sql)
    {
        QString err;
        if (!session.exec(sql.toUtf8(), &err)) {
            error = err;
            return false;
        }
        return true;
    }

    bool query(const QString &sql, QVector<QStringList> *rowsOut, const QString &what)
    {
        QString err;
        if (!session.query(sql, rowsOut, &err)) {
            error = QStringLiteral("%1: %2").arg(what, err);
            return false;
        }
        return true;
    }

    void report(const QString &table, int index, int count)
    {
        if (self->m_progress)
            self->m_progress(DumpProgress{ table, index, count, rows, bytes + buffer.size() });
    }

    bool dumpRows(const TableInfo &table, const QVector<Column> &columns, const QStringList &periodColumns,
                  const QString &versions, int index, int count, qint64 *tableRows);
    bool showCreate(const QString &kind, const QString &name, int statementColumn, QStringList *row);
    bool showCreateBinary(const QString &kind, const QString &name, int statementColumn, QList<QByteArray> *row);
    bool writeRoutineLike(const QString &dropSql, const QByteArray &createSql, const QString &sqlMode,
                          const QString &charsetClient, const QString &collation, const QString &timeZone);
    bool recodeComment(QByteArray *createSql, const QString &charsetClient, const QString &commentColumn,
                       const QString &from, const QString &where);
};

// SHOW CREATE of a view, routine, trigger or event as the bytes the server stored, in the
// character set of the client that created it (mysqldump does the same): converting them to
// utf8mb4 and loading them under the original character_set_client would encode them twice.
bool MySqlDumper::Run::showCreateBinary(const QString &kind, const QString &name, int statementColumn,
                                        QList<QByteArray> *row)
{
    const QString what = QStringLiteral("cannot read the definition of %1 %2").arg(kind.toLower(), name);
    if (!exec(QStringLiteral("SET SESSION character_set_results = binary"))) {
        error = QStringLiteral("%1: %2").arg(what, error);
        return false;
    }
    const QByteArray sql = QStringLiteral("SHOW CREATE %1 %2").arg(kind, MySqlSession::quoteIdentifier(name)).toUtf8();
    MYSQL *h = session.handle();
    bool ok = mysql_real_query(h, sql.constData(), static_cast<unsigned long>(sql.size())) == 0;
    QString serverError = ok ? QString() : session.lastServerError();
    row->clear();
    bool hidden = false;
    if (ok) {
        if (MYSQL_RES *res = mysql_store_result(h)) {
            const unsigned int n = mysql_num_fields(res);
            if (MYSQL_ROW r = mysql_fetch_row(res)) {
                const unsigned long *lengths = mysql_fetch_lengths(res);
                for (unsigned int i = 0; i < n; ++i)
                    row->append(r[i] ? QByteArray(r[i], qsizetype(lengths[i])) : QByteArray());
            }
            mysql_free_result(res);
            hidden = row->size() <= statementColumn || row->at(statementColumn).isNull();
        } else {
            ok = false;
            serverError = session.lastServerError();
        }
    }
    if (!exec(QStringLiteral("SET SESSION character_set_results = utf8mb4")))
        return false;
    if (!ok) {
        error = QStringLiteral("%1: %2").arg(what, serverError);
        return false;
    }
    if (hidden) {
        // The server hides bodies from users without the needed privilege: never dump less silently.
        error = QStringLiteral("%1: insufficient privileges (the server returned no definition)").arg(what);
        return false;
    }
    return true;
}

bool MySqlDumper::Run::showCreate(const QString &kind, const QString &name, int statementColumn, QStringList *row)
{
    QVector<QStringList> result;
    const QString what = QStringLiteral("cannot read the definition of %1 %2").arg(kind.toLower(), name);
    if (!query(QStringLiteral("SHOW CREATE %1 %2").arg(kind, MySqlSession::quoteIdentifier(name)), &result, what))
        return false;
    if (result.isEmpty() || result.first().size() <= statementColumn || result.first().at(statementColumn).isNull()) {
        // The server hides bodies from users without the needed privilege: never dump less silently.
        error = QStringLiteral("%1: insufficient privileges (the server returned no definition)").arg(what);
        return false;
    }
    *row = result.first();
    return true;
}

// A routine's or event's COMMENT is stored in UTF-8, while the rest of its SHOW CREATE is in the
// character set of the client that created it: written as they are and loaded under that
// character set, the comment's non-ASCII characters would be encoded twice. The comment is
// rewritten in the client's character set when it is representable there (as the original
// client sent it); otherwise, or when it cannot be found as the server quoted it, it is left.
bool MySqlDumper::Run::recodeComment(QByteArray *createSql, const QString &charsetClient, const QString &commentColumn,
                                     const QString &from, const QString &where)
{
    static const QRegularExpression plainName(QStringLiteral("^[a-z0-9_]+$"));
    const QString charset = charsetClient.toLower();
    if (!plainName.match(charset).hasMatch() || charset.startsWith(QLatin1String("utf8")))
        return true;
    QVector<QStringList> result;
    const QString sql = QStringLiteral("SELECT HEX(%1), HEX(CONVERT(%1 USING %2)), "
                                       "CAST(CONVERT(CONVERT(%1 USING %2) USING utf8mb4) AS BINARY) = "
                                       "CAST(%1 AS BINARY) FROM information_schema.%3 WHERE %4")
                            .arg(commentColumn, charset, from, where);
    if (!query(sql, &result, QStringLiteral("cannot read a comment")))
        return false;
    if (result.size() != 1 || result.first().value(0).isEmpty() || result.first().value(2) != QLatin1String("1"))
        return true;
    // As the server quotes it in SHOW CREATE.
    auto quoted = [](const QByteArray &text) -> QByteArray {
        QByteArray q = "COMMENT '";
        for (const char c : text) {
            switch (c) {
            case '\\':
                q += "\\\\";
                break;
            case '\'':
                q += "''";
                break;
            case '\n':
                q += "\\n";
                break;
            case '\r':
                q += "\\r";
                break;
            case '\0':
                q += "\\0";
                break;
            case '\x1a':
                q += "\\Z";
                break;
            default:
                q += c;
            }
        }
        return q + '\'';
    };
    const QByteArray utf8 = quoted(QByteArray::fromHex(result.first().at(0).toLatin1()));
    const qsizetype at = createSql->indexOf(utf8);
    if (at >= 0)
        createSql->replace(at, utf8.size(), QByteArray(quoted(QByteArray::fromHex(result.first().at(1).toLatin1()))));
    return true;
}

bool MySqlDumper::Run::writeRoutineLike(const QString &dropSql, const QByteArray &createSql, const QString &sqlMode,
                                        const QString &charsetClient, const QString &collation, const QString &timeZone)
{
    const QByteArray delimiter = pickDelimiter(createSql);
    // The DROP under the object's own sql_mode (DROP PACKAGE exists only in Oracle mode), and
    // still in utf8mb4, the character set its name is written in.
    QString text = QStringLiteral("SET SESSION sql_mode = %1;\n").arg(MySqlSession::quoteString(sqlMode));
    if (!dropSql.isEmpty())
        text += dropSql + QStringLiteral(";\n");
    if (!charsetClient.isEmpty())
        text
            += QStringLiteral("SET character_set_client = %1, character_set_results = %1, collation_connection = %2;\n")
                   .arg(charsetClient, collation);
    if (!timeZone.isEmpty())
        text += QStringLiteral("SET time_zone = %1;\n").arg(MySqlSession::quoteString(timeZone));
    text += QStringLiteral("DELIMITER %1\n").arg(QString::fromLatin1(delimiter));
    buffer.append(text.toUtf8());
    buffer.append(createSql);
    text = QStringLiteral("%1\nDELIMITER ;\n").arg(QString::fromLatin1(delimiter));
    // Back to the dump's own settings (the header's sql_mode; NO_BACKSLASH_ESCAPES must be off for
    // the escaped data that follows).
    text += QStringLiteral("SET NAMES utf8mb4;\nSET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';\n");
    if (!timeZone.isEmpty())
        text += QStringLiteral("SET time_zone = '+00:00';\n");
    return emitText(text + QLatin1Char('\n'));
}

// @p periodColumns (a system-versioned table's row start, and end) are dumped as well, for the
// row versions that @p versions selects (" FOR SYSTEM_TIME ALL WHERE ..."); the loading session
// allows setting them (system_versioning_insert_history).
bool MySqlDumper::Run::dumpRows(const TableInfo &table, const QVector<Column> &columns,
                                const QStringList &periodColumns, const QString &versions, int index, int count,
                                qint64 *tableRows)
{
    QVector<ValueKind> kinds;
    QVector<QByteArray> introducers;
    QStringList selectList;
    QStringList insertList;
    for (const Column &c : columns) {
        if (c.generated)
            continue;
        const QString q = MySqlSession::quoteIdentifier(c.name);
        insertList << q;
        const ValueKind kind = kindOf(c.dataType);
        const bool introduced = kind == ValueKind::String && lossyThroughUtf8(c.charset);
        kinds << (introduced ? ValueKind::IntroducedHex : kind);
        // The bytes as stored, written as `_sjis 0x...`: the hex keeps the stock client from
        // reading a 0x5C trail byte as a backslash.
        introducers << (introduced ? QByteArray("_" + c.charset.toLower().toLatin1() + ' ') : QByteArray());
        // The text protocol prints FLOAT with 6 digits; as DOUBLE it prints the shortest
        // representation that converts back to the same float.
        if (introduced)
            selectList << QStringLiteral("CAST(%1 AS BINARY)").arg(q);
        else if (c.dataType.compare(QLatin1String("float"), Qt::CaseInsensitive) == 0)
            selectList << QStringLiteral("CAST(%1 AS DOUBLE)").arg(q);
        else
            selectList << q;
    }
    for (const QString &period : periodColumns) {
        insertList << period;
        selectList << period;
        kinds << ValueKind::String;
        introducers << QByteArray();
    }
    const QString quotedTable = MySqlSession::quoteIdentifier(table.name);
    MYSQL *h = session.handle();
    // information_schema hides the columns a user may not read (a user with only SHOW VIEW sees
    // the table but none of its columns), which would silently drop data: SELECT * fails loudly
    // unless every column is readable.
    const QByteArray probe = QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(quotedTable).toUtf8();
    if (mysql_real_query(h, probe.constData(), static_cast<unsigned long>(probe.size())) != 0) {
        error = QStringLiteral("cannot read table %1: %2").arg(table.name, session.lastServerError());
        return false;
    }
    if (MYSQL_RES *none = mysql_store_result(h))
        mysql_free_result(none);
    if (columns.isEmpty()) {
        error = QStringLiteral("cannot read table %1: no columns are visible to this user (insufficient privileges)")
                    .arg(table.name);
        return false;
    }
    if (insertList.isEmpty())
        return true;
    const QByteArray prefix
        = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(quotedTable, insertList.join(QLatin1Char(','))).toUtf8();
    const QByteArray select
        = QStringLiteral("SELECT %1 FROM %2%3").arg(selectList.join(QLatin1Char(',')), quotedTable, versions).toUtf8();

    if (mysql_real_query(h, select.constData(), static_cast<unsigned long>(select.size())) != 0) {
        error = QStringLiteral("cannot read table %1: %2").arg(table.name, session.lastServerError());
        return false;
    }
    MYSQL_RES *res = mysql_use_result(h);
    if (!res) {
        error = QStringLiteral("cannot read table %1: %2").arg(table.name, session.lastServerError());
        return false;
    }
    const int n = int(mysql_num_fields(res));
    bool inStatement = false;
    qsizetype statementStart = 0;
    bool ok = true;
    // Room for a statement plus the flush threshold, so rows are written without reallocating.
    buffer.reserve(qMax<qsizetype>(buffer.capacity(), maxStatement + kFlushBytes + 64 * 1024));
    while (MYSQL_ROW row = mysql_fetch_row(res)) {
        const unsigned long *lengths = mysql_fetch_lengths(res);
        // Worst case: every value escaped or hex (2 * length + 2) or NULL, plus its comma.
        qsizetype rowSize = 3;
        for (int i = 0; i < n; ++i)
            rowSize += qsizetype(lengths[i]) * 2 + 5 + introducers[i].size();
        if (inStatement && buffer.size() - statementStart + rowSize > maxStatement) {
            buffer.append(";\n", 2);
            inStatement = false;
            if (buffer.size() >= kFlushBytes && !flush()) {
                ok = false;
                break;
            }
            report(table.name, index, count);
            if (cancelled()) {
                error = QStringLiteral("cancelled");
                ok = false;
                break;
            }
        }
        const bool first = !inStatement;
        if (first) {
            statementStart = buffer.size();
            buffer.append(prefix);
            inStatement = true;
        }
        const qsizetype before = buffer.size();
        buffer.resize(before + rowSize);
        char *const start = buffer.data();
        char *p = start + before;
        if (!first)
            *p++ = ',';
        *p++ = '(';
        for (int i = 0; i < n; ++i) {
            if (i)
                *p++ = ',';
            if (!row[i]) {
                std::memcpy(p, "NULL", 4);
                p += 4;
                continue;
            }
            switch (kinds[i]) {
            case ValueKind::Number:
                std::memcpy(p, row[i], lengths[i]);
                p += lengths[i];
                break;
            case ValueKind::Hex:
                p = writeHex(p, row[i], lengths[i]);
                break;
            case ValueKind::IntroducedHex:
                std::memcpy(p, introducers[i].constData(), size_t(introducers[i].size()));
                p = writeHex(p + introducers[i].size(), row[i], lengths[i]);
                break;
            case ValueKind::String:
                p = writeString(p, row[i], lengths[i]);
                break;
            }
        }
        *p++ = ')';
        buffer.resize(p - start);
        ++rows;
        ++*tableRows;
    }
    if (ok && mysql_errno(h) != 0) {
        error = QStringLiteral("reading table %1 failed: %2").arg(table.name, session.lastServerError());
        ok = false;
    }
    if (!ok) {
        // mysql_free_result would read every remaining row first: stop the query on the server.
        {
            MySqlConnection killer(self->m_endpoint);
            QString ignored;
            if (killer.open(&ignored))
                killer.exec(QStringLiteral("KILL QUERY %1").arg(mysql_thread_id(h)).toUtf8(), &ignored);
        }
        mysql_free_result(res);
        return false;
    }
    mysql_free_result(res);
    if (inStatement)
        buffer.append(";\n", 2);
    report(table.name, index, count);
    return true;
}

MySqlDumper::MySqlDumper(const MySqlEndpoint &endpoint, const DumpOptions &options)
    : m_endpoint(endpoint)
    , m_options(options)
{ }

MySqlDumper::~MySqlDumper() = default;

void MySqlDumper::setProgressCallback(std::function<void(const DumpProgress &)> callback)
{
    m_progress = std::move(callback);
}

void MySqlDumper::setCancelFlag(const std::atomic<bool> *flag)
{
    m_cancel = flag;
}

void MySqlDumper::setConnectionIdSink(std::atomic<unsigned long> *sink)
{
    m_connectionId = sink;
}

bool MySqlDumper::isCacheOrSessionTable(const QString &table)
{
    const QString t = table.toLower();
    return t == QLatin1String("cache") || t.startsWith(QLatin1String("cache_")) || t == QLatin1String("sessions")
        || t.endsWith(QLatin1String("_sessions"));
}

bool MySqlDumper::dump(QIODevice *out)
{
    m_error.clear();
    m_stats = DumpStats();
    Run run(this, out);
    auto failed = [&](const QString &message) {
        m_error = message.simplified();
        return false;
    };
    QString err;
    // A server that stops answering fails the dump after kReadTimeout instead of hanging it;
    // longer than lock_wait_timeout below, so a lock wait ends with the server's own message.
    constexpr int kLockWaitTimeout = 600;
    constexpr int kReadTimeout = 900;
    run.session.setTimeouts(10, kReadTimeout);
    if (!run.session.open(&err))
        return failed(err);
    m_stats.tlsMode = MySqlTls::toString(m_endpoint.tlsMode);
    m_stats.tlsCipher = run.session.tlsCipher();
    struct ClearId
    {
        std::atomic<unsigned long> *sink;
        ~ClearId()
        {
            if (sink)
                sink->store(0);
        }
    } clearId{ m_connectionId };
    if (m_connectionId)
        m_connectionId->store(run.session.connectionId());

    // The session settings decide what SHOW CREATE prints and how values are rendered.
    // lock_wait_timeout bounds a wait on a metadata lock (another session's LOCK TABLES ...
    // WRITE or ALTER): a dump never waits a year (the server default) on one. Cancelling does
    // not wait for it: the controlling thread stops the statement with KILL QUERY.
    if (!run.exec(QStringLiteral("SET SESSION sql_mode = '', time_zone = '+00:00', sql_quote_show_create = 1, "
                                 "net_write_timeout = 3600, net_read_timeout = 3600, lock_wait_timeout = %1")
                      .arg(kLockWaitTimeout)))
        return failed(QStringLiteral("cannot prepare the dump session: %1").arg(run.error));
    if (!run.exec(QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")))
        return failed(run.error);
    if (m_options.lockForConsistency && !run.exec(QStringLiteral("FLUSH TABLES WITH READ LOCK")))
        return failed(QStringLiteral("cannot lock tables: %1").arg(run.error));
    if (!run.exec(QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT")))
        return failed(QStringLiteral("cannot start the snapshot: %1").arg(run.error));
    if (m_options.lockForConsistency && !run.exec(QStringLiteral("UNLOCK TABLES")))
        return failed(run.error);

    QVector<QStringList> rows;
    if (!run.query(QStringLiteral("SELECT VERSION(), @@max_allowed_packet, DATABASE()"), &rows,
                   QStringLiteral("cannot query the server"))
        || rows.isEmpty())
        return failed(run.error);
    m_stats.serverVersion = rows.first().at(0);
    const qint64 maxPacket = rows.first().at(1).toLongLong();
    const QString database = rows.first().at(2);
    run.maxStatement = int(qBound<qint64>(
        qint64(4096), qMin<qint64>(m_options.maxStatementBytes, maxPacket - 64 * 1024), qint64(1) << 30));

    if (!run.query(QStringLiteral("SELECT ENGINE FROM information_schema.ENGINES WHERE TRANSACTIONS = 'YES'"), &rows,
                   QStringLiteral("cannot list storage engines")))
        return failed(run.error);
    QSet<QString> transactional;
    for (const QStringList &r : rows)
        transactional.insert(r.at(0).toLower());

    if (!run.query(QStringLiteral("SELECT TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.TABLES "
                                  "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE <> 'TEMPORARY' ORDER BY TABLE_NAME"),
                   &rows, QStringLiteral("cannot list tables")))
        return failed(run.error);
    QVector<TableInfo> tables;
    QVector<TableInfo> views;
    for (const QStringList &r : rows) {
        TableInfo t{ r.at(0), r.at(1), r.at(2) };
        if (t.type == QLatin1String("VIEW"))
            views << t;
        else
            tables << t;
    }
    // A view whose tables or columns are gone cannot be created again: its dump would fail every
    // restore, so the dump fails now and names it (as mariadb-dump does).
    for (const TableInfo &v : m_options.views ? views : QVector<TableInfo>()) {
        QVector<QStringList> ignored;
        if (!run.query(QStringLiteral("SHOW COLUMNS FROM %1").arg(MySqlSession::quoteIdentifier(v.name)), &ignored,
                       QStringLiteral("view %1 cannot be dumped").arg(MySqlSession::quoteIdentifier(v.name))))
            return failed(QStringLiteral("%1. A copy of it could not be created either: repair the view (or drop it), "
                                         "then back up again")
                              .arg(run.error));
    }
    // information_schema.EVENTS shows nothing to a user without the EVENT privilege, which would
    // leave the events out without a word; SHOW EVENTS is refused instead (mariadb-dump fails too).
    QVector<QStringList> ignoredEvents;
    if (m_options.events
        && !run.query(QStringLiteral("SHOW EVENTS"), &ignoredEvents, QStringLiteral("cannot list the events")))
        return failed(QStringLiteral("%1. The dump needs the EVENT privilege on the database to include its events: "
                                     "grant it to the user (GRANT EVENT ON %2.* TO ...), then try again")
                          .arg(run.error, MySqlSession::quoteIdentifier(database)));
    // Only columns MariaDB and MySQL 8 both have (IS_GENERATED is MariaDB's own).
    if (!run.query(QStringLiteral("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COALESCE(GENERATION_EXPRESSION, ''), "
                                  "EXTRA, COALESCE(CHARACTER_SET_NAME, '') FROM information_schema.COLUMNS "
                                  "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION"),
                   &rows, QStringLiteral("cannot list columns")))
        return failed(run.error);
    QHash<QString, QVector<Column>> columns;
    for (const QStringList &r : rows)
        columns[r.at(0)].append(Column{ r.at(1), r.at(2), isGeneratedColumn(r.at(3), r.at(4)), r.at(5) });

    // Tables in a foreign key (either side) keep their indexes inline: the constraint needs them.
    if (!run.query(
            QStringLiteral("SELECT TABLE_NAME, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
                           "WHERE CONSTRAINT_SCHEMA = DATABASE()"),
            &rows, QStringLiteral("cannot list foreign keys")))
        return failed(run.error);
    QSet<QString> foreignKeyTables;
    for (const QStringList &r : rows)
        foreignKeyTables << r.at(0) << r.at(1);

    for (const TableInfo &t : tables) {
        if (t.type != QLatin1String("SEQUENCE") && !t.engine.isEmpty() && !transactional.contains(t.engine.toLower()))
            m_stats.nonTransactionalTables << t.name;
    }
    m_stats.optionsSummary = QStringLiteral("snapshot=%1; max-statement-bytes=%2; charset=utf8mb4; time_zone=+00:00; "
                                            "routines=%3; triggers=%4; events=%5; views=%6%7")
                                 .arg(m_options.lockForConsistency ? QStringLiteral("read-lock+consistent-snapshot")
                                                                   : QStringLiteral("consistent-snapshot"))
                                 .arg(run.maxStatement)
                                 .arg(m_options.routines ? 1 : 0)
                                 .arg(m_options.triggers ? 1 : 0)
                                 .arg(m_options.events ? 1 : 0)
                                 .arg(m_options.views ? 1 : 0)
                                 .arg(m_options.skipCacheData ? QStringLiteral("; cache-data=skipped") : QString());

    // Named in the header, so that a load that keeps them is refused before it changes anything
    // when the loading user may not create objects for these accounts.
    const struct
    {
        bool dumped;
        const char *table;
        const char *schemaColumn;
    } definerSources[] = { { m_options.views, "VIEWS", "TABLE_SCHEMA" },
                           { m_options.routines, "ROUTINES", "ROUTINE_SCHEMA" },
                           { m_options.triggers, "TRIGGERS", "TRIGGER_SCHEMA" },
                           { m_options.events, "EVENTS", "EVENT_SCHEMA" } };
    QStringList definerQueries;
    for (const auto &source : definerSources) {
        if (source.dumped)
            definerQueries << QStringLiteral("SELECT DEFINER FROM information_schema.%1 WHERE %2 = DATABASE()")
                                  .arg(QLatin1String(source.table), QLatin1String(source.schemaColumn));
    }
    QStringList definers;
    if (!definerQueries.isEmpty()) {
        if (!run.query(definerQueries.join(QStringLiteral(" UNION ")) + QStringLiteral(" ORDER BY 1"), &rows,
                       QStringLiteral("cannot list the definers")))
            return failed(run.error);
        for (const QStringList &r : rows)
            definers << r.at(0);
    }

    QString header = QString::fromLatin1(MySqlLoader::parallelHeader())
        + QStringLiteral("\n-- Creodrop dump of database %1\n-- Server version: %2\n-- Options: %3\n")
              .arg(commentSafe(MySqlSession::quoteIdentifier(database)), commentSafe(m_stats.serverVersion),
                   m_stats.optionsSummary)
        + DefinerPrivileges::headerLine(definers) + QLatin1Char('\n');
    header += QStringLiteral("-- Data of all transactional tables comes from one consistent snapshot.\n");
    if (!m_stats.nonTransactionalTables.isEmpty()) {
        QStringList quoted;
        for (const QString &name : std::as_const(m_stats.nonTransactionalTables))
            quoted << MySqlSession::quoteIdentifier(name);
        header += QStringLiteral("-- Non-transactional tables (not covered by the snapshot): %1\n")
                      .arg(commentSafe(quoted.join(QStringLiteral(", "))));
    }
    header += QStringLiteral("\nSET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT;\n"
                             "SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS;\n"
                             "SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION;\n"
                             "SET NAMES utf8mb4;\n"
                             "SET @OLD_TIME_ZONE=@@TIME_ZONE, TIME_ZONE='+00:00';\n"
                             "SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0;\n"
                             "SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0;\n"
                             "SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO';\n"
                             "SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0;\n\n");
    if (!run.emitText(header))
        return failed(run.error);

    int dataIndex = 0;
    for (const TableInfo &t : tables) {
        if (run.cancelled())
            return failed(QStringLiteral("cancelled"));
        const QString q = MySqlSession::quoteIdentifier(t.name);
        const bool isSequence = t.type == QLatin1String("SEQUENCE");
        QStringList create;
        if (!run.showCreate(isSequence ? QStringLiteral("SEQUENCE") : QStringLiteral("TABLE"), t.name, 1, &create))
            return failed(run.error);
        QString text = QStringLiteral("--\n-- %1 %2\n--\n")
                           .arg(isSequence ? QStringLiteral("Sequence") : QStringLiteral("Table"), commentSafe(q));
        QString createSql
            = isSequence ? create.at(1) : QString::fromUtf8(withoutOwnDatabase(create.at(1).toUtf8(), database));
        QStringList deferredKeys;
        if (t.type == QLatin1String("BASE TABLE") && t.engine.compare(QLatin1String("InnoDB"), Qt::CaseInsensitive) == 0
            && !foreignKeyTables.contains(t.name))
            createSql = withoutSecondaryKeys(createSql, &deferredKeys);
        text += QStringLiteral("DROP %1 IF EXISTS %2;\n%3;\n")
                    .arg(isSequence ? QStringLiteral("SEQUENCE") : QStringLiteral("TABLE"), q, createSql);
        if (isSequence) {
            QVector<QStringList> seq;
            if (!run.query(QStringLiteral("SELECT next_not_cached_value, cycle_count FROM %1").arg(q), &seq,
                           QStringLiteral("cannot read sequence %1").arg(t.name))
                || seq.isEmpty())
                return failed(run.error);
            text += QStringLiteral("DO SETVAL(%1, %2, 0, %3);\n").arg(q, seq.first().at(0), seq.first().at(1));
        }
        if (!run.emitText(text + QLatin1Char('\n')))
            return failed(run.error);
        if (isSequence)
            continue;
        if (m_options.skipCacheData && isCacheOrSessionTable(t.name)) {
            m_stats.tables.append(TableStats{ t.name, 0 });
            ++dataIndex;
            if (!deferredKeys.isEmpty()
                && !run.emitText(
                    QStringLiteral("ALTER TABLE %1 %2;\n\n").arg(q, deferredKeys.join(QStringLiteral(", ")))))
                return failed(run.error);
            continue;
        }
        run.report(t.name, dataIndex, int(tables.size()));
        QStringList history;
        if (t.type == QLatin1String("SYSTEM VERSIONED") && historyColumns(create.at(1), columns.value(t.name), &history)
            && !run.emitText(QStringLiteral("SET @@session.system_versioning_insert_history = 1;\n")))
            return failed(run.error);
        qint64 tableRows = 0;
        if (history.isEmpty()) {
            if (!run.dumpRows(t, columns.value(t.name), {}, QString(), dataIndex, int(tables.size()), &tableRows))
                return failed(run.error);
        } else {
            // Past versions with their whole period; current rows with their start only, so that
            // they end at the loading server's own end of time (2038 on MariaDB 10.11, 2106 on
            // 11.5) and stay current there. The table's row count is that of its current rows,
            // what COUNT(*) finds in the copy.
            qint64 pastVersions = 0;
            if (!run.dumpRows(t, columns.value(t.name), history,
                              QStringLiteral(" FOR SYSTEM_TIME ALL WHERE %1 <= NOW(6)").arg(history.at(1)), dataIndex,
                              int(tables.size()), &pastVersions)
                || !run.dumpRows(t, columns.value(t.name), { history.first() }, QString(), dataIndex,
                                 int(tables.size()), &tableRows))
                return failed(run.error);
        }
        m_stats.tables.append(TableStats{ t.name, tableRows });
        ++dataIndex;
        QString after;
        if (!history.isEmpty())
            after += QStringLiteral("SET @@session.system_versioning_insert_history = 0;\n");
        if (!deferredKeys.isEmpty())
            after += QStringLiteral("ALTER TABLE %1 %2;\n").arg(q, deferredKeys.join(QStringLiteral(", ")));
        if (!run.emitText(after + QLatin1Char('\n')))
            return failed(run.error);
    }

    // Views may use other views and functions: stand-ins with the right columns first, the real
    // definitions after the routines (mysqldump's approach), each after the views it uses.
    if (m_options.views && !views.isEmpty()) {
        QString text = QStringLiteral("--\n-- Stand-in views (replaced below)\n--\n");
        for (const TableInfo &v : views) {
            QStringList cols;
            for (const Column &c : columns.value(v.name))
                cols << QStringLiteral("1 AS %1").arg(MySqlSession::quoteIdentifier(c.name));
            if (cols.isEmpty())
                cols << QStringLiteral("1 AS `creodrop_stub`");
            text += QStringLiteral("DROP VIEW IF EXISTS %1;\nCREATE VIEW %1 AS SELECT %2;\n")
                        .arg(MySqlSession::quoteIdentifier(v.name), cols.join(QStringLiteral(", ")));
        }
        if (!run.emitText(text + QLatin1Char('\n')))
            return failed(run.error);
    }

    if (m_options.routines) {
        if (!run.query(QStringLiteral("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES "
                                      "WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_TYPE, ROUTINE_NAME"),
                       &rows, QStringLiteral("cannot list routines")))
            return failed(run.error);
        const QVector<QStringList> routines = rows;
        // By type: a PACKAGE comes before its PACKAGE BODY (Oracle mode; its DROP takes the body).
        for (const QStringList &r : routines) {
            const QString kind = r.at(0).toUpper(); // FUNCTION, PACKAGE, PACKAGE BODY, PROCEDURE
            QList<QByteArray> def;
            if (!run.showCreateBinary(kind, r.at(1), 2, &def))
                return failed(run.error);
            if (!run.recodeComment(&def[2], QString::fromLatin1(def.value(3)), QStringLiteral("ROUTINE_COMMENT"),
                                   QStringLiteral("ROUTINES"),
                                   QStringLiteral("ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE = %1 AND "
                                                  "ROUTINE_NAME = %2")
                                       .arg(MySqlSession::quoteString(kind), MySqlSession::quoteString(r.at(1)))))
                return failed(run.error);
            const QString drop = kind == QLatin1String("PACKAGE BODY")
                ? QString()
                : QStringLiteral("DROP %1 IF EXISTS %2").arg(kind, MySqlSession::quoteIdentifier(r.at(1)));
            if (!run.writeRoutineLike(drop, def.at(2), QString::fromLatin1(def.at(1)),
                                      QString::fromLatin1(def.value(3)), QString::fromLatin1(def.value(4)), QString()))
                return failed(run.error);
        }
    }

    if (m_options.views) {
        if (!run.query(QStringLiteral("SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS "
                                      "WHERE TABLE_SCHEMA = DATABASE()"),
                       &rows, QStringLiteral("cannot list views")))
            return failed(run.error);
        QHash<QString, QString> definitions;
        for (const QStringList &r : std::as_const(rows))
            definitions.insert(r.at(0), r.at(1));
        for (const TableInfo &v : viewsInDependencyOrder(views, definitions, database)) {
            QList<QByteArray> def;
            if (!run.showCreateBinary(QStringLiteral("VIEW"), v.name, 1, &def))
                return failed(run.error);
            // Replaces the stand-in in one step: if the real definition cannot be created (a
            // definer the loading user may not name), the stand-in stays.
            QByteArray create = withoutOwnDatabase(def.at(1), database);
            if (create.startsWith("CREATE "))
                create.insert(7, "OR REPLACE ");
            const QString q = MySqlSession::quoteIdentifier(v.name);
            if (!run.emitText(QStringLiteral("--\n-- View %1\n--\n").arg(commentSafe(q)))
                || !run.writeRoutineLike(QString(), create, QString(), QString::fromLatin1(def.value(2)),
                                         QString::fromLatin1(def.value(3)), QString()))
                return failed(run.error);
        }
    }

    if (m_options.triggers) {
        if (!run.query(QStringLiteral(
                           "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = "
                           "DATABASE() ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER"),
                       &rows, QStringLiteral("cannot list triggers")))
            return failed(run.error);
        const QVector<QStringList> triggers = rows;
        for (const QStringList &r : triggers) {
            QList<QByteArray> def;
            if (!run.showCreateBinary(QStringLiteral("TRIGGER"), r.at(0), 2, &def))
                return failed(run.error);
            if (!run.writeRoutineLike(
                    QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(MySqlSession::quoteIdentifier(r.at(0))), def.at(2),
                    QString::fromLatin1(def.at(1)), QString::fromLatin1(def.value(3)),
                    QString::fromLatin1(def.value(4)), QString()))
                return failed(run.error);
        }
    }

    if (m_options.events) {
        if (!run.query(
                QStringLiteral("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() "
                               "ORDER BY EVENT_NAME"),
                &rows, QStringLiteral("cannot list events")))
            return failed(run.error);
        const QVector<QStringList> events = rows;
        for (const QStringList &r : events) {
            QList<QByteArray> def;
            if (!run.showCreateBinary(QStringLiteral("EVENT"), r.at(0), 3, &def))
                return failed(run.error);
            if (!run.recodeComment(&def[3], QString::fromLatin1(def.value(4)), QStringLiteral("EVENT_COMMENT"),
                                   QStringLiteral("EVENTS"),
                                   QStringLiteral("EVENT_SCHEMA = DATABASE() AND EVENT_NAME = %1")
                                       .arg(MySqlSession::quoteString(r.at(0)))))
                return failed(run.error);
            if (!run.writeRoutineLike(
                    QStringLiteral("DROP EVENT IF EXISTS %1").arg(MySqlSession::quoteIdentifier(r.at(0))), def.at(3),
                    QString::fromLatin1(def.at(1)), QString::fromLatin1(def.value(4)),
                    QString::fromLatin1(def.value(5)), QString::fromLatin1(def.at(2))))
                return failed(run.error);
        }
    }

    const QString footer = QStringLiteral("SET SQL_MODE=@OLD_SQL_MODE;\n"
                                          "SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS;\n"
                                          "SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS;\n"
                                          "SET TIME_ZONE=@OLD_TIME_ZONE;\n"
                                          "SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT;\n"
                                          "SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS;\n"
                                          "SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION;\n"
                                          "SET SQL_NOTES=@OLD_SQL_NOTES;\n"
                                          "-- Dump completed\n");
    if (!run.emitText(footer) || !run.flush())
        return failed(run.error);
    run.exec(QStringLiteral("COMMIT"));
    m_stats.rawBytes = run.bytes;
    return true;
}

bool MySqlDumper::isGeneratedColumn(const QString &generationExpression, const QString &extra)
{
    if (!generationExpression.trimmed().isEmpty())
        return true;
    // MariaDB lists attributes comma-separated ("VIRTUAL GENERATED, INVISIBLE"), MySQL 8 with
    // spaces ("VIRTUAL GENERATED INVISIBLE", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP").
    static const QStringList kinds{ QStringLiteral("VIRTUAL GENERATED"),
                                    QStringLiteral("STORED GENERATED"),
                                    QStringLiteral("VIRTUAL"),
                                    QStringLiteral("PERSISTENT"),
                                    QStringLiteral("STORED"),
                                    QStringLiteral("ROW START"),
                                    QStringLiteral("ROW END") };
    for (QString part : extra.split(QLatin1Char(','))) {
        part = part.simplified().toUpper();
        if (part.endsWith(QLatin1String(" INVISIBLE")))
            part.chop(10);
        if (kinds.contains(part))
            return true;
    }
    return false;
}
