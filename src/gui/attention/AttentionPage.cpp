// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttentionPage.h"

#include "AttentionModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

AttentionPage::AttentionPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new AttentionModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QWidget(this))
    , m_summary(new QLabel(this))
    , m_openSite(new QPushButton(tr("&Open Site"), this))
    , m_retry(new QPushButton(tr("&Retry Backup"), this))
{
    setObjectName(QStringLiteral("attentionPage"));
    auto *title = new QLabel(tr("Needs Attention"), this);
    title->setObjectName(QStringLiteral("attentionTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_summary->setObjectName(QStringLiteral("attentionSummary"));
    m_summary->setWordWrap(true);

    m_proxy->setObjectName(QStringLiteral("attentionProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AttentionModel::SortRole);
    m_view->setObjectName(QStringLiteral("attentionTable"));
    m_view->setAccessibleName(tr("Backups that need attention"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AttentionModel::SinceColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AttentionModel::DetailsColumn, QHeaderView::Stretch);

    // The empty state: nothing failed, nothing late.
    m_empty->setObjectName(QStringLiteral("attentionEmptyState"));
    auto *emptyText = new QLabel(tr("Nothing needs attention"), m_empty);
    emptyText->setObjectName(QStringLiteral("attentionEmptyText"));
    QFont emptyFont = emptyText->font();
    emptyFont.setBold(true);
    emptyText->setFont(emptyFont);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *emptyHint = new QLabel(tr("The newest backup of every environment completed and every schedule is on "
                                    "time. Failed, interrupted and overdue backups of all sites show up here."),
                                 m_empty);
    emptyHint->setAlignment(Qt::AlignCenter);
    emptyHint->setWordWrap(true);
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyHint);
    emptyLayout->addStretch(1);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_openSite->setObjectName(QStringLiteral("attentionOpenSiteButton"));
    m_openSite->setToolTip(tr("Show the site's backups, schedule and settings"));
    m_retry->setObjectName(QStringLiteral("attentionRetryButton"));
    m_retry->setToolTip(tr("Back up this environment again now"));
    auto *refresh = new QPushButton(tr("Re&fresh"), this);
    refresh->setObjectName(QStringLiteral("attentionRefreshButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openSite);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    buttons->addWidget(refresh);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_openSite, &QPushButton::clicked, this, [this] {
        const AttentionItem item = currentItem();
        if (!item.siteId.isEmpty())
            emit openSiteRequested(item.siteId);
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const AttentionItem item = currentItem();
        if (!item.siteId.isEmpty())
            emit retryBackupRequested(item.siteId, item.environment);
    });
    connect(refresh, &QPushButton::clicked, this, &AttentionPage::refreshRequested);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        runAction(index.data(AttentionModel::RecordRole).value<AttentionItem>());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AttentionPage::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AttentionPage::updateState);
    updateState();
}

void AttentionPage::setItems(const QVector<AttentionItem> &items)
{
    // Keep the engineer's row across refreshes when it is still there.
    const AttentionItem before = currentItem();
    m_model->setItems(items);
    for (int row = 0; row < m_proxy->rowCount() && !before.siteId.isEmpty(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const AttentionItem item = index.data(AttentionModel::RecordRole).value<AttentionItem>();
        if (item.siteId == before.siteId && item.environment == before.environment && item.kind == before.kind) {
            m_view->selectionModel()->setCurrentIndex(index,
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            break;
        }
    }
    updateState();
}

AttentionItem AttentionPage::currentItem() const
{
    const QModelIndex index = m_view->selectionModel()->currentIndex();
    if (!index.isValid())
        return {};
    return index.data(AttentionModel::RecordRole).value<AttentionItem>();
}

void AttentionPage::runAction(const AttentionItem &item)
{
    if (item.siteId.isEmpty())
        return;
    if (item.action == AttentionAction::RetryBackup)
        emit retryBackupRequested(item.siteId, item.environment);
    else
        emit openSiteRequested(item.siteId);
}

void AttentionPage::updateState()
{
    const int count = m_model->rowCount();
    m_stack->setCurrentWidget(count > 0 ? static_cast<QWidget *>(m_view) : m_empty);
    // Without a catalog (English) %n has no plural forms: one is a string of its own.
    m_summary->setText(count == 1      ? tr("1 problem across all sites.")
                           : count > 0 ? tr("%n problems across all sites, newest first.", nullptr, count)
                                       : tr("Failed, interrupted and overdue backups of every site."));
    const bool selected = !currentItem().siteId.isEmpty();
    m_openSite->setEnabled(selected);
    m_retry->setEnabled(selected);
}
