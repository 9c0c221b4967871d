// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One logging category per core area, so a headless worker's journal shows retries,
// heartbeats, recoveries and aborts, and each area can be turned up on its own
// (QT_LOGGING_RULES="creodrop.storage.debug=true"). Secrets, passwords and signed URLs are
// never logged; log keys, ids and endpoints described without credentials.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcMySql)
Q_DECLARE_LOGGING_CATEGORY(lcJobs)
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
