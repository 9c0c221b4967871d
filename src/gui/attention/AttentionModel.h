// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operations/AttentionItem.h"

#include <QAbstractTableModel>
#include <QVector>

/// What needs attention across sites (AttentionQuery's items), one row each: site, environment,
/// what is wrong, since when, and the action to take. Sort through a proxy on SortRole (raw
/// values: the kind, the time); RecordRole gives the whole AttentionItem through the proxy.
class AttentionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SiteColumn, EnvironmentColumn, ProblemColumn, SinceColumn, DetailsColumn, ActionColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw values: the site id, enum ints, QDateTime
        RecordRole, ///< the whole AttentionItem
    };

    explicit AttentionModel(QObject *parent = nullptr);

    void setItems(const QVector<AttentionItem> &items);
    const QVector<AttentionItem> &items() const { return m_items; }
    AttentionItem item(int row) const { return m_items.value(row); }

    /// "Failed", "Interrupted", "Overdue" (translated).
    static QString kindText(AttentionKind kind);
    /// "Retry Backup", "Open Site" (translated).
    static QString actionText(AttentionAction action);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<AttentionItem> m_items;
};
