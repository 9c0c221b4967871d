// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditFilterProxyModel.h"

#include "AuditTableModel.h"

AuditFilterProxyModel::AuditFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setObjectName(QStringLiteral("AuditFilterProxyModel"));
    setSortRole(AuditTableModel::SortRole);
}

void AuditFilterProxyModel::setFilter(const AuditFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

void AuditFilterProxyModel::setText(const QString &text)
{
    AuditFilter f = m_filter;
    f.setText(text);
    setFilter(f);
}

void AuditFilterProxyModel::setOutcome(std::optional<AuditOutcome> outcome)
{
    AuditFilter f = m_filter;
    f.setOutcome(outcome);
    setFilter(f);
}

bool AuditFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QVariant record = index.data(AuditTableModel::RecordRole);
    if (!record.canConvert<AuditEntry>())
        return false;
    return m_filter.acceptsTextAndOutcome(record.value<AuditEntry>());
}
