// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `dump` and `load`: catalog-free, like mysqldump and mysql. The password comes from MYSQL_PWD
// only (never from the command line, where `ps` would show it). Progress goes to stderr only
// when stderr is a terminal; stdout carries the dump with `--output -`.
#include "CancellableStream.h"
#include "CliArgs.h"
#include "CliContext.h"
#include "CommandGroup.h"
#include "Commands.h"
#include "StopSignals.h"
#include "compress/GzipWriter.h"
#include "mysql/MySqlConnection.h"
#include "mysql/MySqlDumper.h"
#include "mysql/MySqlLoader.h"
#include "util/Counted.h"
#include "util/PrivateFiles.h"
#include "util/Sentence.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <unistd.h>

namespace {

struct Common
{
    MySqlEndpoint endpoint;
    bool quiet = false;
};

void addEndpointOptions(CliArgs &args)
{
    for (const char *name : { "host", "port", "socket", "user", "database" })
        args.option(QLatin1String(name));
    args.flag(QStringLiteral("quiet"));
}

/// Option @p name's value, or @p fallback when it is not given.
QString valueOr(const CliArgs &args, const QString &name, const QString &fallback)
{
    return args.isSet(name) ? args.value(name) : fallback;
}

// Returns -1 on success, else the exit code to return.
int parseCommon(CliArgs &args, const QStringList &input, Common *common)
{
    if (!args.parse(input, 0, 0))
        return args.exitCode();
    bool portOk = false;
    common->endpoint.host = valueOr(args, QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    common->endpoint.port = valueOr(args, QStringLiteral("port"), QStringLiteral("3306")).toInt(&portOk);
    common->endpoint.socket = args.value(QStringLiteral("socket"));
    common->endpoint.user = args.value(QStringLiteral("user"));
    common->endpoint.database = args.value(QStringLiteral("database"));
    common->endpoint.password = qEnvironmentVariable("MYSQL_PWD");
    common->quiet = args.isSet(QStringLiteral("quiet"));
    if (!portOk || common->endpoint.port <= 0 || common->endpoint.port > 65535)
        return args.usageError(QStringLiteral("--port needs a number between 1 and 65535"));
    if (!args.require(QStringLiteral("user")) || !args.require(QStringLiteral("database")))
        return args.exitCode();
    return -1;
}

int fail(const QString &command, const QString &message)
{
    QTextStream(stderr) << "creodrop-backupctl " << command << ": " << message.simplified() << '\n';
    return Cli::Failure;
}

int dump(CliArgs &args, const QStringList &input)
{
    const QString command = QStringLiteral("dump");
    addEndpointOptions(args);
    for (const char *name : { "output", "level", "threads", "tls", "tls-ca" })
        args.option(QLatin1String(name));
    Common common;
    const int rc = parseCommon(args, input, &common);
    if (rc >= 0)
        return rc;
    const auto tlsMode = MySqlTls::fromString(valueOr(args, QStringLiteral("tls"), QStringLiteral("preferred")));
    if (!tlsMode)
        return args.usageError(QStringLiteral("--tls must be off, preferred, required, verify-ca or verify-identity"));
    common.endpoint.tlsMode = *tlsMode;
    common.endpoint.tlsCa = args.value(QStringLiteral("tls-ca"));
    bool ok = false;
    // Level 5 measured on CMS-like data: within 1 % of gzip -6's size for about 20 % less CPU,
    // and compression is what bounds a dump on two cores.
    const int level = valueOr(args, QStringLiteral("level"), QStringLiteral("5")).toInt(&ok);
    if (!ok || level < 0 || level > 9)
        return args.usageError(QStringLiteral("--level needs a number between 0 and 9"));
    const int threads
        = valueOr(args, QStringLiteral("threads"), QString::number(QThread::idealThreadCount())).toInt(&ok);
    if (!ok || threads < 1 || threads > 32)
        return args.usageError(QStringLiteral("--threads needs a number between 1 and 32"));

    const QString output = valueOr(args, QStringLiteral("output"), QStringLiteral("-"));
    const bool toStdout = output == QLatin1String("-");
    const QString partPath = output + QStringLiteral(".part");
    // The dump runs on a thread of its own so that SIGINT and SIGTERM stop it cleanly: the
    // statement it runs is stopped (it may wait on a lock), a write to stdout that waits for its
    // reader gives up, and the .part file is removed.
    std::atomic<bool> cancel{ false };
    QFile file;
    CancellableStream standardOutput(STDOUT_FILENO, &cancel);
    QIODevice *sink = toStdout ? static_cast<QIODevice *>(&standardOutput) : &file;
    if (toStdout) {
        if (!standardOutput.open(QIODevice::WriteOnly))
            return fail(command, QStringLiteral("cannot write to stdout"));
    } else {
        // Like mysqldump --result-file: the old file stays whole until the new one is complete.
        file.setFileName(partPath);
        QString error;
        QFile::remove(partPath); // a leftover; unlinks a link itself, never its target
        if (!PrivateFiles::openForWriting(&file, PrivateFiles::CreateNew, &error))
            return fail(command, error);
    }
    auto cleanup = [&] {
        if (!toStdout) {
            file.close();
            QFile::remove(partPath);
        }
    };

    const bool showProgress = !common.quiet && isatty(STDERR_FILENO);
    QElapsedTimer timer;
    timer.start();
    qint64 lastReport = -1000;
    MySqlDumper dumper(common.endpoint);
    if (showProgress) {
        dumper.setProgressCallback([&](const DumpProgress &p) {
            if (timer.elapsed() - lastReport < 250)
                return;
            lastReport = timer.elapsed();
            const double seconds = qMax(0.001, timer.elapsed() / 1000.0);
            QTextStream(stderr) << QStringLiteral("\r\033[K[%1/%2] %3: %4, %5, %6/s")
                                       .arg(p.tableIndex + 1)
                                       .arg(p.tableCount)
                                       .arg(p.table, Counted::of(p.rows, "row", "rows"))
                                       .arg(CliContext::formatSize(qint64(p.bytes)),
                                            CliContext::formatSize(qint64(p.bytes / seconds)));
        });
    }
    std::atomic<unsigned long> connectionId{ 0 };
    dumper.setCancelFlag(&cancel);
    dumper.setConnectionIdSink(&connectionId);
    StopSignals stopSignals;
    stopSignals.setGraceMessage(
        toStdout ? QStringLiteral("the dump did not stop in time; exiting now (the output is "
                                  "incomplete)")
                 : QStringLiteral("the dump did not stop in time; exiting now (remove %1)").arg(partPath));
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &stopSignals, [&] {
        cancel = true;
        QString ignored;
        MySqlConnection::killQuery(common.endpoint, connectionId.load(), 3, &ignored);
    });
    QString dumpError;
    qint64 compressedBytes = 0;
    const bool dumped = stopSignals.runCancellable(
        [&] {
            GzipWriter gzip(sink, level, threads);
            if (!gzip.open(QIODevice::WriteOnly)) {
                dumpError = gzip.errorString();
                return false;
            }
            const bool written = dumper.dump(&gzip);
            gzip.close();
            if (!written) {
                dumpError = dumper.errorString();
                return false;
            }
            if (!gzip.finishedOk()) {
                dumpError = gzip.errorString();
                return false;
            }
            if (!toStdout && !file.flush()) {
                dumpError = QStringLiteral("cannot write %1: %2").arg(output, file.errorString());
                return false;
            }
            compressedBytes = gzip.compressedBytes();
            return true;
        },
        &cancel);
    if (showProgress)
        QTextStream(stderr) << "\r\033[K";
    if (!dumped) {
        cleanup();
        if (StopSignals::received()) {
            fail(command,
                 QStringLiteral("stopped by %1; %2")
                     .arg(StopSignals::receivedName(),
                          toStdout ? QStringLiteral("the output is incomplete")
                                   : QStringLiteral("%1 was not written").arg(output)));
            return StopSignals::exitCode();
        }
        return fail(command, dumpError);
    }
    if (!toStdout) {
        file.close();
        QString error;
        if (!PrivateFiles::publish(partPath, output, PrivateFiles::Replace, &error)) {
            QFile::remove(partPath);
            return fail(command, QStringLiteral("cannot rename %1 to %2: %3").arg(partPath, output, error));
        }
    }
    if (showProgress) {
        const DumpStats stats = dumper.stats();
        qint64 rows = 0;
        for (const TableStats &t : stats.tables)
            rows += t.rows;
        QTextStream(stderr) << QStringLiteral("dumped %1, %2, %3 of SQL -> %4 in %5 s\n")
                                   .arg(Counted::of(stats.tables.size(), "table", "tables"),
                                        Counted::of(rows, "row", "rows"))
                                   .arg(CliContext::formatSize(qint64(stats.rawBytes)),
                                        CliContext::formatSize(compressedBytes))
                                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    }
    return Cli::Success;
}

int load(CliArgs &args, const QStringList &input)
{
    const QString command = QStringLiteral("load");
    addEndpointOptions(args);
    for (const char *name : { "input", "connections", "definer", "max-statement-size" })
        args.option(QLatin1String(name));
    args.flag(QStringLiteral("map-mysql8-collations"));
    args.flag(QStringLiteral("text-inserts"));
    Common common;
    const int rc = parseCommon(args, input, &common);
    if (rc >= 0)
        return rc;
    bool ok = false;
    LoadOptions options;
    options.connections = valueOr(args, QStringLiteral("connections"), QStringLiteral("2")).toInt(&ok);
    if (!ok || options.connections < 1 || options.connections > 16)
        return args.usageError(QStringLiteral("--connections needs a number between 1 and 16"));
    const QString definer = valueOr(args, QStringLiteral("definer"), QStringLiteral("keep"));
    if (definer != QLatin1String("keep") && definer != QLatin1String("strip"))
        return args.usageError(QStringLiteral("--definer needs keep or strip"));
    options.definer = definer == QLatin1String("strip") ? LoadOptions::Definer::Strip : LoadOptions::Definer::Keep;
    options.maxStatementSize
        = valueOr(args, QStringLiteral("max-statement-size"), QStringLiteral("1073741824")).toLongLong(&ok);
    if (!ok || options.maxStatementSize < 1024)
        return args.usageError(QStringLiteral("--max-statement-size needs a number of bytes, at least 1024"));
    options.mapMysql8Collations = args.isSet(QStringLiteral("map-mysql8-collations"));
    options.binaryInserts = !args.isSet(QStringLiteral("text-inserts"));

    const QString inputPath = valueOr(args, QStringLiteral("input"), QStringLiteral("-"));
    std::atomic<bool> cancel{ false };
    QFile file;
    CancellableStream standardInput(STDIN_FILENO, &cancel);
    QIODevice *source = &file;
    if (inputPath == QLatin1String("-")) {
        if (!standardInput.open(QIODevice::ReadOnly))
            return fail(command, QStringLiteral("cannot read stdin"));
        source = &standardInput;
    } else {
        file.setFileName(inputPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(command, QStringLiteral("cannot open %1: %2").arg(inputPath, file.errorString()));
    }
    const qint64 total = source == &file && !file.isSequential() ? file.size() : -1;
    const bool showProgress = !common.quiet && isatty(STDERR_FILENO);
    QElapsedTimer timer;
    timer.start();
    qint64 lastReport = -1000;
    MySqlLoader loader(common.endpoint, options);
    if (showProgress) {
        loader.setProgressCallback([&](const LoadProgress &p) {
            if (timer.elapsed() - lastReport < 250)
                return;
            lastReport = timer.elapsed();
            const double seconds = qMax(0.001, timer.elapsed() / 1000.0);
            const QString percent = total > 0 ? QStringLiteral(" (%1%)").arg(100 * p.bytesRead / total) : QString();
            // Before the first table (the dump's header) there is no table to name.
            const QString table = p.table.isEmpty() ? QString() : p.table + QStringLiteral(": ");
            QTextStream(stderr) << QStringLiteral("\r\033[K%1%2, %3%4, %5/s")
                                       .arg(table, Counted::of(p.statements, "statement", "statements"))
                                       .arg(CliContext::formatSize(qint64(p.bytesRead)), percent,
                                            CliContext::formatSize(qint64(p.bytesRead / seconds)));
        });
    }
    // SIGINT and SIGTERM stop the load within about a second: the statements running are stopped
    // with KILL QUERY, as the stock client does on Ctrl-C, and nothing more starts.
    loader.setCancelFlag(&cancel);
    StopSignals stopSignals;
    stopSignals.setGraceMessage(
        QStringLiteral("the load did not stop in time; exiting now (the statements that ran stay in the database)"));
    const bool loaded = stopSignals.runCancellable([&] { return loader.load(source); }, &cancel);
    if (showProgress)
        QTextStream(stderr) << "\r\033[K";
    if (!loaded && StopSignals::received()) {
        fail(
            command,
            QStringLiteral("stopped by %1 after reading %2; the statements that ran stay in the database")
                .arg(StopSignals::receivedName(), Counted::of(loader.statementsExecuted(), "statement", "statements")));
        return StopSignals::exitCode();
    }
    if (!loaded) {
        QString message = loader.errorString();
        // The server closed the connection (it stopped, restarted or was killed): say what is in
        // the database now and what to do.
        if (message.contains(QLatin1String("Lost connection")) || message.contains(QLatin1String("gone away")))
            message = Sentence::unended(message)
                + QStringLiteral(
                          ". The connection to the server was lost: the statements before it ran and stay in the "
                          "database. Check that the server is running (its error log says why it closed the "
                          "connection), then load the file again into an empty database.");
        return fail(command, message);
    }
    if (!loader.warning().isEmpty())
        QTextStream(stderr) << "creodrop-backupctl " << command << ": warning: " << loader.warning() << '\n';
    if (showProgress)
        QTextStream(stderr) << QStringLiteral("loaded %1 in %2 s\n")
                                   .arg(Counted::of(loader.statementsExecuted(), "statement", "statements"))
                                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    return Cli::Success;
}

} // namespace

const CommandGroup &Cli::dumpCommand()
{
    static const CommandGroup group(
        "dump", "dump a MySQL database to a .sql.gz file or stdout (like mysqldump)",
        {
            { "", nullptr,
              "dump --user U --database DB [--host H] [--port P] [--socket PATH] [--output FILE|-] [--level N] "
              "[--threads N] [--tls MODE] [--tls-ca FILE] [--quiet]",
              "dump a MySQL database as gzip-compressed SQL text",
              QT_TRANSLATE_NOOP("Cli",
                                "Dumps a MySQL database as gzip-compressed SQL text. The password comes from "
                                "MYSQL_PWD only; progress goes to stderr when it is a terminal.\n"
                                "\n"
                                "  --host H          MySQL host (default 127.0.0.1).\n"
                                "  --port P          MySQL port (default 3306).\n"
                                "  --socket PATH     Unix socket (instead of host/port).\n"
                                "  --user U          MySQL user.\n"
                                "  --database DB     Database.\n"
                                "  --output FILE     Output file (.sql.gz), or - for stdout (default -).\n"
                                "  --level N         gzip level 0-9 (default 5).\n"
                                "  --threads N       Compression threads (default: cores).\n"
                                "  --tls MODE        TLS: off, preferred (default), required, verify-ca or "
                                "verify-identity.\n"
                                "  --tls-ca FILE     CA file (PEM) for verify-ca and verify-identity.\n"
                                "  --quiet           No progress output."),
              dump },
        });
    return group;
}

const CommandGroup &Cli::loadCommand()
{
    static const CommandGroup group(
        "load", "load a .sql or .sql.gz dump into a MySQL database (like mysql)",
        {
            { "", nullptr,
              "load --user U --database DB [--host H] [--port P] [--socket PATH] [--input FILE|-] "
              "[--connections N] [--definer keep|strip] [--max-statement-size BYTES] [--map-mysql8-collations] "
              "[--text-inserts] [--quiet]",
              "load a .sql or .sql.gz dump into a MySQL database",
              QT_TRANSLATE_NOOP("Cli",
                                "Loads a .sql or .sql.gz dump into a MySQL database. The password comes from "
                                "MYSQL_PWD only; progress goes to stderr when it is a terminal.\n"
                                "\n"
                                "  --host H                     MySQL host (default 127.0.0.1).\n"
                                "  --port P                     MySQL port (default 3306).\n"
                                "  --socket PATH                Unix socket (instead of host/port).\n"
                                "  --user U                     MySQL user.\n"
                                "  --database DB                Database.\n"
                                "  --input FILE                 Input file (.sql or .sql.gz), or - for stdin "
                                "(default -).\n"
                                "  --connections N              Connections for dumps made by creodrop-backupctl "
                                "dump (default 2); any other file loads in order on one connection.\n"
                                "  --definer keep|strip         keep (default) or strip the DEFINER clauses of "
                                "views, routines, triggers and events.\n"
                                "  --max-statement-size BYTES   Refuse statements larger than this, in bytes "
                                "(default 1073741824).\n"
                                "  --map-mysql8-collations      Load utf8mb4_0900_* collations of MySQL 8 dumps "
                                "as utf8mb4_uca1400_* (MariaDB 10.10 or later).\n"
                                "  --text-inserts               Send every INSERT as text (by default the rows of "
                                "our own dumps go to MariaDB as bulk executes of typed parameters).\n"
                                "  --quiet                      No progress output."),
              load },
        });
    return group;
}
