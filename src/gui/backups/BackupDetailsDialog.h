// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"

#include <QDialog>

class QFormLayout;
class QPlainTextEdit;
class QLabel;

/// Everything known about one backup: ids, times and duration, sizes, SHA-256, object key,
/// error text and the manifest. Non-modal; the text is selectable for pasting into tickets.
class BackupDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BackupDetailsDialog(QWidget *parent = nullptr);

    void setRecord(const BackupRecord &record);
    BackupRecord record() const { return m_record; }
    /// The manifest JSON, when the caller fetched it.
    void setManifest(const QString &json);
    QString fieldText(const QString &objectName) const;

private:
    QLabel *addField(const QString &objectName, const QString &label);

    BackupRecord m_record;
    QFormLayout *m_form;
    QPlainTextEdit *m_manifest;
};
