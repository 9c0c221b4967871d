// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SanitizeProfile.h"

QString SanitizeProfiles::toString(SanitizeProfile profile)
{
    switch (profile) {
    case SanitizeProfile::WordPress:
        return QStringLiteral("wordpress");
    case SanitizeProfile::Drupal:
        return QStringLiteral("drupal");
    case SanitizeProfile::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<SanitizeProfile> SanitizeProfiles::fromString(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("none"))
        return SanitizeProfile::None;
    if (n == QLatin1String("wordpress"))
        return SanitizeProfile::WordPress;
    if (n == QLatin1String("drupal"))
        return SanitizeProfile::Drupal;
    return std::nullopt;
}

QString SanitizeProfiles::describe(SanitizeProfile profile)
{
    switch (profile) {
    case SanitizeProfile::WordPress:
        return QStringLiteral("WordPress (any table prefix): users' e-mails become user<ID>@example.invalid and their "
                              "password hashes are invalidated; comments' e-mails become "
                              "commenter<ID>@example.invalid and their IPs 127.0.0.1; session tokens (usermeta) and "
                              "transients (options) are deleted");
    case SanitizeProfile::Drupal:
        return QStringLiteral("Drupal: users_field_data's e-mails become user<uid>@example.invalid and their password "
                              "hashes are invalidated; sessions, cache_* and watchdog are emptied");
    case SanitizeProfile::None:
        break;
    }
    return QStringLiteral("no sanitizing");
}
