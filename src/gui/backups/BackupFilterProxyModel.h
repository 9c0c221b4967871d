// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/EnvironmentFilter.h"

#include <QSortFilterProxyModel>

#include <optional>

class BackupTableModel;

/// Filters and sorts a BackupTableModel. What "matches" is core's EnvironmentFilter (shared with
/// the CLI's --env/--status); this class only delegates to it and adds sorting on raw values.
class BackupFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BackupFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    EnvironmentFilter filter() const { return m_filter; }
    void setFilter(const EnvironmentFilter &filter);
    /// std::nullopt = all environments.
    void setEnvironment(std::optional<Environment> environment);
    void setStatus(std::optional<BackupStatus> status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    BackupTableModel *m_backups = nullptr;
    EnvironmentFilter m_filter;
};
