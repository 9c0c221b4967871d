// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupProgressDelegate.h"

#include "BackupTableModel.h"

#include <QApplication>
#include <QPainter>

BackupProgressDelegate::BackupProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    setObjectName(QStringLiteral("BackupProgressDelegate"));
}

void BackupProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    // The status through SortRole (an int): copying the whole record for every painted cell
    // showed up while progress repaints this column several times a second.
    const auto status = static_cast<BackupStatus>(index.data(BackupTableModel::SortRole).toInt());
    if (index.column() != BackupTableModel::StatusColumn || status != BackupStatus::InProgress) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection first, so the bar sits on the row like any other cell.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const int permille = index.data(BackupTableModel::ProgressRole).toInt();
    QString text = index.data(BackupTableModel::ProgressTextRole).toString();
    if (permille >= 0)
        text = QStringLiteral("%1 · %2%").arg(text).arg(permille / 10);

    // A slim rounded bar with the text beside it reads better in a table row than a full
    // platform progress bar squeezed to the row height. A dump rarely knows its final size, so
    // an unknown total shows a partly filled track rather than pretending a percentage.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect cell = option.rect.adjusted(4, 0, -4, 0);
    const int barWidth = qMin(cell.width() / 4, 48);
    const int barHeight = qMax(6, option.fontMetrics.height() / 2);
    const QRectF track(cell.left(), cell.center().y() - barHeight / 2.0 + 1, barWidth, barHeight);
    const bool selected = option.state & QStyle::State_Selected;
    QColor trackColor = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    trackColor.setAlphaF(0.18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, barHeight / 2.0, barHeight / 2.0);
    const double fraction = permille >= 0 ? permille / 1000.0 : 0.35;
    QRectF fill = track;
    fill.setWidth(qMax<qreal>(barHeight, track.width() * fraction));
    painter->setBrush(selected ? option.palette.color(QPalette::HighlightedText) : QColor(0x2f, 0x7d, 0xd1));
    painter->drawRoundedRect(fill, barHeight / 2.0, barHeight / 2.0);
    const QRect textRect(int(track.right()) + 8, cell.top(), cell.right() - int(track.right()) - 8, cell.height());
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(option.font);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}
