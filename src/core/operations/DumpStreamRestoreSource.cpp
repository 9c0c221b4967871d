// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DumpStreamRestoreSource.h"

#include "jobs/SecretLookup.h"
#include "mysql/MySqlDumpStream.h"
#include "mysql/Sanitizer.h"

DumpStreamRestoreSource::DumpStreamRestoreSource(const EnvironmentConfig &source, SecretStore *secrets,
                                                 const DumpOptions &options, SanitizeProfile profile,
                                                 const QString &customSql, qint64 expectedBytes, QObject *parent)
    : RestoreSource(parent)
    , m_source(source)
    , m_secrets(secrets)
    , m_options(options)
    , m_profile(profile)
    , m_customSql(customSql)
    , m_expectedBytes(expectedBytes)
{ }

DumpStreamRestoreSource::~DumpStreamRestoreSource() = default;

QString DumpStreamRestoreSource::describe() const
{
    return tr("a consistent snapshot of %1/%2").arg(m_source.siteId, Environments::toString(m_source.environment));
}

void DumpStreamRestoreSource::prepare()
{
    SecretLookup::read(
        m_secrets, m_source.secretKey(), this, [this](bool ok, const QString &password, const QString &error) {
            if (!ok) {
                emit prepared(false,
                              tr("Cannot read the MySQL password of %1/%2: %3. Nothing was "
                                 "changed.")
                                  .arg(m_source.siteId, Environments::toString(m_source.environment), error));
                return;
            }
            m_source.endpoint.password = password;
            emit prepared(true, QString());
        });
}

std::unique_ptr<QIODevice> DumpStreamRestoreSource::open(QString *error)
{
    std::lock_guard<std::mutex> lock(m_streamMutex);
    if (m_stream) {
        // A stream can be read once; a second open() starts a new snapshot.
        m_stream->stop();
        m_stream->wait();
    }
    m_tables.reset();
    m_stream = std::make_unique<MySqlDumpStream>(m_source.endpoint, m_options);
    std::unique_ptr<QIODevice> in = m_stream->start();
    if (!in)
        *error = tr("cannot start the dump of %1").arg(describe());
    return in;
}

bool DumpStreamRestoreSource::finish(QString *error)
{
    if (!m_stream)
        return true;
    if (!m_stream->wait()) {
        *error = tr("the dump of %1 failed: %2").arg(describe(), m_stream->errorString());
        return false;
    }
    TableRows rows;
    for (const TableStats &t : m_stream->stats().tables)
        rows.append({ t.name, t.rows });
    m_tables = rows;
    return true;
}

void DumpStreamRestoreSource::cancel()
{
    std::lock_guard<std::mutex> lock(m_streamMutex);
    if (m_stream)
        m_stream->stop();
}

bool DumpStreamRestoreSource::afterLoad(const MySqlEndpoint &target, QString *error)
{
    m_actions.clear();
    if (m_profile == SanitizeProfile::None && m_customSql.trimmed().isEmpty())
        return true;
    Sanitizer sanitizer(target);
    if (!sanitizer.run(m_profile, m_customSql)) {
        *error = tr("sanitizing the target failed: %1").arg(sanitizer.errorString());
        return false;
    }
    m_actions = sanitizer.actions();
    return true;
}

std::optional<RestoreSource::TableRows> DumpStreamRestoreSource::expectedTables() const
{
    return m_tables;
}
