// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"
#include "mysql/MySqlEndpoint.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

/// Slugs name sites and customers and become parts of object keys, so they are validated
/// before anything is stored: `[a-z0-9][a-z0-9-]{0,62}`.
namespace Slug {
bool isValid(const QString &slug);
/// "" when valid, else a sentence saying what is wrong and what is allowed.
QString validationError(const QString &slug, const QString &what);
} // namespace Slug

/// A customer site.
struct Site
{
    QString id; ///< slug
    QString name; ///< display name
    QString customer; ///< customer slug
    Tier tier = Tier::Basic;
    QDateTime createdAt;

    QVector<Environment> environments() const { return Environments::forTier(tier); }
    /// Why @p env cannot be used ("Site "shop" is basic tier and has no dev environment."), or
    /// empty when the site's tier has it.
    QString missingEnvironmentReason(Environment env) const;
};

/// One environment of a site and how to reach its database (password not included: it lives in
/// the secret store under secretKey()).
struct EnvironmentConfig
{
    QString siteId;
    Environment environment = Environment::Prod;
    MySqlEndpoint endpoint; ///< endpoint.password is always empty here

    /// The secret store key of this environment's MySQL password.
    QString secretKey() const { return QStringLiteral("mysql/%1/%2").arg(siteId, Environments::toString(environment)); }
};

Q_DECLARE_METATYPE(Site)
Q_DECLARE_METATYPE(EnvironmentConfig)
