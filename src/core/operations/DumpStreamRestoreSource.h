// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RestoreSource.h"
#include "catalog/Site.h"
#include "mysql/DumpOptions.h"
#include "mysql/SanitizeProfile.h"

#include <QStringList>

#include <memory>
#include <mutex>

class MySqlDumpStream;
class SecretStore;

/// An environment's live database as a RestoreSource, for environment sync: open() starts a
/// consistent-snapshot dump of it (MySqlDumpStream) that the restore's loader reads directly
/// (no file, no bucket, bounded memory; our dump format, so the loader may use several
/// connections). finish() reports whether the dump completed; expectedTables() are the
/// snapshot's row counts; afterLoad() sanitizes the target (profile, then the site's custom SQL)
/// while the restore still guards it, so a failed sanitizing rolls the target back too.
class DumpStreamRestoreSource : public RestoreSource
{
    Q_OBJECT

public:
    /// @p source without its password (prepare() reads it from @p secrets).
    DumpStreamRestoreSource(const EnvironmentConfig &source, SecretStore *secrets, const DumpOptions &options,
                            SanitizeProfile profile, const QString &customSql, qint64 expectedBytes = -1,
                            QObject *parent = nullptr);
    ~DumpStreamRestoreSource() override;

    QString describe() const override;
    void prepare() override;
    std::unique_ptr<QIODevice> open(QString *error) override;
    bool finish(QString *error) override;
    void cancel() override;
    bool afterLoad(const MySqlEndpoint &target, QString *error) override;
    std::optional<TableRows> expectedTables() const override;
    QString expectedTablesOrigin() const override { return tr("the source snapshot"); }
    qint64 sizeBytes() const override { return m_expectedBytes; }

    /// What sanitizing changed (after the load).
    QStringList sanitizeActions() const { return m_actions; }

private:
    EnvironmentConfig m_source;
    SecretStore *m_secrets;
    DumpOptions m_options;
    SanitizeProfile m_profile;
    QString m_customSql;
    qint64 m_expectedBytes;
    std::mutex m_streamMutex; ///< open() runs in the load thread, cancel() in the job's
    std::unique_ptr<MySqlDumpStream> m_stream;
    std::optional<TableRows> m_tables;
    QStringList m_actions;
};
