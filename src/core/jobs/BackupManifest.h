// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Site.h"

#include <QByteArray>
#include <QDateTime>
#include <QPair>
#include <QString>
#include <QVector>

#include <optional>

/// The `<backup-id>.json` object written next to every dump, after it: enough to check the dump
/// (SHA-256, sizes) and to rebuild the catalog from the bucket alone (rescan), which is why it
/// also carries the site's name, customer and tier.
///
/// toJson() / fromJson() round-trip; fromJson() rejects manifests whose slugs would not be valid
/// keys, so a tampered bucket cannot inject rows with odd ids.
struct BackupManifest
{
    static constexpr int kFormatVersion = 1;

    QString backupId;
    QString siteId;
    QString siteName;
    QString customer;
    Tier tier = Tier::Basic;
    Environment environment = Environment::Prod;
    BackupType type = BackupType::Manual;
    QString createdBy;
    QDateTime createdAt; ///< UTC
    QDateTime startedAt; ///< UTC
    QDateTime finishedAt; ///< UTC (end of the dump upload)
    QString objectKey;
    QString sha256; ///< hex, of the compressed object
    qint64 sizeBytes = -1;
    qint64 rawSizeBytes = -1;
    QString serverVersion;
    QVector<QPair<QString, qint64>> tables; ///< name, rows
    QStringList nonTransactionalTables;
    QString dumpOptions;
    QString toolVersion;
    QString tlsMode; ///< the environment's TLS mode for the dump connection ("off", "required", ...)
    QString tlsCipher; ///< the dump connection's cipher; empty (JSON null) when unencrypted

    QByteArray toJson() const;
    static std::optional<BackupManifest> fromJson(const QByteArray &json, QString *error = nullptr);

    /// The catalog row this manifest describes (status Completed).
    BackupRecord toRecord() const;
    Site toSite() const;
};
