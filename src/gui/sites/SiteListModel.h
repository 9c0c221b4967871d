// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Site.h"

#include <QAbstractListModel>
#include <QSet>
#include <QVector>

/// The customer sites, one row each, with an attention mark for sites whose last scheduled
/// backup failed or whose newest completed backup is older than its schedule allows (computed
/// by core's SiteHealth; the model only shows it).
class SiteListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        SiteRole = Qt::UserRole + 1, ///< the Site value
        IdRole, ///< slug
        CustomerRole,
        AttentionRole, ///< bool
        SearchTextRole, ///< "name slug customer", lower case, for the search filter
    };

    explicit SiteListModel(QObject *parent = nullptr);

    /// Updates rows in place when the same sites come back (periodic refresh), else resets.
    void setSites(const QVector<Site> &sites, const QVector<QString> &needingAttention);
    int rowOf(const QString &siteId) const;
    const Site &siteAt(int row) const { return m_sites.at(row); }
    bool needsAttention(const QString &siteId) const { return m_attention.contains(siteId); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QVector<Site> m_sites;
    QSet<QString> m_attention;
};
