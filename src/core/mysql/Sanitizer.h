// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MySqlEndpoint.h"
#include "SanitizeProfile.h"

#include <QString>
#include <QStringList>

/// Runs a SanitizeProfile and a site's custom SQL against a database after an environment sync
/// loaded it. Blocking (its own connection, call it on a worker thread).
///
/// The profile's tables are found from the schema; a profile whose tables are missing fails
/// (the engineer asked for sanitized data and must not get the original). Only columns that
/// exist are touched, so older and trimmed schemas work. Replacement e-mails are unique and
/// recognisable: user<ID>@example.invalid for accounts, commenter<ID>@example.invalid for
/// WordPress comments. Password hashes become "creodrop-sanitized", which no password matches in
/// WordPress or Drupal (log in after a password reset). The custom SQL runs after the profile,
/// statement by statement as the stock client would run it (DELIMITER included).
class Sanitizer
{
public:
    explicit Sanitizer(const MySqlEndpoint &endpoint);

    bool run(SanitizeProfile profile, const QString &customSql = {});
    QString errorString() const { return m_error; }
    /// What run() changed, one line per step ("wp_users: 12 e-mails and password hashes").
    QStringList actions() const { return m_actions; }

    /// The password hash value written by the profiles.
    static QString sanitizedPassword() { return QStringLiteral("creodrop-sanitized"); }
    /// Table prefixes of the WordPress installations in @p tables: every P with P + "users" and
    /// P + "usermeta" (so "wp_", "blog_", "" ...). Multisite blogs' tables share their prefix.
    static QStringList wordPressPrefixes(const QStringList &tables);

private:
    MySqlEndpoint m_endpoint;
    QString m_error;
    QStringList m_actions;
};
