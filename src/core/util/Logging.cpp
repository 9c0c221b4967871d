// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

// Info and above by default: what a worker's journal should hold without --verbose is decided
// by the front end (the CLI raises or lowers these with QLoggingCategory::setFilterRules).
Q_LOGGING_CATEGORY(lcStorage, "creodrop.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMySql, "creodrop.mysql", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJobs, "creodrop.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCatalog, "creodrop.catalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "creodrop.secrets", QtInfoMsg)
