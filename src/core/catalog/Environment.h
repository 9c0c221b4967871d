// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QVector>

#include <optional>

/// A site's environment. Basic-tier sites have prod only; developer-tier sites have dev, stage
/// and prod, each with its own database and its own backup history.
enum class Environment { Prod, Stage, Dev };

enum class Tier { Basic, Developer };

namespace Environments {
/// "prod", "stage", "dev": the names used in keys, the catalog and the CLI.
QString toString(Environment env);
std::optional<Environment> fromString(const QString &name);
/// The environments a tier has, in display order (prod, stage, dev).
QVector<Environment> forTier(Tier tier);
QString tierToString(Tier tier);
std::optional<Tier> tierFromString(const QString &name);
} // namespace Environments

Q_DECLARE_METATYPE(Environment)
