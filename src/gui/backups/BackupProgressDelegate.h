// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

/// Draws the Status cell of an In Progress row as a live progress bar (determinate when the
/// job knows its total, else a busy bar with the phase and bytes so far); other rows as usual.
class BackupProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit BackupProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
