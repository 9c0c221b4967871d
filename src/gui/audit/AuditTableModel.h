// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/AuditEntry.h"

#include <QAbstractTableModel>
#include <QVector>

/// Audit entries as rows, newest first as loaded: time, actor, action, target (site /
/// environment / backup), outcome and detail. SortRole gives sortable values (the time as UTC
/// milliseconds), RecordRole the AuditEntry itself.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Actor, Action, Target, Outcome, Detail, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, RecordRole };

    explicit AuditTableModel(QObject *parent = nullptr);

    void setEntries(const QVector<AuditEntry> &entries);
    const QVector<AuditEntry> &entries() const { return m_entries; }
    AuditEntry entry(int row) const { return m_entries.value(row); }

    /// "shop / prod / 20261125T…"; the parts that are absent are left out.
    static QString target(const AuditEntry &entry);
    static QString outcomeText(AuditOutcome outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<AuditEntry> m_entries;
};
