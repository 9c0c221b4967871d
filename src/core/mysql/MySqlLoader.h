// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LoadOptions.h"
#include "MySqlEndpoint.h"

#include <QIODevice>

#include <atomic>
#include <functional>

/// Executes a dump (.sql or .sql.gz, detected from the magic bytes) against a database, like
/// `mariadb DB < dump.sql`, streaming with bounded memory.
///
/// Blocking: call load() on a worker thread; it opens its own connections under unique names.
/// Statements are split by SqlStatementReader (so mysqldump files with DELIMITER blocks load)
/// and sent as raw bytes on the QMYSQL handle (a mysqldump file may hold binary strings that
/// are not UTF-8). INSERTs are spread over LoadOptions::connections connections; every other
/// statement waits until they are done and runs alone (SET, transaction control and USE on
/// every connection), and a LOCK TABLES section runs serially, so the outcome equals a serial
/// load. The load stops at the first failing statement; errorString() names its number, line
/// and the server's message.
class MySqlLoader
{
public:
    explicit MySqlLoader(const MySqlEndpoint &endpoint, const LoadOptions &options = {});
    ~MySqlLoader();

    void setProgressCallback(std::function<void(const LoadProgress &)> callback);
    void setCancelFlag(const std::atomic<bool> *flag);

    bool load(QIODevice *in);
    QString errorString() const { return m_error; }
    /// Statements executed by the last load().
    qint64 statementsExecuted() const { return m_statements; }

private:
    MySqlEndpoint m_endpoint;
    LoadOptions m_options;
    std::function<void(const LoadProgress &)> m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
    QString m_error;
    qint64 m_statements = 0;
};
