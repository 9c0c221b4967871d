// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteFilterProxyModel.h"

#include "SiteListModel.h"

SiteFilterProxyModel::SiteFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setObjectName(QStringLiteral("SiteFilterProxyModel"));
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void SiteFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool SiteFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString haystack
        = sourceModel()->index(sourceRow, 0, sourceParent).data(SiteListModel::SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}
