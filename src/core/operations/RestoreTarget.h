// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QSet>
#include <QString>
#include <QVector>

#include <atomic>

class MySqlConnection;

/// Blocking helpers on the database a restore replaces, run on a MySqlConnection to it (in a
/// worker thread): what it holds, whether its user may keep other definers, emptying it and
/// counting its rows for the check.
namespace RestoreTarget {

struct Summary
{
    qint64 sizeBytes = 0; ///< data + index length of its tables
    int tables = 0; ///< base tables
    int views = 0;
    int routines = 0;
    int triggers = 0;
    int events = 0;
};

bool summary(MySqlConnection &connection, Summary *summary, QString *error);
/// Whether the connected user may create objects with another DEFINER (SUPER or SET USER, or
/// ALL PRIVILEGES on *.*): if not, a restore strips the DEFINER clauses.
bool canSetOtherDefiners(MySqlConnection &connection, QString *error);
/// The collations the server has (for CollationCompatibility).
bool collations(MySqlConnection &connection, QSet<QString> *names, QString *error);
/// Drops every view, table (with its triggers), sequence, procedure, function and event of the
/// connection's current database. Foreign key checks are off for the session meanwhile.
bool dropEverything(MySqlConnection &connection, const std::atomic<bool> *cancel, QString *error);
/// Exact row counts (COUNT(*)) of every base table, by name.
bool rowCounts(MySqlConnection &connection, QVector<QPair<QString, qint64>> *counts, QString *error);
/// Compares @p actual with @p expected: an empty string when every expected table exists with
/// the expected row count and no other base table exists, else a sentence saying what differs.
QString compareRowCounts(const QVector<QPair<QString, qint64>> &expected,
                         const QVector<QPair<QString, qint64>> &actual);

} // namespace RestoreTarget
