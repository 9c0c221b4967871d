// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteListWidget.h"

#include "SiteFilterProxyModel.h"
#include "SiteListModel.h"
#include "widgets/Format.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// Two lines per site: the name, and below it, muted, "customer · slug · tier".
class SiteItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(200, option.fontMetrics.height() * 2 + 14);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        opt.icon = QIcon();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const Site site = index.data(SiteListModel::SiteRole).value<Site>();
        const bool attention = index.data(SiteListModel::AttentionRole).toBool();
        const bool selected = opt.state & QStyle::State_Selected;
        QRect r = opt.rect.adjusted(10, 6, -8, -6);
        if (attention) {
            const int side = opt.fontMetrics.height();
            Format::attentionIcon().paint(painter, QRect(r.right() - side, r.top() + 2, side, side));
            r.setRight(r.right() - side - 6);
        }
        painter->save();
        QFont bold = opt.font;
        bold.setWeight(QFont::DemiBold);
        painter->setFont(bold);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const int lineHeight = opt.fontMetrics.height();
        painter->drawText(QRect(r.left(), r.top(), r.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(title, Qt::ElideRight, r.width()));
        painter->setFont(opt.font);
        QColor muted = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        muted.setAlphaF(0.65);
        painter->setPen(muted);
        const QString sub = QStringLiteral("%1 · %2 · %3").arg(site.customer, site.id, Format::tier(site.tier));
        painter->drawText(QRect(r.left(), r.top() + lineHeight + 2, r.width(), lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, opt.fontMetrics.elidedText(sub, Qt::ElideRight, r.width()));
        painter->restore();
    }
};
} // namespace

SiteListWidget::SiteListWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new SiteListModel(this))
    , m_proxy(new SiteFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("SiteListWidget"));
    m_proxy->setSourceModel(m_model);
    m_proxy->sort(0);

    m_search->setObjectName(QStringLiteral("siteSearch"));
    m_search->setPlaceholderText(tr("Search sites, slugs, customers…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search sites"));
    m_search->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);

    m_view->setObjectName(QStringLiteral("siteList"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new SiteItemDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Sites"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    m_empty->setObjectName(QStringLiteral("siteListEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No sites yet. Add one with Site ▸ Add Site…"));
    m_empty->setEnabled(false);
    // Shown once a load said so (setSites): a catalog not read yet, or that could not be read,
    // is not an empty one.
    m_empty->setVisible(false);

    auto *addButton = new QToolButton(this);
    addButton->setObjectName(QStringLiteral("addSiteButton"));
    addButton->setText(tr("Add Site…"));
    addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addButton->setAccessibleName(tr("Add site"));
    connect(addButton, &QToolButton::clicked, this, &SiteListWidget::addSiteRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);
    layout->addWidget(addButton, 0, Qt::AlignLeft);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &SiteFilterProxyModel::setSearchText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &SiteListWidget::onCurrentChanged);
    connect(m_view, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        const QString id = index.data(SiteListModel::IdRole).toString();
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(tr("Edit Site…"), this, [this, id] { emit editSiteRequested(id); });
        if (!m_contextActions.isEmpty()) {
            m_view->setCurrentIndex(index);
            menu->addSeparator();
            menu->addActions(m_contextActions);
        }
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QListView::doubleClicked, this,
            [this](const QModelIndex &index) { emit editSiteRequested(index.data(SiteListModel::IdRole).toString()); });
}

void SiteListWidget::setSites(const QVector<Site> &sites, const QVector<QString> &needingAttention)
{
    const QString keep = m_currentId;
    m_model->setSites(sites, needingAttention);
    m_empty->setVisible(sites.isEmpty());
    if (!keep.isEmpty())
        selectSite(keep);
}

QString SiteListWidget::currentSiteId() const
{
    return m_currentId;
}

void SiteListWidget::selectSite(const QString &siteId)
{
    const int row = m_model->rowOf(siteId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row));
    if (!index.isValid())
        return;
    if (m_view->currentIndex() != index)
        m_view->setCurrentIndex(index);
    else if (m_currentId != siteId)
        onCurrentChanged();
}

void SiteListWidget::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void SiteListWidget::onCurrentChanged()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const Site site = index.data(SiteListModel::SiteRole).value<Site>();
    if (site.id == m_currentId)
        return;
    m_currentId = site.id;
    emit siteSelected(site);
}
