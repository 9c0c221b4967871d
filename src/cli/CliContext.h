// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Catalog.h"
#include "operations/OperationContext.h"
#include "operations/OperationResult.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

class Job;
class SecretJob;

/// What every command of creodrop-backupctl shares once its arguments are parsed (CliArgs):
/// settings under CREODROP_HOME, the catalog, the secret store, the actor's name, running a Job
/// to completion, and the output forms (messages, tables, JSON).
///
/// Typical command:
///     CliContext ctx;
///     Catalog *catalog = ctx.openCatalog();
///     if (!catalog)
///         return Cli::Failure;              // openCatalog() said why, one line on stderr
///     const auto backup = ctx.findBackup(id);
///     if (!backup)
///         return Cli::Failure;
///
/// Event loop: runJob() runs QCoreApplication::exec() until the job finishes and returns; it is
/// called sequentially, never from inside a running loop, so there is never a nested loop.
class CliContext
{
public:
    CliContext();
    ~CliContext();

    AppSettings &settings() { return *m_settings; }
    const Clock *clock() const { return &m_clock; }
    /// EnvironmentSecretStore over the keychain: CREODROP_S3_SECRET_ACCESS_KEY, MYSQL_PWD and
    /// CREODROP_CATALOG_PASSWORD answer reads first (headless use).
    SecretStore *secrets() { return m_secrets.get(); }

    /// The catalog, opened on first use (CREODROP_CATALOG, else the settings' location, else
    /// CREODROP_HOME/catalog.sqlite; a MySQL password from the secret store). On failure prints
    /// why and what to do (one line on stderr) and returns null: return Cli::Failure then.
    Catalog *openCatalog();
    /// The backup @p id from the open catalog; prints "There is no backup ..." when missing.
    std::optional<BackupRecord> findBackup(const QString &id);
    /// For the operations: the open catalog (openCatalog() first), the secret store, the clock,
    /// actor(), this process's worker id and heartbeat; no store (JobsSession::context() has one).
    OperationContext operationContext();
    /// Prints an operation's message: stdout on success (when not empty), the failure line on
    /// stderr otherwise. Returns the exit code (0 or 1).
    static int report(const OperationResult &result);

    /// Runs @p job to completion inside QCoreApplication::exec(). The caller keeps ownership
    /// (auto-delete is switched off). Returns job->succeeded().
    bool runJob(Job *job);
    /// runJob() for a command a user may stop: while the job runs, SIGINT and SIGTERM abort it
    /// (a job removes what it started: a partial download, a temporary folder) instead of
    /// killing the process half-way; a job that cannot stop within StopSignals' grace period is
    /// ended then. Returns job->succeeded(); on false, failJob() says why and gives the exit code.
    bool runStoppableJob(Job *job);
    /// After a job failed: prints its error as the failure line ("stopped by SIGTERM." when a
    /// signal aborted it) and returns the exit code: 1, or 130/143 after SIGINT/SIGTERM.
    static int failJob(const Job &job);
    /// Reads a secret: the value, "" when none is stored; nullopt on failure (lastError()).
    std::optional<QString> readSecret(const QString &key);
    bool writeSecret(const QString &key, const QString &secret);
    bool removeSecret(const QString &key);
    QString lastError() const { return m_lastError; }

    /// Who acts: $USER (recorded as created_by and in the audit log).
    static QString actor();

    /// Prints "creodrop-backupctl: MESSAGE" as one line to stderr; returns Cli::Failure.
    static int fail(const QString &message);
    /// Prints "creodrop-backupctl: warning: LINE" to stderr.
    static void warn(const QString &line);
    /// Prints "creodrop-backupctl: LINE" to stderr: news for people that stays out of the
    /// output scripts read.
    static void note(const QString &line);
    /// The failure for a site id that is not in the catalog, or catalogFailed()'s when the
    /// catalog could not be read.
    int failNoSite(const QString &siteId);
    /// After reading the open catalog: when one of its statements failed since it was opened
    /// (its reads then answer "none"), prints why and returns true, so that a command never
    /// shows an empty or partial answer, or "no such site", for a catalog it could not read.
    bool catalogFailed();
    static void printLine(const QString &line);
    static void printJson(const QJsonObject &object);
    static void printJson(const QJsonArray &array);
    /// A plain text table with a header row, columns padded to width.
    static void printTable(const QStringList &headers, const QVector<QStringList> &rows);

    // JSON forms shared by every command (see docs/cli.md).
    template <typename Container, typename ToJson>
    static QJsonArray toJsonArray(const Container &items, ToJson toJson)
    {
        QJsonArray array;
        for (const auto &item : items)
            array.append(toJson(item));
        return array;
    }
    static QJsonObject backupToJson(const BackupRecord &backup);
    static QJsonObject siteToJson(const Site &site);
    static QJsonObject environmentToJson(const EnvironmentConfig &config);
    static QJsonObject scheduleToJson(const Schedule &schedule, const QDateTime &nowUtc);
    static QString formatTime(const QDateTime &utc); ///< ISO 8601 UTC ("2026-11-25T19:45:12Z"), "" if null
    static QString formatSize(qint64 bytes); ///< "12.3 MiB", "—" when unknown
    static QString describeSchedule(const Schedule &schedule); ///< "daily 02:30", "weekly mon@02:30"

private:
    std::optional<CatalogLocation> resolvedCatalogLocation();
    bool runSecretJob(SecretJob *job);

    std::unique_ptr<AppSettings> m_settings;
    SystemClock m_clock;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<EnvironmentSecretStore> m_secrets;
    std::unique_ptr<Catalog> m_catalog;
    QString m_lastError;
};
