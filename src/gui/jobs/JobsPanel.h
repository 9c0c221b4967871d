// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/JobProgress.h"

#include <QHash>
#include <QWidget>

class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QLabel;

/// The work of this process: every running job with its phase, bytes, rate, ETA and a Cancel
/// button; finished jobs stay listed with their outcome, and a History tab keeps every outcome
/// of the session (cf. qBittorrent's execution log).
///
/// Backups rarely know their final size, so their own ETA arrives late; until then the panel
/// estimates it from the typical duration of the same environment's earlier backups, which
/// the window supplies with setTypicalDuration().
class JobsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        JobColumn,
        PhaseColumn,
        ProgressColumn,
        BytesColumn,
        RateColumn,
        EtaColumn,
        ActionColumn,
        ColumnCount
    };

    explicit JobsPanel(QWidget *parent = nullptr);

    void jobStarted(const JobProgress &progress);
    void jobProgress(const JobProgress &progress);
    void jobFinished(const JobOutcome &outcome);
    /// Typical seconds a backup of @p siteId / @p env takes (from earlier completed backups);
    /// <= 0 clears it.
    void setTypicalDuration(const QString &siteId, Environment env, qint64 seconds);
    /// The ETA text the panel shows for @p progress (exposed for tests).
    QString etaText(const JobProgress &progress) const;

    int runningCount() const;
    QTreeWidget *jobList() const { return m_jobs; }
    QTreeWidget *historyList() const { return m_history; }
    QTreeWidgetItem *itemForJob(const QString &jobId) const { return m_items.value(jobId); }

signals:
    void cancelRequested(const QString &jobId);
    void runningCountChanged(int count);

private:
    QTreeWidgetItem *ensureItem(const JobProgress &progress);
    void updateItem(QTreeWidgetItem *item, const JobProgress &progress);
    static QString typicalKey(const QString &siteId, Environment env);

    QTabWidget *m_tabs;
    QTreeWidget *m_jobs;
    QTreeWidget *m_history;
    QLabel *m_empty;
    QHash<QString, QTreeWidgetItem *> m_items;
    QHash<QString, qint64> m_typical;
    QHash<QString, bool> m_running;
};
