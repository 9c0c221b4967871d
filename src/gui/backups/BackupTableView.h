// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"

#include <QMap>
#include <QTableView>

class BackupTableModel;
class BackupFilterProxyModel;

/// The backup table: owns the model, the filter proxy and the progress delegate; emits what the
/// engineer asks for on a row (context menu, double-click) and leaves doing it to the window.
class BackupTableView : public QTableView
{
    Q_OBJECT

public:
    /// What the engineer can ask for on a row (context menu).
    enum class Action { Details, Download, CopyLink, Verify, Pin, CopyId, Delete, Restore };
    Q_ENUM(Action)

    explicit BackupTableView(QWidget *parent = nullptr);

    BackupTableModel *backupModel() const { return m_model; }
    BackupFilterProxyModel *proxy() const { return m_proxy; }
    /// The record of the current row (invalid when nothing is selected).
    BackupRecord currentRecord() const;
    bool selectBackup(const QString &backupId);
    /// Whether the store can make download links; when not, Copy Download Link is disabled and
    /// its tooltip says why (@p reason).
    void setLinksAvailable(bool available, const QString &reason = QString());
    /// Environments a restore or sync holds, with why: Restore… of their backups is disabled.
    void setLockedEnvironments(const QMap<Environment, QString> &reasons) { m_locked = reasons; }

signals:
    void currentRecordChanged(const BackupRecord &record);
    void detailsRequested(const BackupRecord &record);
    void actionRequested(BackupTableView::Action action, const BackupRecord &record);

private:
    void showContextMenu(const QPoint &pos);
    void fitColumns();

    BackupTableModel *m_model;
    BackupFilterProxyModel *m_proxy;
    bool m_linksAvailable = true;
    QString m_linksUnavailableReason;
    QMap<Environment, QString> m_locked;
};
