// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MySqlEndpoint.h"

#include <QString>

/// Empties the endpoint's database of every object a dump can hold (events, routines, views,
/// sequences, tables and with them their triggers), so that a load afterwards leaves the
/// database equal to the dump: objects the dump does not have are gone. The database itself
/// stays (with its grants and default character set). Foreign key checks are off for the
/// session, so tables drop in any order.
class MySqlObjectDropper
{
public:
    /// Returns false with @p error set (the object that could not be dropped and why).
    static bool dropAll(const MySqlEndpoint &endpoint, QString *error);
};
