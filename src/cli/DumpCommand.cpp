// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `dump` and `load`: catalog-free, like mysqldump and mysql. The password comes from MYSQL_PWD
// only (never from the command line, where `ps` would show it). Progress goes to stderr only
// when stderr is a terminal; stdout carries the dump with `--output -`.
#include "Commands.h"
#include "compress/GzipWriter.h"
#include "mysql/MySqlDumper.h"
#include "mysql/MySqlLoader.h"
#include "util/PrivateFiles.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <unistd.h>

namespace {

struct Common
{
    MySqlEndpoint endpoint;
    bool quiet = false;
};

void addEndpointOptions(QCommandLineParser &parser)
{
    parser.addOption(
        { QStringLiteral("host"), QStringLiteral("MySQL host."), QStringLiteral("H"), QStringLiteral("127.0.0.1") });
    parser.addOption(
        { QStringLiteral("port"), QStringLiteral("MySQL port."), QStringLiteral("P"), QStringLiteral("3306") });
    parser.addOption(
        { QStringLiteral("socket"), QStringLiteral("Unix socket (instead of host/port)."), QStringLiteral("S") });
    parser.addOption({ QStringLiteral("user"), QStringLiteral("MySQL user."), QStringLiteral("U") });
    parser.addOption({ QStringLiteral("database"), QStringLiteral("Database."), QStringLiteral("DB") });
    parser.addOption({ QStringLiteral("quiet"), QStringLiteral("No progress output.") });
    parser.addHelpOption();
}

int usage(const QString &command, const QString &message)
{
    QTextStream(stderr) << "creodrop-backupctl " << command << ": " << message << " (see --help)\n";
    return Cli::UsageError;
}

// Returns -1 on success, else the exit code to return.
int parseCommon(QCommandLineParser &parser, const QString &command, const QStringList &args, Common *common)
{
    if (!parser.parse(QStringList{ QStringLiteral("creodrop-backupctl") } + args))
        return usage(command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Cli::Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(command, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    bool portOk = false;
    common->endpoint.host = parser.value(QStringLiteral("host"));
    common->endpoint.port = parser.value(QStringLiteral("port")).toInt(&portOk);
    common->endpoint.socket = parser.value(QStringLiteral("socket"));
    common->endpoint.user = parser.value(QStringLiteral("user"));
    common->endpoint.database = parser.value(QStringLiteral("database"));
    common->endpoint.password = qEnvironmentVariable("MYSQL_PWD");
    common->quiet = parser.isSet(QStringLiteral("quiet"));
    if (!portOk || common->endpoint.port <= 0 || common->endpoint.port > 65535)
        return usage(command, QStringLiteral("--port needs a number between 1 and 65535"));
    if (common->endpoint.user.isEmpty())
        return usage(command, QStringLiteral("--user is required"));
    if (common->endpoint.database.isEmpty())
        return usage(command, QStringLiteral("--database is required"));
    return -1;
}

QString humanBytes(double bytes)
{
    const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    int u = 0;
    while (bytes >= 1024 && u < 4) {
        bytes /= 1024;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', u ? 1 : 0).arg(QLatin1String(units[u]));
}

int fail(const QString &command, const QString &message)
{
    QTextStream(stderr) << "creodrop-backupctl " << command << ": " << message.simplified() << '\n';
    return Cli::Failure;
}

} // namespace

int Cli::runDump(const QStringList &args)
{
    const QString command = QStringLiteral("dump");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Dump a MySQL database as gzip-compressed SQL text."));
    addEndpointOptions(parser);
    parser.addOption({ QStringLiteral("output"), QStringLiteral("Output file (.sql.gz), or - for stdout."),
                       QStringLiteral("FILE"), QStringLiteral("-") });
    // Level 5 measured on CMS-like data: within 1 % of gzip -6's size for about 20 % less CPU,
    // and compression is what bounds a dump on two cores.
    parser.addOption({ QStringLiteral("level"), QStringLiteral("gzip level 0-9 (default 5)."), QStringLiteral("N"),
                       QStringLiteral("5") });
    parser.addOption({ QStringLiteral("threads"), QStringLiteral("Compression threads (default: cores)."),
                       QStringLiteral("N"), QString::number(QThread::idealThreadCount()) });
    parser.addOption({ QStringLiteral("tls"),
                       QStringLiteral("TLS: off, preferred (default), required, verify-ca or verify-identity."),
                       QStringLiteral("MODE"), QStringLiteral("preferred") });
    parser.addOption({ QStringLiteral("tls-ca"), QStringLiteral("CA file (PEM) for verify-ca and verify-identity."),
                       QStringLiteral("FILE") });
    Common common;
    const int rc = parseCommon(parser, command, args, &common);
    if (rc >= 0)
        return rc;
    const auto tlsMode = MySqlTls::fromString(parser.value(QStringLiteral("tls")));
    if (!tlsMode)
        return usage(command, QStringLiteral("--tls must be off, preferred, required, verify-ca or verify-identity"));
    common.endpoint.tlsMode = *tlsMode;
    common.endpoint.tlsCa = parser.value(QStringLiteral("tls-ca"));
    bool ok = false;
    const int level = parser.value(QStringLiteral("level")).toInt(&ok);
    if (!ok || level < 0 || level > 9)
        return usage(command, QStringLiteral("--level needs a number between 0 and 9"));
    const int threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || threads < 1 || threads > 32)
        return usage(command, QStringLiteral("--threads needs a number between 1 and 32"));

    const QString output = parser.value(QStringLiteral("output"));
    const bool toStdout = output == QLatin1String("-");
    const QString partPath = output + QStringLiteral(".part");
    QFile file;
    if (toStdout) {
        if (!file.open(stdout, QIODevice::WriteOnly))
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
            QTextStream(stderr) << QStringLiteral("\r\033[K[%1/%2] %3: %4 rows, %5, %6/s")
                                       .arg(p.tableIndex + 1)
                                       .arg(p.tableCount)
                                       .arg(p.table)
                                       .arg(p.rows)
                                       .arg(humanBytes(double(p.bytes)), humanBytes(p.bytes / seconds));
        });
    }
    GzipWriter gzip(&file, level, threads);
    if (!gzip.open(QIODevice::WriteOnly)) {
        cleanup();
        return fail(command, gzip.errorString());
    }
    const bool dumped = dumper.dump(&gzip);
    if (showProgress)
        QTextStream(stderr) << "\r\033[K";
    if (!dumped) {
        gzip.close();
        cleanup();
        return fail(command, dumper.errorString());
    }
    gzip.close();
    if (!gzip.finishedOk()) {
        cleanup();
        return fail(command, gzip.errorString());
    }
    if (!file.flush()) {
        cleanup();
        return fail(command, QStringLiteral("cannot write %1: %2").arg(output, file.errorString()));
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
        QTextStream(stderr) << QStringLiteral("dumped %1 tables, %2 rows, %3 of SQL -> %4 in %5 s\n")
                                   .arg(stats.tables.size())
                                   .arg(rows)
                                   .arg(humanBytes(double(stats.rawBytes)), humanBytes(double(gzip.compressedBytes())))
                                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    }
    return Success;
}

