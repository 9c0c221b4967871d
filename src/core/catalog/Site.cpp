// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Site.h"

#include <QCoreApplication>
#include <QRegularExpression>

bool Slug::isValid(const QString &slug)
{
    // \A...\z: `$` would also match before a final newline, which would then reach keys and JSON.
    static const QRegularExpression re(QStringLiteral("\\A[a-z0-9][a-z0-9-]{0,62}\\z"));
    return re.match(slug).hasMatch();
}

QString Slug::validationError(const QString &slug, const QString &what)
{
    if (isValid(slug))
        return {};
    return QCoreApplication::translate("Slug",
                                       "Invalid %1 \"%2\": use 1 to 63 lower-case letters, digits and dashes, "
                                       "starting with a letter or digit.")
        .arg(what, slug);
}

QString Site::missingEnvironmentReason(Environment env) const
{
    if (environments().contains(env))
        return {};
    return QCoreApplication::translate("Site", "Site \"%1\" is %2 tier and has no %3 environment.")
        .arg(id, Environments::tierToString(tier), Environments::toString(env));
}
