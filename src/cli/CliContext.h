// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Catalog.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <memory>
#include <optional>

class Job;

namespace Cli {
// BackupQueryCommand.cpp; BackupCommand.cpp's runBackup dispatches "list" and "show" here.
int backupList(const QStringList &args); ///< backup list SITE [--env E] [--status S] [--json] [--timing]
int backupShow(const QStringList &args); ///< backup show ID [--json]
} // namespace Cli

/// What every command group of creodrop-backupctl shares: settings under CREODROP_HOME, the
/// catalog location and catalog, the secret store, the actor's name, output helpers, argument
/// parsing with consistent usage errors, and running a Job to completion.
///
/// Typical command:
///     CliContext::Args args(QStringLiteral("site show SITE [--json]"));
///     args.flag(QStringLiteral("json"));
///     if (!args.parse(input, 1, 1))
///         return args.exitCode();        // 0 for --help, 2 after a usage error
///     CliContext ctx;
///     Catalog *catalog = ctx.catalog();
///     if (!catalog)
///         return ctx.fail(ctx.lastError()); // one line on stderr, exit 1
///
/// Event loop: runJob() runs QCoreApplication::exec() until the job finishes and returns; it is
/// called sequentially, never from inside a running loop, so there is never a nested loop.
class CliContext
{
public:
    /// Parsed command-line arguments: positionals and "--name value" / "--name=value" / flags.
    class Args
    {
    public:
        /// @p usage is the synopsis after "creodrop-backupctl ", e.g. "site add SITE --name N ...".
        explicit Args(const QString &usage, const QString &help = {});
        void option(const QString &name); ///< takes a value
        void flag(const QString &name); ///< takes none
        /// Parses @p args, expecting between @p minPositional and @p maxPositional positionals
        /// (-1 = any). On --help prints the usage to stdout; on errors prints one line and the
        /// usage to stderr. Returns false in both cases: return exitCode() then.
        bool parse(const QStringList &args, int minPositional, int maxPositional);
        int exitCode() const { return m_exitCode; }
        /// Reports a usage error found after parse() (invalid value, missing option): exit 2.
        int usageError(const QString &message) const;

        QStringList positionals() const { return m_positionals; }
        QString positional(int i) const { return m_positionals.value(i); }
        bool isSet(const QString &name) const { return m_values.contains(name); }
        QString value(const QString &name) const { return m_values.value(name); }
        /// Requires option @p name; prints a usage error when missing.
        bool require(const QString &name);
        QString usage() const { return m_usage; }

    private:
        QString m_usage;
        QString m_help;
        QMap<QString, bool> m_known; ///< name -> takes a value
        QMap<QString, QString> m_values;
        QStringList m_positionals;
        int m_exitCode = 0;
    };

    CliContext();
    ~CliContext();

    AppSettings &settings() { return *m_settings; }
    const Clock *clock() const { return &m_clock; }
    /// EnvironmentSecretStore over the keychain: CREODROP_S3_SECRET_ACCESS_KEY, MYSQL_PWD and
    /// CREODROP_CATALOG_PASSWORD answer reads first (headless use).
    SecretStore *secrets() { return m_secrets.get(); }

    /// CREODROP_CATALOG, else the settings' catalog location, else CREODROP_HOME/catalog.sqlite.
    std::optional<CatalogLocation> catalogLocation();
    /// The catalog, opened on first use (the MySQL password read from the secret store).
    /// Null on failure, with lastError() saying why and what to do.
    Catalog *catalog();
    /// The catalog location with its password filled in (for BackupServiceConfig).
    std::optional<CatalogLocation> resolvedCatalogLocation();

    /// Runs @p job to completion inside QCoreApplication::exec(). The caller keeps ownership
    /// (auto-delete is switched off). Returns job->succeeded().
    bool runJob(Job *job);
    /// Reads a secret: the value, "" when none is stored; nullopt on failure (lastError()).
    std::optional<QString> readSecret(const QString &key);
    bool writeSecret(const QString &key, const QString &secret);
    bool removeSecret(const QString &key);

    /// Who acts: $USER (recorded as created_by and in the audit log).
    static QString actor();
    QString lastError() const { return m_lastError; }

    /// Prints "creodrop-backupctl: MESSAGE" to stderr; returns Cli::Failure.
    static int fail(const QString &message);
    static void printLine(const QString &line);
    static void printJson(const QJsonObject &object);
    static void printJson(const QJsonArray &array);
    /// A plain text table with a header row, columns padded to width.
    static void printTable(const QStringList &headers, const QVector<QStringList> &rows);

    // JSON forms shared by every command (see docs/cli.md).
    static QJsonObject backupToJson(const BackupRecord &backup);
    static QJsonObject siteToJson(const Site &site);
    static QJsonObject environmentToJson(const EnvironmentConfig &config);
    static QJsonObject scheduleToJson(const Schedule &schedule, const QDateTime &nowUtc);
    static QString formatTime(const QDateTime &utc); ///< ISO 8601 UTC ("2026-11-25T19:45:12Z"), "" if null
    static QString formatSize(qint64 bytes); ///< "12.3 MiB", "—" when unknown
    static QString describeSchedule(const Schedule &schedule); ///< "daily 02:30", "weekly mon@02:30"

private:
    std::unique_ptr<AppSettings> m_settings;
    SystemClock m_clock;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<EnvironmentSecretStore> m_secrets;
    std::unique_ptr<Catalog> m_catalog;
    QString m_lastError;
};
