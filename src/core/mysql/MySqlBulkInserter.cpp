// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlBulkInserter.h"

#include "MySqlHandle.h"
#include "util/Logging.h"

#include <errmsg.h>
#include <mysql.h>
#include <vector>

namespace {

constexpr unsigned int kUnsupportedPreparedStatement = 1295; // ER_UNSUPPORTED_PS

bool compatible(InsertRowsDecoder::Kind column, InsertRowsDecoder::Kind value)
{
    return value == InsertRowsDecoder::Kind::Null || column == InsertRowsDecoder::Kind::Null || column == value;
}

// Column-wise parameter arrays of one execute.
struct ColumnArrays
{
    InsertRowsDecoder::Kind kind = InsertRowsDecoder::Kind::Null;
    std::vector<long long> integers;
    std::vector<double> reals;
    std::vector<const char *> pointers;
    std::vector<unsigned long> lengths;
    std::vector<char> indicators;
};

// SHOW FULL COLUMNS' Type names of the column kinds below; a name ending in '(' takes a length.
constexpr const char *kBinaryTypes[] = { "binary(", "varbinary(", "tinyblob", "blob", "mediumblob", "longblob" };
constexpr const char *kTextTypes[] = { "char(", "varchar(", "tinytext", "text", "mediumtext", "longtext" };
constexpr const char *kBitAndSpatialTypes[]
    = { "bit(",       "geometry",        "point",        "linestring",        "polygon",
        "multipoint", "multilinestring", "multipolygon", "geometrycollection" };

template <size_t N>
bool isOneOf(const QString &lowerType, const char *const (&names)[N])
{
    for (const char *name : names) {
        const QLatin1String n(name);
        if (n.endsWith(QLatin1Char('(')) ? lowerType.startsWith(n) : lowerType == n)
            return true;
    }
    return false;
}

// Whether SHOW FULL COLUMNS' Type and Collation describe a column that stores a string's bytes
// unchanged when they are in @p charset: a binary string column, or a character one of that
// character set. ENUM, SET, UUID, INET6 and every other type keep their own conversions.
bool storesBytesAsSent(const QString &type, const QString &collation, const QString &charset)
{
    const QString t = type.toLower();
    if (isOneOf(t, kBinaryTypes))
        return collation.isNull();
    if (isOneOf(t, kTextTypes))
        return !charset.isEmpty() && collation.startsWith(charset + QLatin1Char('_'), Qt::CaseInsensitive);
    return false;
}

// Whether SHOW FULL COLUMNS' Type is one where a hex literal is a string of its bytes, as a
// binary parameter is: a character, binary, BIT or spatial column.
bool storesHexAsBytes(const QString &type)
{
    const QString t = type.toLower();
    return isOneOf(t, kBinaryTypes) || isOneOf(t, kTextTypes) || isOneOf(t, kBitAndSpatialTypes);
}

} // namespace

MySqlBulkInserter::MySqlBulkInserter(st_mysql *handle)
    : m_handle(handle)
{
    unsigned long capabilities = 0;
    unsigned long extended = 0;
    // MySQL servers announce CLIENT_MYSQL and know no MariaDB extensions.
    m_supportsBulk = mariadb_get_infov(m_handle, MARIADB_CONNECTION_SERVER_CAPABILITIES, &capabilities) == 0
        && mariadb_get_infov(m_handle, MARIADB_CONNECTION_EXTENDED_SERVER_CAPABILITIES, &extended) == 0
        && !(capabilities & CLIENT_MYSQL) && (extended & (MARIADB_CLIENT_STMT_BULK_OPERATIONS >> 32));
}

MySqlBulkInserter::~MySqlBulkInserter()
{
    closeStatement();
}

void MySqlBulkInserter::closeStatement()
{
    if (m_statement)
        mysql_stmt_close(m_statement);
    m_statement = nullptr;
    m_prepared.clear();
    m_binaryStringColumns.clear();
    m_hexColumns.clear();
    m_stringBytes = 0;
}

bool MySqlBulkInserter::prepare(const InsertRowsDecoder &rows)
{
    const QByteArray sql = rows.preparedStatement();
    if (m_statement && m_prepared == sql)
        return true;
    if (sql == m_refused)
        return false;
    closeStatement();
    m_statement = mysql_stmt_init(m_handle);
    if (!m_statement)
        return false;
    if (mysql_stmt_prepare(m_statement, sql.constData(), static_cast<unsigned long>(sql.size())) != 0) {
        // The text statement will give the server's own answer (a missing table, say).
        closeStatement();
        m_refused = sql;
        return false;
    }
    m_prepared = sql;
    return true;
}

