// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditFilter.h"

bool AuditFilter::accepts(const AuditEntry &entry) const
{
    if (!m_siteId.isEmpty() && entry.siteId != m_siteId)
        return false;
    if (m_since.isValid() && entry.at < m_since)
        return false;
    return acceptsTextAndOutcome(entry);
}

bool AuditFilter::acceptsTextAndOutcome(const AuditEntry &entry) const
{
    if (m_outcome && entry.outcome != *m_outcome)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString env = entry.environment ? Environments::toString(*entry.environment) : QString();
    for (const QString *field : { &entry.actor, &entry.action, &entry.siteId, &env, &entry.backupId, &entry.detail }) {
        if (field->contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool AuditFilter::operator==(const AuditFilter &other) const
{
    return m_siteId == other.m_siteId && m_since == other.m_since && m_limit == other.m_limit && m_text == other.m_text
        && m_outcome == other.m_outcome;
}
