// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Environment.h"
#include "mysql/SanitizeProfile.h"

#include <QString>

/// What an environment sync is asked to do (SyncJob): copy @c from's database over @c to's.
struct SyncRequest
{
    QString siteId;
    Environment from = Environment::Prod;
    Environment to = Environment::Dev;
    /// The typed confirmation "SITE/ENV"; required (exactly "SITE/prod") when @c to is prod,
    /// checked when given for another target.
    QString confirmation;
    SanitizeProfile sanitize = SanitizeProfile::None;
    /// Cache and session tables keep their structure but not their rows
    /// (MySqlDumper::isCacheOrSessionTable).
    bool skipCacheData = false;
};