void MySqlBulkInserter::classifyColumns(const InsertRowsDecoder &rows)
{
    // Filled (all false) first, so that a failed lookup is not repeated for this statement.
    m_binaryStringColumns.assign(size_t(rows.columns()), false);
    m_hexColumns.assign(size_t(rows.columns()), false);
    // A quoted string is in character_set_client, converted to character_set_connection and then
    // to the column's character set; sent as a binary parameter, its bytes are stored as they
    // are (with the same well-formedness check). The two agree exactly when no conversion happens.
    QVector<QStringList> charsets;
    QVector<QStringList> columns;
    QString error;
    if (!MySqlHandle::query(m_handle, QStringLiteral("SELECT @@character_set_client, @@character_set_connection"),
                            &charsets, &error)
        || charsets.size() != 1 || charsets.first().size() != 2
        || !MySqlHandle::query(m_handle, QStringLiteral("SHOW FULL COLUMNS FROM ") + QString::fromUtf8(rows.table()),
                               &columns, &error)) {
        qCDebug(lcMySql) << "every string of" << rows.table() << "goes as text:" << error;
        return;
    }
    const QString client = charsets.first().at(0);
    const bool sameCharsets = client.compare(charsets.first().at(1), Qt::CaseInsensitive) == 0;
    const std::vector<QByteArray> &names = rows.columnNames();
    for (int c = 0; c < rows.columns(); ++c) {
        const QStringList *column = nullptr;
        if (names.empty()) {
            // Without a column list the values fill the visible columns in order; with
            // invisible ones the positions would not match, so nothing goes as binary.
            if (columns.size() != rows.columns())
                return;
            column = &columns.at(c);
        } else {
            const QString name = QString::fromUtf8(names[size_t(c)]);
            for (const QStringList &candidate : std::as_const(columns)) {
                if (candidate.value(0).compare(name, Qt::CaseInsensitive) == 0) {
                    column = &candidate;
                    break;
                }
            }
        }
        // Field, Type, Collation, ...
        if (column && column->size() >= 3) {
            m_binaryStringColumns[size_t(c)] = sameCharsets && storesBytesAsSent(column->at(1), column->at(2), client);
            m_hexColumns[size_t(c)] = storesHexAsBytes(column->at(1));
        }
    }
}

MySqlBulkInserter::Result MySqlBulkInserter::insert(const InsertRowsDecoder &rows, QString *error)
{
    const qsizetype rowCount = rows.rows();
    const int columns = rows.columns();
    if (rowCount == 0 || columns == 0 || !m_supportsBulk)
        return Result::NotApplicable;
    if (m_maxPacket == 0) {
        QVector<QStringList> result;
        QString ignored;
        if (MySqlHandle::query(m_handle, QStringLiteral("SELECT @@max_allowed_packet"), &result, &ignored)
            && !result.isEmpty())
            m_maxPacket = result.first().value(0).toULongLong();
        if (m_maxPacket == 0)
            return Result::NotApplicable;
    }
    // Every value costs at most 9 length or value bytes plus its indicator and type.
    const unsigned long long request = static_cast<unsigned long long>(rows.dataSize())
        + static_cast<unsigned long long>(rowCount) * columns * 12 + 4096;
    if (request > m_maxPacket / 10 * 9)
        return Result::NotApplicable;

    // Runs of rows whose non-NULL values have one type per column.
    std::vector<Run> runs;
    std::vector<InsertRowsDecoder::Kind> kinds(size_t(columns), InsertRowsDecoder::Kind::Null);
    Run current;
    std::vector<bool> hexIn(size_t(columns), false);
    bool anyHex = false;
    for (qsizetype r = 0; r < rowCount; ++r) {
        bool fits = true;
        for (int c = 0; c < columns && fits; ++c)
            fits = compatible(kinds[size_t(c)], rows.value(r, c).kind);
        if (!fits) {
            runs.push_back(current);
            current = Run{ r, 0 };
            std::fill(kinds.begin(), kinds.end(), InsertRowsDecoder::Kind::Null);
        }
        for (int c = 0; c < columns; ++c) {
            const InsertRowsDecoder::Kind kind = rows.value(r, c).kind;
            if (kind != InsertRowsDecoder::Kind::Null)
                kinds[size_t(c)] = kind;
            if (kind == InsertRowsDecoder::Kind::Binary && !hexIn[size_t(c)]) {
                hexIn[size_t(c)] = true;
                anyHex = true;
            }
        }
        ++current.count;
    }
    runs.push_back(current);
    // Several executes are one statement only inside a transaction of our own.
    const unsigned int status = MySqlHandle::serverStatus(m_handle);
    const bool ownTransaction = runs.size() > 1;
    if (ownTransaction && (!(status & SERVER_STATUS_AUTOCOMMIT) || (status & SERVER_STATUS_IN_TRANS)))
        return Result::NotApplicable;

    if (!prepare(rows))
        return Result::NotApplicable;
    if (mysql_stmt_param_count(m_statement) != static_cast<unsigned long>(columns)) {
        closeStatement();
        return Result::NotApplicable;
    }
    // Looking the columns up costs two queries: only worth it for a table with much text, or
    // one whose values hold hex literals (our dumps write them for binary columns only).
    m_stringBytes += rows.dataSize();
    if (m_binaryStringColumns.empty() && (anyHex || m_stringBytes >= kClassifyAfterBytes))
        classifyColumns(rows);
    for (int c = 0; c < columns && anyHex; ++c) {
        if (hexIn[size_t(c)] && !takesHex(c))
            return Result::NotApplicable;
    }
    if (ownTransaction && !MySqlHandle::exec(m_handle, QByteArrayLiteral("START TRANSACTION"), error))
        return Result::Failed;
    for (size_t i = 0; i < runs.size(); ++i) {
        unsigned int errorNumber = 0;
        if (execute(rows, runs[i], &errorNumber, error))
            continue;
        if (ownTransaction) {
            QString ignored; // the execute's error is the one to report
            MySqlHandle::exec(m_handle, QByteArrayLiteral("ROLLBACK"), &ignored);
        }
        // A server that cannot run this statement in bulk said so before storing anything.
        const bool unsupported = errorNumber == kUnsupportedPreparedStatement || errorNumber == CR_NOT_IMPLEMENTED
            || errorNumber == CR_FUNCTION_NOT_SUPPORTED || errorNumber == CR_BULK_WITHOUT_PARAMETERS;
        if (unsupported && (i == 0 || ownTransaction)) {
            closeStatement();
            m_refused = rows.preparedStatement();
            error->clear();
            return Result::NotApplicable;
        }
        return Result::Failed;
    }
    if (ownTransaction && !MySqlHandle::exec(m_handle, QByteArrayLiteral("COMMIT"), error))
        return Result::Failed;
    ++m_inserted;
    return Result::Inserted;
}

