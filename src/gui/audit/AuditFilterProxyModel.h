// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/AuditFilter.h"

#include <QSortFilterProxyModel>

/// Filters an AuditTableModel by an AuditFilter's text and outcome (site and time are the
/// catalog query's) and sorts by the model's SortRole.
class AuditFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AuditFilterProxyModel(QObject *parent = nullptr);

    AuditFilter filter() const { return m_filter; }
    void setFilter(const AuditFilter &filter);
    void setText(const QString &text);
    void setOutcome(std::optional<AuditOutcome> outcome);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AuditFilter m_filter;
};
