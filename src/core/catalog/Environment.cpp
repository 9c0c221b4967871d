// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Environment.h"

QString Environments::toString(Environment env)
{
    switch (env) {
    case Environment::Prod:
        return QStringLiteral("prod");
    case Environment::Stage:
        return QStringLiteral("stage");
    case Environment::Dev:
        return QStringLiteral("dev");
    }
    return {};
}

std::optional<Environment> Environments::fromString(const QString &name)
{
    if (name == QLatin1String("prod"))
        return Environment::Prod;
    if (name == QLatin1String("stage"))
        return Environment::Stage;
    if (name == QLatin1String("dev"))
        return Environment::Dev;
    return std::nullopt;
}

QVector<Environment> Environments::forTier(Tier tier)
{
    if (tier == Tier::Basic)
        return { Environment::Prod };
    return { Environment::Prod, Environment::Stage, Environment::Dev };
}

QString Environments::tierToString(Tier tier)
{
    return tier == Tier::Basic ? QStringLiteral("basic") : QStringLiteral("developer");
}

std::optional<Tier> Environments::tierFromString(const QString &name)
{
    if (name == QLatin1String("basic"))
        return Tier::Basic;
    if (name == QLatin1String("developer"))
        return Tier::Developer;
    return std::nullopt;
}