bool MySqlBulkInserter::execute(const InsertRowsDecoder &rows, const Run &run, unsigned int *errorNumber,
                                QString *error)
{
    using Kind = InsertRowsDecoder::Kind;
    const int columns = rows.columns();
    const size_t n = size_t(run.count);
    std::vector<ColumnArrays> arrays(static_cast<size_t>(columns));
    std::vector<MYSQL_BIND> binds(static_cast<size_t>(columns));
    const char *data = rows.data();
    for (int c = 0; c < columns; ++c) {
        ColumnArrays &a = arrays[size_t(c)];
        for (qsizetype r = run.first; r < run.first + run.count && a.kind == Kind::Null; ++r)
            a.kind = rows.value(r, c).kind;
        a.indicators.resize(n, STMT_INDICATOR_NONE);
        const bool fixed = a.kind == Kind::Integer || a.kind == Kind::Unsigned || a.kind == Kind::Double;
        if (a.kind == Kind::Double)
            a.reals.resize(n, 0.0);
        else if (fixed)
            a.integers.resize(n, 0);
        else {
            a.pointers.resize(n, data);
            a.lengths.resize(n, 0);
        }
        for (size_t i = 0; i < n; ++i) {
            const InsertRowsDecoder::Value &v = rows.value(run.first + qsizetype(i), c);
            if (v.kind == Kind::Null) {
                a.indicators[i] = STMT_INDICATOR_NULL;
                continue;
            }
            switch (v.kind) {
            case Kind::Integer:
                a.integers[i] = v.integer;
                break;
            case Kind::Unsigned:
                a.integers[i] = static_cast<long long>(v.unsignedInteger);
                break;
            case Kind::Double:
                a.reals[i] = v.real;
                break;
            default:
                a.pointers[i] = data + v.offset;
                a.lengths[i] = static_cast<unsigned long>(v.length);
                break;
            }
        }
        MYSQL_BIND &b = binds[size_t(c)];
        b = MYSQL_BIND{};
        b.u.indicator = a.indicators.data();
        switch (a.kind) {
        case Kind::Integer:
        case Kind::Unsigned:
            b.buffer_type = MYSQL_TYPE_LONGLONG;
            b.is_unsigned = a.kind == Kind::Unsigned;
            b.buffer = a.integers.data();
            break;
        case Kind::Double:
            b.buffer_type = MYSQL_TYPE_DOUBLE;
            b.buffer = a.reals.data();
            break;
        case Kind::Decimal:
        case Kind::Text:
        case Kind::Binary:
        case Kind::Null:
            // Variable-length columns bind an array of pointers and one of lengths. A hex literal
            // is a binary string, as a BLOB parameter is; a quoted one is in the client character
            // set, unless binaryStringColumns() says its bytes may go as they are.
            if (a.kind == Kind::Decimal)
                b.buffer_type = MYSQL_TYPE_NEWDECIMAL;
            else if (a.kind == Kind::Binary || (a.kind == Kind::Text && binaryString(c)))
                b.buffer_type = MYSQL_TYPE_BLOB;
            else
                b.buffer_type = MYSQL_TYPE_STRING;
            b.buffer = a.pointers.data();
            b.length = a.lengths.data();
            break;
        }
    }
    unsigned int arraySize = static_cast<unsigned int>(n);
    if (mysql_stmt_attr_set(m_statement, STMT_ATTR_ARRAY_SIZE, &arraySize) != 0
        || mysql_stmt_bind_param(m_statement, binds.data()) != 0 || mysql_stmt_execute(m_statement) != 0) {
        *errorNumber = mysql_stmt_errno(m_statement);
        *error = QString::fromUtf8(mysql_stmt_error(m_statement));
        return false;
    }
    return true;
}
