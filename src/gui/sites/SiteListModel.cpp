// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteListModel.h"

#include "widgets/Format.h"

SiteListModel::SiteListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    setObjectName(QStringLiteral("SiteListModel"));
}

void SiteListModel::setSites(const QVector<Site> &sites, const QVector<QString> &needingAttention)
{
    const QSet<QString> attention(needingAttention.cbegin(), needingAttention.cend());
    bool sameRows = sites.size() == m_sites.size();
    for (int i = 0; sameRows && i < sites.size(); ++i)
        sameRows = sites.at(i).id == m_sites.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_sites = sites;
        m_attention = attention;
        endResetModel();
        return;
    }
    const QSet<QString> oldAttention = m_attention;
    m_attention = attention;
    for (int i = 0; i < sites.size(); ++i) {
        const Site &a = m_sites.at(i);
        const Site &b = sites.at(i);
        const bool changed = a.name != b.name || a.customer != b.customer || a.tier != b.tier
            || oldAttention.contains(a.id) != attention.contains(b.id);
        m_sites[i] = b;
        if (changed)
            emit dataChanged(index(i), index(i));
    }
}

int SiteListModel::rowOf(const QString &siteId) const
{
    for (int i = 0; i < m_sites.size(); ++i) {
        if (m_sites.at(i).id == siteId)
            return i;
    }
    return -1;
}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_sites.size();
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Site &site = m_sites.at(index.row());
    const bool attention = m_attention.contains(site.id);
    switch (role) {
    case Qt::DisplayRole:
        return site.name.isEmpty() ? site.id : site.name;
    case Qt::ToolTipRole: {
        QString tip
            = tr("%1 (%2)\nCustomer: %3\nTier: %4").arg(site.name, site.id, site.customer, Format::tier(site.tier));
        if (attention)
            tip += QLatin1Char('\n') + tr("Needs attention: the last scheduled backup failed or backups are overdue.");
        return tip;
    }
    case Qt::DecorationRole:
        return attention ? Format::attentionIcon() : QVariant();
    case Qt::AccessibleTextRole:
        return attention ? tr("%1, needs attention").arg(site.name) : site.name;
    case SiteRole:
        return QVariant::fromValue(site);
    case IdRole:
        return site.id;
    case CustomerRole:
        return site.customer;
    case AttentionRole:
        return attention;
    case SearchTextRole:
        return QString(site.name + QLatin1Char(' ') + site.id + QLatin1Char(' ') + site.customer).toLower();
    default:
        return {};
    }
}
