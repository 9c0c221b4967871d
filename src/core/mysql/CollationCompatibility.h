// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QSet>
#include <QString>
#include <QStringList>

/// MySQL 8 collations that MariaDB lacks (utf8mb4_0900_ai_ci and the other *_0900_* ones), in a
/// dump about to be loaded into MariaDB.
///
/// Preflight: collationsIn() reads a whole dump (plain SQL text; inflate .sql.gz first) and
/// returns every *_0900_* collation it names; unsupported() keeps those the target lacks and
/// cannot map, for a message such as "the dump uses utf8mb4_0900_ai_ci, which the target does not
/// have". While loading, map() rewrites utf8mb4_0900_<x> to utf8mb4_uca1400_<x> (or
/// utf8mb4_uca1400_ai_ci), which MariaDB has from 10.10 on.
class CollationCompatibility
{
public:
    /// Every MySQL 8 only collation named in @p text.
    static QSet<QString> collationsIn(const QByteArray &text);
    /// Reads the dump @p in to its end, statement by statement as the loader does, and collects
    /// the collations its definitions name; rows (INSERT, REPLACE) are data and are skipped.
    /// Returns false with @p error when the dump cannot be read or split.
    static bool collationsIn(QIODevice *in, QSet<QString> *found, QString *error);
    /// Whether @p statement inserts rows (its collation names, if any, are text).
    static bool insertsRows(const QByteArray &statement);
    /// The target collation map() uses for @p collation given the collations the target server
    /// has, or an empty string when there is none.
    static QString mappedName(const QString &collation, const QSet<QString> &targetCollations);
    /// Those of @p found that the target lacks, when mapping is off, or that cannot be mapped.
    static QStringList unsupported(const QSet<QString> &found, const QSet<QString> &targetCollations, bool mapping);
    /// Rewrites every mappable MySQL 8 collation in @p statement; true when it changed anything.
    static bool map(QByteArray *statement, const QSet<QString> &targetCollations);
    /// True when @p statement may name one (a cheap test before the scan).
    static bool mayName(const QByteArray &statement) { return statement.contains("_0900_"); }
};
