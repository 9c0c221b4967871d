// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <functional>

class Job;

/// Runs jobs serially per queue key and in parallel across keys, up to a concurrency limit
/// (cf. Vorta's jobs_manager and qBittorrent's per-service queues). Backups use the key
/// "<site>/<env>", so one environment never has two backups running while different sites run
/// side by side.
///
/// enqueue() takes a factory rather than a job so nothing is constructed (no threads, no
/// connections) until the job's turn comes. The queue starts each job, waits for its finished()
/// and then starts the next one; jobs delete themselves (autoDelete). Lives in one thread.
class JobQueue : public QObject
{
    Q_OBJECT

public:
    using Factory = std::function<Job *()>;

    explicit JobQueue(int concurrency = 2, QObject *parent = nullptr);
    ~JobQueue() override;

    void setConcurrency(int concurrency);
    int concurrency() const { return m_concurrency; }

    /// Queues a job under @p queueKey; @p id names it in signals and for cancel().
    void enqueue(const QString &queueKey, const QString &id, Factory factory);
    /// Removes a waiting job (returns true), or aborts a running one (its finished() follows).
    bool cancel(const QString &id);
    /// Drops every waiting job and aborts the running ones.
    void cancelAll();
    /// Drops every waiting job; running ones go on (a shutdown cancels them its own way).
    void dropWaiting();

    int runningCount() const { return m_running.size(); }
    int waitingCount() const;
    bool isIdle() const { return runningCount() == 0 && waitingCount() == 0; }
    bool isRunning(const QString &id) const { return m_running.contains(id); }

signals:
    void jobStarted(const QString &id, Job *job);
    void jobFinished(const QString &id, Job *job);
    /// A waiting job was dropped by cancel() before it ran.
    void jobDropped(const QString &id);
    void idle();

private:
    struct Entry
    {
        QString key;
        QString id;
        Factory factory;
    };
    void startNext();

    int m_concurrency;
    std::deque<Entry> m_waiting;
    QHash<QString, QPointer<Job>> m_running; ///< id -> job
    QHash<QString, QString> m_runningKeys; ///< id -> queue key
};
