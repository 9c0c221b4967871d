// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"

#include <QTableView>

class BackupTableModel;
class BackupFilterProxyModel;

/// The backup table: owns the model, the filter proxy and the progress delegate; emits what the
/// engineer asks for on a row (context menu, double-click) and leaves doing it to the window.
class BackupTableView : public QTableView
{
    Q_OBJECT

public:
    explicit BackupTableView(QWidget *parent = nullptr);

    BackupTableModel *backupModel() const { return m_model; }
    BackupFilterProxyModel *proxy() const { return m_proxy; }
    /// The record of the current row (invalid when nothing is selected).
    BackupRecord currentRecord() const;
    bool selectBackup(const QString &backupId);

signals:
    void currentRecordChanged(const BackupRecord &record);
    void detailsRequested(const BackupRecord &record);
    /// "download", "link", "verify", "pin", "delete", "details", "copy-id"
    void actionRequested(const QString &action, const BackupRecord &record);

private:
    void showContextMenu(const QPoint &pos);

    BackupTableModel *m_model;
    BackupFilterProxyModel *m_proxy;
};
