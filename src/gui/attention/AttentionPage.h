// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operations/AttentionItem.h"

#include <QWidget>

class AttentionModel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

/// The console's "Needs Attention" page: failed, interrupted and overdue backups of every site
/// in one table (AttentionModel, sorted through a proxy), each row naming site, environment,
/// what is wrong, since when and the action to take, with buttons for it (Open Site, Retry
/// Backup; a double click does the row's action). With nothing to show it says so. The window
/// feeds it BackupService::attentionLoaded() and acts on its signals.
class AttentionPage : public QWidget
{
    Q_OBJECT

public:
    explicit AttentionPage(QWidget *parent = nullptr);

    void setItems(const QVector<AttentionItem> &items);
    /// The item of the current row (kind Failed and no site id when nothing is selected).
    AttentionItem currentItem() const;

    AttentionModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }

signals:
    void openSiteRequested(const QString &siteId);
    void retryBackupRequested(const QString &siteId, Environment env);
    void refreshRequested();

private:
    void updateState();
    void runAction(const AttentionItem &item);

    AttentionModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QStackedWidget *m_stack;
    QWidget *m_empty;
    QLabel *m_summary;
    QPushButton *m_openSite;
    QPushButton *m_retry;
};
