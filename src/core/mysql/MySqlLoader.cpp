// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlLoader.h"

#include "MySqlSession.h"
#include "SqlStatementReader.h"
#include "compress/GzipReader.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace {

struct Statement
{
    QByteArray sql;
    qint64 number = 0;
    qint64 line = 0;
};

enum class Route { Parallel, Serial, Broadcast };

// First keyword, looking through a leading executable comment such as /*!40101 SET ... */.
QByteArray firstWords(const QByteArray &sql, int count)
{
    qsizetype p = 0;
    const qsizetype n = sql.size();
    if (sql.startsWith("/*!") || sql.startsWith("/*M!")) {
        p = sql.startsWith("/*!") ? 3 : 4;
        while (p < n && sql.at(p) >= '0' && sql.at(p) <= '9')
            ++p;
    }
    QByteArray words;
    for (int w = 0; w < count; ++w) {
        while (p < n && (sql.at(p) == ' ' || sql.at(p) == '\t' || sql.at(p) == '\n' || sql.at(p) == '\r'))
            ++p;
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
    }
    return words;
}

QString insertTarget(const QByteArray &sql)
{
    const qsizetype into = sql.indexOf("INTO ");
    if (into < 0 || into > 40)
        return {};
    qsizetype p = into + 5;
    if (p < sql.size() && sql.at(p) == '`') {
        QByteArray name;
        for (++p; p < sql.size(); ++p) {
            if (sql.at(p) == '`') {
                if (p + 1 < sql.size() && sql.at(p + 1) == '`') {
                    name.append('`');
                    ++p;
                    continue;
                }
                break;
            }
            name.append(sql.at(p));
        }
        return QString::fromUtf8(name);
    }
    const qsizetype end = sql.indexOf(' ', p);
    return QString::fromUtf8(sql.mid(p, end < 0 ? -1 : end - p));
}

QString describeFailure(const Statement &s, const QString &message)
{
    return QStringLiteral("statement %1 (line %2) failed: %3").arg(s.number).arg(s.line).arg(message.simplified());
}

// One extra connection that executes INSERTs handed to it, in its own thread (a QSqlDatabase
// belongs to the thread that opened it).
class LoadWorker
{
public:
    explicit LoadWorker(const MySqlEndpoint &endpoint)
        : m_endpoint(endpoint)
    { }
    ~LoadWorker() { stop(); }

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

    void stop()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    // Blocks while the queue is full (bounds memory to a few statements per connection).
    void push(Statement s)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [this] { return m_queue.size() < 2 || !m_error.isEmpty(); });
        m_queue.push_back(std::move(s));
        m_cv.notify_all();
    }

    size_t pending()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_queue.size() + (m_busy ? 1 : 0);
    }

    /// Waits until everything queued ran; returns the first error, if any.
    QString drain()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [this] { return (m_queue.empty() && !m_busy) || !m_error.isEmpty(); });
        return m_error;
    }

    QString error()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_error;
    }

private:
    void run()
    {
        MySqlSession session(m_endpoint, QStringLiteral("load-worker"));
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            QString error;
            if (!session.open(&error))
                m_openError = error.isEmpty() ? QStringLiteral("cannot connect") : error;
            m_opened = true;
        }
        m_cv.notify_all();
        if (!m_openError.isEmpty())
            return;
        for (;;) {
            Statement s;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_cv.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty())
                    return;
                s = std::move(m_queue.front());
                m_queue.pop_front();
                m_busy = true;
            }
            m_cv.notify_all();
            QString error;
            const bool ok = session.exec(s.sql, &error);
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_busy = false;
                if (!ok && m_error.isEmpty())
                    m_error = describeFailure(s, error);
            }
            m_cv.notify_all();
        }
    }

    MySqlEndpoint m_endpoint;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Statement> m_queue;
    bool m_busy = false;
    bool m_stopping = false;
    bool m_opened = false;
    QString m_openError;
    QString m_error;
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

bool MySqlLoader::load(QIODevice *in)
{
    m_error.clear();
    m_statements = 0;
    auto failed = [this](const QString &message) {
        m_error = message.simplified();
        return false;
    };

    std::unique_ptr<GzipReader> gzip;
    QIODevice *source = in;
    if (GzipReader::hasGzipMagic(in->peek(2))) {
        gzip = std::make_unique<GzipReader>(in);
        if (!gzip->open(QIODevice::ReadOnly))
            return failed(gzip->errorString());
        source = gzip.get();
    }

    MySqlSession main(m_endpoint, QStringLiteral("load"));
    QString err;
    if (!main.open(&err))
        return failed(err);
    std::vector<std::unique_ptr<LoadWorker>> workers;
    const int parallel = qBound(1, m_options.connections, 16);
    if (parallel > 1) {
        for (int i = 0; i < parallel; ++i) {
            workers.push_back(std::make_unique<LoadWorker>(m_endpoint));
            if (!workers.back()->start(&err))
                return failed(err);
        }
    }
    auto drainAll = [&]() -> QString {
        for (auto &w : workers) {
            const QString e = w->drain();
            if (!e.isEmpty())
                return e;
        }
        return {};
    };

    SqlStatementReader reader(source);
    bool serialSection = false;
    QString currentTable;
    while (reader.next()) {
        if (m_cancel && m_cancel->load()) {
            drainAll();
            return failed(QStringLiteral("cancelled"));
        }
        Statement s{ reader.statement(), reader.statementNumber(), reader.line() };
        const QByteArray words = firstWords(s.sql, 2);
        Route route = Route::Serial;
        if (words.startsWith("INSERT") || words.startsWith("REPLACE")) {
            route = serialSection || workers.empty() ? Route::Serial : Route::Parallel;
            currentTable = insertTarget(s.sql);
        } else if (words.startsWith("SET") || words == "COMMIT" || words == "ROLLBACK" || words == "BEGIN"
                   || words == "START TRANSACTION" || words.startsWith("USE")) {
            route = Route::Broadcast;
        } else if (words == "LOCK TABLES" || words == "LOCK TABLE") {
            serialSection = true;
        } else if (words == "UNLOCK TABLES" || words == "UNLOCK TABLE") {
            serialSection = false;
        }

        if (route == Route::Parallel) {
            LoadWorker *best = workers.front().get();
            size_t bestPending = best->pending();
            for (auto &w : workers) {
                const size_t p = w->pending();
                if (p < bestPending) {
                    best = w.get();
                    bestPending = p;
                }
            }
            const QString e = best->error();
            if (!e.isEmpty()) {
                drainAll();
                return failed(e);
            }
            best->push(std::move(s));
        } else {
            const QString e = drainAll();
            if (!e.isEmpty())
                return failed(e);
            if (!main.exec(s.sql, &err))
                return failed(describeFailure(s, err));
            if (route == Route::Broadcast) {
                for (auto &w : workers)
                    w->push(s);
                const QString e2 = drainAll();
                if (!e2.isEmpty())
                    return failed(e2);
            }
        }
        ++m_statements;
        if (m_progress)
            m_progress(LoadProgress{ m_statements, gzip ? gzip->compressedBytesRead() : reader.bytesConsumed(),
                                     currentTable });
    }
    const QString e = drainAll();
    if (!e.isEmpty())
        return failed(e);
    if (reader.hasError()) {
        const QString readError
            = gzip && !gzip->errorString().isEmpty() && gzip->errorString() != QLatin1String("Unknown error")
            ? QStringLiteral("cannot read input: %1").arg(gzip->errorString())
            : reader.errorString();
        return failed(readError);
    }
    return true;
}