int Cli::runLoad(const QStringList &args)
{
    const QString command = QStringLiteral("load");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load a .sql or .sql.gz dump into a MySQL database."));
    addEndpointOptions(parser);
    parser.addOption({ QStringLiteral("input"), QStringLiteral("Input file (.sql or .sql.gz), or - for stdin."),
                       QStringLiteral("FILE"), QStringLiteral("-") });
    parser.addOption({ QStringLiteral("connections"),
                       QStringLiteral("Connections for dumps made by creodrop-backupctl dump (default 2); any other "
                                      "file loads in order on one connection."),
                       QStringLiteral("N"), QStringLiteral("2") });
    parser.addOption({ QStringLiteral("definer"),
                       QStringLiteral("keep (default) or strip the DEFINER clauses of views, routines, triggers and "
                                      "events."),
                       QStringLiteral("keep|strip"), QStringLiteral("keep") });
    parser.addOption({ QStringLiteral("max-statement-size"),
                       QStringLiteral("Refuse statements larger than this, in bytes (default 1073741824)."),
                       QStringLiteral("BYTES"), QStringLiteral("1073741824") });
    parser.addOption({ QStringLiteral("map-mysql8-collations"),
                       QStringLiteral("Load utf8mb4_0900_* collations of MySQL 8 dumps as utf8mb4_uca1400_* "
                                      "(MariaDB 10.10 or later).") });
    Common common;
    const int rc = parseCommon(parser, command, args, &common);
    if (rc >= 0)
        return rc;
    bool ok = false;
    LoadOptions options;
    options.connections = parser.value(QStringLiteral("connections")).toInt(&ok);
    if (!ok || options.connections < 1 || options.connections > 16)
        return usage(command, QStringLiteral("--connections needs a number between 1 and 16"));
    const QString definer = parser.value(QStringLiteral("definer"));
    if (definer != QLatin1String("keep") && definer != QLatin1String("strip"))
        return usage(command, QStringLiteral("--definer needs keep or strip"));
    options.definer = definer == QLatin1String("strip") ? LoadOptions::Definer::Strip : LoadOptions::Definer::Keep;
    options.maxStatementSize = parser.value(QStringLiteral("max-statement-size")).toLongLong(&ok);
    if (!ok || options.maxStatementSize < 1024)
        return usage(command, QStringLiteral("--max-statement-size needs a number of bytes, at least 1024"));
    options.mapMysql8Collations = parser.isSet(QStringLiteral("map-mysql8-collations"));

    const QString input = parser.value(QStringLiteral("input"));
    QFile file;
    if (input == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return fail(command, QStringLiteral("cannot read stdin"));
    } else {
        file.setFileName(input);
        if (!file.open(QIODevice::ReadOnly))
            return fail(command, QStringLiteral("cannot open %1: %2").arg(input, file.errorString()));
    }
    const qint64 total = file.isSequential() ? -1 : file.size();
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
            QTextStream(stderr) << QStringLiteral("\r\033[K%1: %2 statements, %3%4, %5/s")
                                       .arg(p.table)
                                       .arg(p.statements)
                                       .arg(humanBytes(double(p.bytesRead)), percent,
                                            humanBytes(p.bytesRead / seconds));
        });
    }
    const bool loaded = loader.load(&file);
    if (showProgress)
        QTextStream(stderr) << "\r\033[K";
    if (!loaded)
        return fail(command, loader.errorString());
    if (showProgress)
        QTextStream(stderr) << QStringLiteral("loaded %1 statements in %2 s\n")
                                   .arg(loader.statementsExecuted())
                                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    return Success;
}
