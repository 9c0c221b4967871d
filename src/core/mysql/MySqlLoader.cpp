// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlLoader.h"

#include "CollationCompatibility.h"
#include "DefinerPrivileges.h"
#include "GroupDispatcher.h"
#include "InsertRowsDecoder.h"
#include "MySqlBulkInserter.h"
#include "MySqlConnection.h"
#include "MySqlHandle.h"
#include "MySqlSession.h"
#include "SqlStatementReader.h"
#include "compress/GzipReader.h"
#include "util/Logging.h"

#include <QSet>

#include <chrono>
#include <condition_variable>
#include <limits>
#include <memory>
#include <mutex>
#include <mysql.h>
#include <thread>
#include <vector>

namespace {

using Statement = LoadStatement;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Past spaces and the markers of executable comments ("/*!50003 ", "/*M!100100 ", "*/"): the
// text the server reads.
qsizetype skipSpacesAndCommentMarkers(const QByteArray &sql, qsizetype p)
{
    const qsizetype n = sql.size();
    for (;;) {
        while (p < n && isSpace(sql.at(p)))
            ++p;
        if (sql.mid(p, 3) == "/*!" || sql.mid(p, 4) == "/*M!") {
            p += sql.at(p + 2) == '!' ? 3 : 4;
            while (p < n && sql.at(p) >= '0' && sql.at(p) <= '9')
                ++p;
        } else if (sql.mid(p, 2) == "*/") {
            p += 2;
        } else {
            return p;
        }
    }
}

// Upper-case keywords at the start, looking through executable comments such as /*!40101 SET.
QByteArray firstWords(const QByteArray &sql, int count, qsizetype *endPos = nullptr)
{
    qsizetype p = 0;
    const qsizetype n = sql.size();
    QByteArray words;
    for (int w = 0; w < count;) {
        p = skipSpacesAndCommentMarkers(sql, p);
        const qsizetype start = p;
        while (
            p < n
            && ((sql.at(p) >= 'a' && sql.at(p) <= 'z') || (sql.at(p) >= 'A' && sql.at(p) <= 'Z') || sql.at(p) == '_'))
            ++p;
        if (p == start)
            break;
        if (!words.isEmpty())
            words.append(' ');
        words.append(sql.mid(start, p - start).toUpper());
        ++w;
    }
    if (endPos)
        *endPos = p;
    return words;
}

// The backtick-quoted name at @p p (after spaces), as our dumper writes it; empty otherwise.
QByteArray quotedNameAt(const QByteArray &sql, qsizetype p)
{
    while (p < sql.size() && isSpace(sql.at(p)))
        ++p;
    if (p >= sql.size() || sql.at(p) != '`')
        return {};
    QByteArray name;
    for (++p; p < sql.size(); ++p) {
        if (sql.at(p) == '`') {
            if (p + 1 < sql.size() && sql.at(p + 1) == '`') {
                name.append('`');
                ++p;
                continue;
            }
            return name;
        }
        name.append(sql.at(p));
    }
    return {};
}

// For a parallel-tables dump: the table whose group @p s belongs to (empty for a statement that
// must run alone), and what kind of group statement it is.
void classifyGroup(Statement *s)
{
    qsizetype end = 0;
    const QByteArray words = firstWords(s->sql, 2, &end);
    if (words == "INSERT INTO")
        s->group = Statement::Group::Insert;
    else if (words == "CREATE TABLE")
        s->group = Statement::Group::CreateTable;
    else if (words == "ALTER TABLE")
        s->group = Statement::Group::Other;
    else if (words == "DROP TABLE" && firstWords(s->sql, 4, &end) == "DROP TABLE IF EXISTS")
        s->group = Statement::Group::Other;
    else
        return;
    s->table = quotedNameAt(s->sql, end);
    if (s->table.isEmpty())
        s->group = Statement::Group::None;
}

// Whether rows of the table a CREATE TABLE of our dumper makes may go as bulk executes: a plain
// InnoDB table (a failed statement keeps none of its rows, as the text statement would). SHOW
// CREATE TABLE puts the engine first after the column list, on a line of its own.
bool bulkEligible(const QByteArray &createTable)
{
    const qsizetype options = createTable.indexOf("\n) ENGINE=InnoDB");
    return options > 0 && !createTable.mid(options).contains("WITH SYSTEM VERSIONING");
}

// Character sets in which a backslash or quote byte is never part of a multibyte character, so
// that InsertRowsDecoder reads strings as the server does.
bool decodableCharset(const QByteArray &name)
{
    static const QList<QByteArray> safe{ "utf8mb4", "utf8mb3", "utf8", "latin1", "ascii", "binary" };
    return safe.contains(name.toLower());
}

QString describeFailure(const Statement &s, const QString &message)
{
    QString text
        = QStringLiteral("statement %1 (line %2) failed: %3").arg(s.number).arg(s.line).arg(message.simplified());
    // A user without SUPER or SET USER may not name another definer (the clause is still there:
    // definers are kept).
    if (message.contains(QLatin1String("Access denied")) && MySqlLoader::stripDefiner(s.sql) != s.sql)
        text += QStringLiteral(". It names another user as DEFINER: load with --definer strip to create the "
                               "file's views, routines, triggers and events for the loading user");
    return text;
}

// Runs the statements of our own dump on one connection: an INSERT into an InnoDB table that this
// connection created goes as a bulk execute when the decoder recognises it, anything else as text.
class StatementRunner
{
public:
    StatementRunner(MySqlSession *session, bool binaryInserts)
        : m_session(session)
    {
        if (binaryInserts) {
            m_bulk = std::make_unique<MySqlBulkInserter>(session->handle());
            if (!m_bulk->serverSupportsBulk())
                m_bulk.reset();
        }
    }

