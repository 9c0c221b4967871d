// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Catalog.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

/// A fresh SQLite catalog for the running test function, in @p dir: the unit tests of operations
/// and jobs start each function on an empty catalog of its own. Null, with the reason in
/// @p error, when it cannot be opened.
inline std::unique_ptr<Catalog> openTestCatalog(const QTemporaryDir &dir, const Clock *clock, QString *error)
{
    CatalogLocation location;
    location.kind = CatalogLocation::Kind::Sqlite;
    location.sqlitePath = dir.filePath(QStringLiteral("catalog-%1.sqlite").arg(QTest::currentTestFunction()));
    return Catalog::open(location, clock, error);
}
