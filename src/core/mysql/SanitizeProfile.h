// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/// Which personal data an environment sync removes from the target after the load
/// (Sanitizer runs it). Never applied to prod.
enum class SanitizeProfile {
    None,
    /// Any table prefix, found from the schema (`<prefix>users` with `<prefix>usermeta`):
    /// users' e-mails and password hashes, comments' e-mails and IPs, session tokens in usermeta,
    /// transients in options (multisite blogs' `<prefix><n>_comments` and `_options` too).
    WordPress,
    /// users_field_data's e-mails and password hashes; sessions, cache_* and watchdog emptied.
    Drupal,
};

namespace SanitizeProfiles {
/// "none", "wordpress", "drupal".
QString toString(SanitizeProfile profile);
std::optional<SanitizeProfile> fromString(const QString &name);
/// What the profile changes, one sentence for the preflight and the CLI help.
QString describe(SanitizeProfile profile);
} // namespace SanitizeProfiles