    bool run(const Statement &s, QString *error)
    {
        if (!s.useDatabase.isEmpty()) {
            // As the client runs USE: COM_INIT_DB with the name as it parsed it.
            if (mysql_select_db(m_session->handle(), s.useDatabase.constData()) == 0)
                return true;
            *error = QString::fromUtf8(mysql_error(m_session->handle()));
            return false;
        }
        bool ok = true;
        if (sendBulk(s, error, &ok))
            return ok;
        if (!m_session->exec(s.sql, error))
            return false;
        if (m_bulk && s.group == Statement::Group::CreateTable) {
            if (bulkEligible(s.sql))
                m_bulkTables.insert(s.table);
            else
                m_bulkTables.remove(s.table); // the same name again, now not InnoDB
        }
        // SET NAMES may have changed how strings are to be read.
        if (m_bulk && firstWords(s.sql, 1) == "SET")
            m_charsetSafe = -1;
        return true;
    }

    qint64 bulkStatements() const { return m_bulk ? m_bulk->statementsInserted() : 0; }

private:
    // True when the statement went (or failed) as a bulk execute; false to send it as text.
    bool sendBulk(const Statement &s, QString *error, bool *ok)
    {
        if (!m_bulk || s.group != Statement::Group::Insert || !m_bulkTables.contains(s.table))
            return false;
        if (m_charsetSafe < 0) {
            QVector<QStringList> rows;
            QString ignored;
            m_charsetSafe = m_session->query(QStringLiteral("SELECT @@character_set_client"), &rows, &ignored)
                && !rows.isEmpty() && decodableCharset(rows.first().value(0).toLatin1());
        }
        if (m_charsetSafe != 1 || (MySqlHandle::serverStatus(m_session->handle()) & SERVER_STATUS_NO_BACKSLASH_ESCAPES)
            || !m_decoder.decode(s.sql))
            return false;
        switch (m_bulk->insert(m_decoder, error)) {
        case MySqlBulkInserter::Result::Inserted:
            return true;
        case MySqlBulkInserter::Result::Failed:
            *ok = false;
            return true;
        case MySqlBulkInserter::Result::NotApplicable:
            break;
        }
        return false;
    }

