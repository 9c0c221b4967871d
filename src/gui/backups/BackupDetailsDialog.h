// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"

#include <QDialog>

class QFormLayout;
class QTreeWidget;
class QPlainTextEdit;
class QLabel;

/// Everything known about one backup: ids, times and duration, sizes, SHA-256, object key,
/// error text and the manifest (server version, dump options, tables with their row counts,
/// and the JSON as stored), which the window fetches from storage and hands in when it
/// arrives. Non-modal; the text is selectable for pasting into tickets.
class BackupDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BackupDetailsDialog(QWidget *parent = nullptr);

    void setRecord(const BackupRecord &record);
    BackupRecord record() const { return m_record; }
    /// The manifest JSON, when the caller fetched it: fills the manifest fields and tables.
    void setManifest(const QString &json);
    /// The manifest is being fetched / could not be fetched (shown instead of the tables).
    void setManifestLoading();
    void setManifestError(const QString &message);
    QTreeWidget *tablesView() const { return m_tables; }
    QString fieldText(const QString &objectName) const;

private:
    QLabel *addField(const QString &objectName, const QString &label);

    BackupRecord m_record;
    QFormLayout *m_form;
    QPlainTextEdit *m_manifest;
    QTreeWidget *m_tables;
    QLabel *m_manifestStatus;
};
