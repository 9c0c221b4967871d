// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// The name recorded as "created by" and in the audit log: $USER or $LOGNAME when set (what the
/// engineer logged in as), else the account of the effective uid, so services and containers
/// without a login environment still record a real name.
QString currentUserName();