    MySqlSession *m_session;
    std::unique_ptr<MySqlBulkInserter> m_bulk;
    InsertRowsDecoder m_decoder;
    QSet<QByteArray> m_bulkTables; // InnoDB tables this connection created
    int m_charsetSafe = -1; // unknown until the first INSERT after the session's last SET
};

// Failures of a parallel load: the earliest statement wins, and once one failed no connection
// starts another statement.
struct FailureState
{
    std::mutex mutex;
    std::atomic<bool> failed{ false };
    qint64 number = 0;
    QString message;

    void record(qint64 statementNumber, const QString &text)
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failed.load() || statementNumber < number) {
            number = statementNumber;
            message = text;
        }
        failed = true;
    }
};

// One extra connection, in its own thread (a connection belongs to the thread that opened it),
// that runs the statements the dispatcher gives it.
class LoadWorker
{
public:
    LoadWorker(const MySqlEndpoint &endpoint, GroupDispatcher *dispatcher, int index, FailureState *failures,
               bool binaryInserts)
        : m_endpoint(endpoint)
        , m_dispatcher(dispatcher)
        , m_index(index)
        , m_failures(failures)
        , m_binaryInserts(binaryInserts)
    { }
    ~LoadWorker() { join(); }

    bool start(QString *error)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_thread = std::thread([this] { run(); });
        m_cv.wait(lock, [this] { return m_opened; });
        if (!m_openError.isEmpty()) {
            *error = m_openError;
            return false;
        }
        return true;
    }

    /// Call after GroupDispatcher::stop().
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

    /// INSERT statements this connection sent as bulk executes.
    qint64 bulkStatements() const { return m_bulkStatements.load(); }
    /// The server's id of this connection (0 until it is open).
    unsigned long connectionId() const { return m_connectionId.load(); }

private:
    void run()
    {
        MySqlSession session(m_endpoint, QStringLiteral("load-worker"));
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            QString error;
            if (!session.open(&error))
                m_openError = error.isEmpty() ? QStringLiteral("cannot connect") : error;
            else
                m_connectionId = mysql_thread_id(session.handle());
            m_opened = true;
        }
        m_cv.notify_all();
        if (!m_openError.isEmpty())
            return;
        StatementRunner runner(&session, m_binaryInserts);
        Statement s;
        while (m_dispatcher->next(m_index, &s)) {
            QString error;
            if (!runner.run(s, &error))
                m_failures->record(s.number, describeFailure(s, error));
            m_bulkStatements = runner.bulkStatements();
            m_dispatcher->done(m_index);
        }
    }

    MySqlEndpoint m_endpoint;
    GroupDispatcher *m_dispatcher;
    const int m_index;
    FailureState *m_failures;
    bool m_binaryInserts;
    std::atomic<qint64> m_bulkStatements{ 0 };
    std::atomic<unsigned long> m_connectionId{ 0 };
    std::thread m_thread;
    std::mutex m_mutex; // guards the opening handshake
    std::condition_variable m_cv;
    bool m_opened = false;
    QString m_openError;
};

// Makes a cancel take effect within about a second: statements already queued are dropped as
// after a failure, and the statements the connections are running (a long INSERT ... SELECT,
// an index build) are stopped with KILL QUERY from a connection of its own, as the stock
// client does on Ctrl-C. The kill is repeated until the load returns, since a statement that
// starts just after a kill is not stopped by it.
class LoadCanceller
{
public:
    LoadCanceller(const MySqlEndpoint &endpoint, const std::atomic<bool> *cancel, FailureState *failures)
        : m_endpoint(endpoint)
        , m_cancel(cancel)
        , m_failures(failures)
    { }
    ~LoadCanceller() { stop(); }

    /// Watches the flag for these connections until stop(); does nothing without a flag.
    void start(std::vector<unsigned long> connectionIds)
    {
        if (!m_cancel)
            return;
        m_ids = std::move(connectionIds);
        m_thread = std::thread([this] { run(); });
    }

