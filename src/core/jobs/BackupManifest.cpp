// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupManifest.h"

#include "catalog/Catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString stamp(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseStamp(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (t.isValid())
        t = t.toUTC();
    return t;
}
} // namespace

QByteArray BackupManifest::toJson() const
{
    QJsonArray tableArray;
    for (const auto &t : tables)
        tableArray.append(QJsonObject{ { QStringLiteral("name"), t.first }, { QStringLiteral("rows"), t.second } });
    QJsonObject o{
        { QStringLiteral("format"), kFormatVersion },
        { QStringLiteral("id"), backupId },
        { QStringLiteral("site"), siteId },
        { QStringLiteral("site_name"), siteName },
        { QStringLiteral("customer"), customer },
        { QStringLiteral("tier"), Environments::tierToString(tier) },
        { QStringLiteral("env"), Environments::toString(environment) },
        { QStringLiteral("type"), Backups::typeToString(type) },
        { QStringLiteral("created_by"), createdBy },
        { QStringLiteral("created_at"), stamp(createdAt) },
        { QStringLiteral("started_at"), stamp(startedAt) },
        { QStringLiteral("finished_at"), stamp(finishedAt) },
        { QStringLiteral("object_key"), objectKey },
        { QStringLiteral("sha256"), sha256 },
        { QStringLiteral("size_bytes"), sizeBytes },
        { QStringLiteral("raw_size_bytes"), rawSizeBytes },
        { QStringLiteral("server_version"), serverVersion },
        { QStringLiteral("tables"), tableArray },
        { QStringLiteral("non_transactional_tables"), QJsonArray::fromStringList(nonTransactionalTables) },
        { QStringLiteral("dump_options"), dumpOptions },
        { QStringLiteral("tool_version"), toolVersion },
        { QStringLiteral("tls"),
          QJsonObject{ { QStringLiteral("mode"), tlsMode.isEmpty() ? QJsonValue() : QJsonValue(tlsMode) },
                       { QStringLiteral("cipher"), tlsCipher.isEmpty() ? QJsonValue() : QJsonValue(tlsCipher) } } },
    };
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<BackupManifest> BackupManifest::fromJson(const QByteArray &json, QString *error)
{
    auto failed = [error](const QString &why) -> std::optional<BackupManifest> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return failed(QStringLiteral("not a JSON object (%1)").arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toInt() != kFormatVersion)
        return failed(QStringLiteral("unknown manifest format %1").arg(o.value(QStringLiteral("format")).toInt()));

    BackupManifest m;
    m.backupId = o.value(QStringLiteral("id")).toString();
    m.siteId = o.value(QStringLiteral("site")).toString();
    m.siteName = o.value(QStringLiteral("site_name")).toString();
    m.customer = o.value(QStringLiteral("customer")).toString();
    const auto tier = Environments::tierFromString(o.value(QStringLiteral("tier")).toString());
    const auto env = Environments::fromString(o.value(QStringLiteral("env")).toString());
    const auto type = Backups::typeFromString(o.value(QStringLiteral("type")).toString());
    if (!tier || !env || !type)
        return failed(QStringLiteral("missing or unknown tier, env or type"));
    m.tier = *tier;
    m.environment = *env;
    m.type = *type;
    m.createdBy = o.value(QStringLiteral("created_by")).toString();
    m.createdAt = parseStamp(o.value(QStringLiteral("created_at")));
    m.startedAt = parseStamp(o.value(QStringLiteral("started_at")));
    m.finishedAt = parseStamp(o.value(QStringLiteral("finished_at")));
    m.objectKey = o.value(QStringLiteral("object_key")).toString();
    m.sha256 = o.value(QStringLiteral("sha256")).toString();
    m.sizeBytes = o.value(QStringLiteral("size_bytes")).toInteger(-1);
    m.rawSizeBytes = o.value(QStringLiteral("raw_size_bytes")).toInteger(-1);
    m.serverVersion = o.value(QStringLiteral("server_version")).toString();
    for (const QJsonValue &t : o.value(QStringLiteral("tables")).toArray()) {
        const QJsonObject to = t.toObject();
        m.tables.append({ to.value(QStringLiteral("name")).toString(), to.value(QStringLiteral("rows")).toInteger() });
    }
    for (const QJsonValue &t : o.value(QStringLiteral("non_transactional_tables")).toArray())
        m.nonTransactionalTables.append(t.toString());
    m.dumpOptions = o.value(QStringLiteral("dump_options")).toString();
    m.toolVersion = o.value(QStringLiteral("tool_version")).toString();
    // Absent in manifests written before TLS modes existed.
    const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
    m.tlsMode = tls.value(QStringLiteral("mode")).toString();
    m.tlsCipher = tls.value(QStringLiteral("cipher")).toString();

    if (!Slug::isValid(m.siteId) || !Slug::isValid(m.customer))
        return failed(QStringLiteral("invalid site or customer slug"));
    // The id becomes part of a key too: only the characters Backups::newId() produces.
    if (!Backups::isValidId(m.backupId))
        return failed(QStringLiteral("invalid backup id"));
    if (m.objectKey != Catalog::objectKey(m.customer, m.siteId, m.environment, m.backupId))
        return failed(QStringLiteral("object key does not match site, environment and id"));
    if (m.sha256.size() != 64 || m.sizeBytes < 0 || !m.createdAt.isValid())
        return failed(QStringLiteral("missing sha256, size or creation time"));
    return m;
}

BackupRecord BackupManifest::toRecord() const
{
    BackupRecord r;
    r.id = backupId;
    r.siteId = siteId;
    r.customer = customer;
    r.environment = environment;
    r.type = type;
    r.status = BackupStatus::Completed;
    r.createdAt = createdAt;
    r.startedAt = startedAt;
    r.finishedAt = finishedAt;
    r.createdBy = createdBy;
    r.sizeBytes = sizeBytes;
    r.rawSizeBytes = rawSizeBytes;
    r.sha256 = sha256;
    r.objectKey = objectKey;
    return r;
}

Site BackupManifest::toSite() const
{
    Site s;
    s.id = siteId;
    s.name = siteName.isEmpty() ? siteId : siteName;
    s.customer = customer;
    s.tier = tier;
    s.createdAt = createdAt;
    return s;
}
