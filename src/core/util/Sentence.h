// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Messages that quote another one (a store's error, a catalog's) and go on after it: the quoted
/// text ends with a full stop exactly once, whether or not it had one already.
///
///     tr("Could not delete %1: %2 %3").arg(id, Sentence::ended(store->errorString()), advice)
namespace Sentence {

/// @p text trimmed and ending with a full stop (empty stays empty).
QString ended(const QString &text);
/// @p text trimmed and without its closing full stops, to go inside another sentence.
QString unended(const QString &text);

} // namespace Sentence