    void stop()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void run()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_done && !m_cancel->load())
            m_cv.wait_for(lock, std::chrono::milliseconds(100));
        if (m_done)
            return;
        m_failures->record(std::numeric_limits<qint64>::max(), QStringLiteral("cancelled"));
        while (!m_done) {
            lock.unlock();
            for (const unsigned long id : m_ids) {
                QString error;
                if (!MySqlConnection::killQuery(m_endpoint, id, 3, &error))
                    qCWarning(lcMySql) << "cannot stop the statement of connection" << id << ":" << error;
            }
            lock.lock();
            m_cv.wait_for(lock, std::chrono::seconds(1), [this] { return m_done; });
        }
    }

    MySqlEndpoint m_endpoint;
    const std::atomic<bool> *m_cancel;
    FailureState *m_failures;
    std::vector<unsigned long> m_ids;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_done = false;
};

} // namespace

MySqlLoader::MySqlLoader(const MySqlEndpoint &endpoint, const LoadOptions &options)
    : m_endpoint(endpoint)
    , m_options(options)
{ }

MySqlLoader::~MySqlLoader() = default;

void MySqlLoader::setProgressCallback(std::function<void(const LoadProgress &)> callback)
{
    m_progress = std::move(callback);
}

void MySqlLoader::setCancelFlag(const std::atomic<bool> *flag)
{
    m_cancel = flag;
}

QByteArray MySqlLoader::stripDefiner(const QByteArray &statement, bool noBackslashEscapes)
{
    const qsizetype n = statement.size();
    // Past spaces, comments and the markers of executable comments (mysqldump writes
    // "/*!50003 CREATE*/ /*!50017 DEFINER=`u`@`h`*/ /*!50003 TRIGGER ..."); only the text the
    // server reads counts.
    auto skipFiller = [&](qsizetype p) {
        for (;;) {
            p = skipSpacesAndCommentMarkers(statement, p);
            if (p + 1 < n && statement.at(p) == '/' && statement.at(p + 1) == '*') {
                const qsizetype close = statement.indexOf("*/", p + 2);
                p = close < 0 ? n : close + 2;
            } else if ((p < n && statement.at(p) == '#')
                       || (p + 2 < n && statement.at(p) == '-' && statement.at(p + 1) == '-'
                           && isSpace(statement.at(p + 2)))) {
                const qsizetype eol = statement.indexOf('\n', p);
                p = eol < 0 ? n : eol + 1;
            } else {
                return p;
            }
        }
    };
    auto wordAt = [&](qsizetype p, const char *word) {
        const qsizetype length = qsizetype(qstrlen(word));
        return p + length <= n && qstrnicmp(statement.constData() + p, word, size_t(length)) == 0
            && (p + length == n || !(isalnum(uchar(statement.at(p + length))) || statement.at(p + length) == '_'));
    };
    // Past one user, host or role name: a quoted name or a bare word; -1 when there is none.
    auto skipName = [&](qsizetype p) -> qsizetype {
        if (p >= n)
            return -1;
        const char q = statement.at(p);
        if (q == '`' || q == '\'' || q == '"') {
            for (++p; p < n; ++p) {
                if (q != '`' && !noBackslashEscapes && statement.at(p) == '\\') {
                    ++p;
                    continue;
                }
                if (statement.at(p) == q) {
                    if (p + 1 < n && statement.at(p + 1) == q) {
                        ++p;
                        continue;
                    }
                    return p + 1;
                }
            }
            return -1;
        }
        const qsizetype start = p;
        while (p < n
               && (isalnum(uchar(statement.at(p))) || statement.at(p) == '_' || statement.at(p) == '.'
                   || statement.at(p) == '%' || statement.at(p) == '$' || statement.at(p) == '-'
                   || uchar(statement.at(p)) >= 0x80))
            ++p;
        return p > start ? p : -1;
    };
    // The clause stands only where the grammar has it: CREATE [OR REPLACE] [ALGORITHM = a]
    // DEFINER = ... (before VIEW, FUNCTION, PROCEDURE, TRIGGER, EVENT or PACKAGE), or ALTER
    // [ALGORITHM = a] DEFINER = ... (VIEW, EVENT). A "definer = x" anywhere else is the
    // statement's own text (a column, a variable) and stays.
    qsizetype p = skipFiller(0);
    const bool create = wordAt(p, "CREATE");
    if (!create && !wordAt(p, "ALTER"))
        return statement;
    p = skipFiller(p + (create ? 6 : 5));
    if (create && wordAt(p, "OR")) {
        p = skipFiller(p + 2);
        if (!wordAt(p, "REPLACE"))
            return statement;
        p = skipFiller(p + 7);
    }
    if (wordAt(p, "ALGORITHM")) {
        p = skipFiller(p + 9);
        if (p >= n || statement.at(p) != '=')
            return statement;
        const qsizetype algorithm = skipName(skipFiller(p + 1));
        if (algorithm < 0)
            return statement;
        p = skipFiller(algorithm);
    }
    if (!wordAt(p, "DEFINER"))
        return statement;
    const qsizetype clause = p;
    p = skipFiller(p + 7);
    if (p >= n || statement.at(p) != '=')
        return statement;
    p = skipFiller(p + 1);
    qsizetype end = -1;
    if (wordAt(p, "CURRENT_USER") || wordAt(p, "CURRENT_ROLE")) {
        end = p + 12;
        const qsizetype r = skipFiller(end);
        if (r < n && statement.at(r) == '(') {
            const qsizetype close = skipFiller(r + 1);
            if (close < n && statement.at(close) == ')')
                end = close + 1;
        }
    } else {
        end = skipName(p);
        if (end > 0) {
            const qsizetype at = skipFiller(end);
            if (at < n && statement.at(at) == '@') {
                const qsizetype host = skipName(skipFiller(at + 1));
                end = host > 0 ? host : end;
            }
        }
    }
    if (end < 0)
        return statement;
    return statement.left(clause) + statement.mid(end);
}

