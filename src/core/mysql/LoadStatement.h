// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

/// One statement of a dump on its way to a connection of MySqlLoader.
struct LoadStatement
{
    QByteArray sql;
    qint64 number = 0; // 1-based, in the order of the file
    qint64 line = 0; // where it begins
    QByteArray useDatabase; // a client USE command: the database to select instead of sending sql
    enum class Group { None, CreateTable, Insert, Other };
    Group group = Group::None; // a parallel-tables dump's table statement, by its first words
    QByteArray table; // the table whose group it belongs to (quoted); empty: it runs alone
};
