// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEntry.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

/// Which audit entries a view or `audit list` shows: one site (or all), entries at or after a
/// time, a text that one of the entry's fields contains, one outcome, and at most N of them
/// (newest first). A value type so Catalog::auditLog(), the CLI's options and the console's
/// filter share one definition of "matches".
class AuditFilter
{
public:
    AuditFilter() = default;

    /// Empty = every site.
    QString siteId() const { return m_siteId; }
    void setSiteId(const QString &siteId) { m_siteId = siteId; }
    /// Inclusive, UTC; null = from the first entry.
    QDateTime since() const { return m_since; }
    void setSince(const QDateTime &sinceUtc) { m_since = sinceUtc; }
    /// At most this many entries, the newest; 0 = no limit.
    int limit() const { return m_limit; }
    void setLimit(int limit) { m_limit = limit < 0 ? 0 : limit; }
    /// Case-insensitive; matched against actor, action, site, environment, backup id and detail.
    QString text() const { return m_text; }
    void setText(const QString &text) { m_text = text.trimmed(); }
    std::optional<AuditOutcome> outcome() const { return m_outcome; }
    void setOutcome(std::optional<AuditOutcome> outcome) { m_outcome = outcome; }

    /// Whether @p entry passes every criterion but the limit.
    bool accepts(const AuditEntry &entry) const;
    /// accepts() without the site and time (what a view filters on top of a loaded page).
    bool acceptsTextAndOutcome(const AuditEntry &entry) const;

    bool operator==(const AuditFilter &other) const;
    bool operator!=(const AuditFilter &other) const { return !(*this == other); }

private:
    QString m_siteId;
    QDateTime m_since;
    int m_limit = 0;
    QString m_text;
    std::optional<AuditOutcome> m_outcome;
};

Q_DECLARE_METATYPE(AuditFilter)