bool MySqlLoader::mayCreateFor(MySqlSession &session, const QStringList &definers, QString *error)
{
    QVector<QStringList> rows;
    if (!session.query(QStringLiteral("SELECT CURRENT_USER()"), &rows, error) || rows.isEmpty())
        return false;
    const QString user = rows.first().value(0);
    QStringList others;
    for (const QString &definer : definers) {
        if (definer != user)
            others << definer;
    }
    if (others.isEmpty())
        return true;
    if (!session.query(QStringLiteral("SHOW GRANTS"), &rows, error))
        return false;
    QStringList grants;
    for (const QStringList &row : rows)
        grants << row.value(0);
    if (DefinerPrivileges::allowsOtherDefiners(grants))
        return true;
    constexpr int kNamed = 3;
    QString named = others.mid(0, kNamed).join(QStringLiteral(", "));
    if (others.size() > kNamed)
        named += QStringLiteral(" and %1 more").arg(others.size() - kNamed);
    *error = QStringLiteral("the dump creates views, routines, triggers or events for other accounts (%1), and %2 "
                            "may not name another definer (it has neither SET USER nor SUPER); nothing was loaded. "
                            "Load with --definer strip so that they belong to %2, or as a user who has SET USER")
                 .arg(named, user);
    return false;
}

