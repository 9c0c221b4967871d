// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobQueue.h"

#include "util/Job.h"

#include <algorithm>

JobQueue::JobQueue(int concurrency, QObject *parent)
    : QObject(parent)
    , m_concurrency(std::max(1, concurrency))
{ }

JobQueue::~JobQueue()
{
    m_waiting.clear();
    // Jobs still running are parented elsewhere or auto-delete; stop them so none outlives us
    // while holding on to a pointer to this queue's signals.
    const auto running = m_running;
    for (const QPointer<Job> &job : running) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
}

void JobQueue::setConcurrency(int concurrency)
{
    m_concurrency = std::max(1, concurrency);
    startNext();
}

void JobQueue::enqueue(const QString &queueKey, const QString &id, Factory factory)
{
    m_waiting.push_back(Entry{ queueKey, id, std::move(factory) });
    startNext();
}

int JobQueue::waitingCount() const
{
    return static_cast<int>(m_waiting.size());
}

bool JobQueue::cancel(const QString &id)
{
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (it->id == id) {
            m_waiting.erase(it);
            emit jobDropped(id);
            if (isIdle())
                emit idle();
            return true;
        }
    }
    const QPointer<Job> job = m_running.value(id);
    if (job) {
        job->abort();
        return true;
    }
    return false;
}

void JobQueue::dropWaiting()
{
    while (!m_waiting.empty()) {
        const QString id = m_waiting.front().id;
        m_waiting.pop_front();
        emit jobDropped(id);
    }
}

void JobQueue::cancelAll()
{
    dropWaiting();
    const auto running = m_running;
    for (const QPointer<Job> &job : running) {
        if (job)
            job->abort();
    }
}

void JobQueue::startNext()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end() && m_running.size() < m_concurrency;) {
        const bool keyBusy = std::find(m_runningKeys.cbegin(), m_runningKeys.cend(), it->key) != m_runningKeys.cend();
        if (keyBusy) {
            ++it;
            continue;
        }
        Entry entry = std::move(*it);
        it = m_waiting.erase(it);
        Job *job = entry.factory();
        if (!job) {
            emit jobDropped(entry.id);
            continue;
        }
        const QString id = entry.id;
        m_running.insert(id, job);
        m_runningKeys.insert(id, entry.key);
        connect(job, &Job::finished, this, [this, id, job] {
            m_running.remove(id);
            m_runningKeys.remove(id);
            emit jobFinished(id, job);
            // Start the next one after the finished() handlers ran, never from inside them.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    startNext();
                    if (isIdle())
                        emit idle();
                },
                Qt::QueuedConnection);
        });
        emit jobStarted(id, job);
        job->start();
        // start() may have finished the job synchronously and erased entries: restart the scan.
        it = m_waiting.begin();
    }
}
