// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Site.h"

#include <QVector>

/// Small value factories shared by the GUI tests (no services needed).
namespace GuiTestData {

inline BackupRecord backup(const QString &id, Environment env, BackupStatus status, const QDateTime &createdUtc,
                           qint64 size = -1, const QString &siteId = QStringLiteral("acme-shop"))
{
    BackupRecord r;
    r.id = id;
    r.siteId = siteId;
    r.customer = QStringLiteral("acme");
    r.environment = env;
    r.type = BackupType::Manual;
    r.status = status;
    r.createdAt = createdUtc;
    r.createdBy = QStringLiteral("alice");
    if (status == BackupStatus::Completed) {
        r.startedAt = createdUtc.addSecs(1);
        r.finishedAt = createdUtc.addSecs(61);
        r.sizeBytes = size;
        r.rawSizeBytes = size * 5;
        r.sha256 = QStringLiteral("ab").repeated(32);
    }
    return r;
}

inline QDateTime t0()
{
    return QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
}

/// Five backups: two prod, one stage, two dev, of mixed status, created an hour apart.
inline QVector<BackupRecord> fiveBackups()
{
    return {
        backup(QStringLiteral("b5"), Environment::Dev, BackupStatus::InProgress, t0().addSecs(4 * 3600)),
        backup(QStringLiteral("b4"), Environment::Prod, BackupStatus::Completed, t0().addSecs(3 * 3600), 4096),
        backup(QStringLiteral("b3"), Environment::Stage, BackupStatus::Failed, t0().addSecs(2 * 3600)),
        backup(QStringLiteral("b2"), Environment::Dev, BackupStatus::Completed, t0().addSecs(3600), 1 << 20),
        backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::Completed, t0(), 10),
    };
}

inline Site site(const QString &id, const QString &name, const QString &customer, Tier tier)
{
    Site s;
    s.id = id;
    s.name = name;
    s.customer = customer;
    s.tier = tier;
    return s;
}

} // namespace GuiTestData