bool MySqlLoader::load(QIODevice *in)
{
    m_error.clear();
    m_warning.clear();
    m_statements = 0;
    m_bulkStatements = 0;
    m_parallel = false;
    auto failed = [this](const QString &message) {
        // A statement stopped by the cancel's KILL QUERY fails too; the cause is the cancel.
        m_error = m_cancel && m_cancel->load() ? QStringLiteral("cancelled") : message.simplified();
        return false;
    };

    std::unique_ptr<GzipReader> gzip;
    QString openError;
    QIODevice *source = GzipReader::openText(in, &gzip, &openError);
    if (!source)
        return failed(openError);
    // Only our own dumps say on their first line that their tables may load side by side.
    const QByteArray head = source->peek(256);
    const QByteArray marker = parallelHeader();
    const bool ownDump
        = head.startsWith(marker) && (head.mid(marker.size(), 1) == "\n" || head.mid(marker.size(), 2) == "\r\n");

    MySqlSession main(m_endpoint, QStringLiteral("load"));
    QString err;
    if (!main.open(&err))
        return failed(err);
    if (ownDump && m_options.definer == LoadOptions::Definer::Keep) {
        const std::optional<QStringList> definers = DefinerPrivileges::fromHeader(source->peek(kDefinerHeadBytes));
        if (definers && !mayCreateFor(main, *definers, &err))
            return failed(err);
    }

    QSet<QString> targetCollations;
    bool collationsKnown = false;
    auto checkCollations = [&](Statement &s) -> bool {
        // Rows are data: a dump writes no COLLATE clause in them, and text such as
        // "utf8mb4_0900_ai_ci" in a row must be neither refused nor rewritten.
        if (CollationCompatibility::insertsRows(s.sql) || !CollationCompatibility::mayName(s.sql))
            return true;
        const QSet<QString> named = CollationCompatibility::collationsIn(s.sql);
        if (named.isEmpty())
            return true;
        if (!collationsKnown) {
            QVector<QStringList> rows;
            QString e;
            if (!main.query(QStringLiteral("SELECT COLLATION_NAME FROM information_schema.COLLATIONS"), &rows, &e)) {
                m_error = QStringLiteral("cannot list the target's collations: %1").arg(e);
                return false;
            }
            for (const QStringList &r : rows) {
                const QString name = r.at(0).toLower();
                targetCollations.insert(name);
                // MariaDB 10.10+ lists its UCA 14.0 collations without a character set
                // ("uca1400_ai_ci"); with utf8mb4 they are named utf8mb4_uca1400_ai_ci.
                if (name.startsWith(QLatin1String("uca1400_")))
                    targetCollations.insert(QStringLiteral("utf8mb4_") + name);
            }
            collationsKnown = true;
        }
        const QStringList missing
            = CollationCompatibility::unsupported(named, targetCollations, m_options.mapMysql8Collations);
        if (!missing.isEmpty()) {
            const bool mappable = CollationCompatibility::unsupported(named, targetCollations, true).isEmpty();
            m_error = QStringLiteral("statement %1 (line %2) uses the collation %3, which the target server does not "
                                     "have (a MySQL 8 dump): %4")
                          .arg(s.number)
                          .arg(s.line)
                          .arg(missing.join(QStringLiteral(", ")),
                               mappable ? QStringLiteral("load with the MySQL 8 collation mapping "
                                                         "(--map-mysql8-collations) to use utf8mb4_uca1400_*")
                                        : QStringLiteral("load it into MariaDB 10.10 or later, which has "
                                                         "utf8mb4_uca1400_ai_ci, or change the collation in the dump"));
            return false;
        }
        if (m_options.mapMysql8Collations)
            CollationCompatibility::map(&s.sql, targetCollations);
        return true;
    };

    FailureState failures;
    const int parallel = ownDump ? qBound(1, m_options.connections, 16) : 1;
    // Enough for the reader to run well ahead into the next tables while a connection works
    // through a large one (8 MiB left the other connection idle for most of a big table).
    constexpr qint64 kQueueBytes = 32 * 1024 * 1024;
    GroupDispatcher dispatcher(parallel, kQueueBytes, &failures.failed);
    std::vector<std::unique_ptr<LoadWorker>> workers;
    // Declared after the workers: stops and joins them on every way out.
    struct Stopper
    {
        GroupDispatcher *dispatcher;
        std::vector<std::unique_ptr<LoadWorker>> *workers;
        void stopAll()
        {
            dispatcher->stop();
            for (auto &w : *workers)
                w->join();
        }
        ~Stopper() { stopAll(); }
    } stopper{ &dispatcher, &workers };
    if (parallel > 1) {
        m_parallel = true;
        for (int i = 0; i < parallel; ++i) {
            workers.push_back(
                std::make_unique<LoadWorker>(m_endpoint, &dispatcher, i, &failures, m_options.binaryInserts));
            if (!workers.back()->start(&err))
                return failed(err);
        }
    }
    std::vector<unsigned long> connectionIds{ mysql_thread_id(main.handle()) };
    for (const auto &w : workers)
        connectionIds.push_back(w->connectionId());
    LoadCanceller canceller(m_endpoint, m_cancel, &failures);
    canceller.start(std::move(connectionIds));
    auto drainAll = [&] {
        if (!workers.empty())
            dispatcher.drain();
    };
    auto failedEarliest = [&]() {
        drainAll();
        std::lock_guard<std::mutex> lock(failures.mutex);
        return failed(failures.message);
    };

    // Our own dumps' rows go as bulk executes on whichever connection runs them (any other file
    // goes as text, statement by statement, as the stock client sends it).
    StatementRunner mainRunner(&main, ownDump && m_options.binaryInserts);
    // Counted on every way out, a failed load included.
    struct Tally
    {
        std::function<void()> count;
        ~Tally() { count(); }
    } tally{ [&] {
        stopper.stopAll(); // the counts are final once every worker has stopped
        m_bulkStatements = mainRunner.bulkStatements();
        for (auto &w : workers)
            m_bulkStatements += w->bulkStatements();
    } };
    SqlStatementReader reader(source);
    reader.setMaxStatementSize(m_options.maxStatementSize);
    reader.setKeepComments(ownDump);
    // The client reads these flags from every reply, the handshake's first.
    auto followServerStatus = [&reader, &main] {
        const unsigned int status = MySqlHandle::serverStatus(main.handle());
        reader.setServerStatus(status & SERVER_STATUS_NO_BACKSLASH_ESCAPES, status & SERVER_STATUS_ANSI_QUOTES);
    };
    followServerStatus();
    QString currentTable;
    while (reader.next()) {
        if (m_cancel && m_cancel->load()) {
            // Like a failure: queued statements are dropped (the canceller, which stops the running
            // ones, may not have seen the flag yet).
            failures.record(std::numeric_limits<qint64>::max(), QStringLiteral("cancelled"));
            drainAll();
            return failed(QStringLiteral("cancelled"));
        }
        if (failures.failed.load())
            return failedEarliest();
        Statement s;
        s.sql = reader.statement();
        s.number = reader.statementNumber();
        s.line = reader.line();
        s.useDatabase = reader.useDatabase();
        if (!checkCollations(s)) {
            drainAll();
            return false;
        }
        if (m_options.definer == LoadOptions::Definer::Strip)
            s.sql = stripDefiner(s.sql, MySqlHandle::serverStatus(main.handle()) & SERVER_STATUS_NO_BACKSLASH_ESCAPES);
        if (ownDump)
            classifyGroup(&s);
        const QByteArray table = workers.empty() ? QByteArray() : s.table;
        if (!table.isEmpty()) {
            currentTable = QString::fromUtf8(table);
            dispatcher.push(std::move(s));
        } else {
            drainAll();
            if (failures.failed.load())
                return failedEarliest();
            if (!mainRunner.run(s, &err))
                return failed(describeFailure(s, err));
            followServerStatus();
            // Session settings of our own dumps' header (and the database a USE selects) apply
            // to every connection.
            if (!workers.empty() && (firstWords(s.sql, 1) == "SET" || !s.useDatabase.isEmpty())) {
                dispatcher.pushToAll(s);
                drainAll();
                if (failures.failed.load())
                    return failedEarliest();
            }
        }
        ++m_statements;
        if (m_progress)
            m_progress(LoadProgress{ m_statements, gzip ? gzip->compressedBytesRead() : reader.bytesConsumed(),
                                     currentTable });
    }
    drainAll();
    if (failures.failed.load())
        return failedEarliest();
    if (reader.hasError()) {
        const QString readError
            = gzip && !gzip->errorString().isEmpty() && gzip->errorString() != QLatin1String("Unknown error")
            ? QStringLiteral("cannot read input: %1").arg(gzip->errorString())
            : reader.errorString();
        return failed(readError);
    }
    if (gzip)
        m_warning = gzip->trailingDataWarning();
    return true;
}
