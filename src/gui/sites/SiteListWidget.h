// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Site.h"

#include <QWidget>

class QAction;
class QLineEdit;
class QListView;
class QLabel;
class SiteListModel;
class SiteFilterProxyModel;

/// The left column: a search field over name, slug and customer, and the list of sites with
/// their attention marks. Keeps the selected site across refreshes and searches.
class SiteListWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SiteListWidget(QWidget *parent = nullptr);

    void setSites(const QVector<Site> &sites, const QVector<QString> &needingAttention);
    QString currentSiteId() const;
    void selectSite(const QString &siteId);
    void focusSearch();
    /// Offered in the list's context menu after Edit Site…, for the site clicked (which is
    /// selected first, so the actions act on the shown site).
    void setContextActions(const QList<QAction *> &actions) { m_contextActions = actions; }

    SiteListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QListView *view() const { return m_view; }

signals:
    void siteSelected(const Site &site);
    void addSiteRequested();
    void editSiteRequested(const QString &siteId);

private:
    void onCurrentChanged();

    SiteListModel *m_model;
    SiteFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QListView *m_view;
    QLabel *m_empty;
    QString m_currentId;
    QList<QAction *> m_contextActions;
};
