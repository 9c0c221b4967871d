// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupDispatcher.h"

#include <algorithm>

GroupDispatcher::GroupDispatcher(int consumers, qint64 queueBytes, const std::atomic<bool> *failed)
    : m_queueBytes(queueBytes)
    , m_failed(failed)
    , m_queues(size_t(std::max(consumers, 1)))
{ }

void GroupDispatcher::push(LoadStatement s)
{
    const qint64 size = s.sql.size();
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (failed())
            return;
        const auto owner = m_owners.constFind(s.table);
        if (owner != m_owners.cend() && *owner >= 0) {
            Queue &q = m_queues[size_t(*owner)];
            // An empty queue always takes one statement, however large.
            if (q.bytes >= m_queueBytes && !q.statements.empty()) {
                m_cv.wait(lock);
                continue;
            }
            q.bytes += size;
            q.statements.push_back(std::move(s));
            break;
        }
        if (m_pendingBytes >= m_queueBytes && !m_pending.empty()) {
            m_cv.wait(lock); // until a consumer claims a pending table (this one, maybe)
            continue;
        }
        if (owner == m_owners.cend()) {
            m_owners.insert(s.table, -1);
            m_pending.push_back(PendingTable{ s.table, {}, 0 });
        }
        // Usually the newest pending table; a file may also come back to an earlier one.
        auto group = std::find_if(m_pending.rbegin(), m_pending.rend(),
                                  [&s](const PendingTable &p) { return p.table == s.table; });
        group->bytes += size;
        group->statements.push_back(std::move(s));
        m_pendingBytes += size;
        break;
    }
    m_cv.notify_all();
}

void GroupDispatcher::pushToAll(const LoadStatement &s)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (failed())
            return;
        for (Queue &q : m_queues) {
            q.bytes += s.sql.size();
            q.statements.push_back(s);
        }
    }
    m_cv.notify_all();
}

bool GroupDispatcher::idleLocked() const
{
    return m_pending.empty() && std::all_of(m_queues.begin(), m_queues.end(), [](const Queue &q) {
               return q.statements.empty() && !q.busy;
           });
}

void GroupDispatcher::discardLocked()
{
    m_pending.clear();
    m_pendingBytes = 0;
    for (Queue &q : m_queues) {
        q.statements.clear();
        q.bytes = 0;
    }
}

void GroupDispatcher::drain()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [this] {
        if (failed())
            discardLocked(); // never start a statement after a failure
        return idleLocked();
    });
    m_cv.notify_all();
}

bool GroupDispatcher::takeLocked(int consumer, LoadStatement *s)
{
    if (failed()) {
        discardLocked();
        return false;
    }
    Queue &q = m_queues[size_t(consumer)];
    if (q.busy)
        return false; // one statement at a time per connection
    if (q.statements.empty() && !m_pending.empty()) {
        PendingTable group = std::move(m_pending.front());
        m_pending.pop_front();
        m_pendingBytes -= group.bytes;
        m_owners[group.table] = consumer;
        q.bytes += group.bytes;
        for (LoadStatement &p : group.statements)
            q.statements.push_back(std::move(p));
    }
    if (q.statements.empty())
        return false;
    *s = std::move(q.statements.front());
    q.statements.pop_front();
    q.bytes -= s->sql.size();
    q.busy = true;
    return true;
}

bool GroupDispatcher::tryNext(int consumer, LoadStatement *s)
{
    bool taken = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        taken = takeLocked(consumer, s);
    }
    m_cv.notify_all(); // room in a queue, or a pending table claimed
    return taken;
}

bool GroupDispatcher::next(int consumer, LoadStatement *s)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (m_stopping)
            return false;
        if (takeLocked(consumer, s))
            break;
        // No notify here: two idle consumers would wake each other without end. Whoever waits
        // for a consumer is woken by done() or by the take below.
        m_cv.wait(lock);
    }
    lock.unlock();
    m_cv.notify_all();
    return true;
}

void GroupDispatcher::done(int consumer)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queues[size_t(consumer)].busy = false;
    }
    m_cv.notify_all();
}

void GroupDispatcher::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_all();
}

int GroupDispatcher::owner(const QByteArray &table) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_owners.value(table, -1);
}

qint64 GroupDispatcher::pendingBytes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_pendingBytes;
}
