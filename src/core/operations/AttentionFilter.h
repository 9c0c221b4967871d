// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AttentionItem.h"
#include "catalog/SiteHealth.h"

#include <QVector>

/// Which attention items AttentionQuery returns: the kinds (all when empty), one site (all when
/// empty) and the grace period after a schedule's due time. A value type shared by the console's
/// Attention page and `backup list --all-sites [--status S]`.
class AttentionFilter
{
public:
    AttentionFilter() = default;

    /// The --status values: "failed" (failed and interrupted backups: both are failed rows),
    /// "interrupted", "overdue". Nullopt for anything else.
    static std::optional<AttentionFilter> fromStatusName(const QString &name)
    {
        AttentionFilter filter;
        if (name == QLatin1String("failed"))
            filter.setKinds({ AttentionKind::Failed, AttentionKind::Interrupted });
        else if (const auto kind = AttentionKinds::fromString(name))
            filter.setKinds({ *kind });
        else
            return std::nullopt;
        return filter;
    }

    QVector<AttentionKind> kinds() const { return m_kinds; }
    void setKinds(const QVector<AttentionKind> &kinds) { m_kinds = kinds; }
    QString siteId() const { return m_siteId; }
    void setSiteId(const QString &siteId) { m_siteId = siteId; }
    qint64 graceSeconds() const { return m_graceSeconds; }
    void setGraceSeconds(qint64 seconds) { m_graceSeconds = seconds; }

    bool accepts(AttentionKind kind) const { return m_kinds.isEmpty() || m_kinds.contains(kind); }

    bool operator==(const AttentionFilter &other) const
    {
        return m_kinds == other.m_kinds && m_siteId == other.m_siteId && m_graceSeconds == other.m_graceSeconds;
    }
    bool operator!=(const AttentionFilter &other) const { return !(*this == other); }

private:
    QVector<AttentionKind> m_kinds;
    QString m_siteId;
    qint64 m_graceSeconds = SiteHealth::DefaultGraceSeconds;
};
