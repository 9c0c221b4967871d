// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/AuditFilter.h"

#include <QWidget>

class AuditFilterProxyModel;
class AuditTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

/// The audit log of one site (on the site page) or of every site (the window's Audit Log):
/// time, actor, action, target, outcome and detail, newest first, filtered by a text and an
/// outcome. It asks for its entries with refreshRequested() and shows what setEntries() gives;
/// it never reads the catalog itself.
class AuditView : public QWidget
{
    Q_OBJECT

public:
    explicit AuditView(QWidget *parent = nullptr);

    /// Empty = every site. Clears the entries when it changes.
    void setSiteId(const QString &siteId);
    QString siteId() const { return m_siteId; }
    /// What to ask the catalog for: this view's site, every entry.
    AuditFilter query() const;
    void setEntries(const QVector<AuditEntry> &entries);
    /// Asks for fresh entries if the view is visible, else when it is shown next.
    void refreshWhenVisible();

    AuditTableModel *model() const { return m_model; }
    AuditFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *outcomeCombo() const { return m_outcome; }
    QPushButton *refreshButton() const { return m_refresh; }

signals:
    void refreshRequested(const AuditFilter &query);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateSummary();

    QString m_siteId;
    bool m_stale = true;
    AuditTableModel *m_model;
    AuditFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_outcome;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTreeView *m_view;
};
