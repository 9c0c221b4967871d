// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobsPanel.h"

#include "operations/BackupQueue.h"
#include "widgets/Format.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int JobIdRole = Qt::UserRole + 1;

QString jobTitle(JobKind kind, const QString &siteId, Environment env)
{
    if (siteId.isEmpty())
        return Format::jobKind(kind);
    return QStringLiteral("%1 — %2 / %3").arg(Format::jobKind(kind), siteId, Format::environment(env));
}
} // namespace

JobsPanel::JobsPanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_jobs(new QTreeWidget(this))
    , m_history(new QTreeWidget(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("JobsPanel"));
    setAccessibleName(tr("Jobs"));

    m_jobs->setObjectName(QStringLiteral("jobList"));
    m_jobs->setAccessibleName(tr("Running and recent jobs"));
    m_jobs->setColumnCount(ColumnCount);
    m_jobs->setHeaderLabels(
        { tr("Job"), tr("Phase"), tr("Progress"), tr("Transferred"), tr("Rate"), tr("ETA"), QString() });
    m_jobs->setRootIsDecorated(false);
    m_jobs->setUniformRowHeights(true);
    m_jobs->setAlternatingRowColors(true);
    m_jobs->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *header = m_jobs->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(JobColumn, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_jobs->setColumnWidth(PhaseColumn, em * 14);
    m_jobs->setColumnWidth(ProgressColumn, em * 14);
    m_jobs->setColumnWidth(
        BytesColumn,
        fontMetrics().horizontalAdvance(tr("%1 of %2").arg(QStringLiteral("000.0 MiB"), QStringLiteral("000.0 MiB")))
            + 16);
    m_jobs->setColumnWidth(RateColumn, em * 7);
    m_jobs->setColumnWidth(EtaColumn, em * 7);
    m_jobs->setColumnWidth(ActionColumn, em * 6);

    m_history->setObjectName(QStringLiteral("jobHistory"));
    m_history->setAccessibleName(tr("Job history"));
    m_history->setColumnCount(4);
    m_history->setHeaderLabels({ tr("Finished"), tr("Job"), tr("Outcome"), tr("Message") });
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setAlternatingRowColors(true);
    m_history->header()->setStretchLastSection(true);
    m_history->setColumnWidth(0, em * 9);
    m_history->setColumnWidth(1, em * 16);
    m_history->setColumnWidth(2, em * 7);

    m_empty->setObjectName(QStringLiteral("jobsEmpty"));
    m_empty->setText(tr("No jobs yet. Backups, downloads and verifications you start appear here."));
    m_empty->setEnabled(false);
    m_empty->setAlignment(Qt::AlignCenter);

    auto *running = new QWidget(this);
    auto *runningLayout = new QVBoxLayout(running);
    runningLayout->setContentsMargins(0, 0, 0, 0);
    runningLayout->addWidget(m_jobs, 1);
    runningLayout->addWidget(m_empty);

    m_tabs->setObjectName(QStringLiteral("jobTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(running, tr("Jobs"));
    m_tabs->addTab(m_history, tr("History"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

QString JobsPanel::typicalKey(const QString &siteId, Environment env)
{
    return BackupQueue::key(siteId, env); // the backup queue's key: one backup per environment
}

void JobsPanel::setTypicalDuration(const QString &siteId, Environment env, qint64 seconds)
{
    if (seconds <= 0)
        m_typical.remove(typicalKey(siteId, env));
    else
        m_typical.insert(typicalKey(siteId, env), seconds);
}

QString JobsPanel::etaText(const JobProgress &progress) const
{
    if (progress.etaSeconds >= 0)
        return Format::duration(progress.etaSeconds);
    // The running job cannot measure itself yet: estimate from earlier backups of the same
    // environment, marked with "~" so nobody mistakes it for a measurement.
    if (progress.kind == JobKind::Backup) {
        const qint64 typical = m_typical.value(typicalKey(progress.siteId, progress.environment), -1);
        if (typical > 0) {
            const qint64 elapsed
                = progress.startedAt.isValid() ? progress.startedAt.secsTo(QDateTime::currentDateTimeUtc()) : 0;
            const qint64 left = typical - elapsed;
            return left > 0 ? tr("~%1").arg(Format::duration(left)) : tr("any moment");
        }
    }
    return QStringLiteral("—");
}

int JobsPanel::runningCount() const
{
    int n = 0;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
        n += it.value() ? 1 : 0;
    return n;
}

QTreeWidgetItem *JobsPanel::ensureItem(const JobProgress &progress)
{
    QTreeWidgetItem *item = m_items.value(progress.jobId);
    if (item)
        return item;
    item = new QTreeWidgetItem;
    item->setData(JobColumn, JobIdRole, progress.jobId);
    item->setText(JobColumn, jobTitle(progress.kind, progress.siteId, progress.environment));
    item->setToolTip(JobColumn, progress.backupId);
    m_jobs->insertTopLevelItem(0, item);
    auto *bar = new QProgressBar;
    bar->setObjectName(QStringLiteral("jobProgress"));
    bar->setAccessibleName(tr("Job progress"));
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(fontMetrics().height());
    m_jobs->setItemWidget(item, ProgressColumn, bar);
    auto *cancel = new QToolButton;
    cancel->setObjectName(QStringLiteral("cancelJobButton"));
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(tr("Cancel job"));
    const QString jobId = progress.jobId;
    connect(cancel, &QToolButton::clicked, this, [this, jobId, cancel] {
        cancel->setEnabled(false);
        emit cancelRequested(jobId);
    });
    m_jobs->setItemWidget(item, ActionColumn, cancel);
    m_items.insert(progress.jobId, item);
    m_running.insert(progress.jobId, true);
    m_empty->hide();
    emit runningCountChanged(runningCount());
    return item;
}

void JobsPanel::updateItem(QTreeWidgetItem *item, const JobProgress &p)
{
    QString phase = p.phase;
    if (!p.table.isEmpty())
        phase = tr("%1 · %2").arg(p.phase, p.table);
    item->setText(PhaseColumn, phase);
    item->setText(BytesColumn,
                  p.bytesTotal > 0 ? tr("%1 of %2").arg(Format::size(p.bytesDone), Format::size(p.bytesTotal))
                                   : Format::size(p.bytesDone));
    item->setText(RateColumn, Format::rate(p.bytesPerSecond));
    item->setText(EtaColumn, etaText(p));
    item->setToolTip(EtaColumn,
                     p.etaSeconds >= 0 ? tr("Measured from this job's progress")
                                       : tr("Estimated from earlier backups of this environment"));
    if (auto *bar = qobject_cast<QProgressBar *>(m_jobs->itemWidget(item, ProgressColumn))) {
        if (p.bytesTotal > 0) {
            bar->setRange(0, 1000);
            bar->setValue(static_cast<int>(qBound<qint64>(0, p.bytesDone * 1000 / p.bytesTotal, qint64(1000))));
        } else {
            bar->setRange(0, 0);
        }
    }
}

void JobsPanel::jobStarted(const JobProgress &progress)
{
    updateItem(ensureItem(progress), progress);
}

void JobsPanel::jobProgress(const JobProgress &progress)
{
    updateItem(ensureItem(progress), progress);
}

void JobsPanel::jobFinished(const JobOutcome &outcome)
{
    const QString outcomeText = outcome.success ? tr("Done") : outcome.cancelled ? tr("Cancelled") : tr("Failed");
    QTreeWidgetItem *item = m_items.value(outcome.jobId);
    if (!item) {
        JobProgress p;
        p.jobId = outcome.jobId;
        p.kind = outcome.kind;
        p.siteId = outcome.siteId;
        p.environment = outcome.environment;
        item = ensureItem(p);
    }
    m_running.insert(outcome.jobId, false);
    // Finished jobs stay in the list with their outcome; the progress and cancel widgets go.
    m_jobs->removeItemWidget(item, ProgressColumn);
    m_jobs->removeItemWidget(item, ActionColumn);
    item->setText(PhaseColumn, outcomeText);
    item->setText(ProgressColumn, outcome.message);
    item->setToolTip(ProgressColumn, outcome.message);
    item->setText(RateColumn, QString());
    item->setText(EtaColumn, QString());
    if (item->text(BytesColumn) == Format::size(0))
        item->setText(BytesColumn, QString());
    const BackupStatus look = outcome.success ? BackupStatus::Completed
        : outcome.cancelled                   ? BackupStatus::Cancelled
                                              : BackupStatus::Failed;
    item->setIcon(JobColumn, Format::statusIcon(look));

    auto *entry = new QTreeWidgetItem;
    const QDateTime at = outcome.finishedAt.isValid() ? outcome.finishedAt : QDateTime::currentDateTimeUtc();
    entry->setText(0, QLocale().toString(at.toLocalTime().time(), QLocale::LongFormat));
    entry->setToolTip(0, Format::exactTime(at));
    entry->setText(1, jobTitle(outcome.kind, outcome.siteId, outcome.environment));
    entry->setText(2, outcomeText);
    entry->setIcon(2, Format::statusIcon(look));
    entry->setText(3, outcome.message);
    entry->setToolTip(3, outcome.message);
    m_history->insertTopLevelItem(0, entry);
    emit runningCountChanged(runningCount());
}
