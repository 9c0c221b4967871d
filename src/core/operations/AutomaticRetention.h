// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "RetentionJob.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

/// Applies retention without anyone asking, for the processes that run schedules (the worker and
/// the console): after every scheduled backup they complete, and at least once an hour, so that
/// a schedule's "keep N" holds and pre-restore backups go after 7 days without a person or a cron
/// job running `retention apply`. One apply at a time: a request while one runs starts another
/// right after it. An apply that has nothing to delete writes no audit entry (they would fill
/// the log every hour); one that deletes writes the usual retention.apply entry.
class AutomaticRetention : public QObject
{
    Q_OBJECT

public:
    explicit AutomaticRetention(const OperationContext &context, QObject *parent = nullptr);
    ~AutomaticRetention() override;

    /// Applies retention now, or right after the apply under way.
    void request();
    /// Applies retention when none began in the last hour (by the context's clock).
    void requestIfDue();
    /// A backup job of the queue ended: a scheduled backup that completed may take an older one
    /// past its schedule's "keep N", so an apply follows (request()).
    void backupFinished(const Job *job);
    /// Stops: the apply under way is aborted (its deletion request is cancelled, so this is
    /// quick; finished() says how far it got) and no other starts.
    void stop();
    bool isRunning() const { return m_job != nullptr; }

    static constexpr int kIntervalSeconds = 3600;

signals:
    /// An apply ended. @p deletedIds: what it deleted; @p failures: one message per backup it
    /// could not delete; @p error: why the apply failed or stopped, empty when it succeeded.
    void finished(const QStringList &deletedIds, const QStringList &failures, const QString &error);
    /// No apply is running and none is waiting.
    void idle();

private:
    void startApply();

    OperationContext m_context;
    QPointer<RetentionJob> m_job;
    QDateTime m_lastStart;
    bool m_again = false;
    bool m_stopped = false;
};
