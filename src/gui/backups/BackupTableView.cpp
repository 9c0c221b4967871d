// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupTableView.h"

#include "BackupFilterProxyModel.h"
#include "BackupProgressDelegate.h"
#include "BackupTableModel.h"
#include "widgets/Format.h"

#include <QHeaderView>
#include <QMenu>
#include <QStyle>

#include <algorithm>

BackupTableView::BackupTableView(QWidget *parent)
    : QTableView(parent)
    , m_model(new BackupTableModel(this))
    , m_proxy(new BackupFilterProxyModel(this))
{
    setObjectName(QStringLiteral("backupTable"));
    setAccessibleName(tr("Backups"));
    m_proxy->setSourceModel(m_model);
    setModel(m_proxy);
    setItemDelegateForColumn(BackupTableModel::StatusColumn, new BackupProgressDelegate(this));

    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setSortingEnabled(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Fixed row heights and no resize-to-contents: with 100,000 rows anything that measures
    // every row would stall the GUI thread.
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    fitColumns();
    sortByColumn(BackupTableModel::CreatedColumn, Qt::DescendingOrder);

    // The view moves the current index before it updates the selection, so listen to both.
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentRecordChanged(currentRecord()); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit currentRecordChanged(currentRecord()); });
    // Row updates (status changes) must reach the actions panel too: Download becomes possible
    // when the selected backup completes.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
        const QModelIndex current = currentIndex();
        if (current.isValid() && current.row() >= tl.row() && current.row() <= br.row())
            emit currentRecordChanged(currentRecord());
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { emit currentRecordChanged(currentRecord()); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { emit currentRecordChanged(currentRecord()); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { emit currentRecordChanged(currentRecord()); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { emit currentRecordChanged(currentRecord()); });
    connect(this, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit detailsRequested(index.data(BackupTableModel::RecordRole).value<BackupRecord>());
    });
    connect(this, &QTableView::customContextMenuRequested, this, &BackupTableView::showContextMenu);
}

BackupRecord BackupTableView::currentRecord() const
{
    const QModelIndex index = currentIndex();
    if (!index.isValid() || !selectionModel()->isRowSelected(index.row(), index.parent()))
        return {};
    return index.data(BackupTableModel::RecordRole).value<BackupRecord>();
}

bool BackupTableView::selectBackup(const QString &backupId)
{
    const int row = m_model->rowOf(backupId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    setCurrentIndex(index);
    selectRow(index.row());
    scrollTo(index);
    return true;
}

void BackupTableView::fitColumns()
{
    // Each column as wide as its header and its widest usual value, no wider, so that all of
    // them, "Created by" included, fit the default window. Rarer longer texts (progress) elide
    // and carry a tooltip; a pin is an icon beside the type.
    const QFontMetrics fm = fontMetrics();
    QHeaderView *header = horizontalHeader();
    const int padding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1) + 12;
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + 6;
    auto widest = [&fm](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = std::max(w, fm.horizontalAdvance(t));
        return w;
    };
    const QStringList envs = { Format::environment(Environment::Prod), Format::environment(Environment::Stage),
                               Format::environment(Environment::Dev) };
    const QStringList types = { Format::type(BackupType::Manual), Format::type(BackupType::Scheduled),
                                Format::type(BackupType::PreRestore), Format::type(BackupType::PreSync) };
    const QStringList statuses = { Format::status(BackupStatus::Pending),   Format::status(BackupStatus::InProgress),
                                   Format::status(BackupStatus::Completed), Format::status(BackupStatus::Failed),
                                   Format::status(BackupStatus::Cancelled), Format::status(BackupStatus::Deleting) };
    const int content[] = {
        widest(envs),
        icon + widest(types),
        icon + widest(statuses),
        widest({ Format::localTime(QDateTime(QDate(2026, 12, 31), QTime(23, 59), Qt::UTC)) }),
        widest({ Format::size(999LL * 1024 * 1024), Format::size(1023LL * 1024) }),
    };
    for (int column = 0; column < BackupTableModel::CreatedByColumn; ++column)
        setColumnWidth(column, std::max(header->sectionSizeHint(column), content[column] + padding));
}

void BackupTableView::setLinksAvailable(bool available, const QString &reason)
{
    m_linksAvailable = available;
    m_linksUnavailableReason = reason;
}

void BackupTableView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return;
    selectRow(index.row());
    const BackupRecord record = index.data(BackupTableModel::RecordRole).value<BackupRecord>();
    const bool completed = record.status == BackupStatus::Completed;

    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("backupContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    auto add = [&](const QString &text, Action action, bool enabled) {
        QAction *a = menu->addAction(text, this, [this, action, record] { emit actionRequested(action, record); });
        a->setEnabled(enabled);
        return a;
    };
    add(tr("Details…"), Action::Details, true);
    menu->addSeparator();
    add(tr("Download…"), Action::Download, completed);
    QAction *link = add(tr("Copy Download Link"), Action::CopyLink, completed && m_linksAvailable);
    if (!m_linksAvailable)
        link->setToolTip(m_linksUnavailableReason);
    add(tr("Verify"), Action::Verify, completed);
    add(record.pinned ? tr("Unpin") : tr("Pin"), Action::Pin, completed);
    QAction *restore = add(tr("Restore…"), Action::Restore, completed && !m_locked.contains(record.environment));
    restore->setToolTip(m_locked.value(record.environment));
    menu->addSeparator();
    add(tr("Copy Backup ID"), Action::CopyId, true);
    menu->addSeparator();
    // Any process's backup: the request goes through the catalog to whoever runs it.
    add(tr("Cancel Backup"), Action::Cancel, !Backups::isTerminal(record.status));
    add(tr("Delete…"), Action::Delete, Backups::isTerminal(record.status) && !record.pinned);
    menu->popup(viewport()->mapToGlobal(pos));
}
