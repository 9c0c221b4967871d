// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>

#include <optional>

/// Whether a user may create views, routines, triggers and events for another account (a
/// DEFINER that is not the user), and which definers our own dumps name in their header, so
/// that a load that keeps the definers can be refused before it changes anything.
namespace DefinerPrivileges {

/// Whether the rows of SHOW GRANTS give SUPER, SET USER or ALL PRIVILEGES on *.*.
bool allowsOtherDefiners(const QStringList &grants);
/// The header line of a dump whose objects have @p definers (as information_schema writes
/// them: "user@host"), without its line break.
QString headerLine(const QStringList &definers);
/// The definers the header line in @p head (the start of a dump) lists; nullopt when @p head
/// has no such line (a dump of an older version, or not ours).
std::optional<QStringList> fromHeader(const QByteArray &head);

} // namespace DefinerPrivileges
