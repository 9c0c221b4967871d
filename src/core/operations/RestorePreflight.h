// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Environment.h"
#include "catalog/EnvironmentLock.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

/// What a restore (or sync) would do, shown before it runs: the CLI prints toText(), the
/// console's Restore dialog shows the fields. Read-only: computing it changes nothing.
struct RestorePreflight
{
    QString siteId;
    Environment target = Environment::Prod;
    QString targetEndpoint; ///< user@host:port/db, no password

    // The target as it is now (when reachable).
    bool targetReachable = false;
    QString targetError;
    qint64 targetSizeBytes = -1;
    int targetTables = -1;
    int targetViews = 0;
    int targetRoutines = 0;
    int targetTriggers = 0;
    int targetEvents = 0;

    // The source.
    QString sourceDescription;
    std::optional<BackupRecord> backup; ///< environment, age, size, type, creator
    QString filePath;
    qint64 fileSizeBytes = -1;

    QString requiredConfirmation; ///< "SITE/prod", empty when none is needed
    bool definersStripped = false; ///< the target user cannot set other definers
    QStringList collationsMapped; ///< MySQL 8 collations and what they become ("a -> b")
    QStringList collationsUnsupported; ///< MySQL 8 collations the target can neither have nor map
    std::optional<EnvironmentLock> lock; ///< a restore or sync holding the target
    QStringList steps; ///< what will happen, in order
    QStringList problems; ///< what will refuse the restore (lock, unsupported collations, ...)

    bool canRun() const { return problems.isEmpty(); }
    /// Lines for people (CLI).
    QString toText(const QDateTime &nowUtc) const;
};

Q_DECLARE_METATYPE(RestorePreflight)
