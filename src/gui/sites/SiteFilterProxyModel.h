// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

/// Filters the site list by a search text that matches name, slug or customer (all words must
/// match, case-insensitive) and sorts by name.
class SiteFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SiteFilterProxyModel(QObject *parent = nullptr);

    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QStringList m_words;
};
