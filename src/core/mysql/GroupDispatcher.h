// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LoadStatement.h"

#include <QHash>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

/// Hands the table groups of a parallel load to its connections ("consumers"), for MySqlLoader.
///
/// A table's statements all go to one consumer, in order. A table that has not started yet goes,
/// whole, to the first consumer that has nothing left to run, not to one that is still busy: the
/// reader cannot know how long a table will take, and a small table queued behind a long index
/// build left the other connection idle at the end of the load. Until a consumer claims it, a new
/// table's statements wait in a pending queue.
///
/// Memory is bounded: the reader's push() blocks while the target's queue (the consumer's, or
/// the pending one) holds @p queueBytes or more, so at most (consumers + 1) x queueBytes plus one
/// statement per queue are held. Once @p failed is set, nothing more is handed out, queued
/// statements are dropped, and push() drops its statement.
///
/// Thread-safe: one reader thread calls push(), pushToAll() and drain(); each consumer thread
/// calls next() and done() with its own index.
class GroupDispatcher
{
public:
    GroupDispatcher(int consumers, qint64 queueBytes, const std::atomic<bool> *failed);

    /// Queues @p s (whose table is not empty) for the consumer that owns its table, or in the
    /// pending queue when no consumer has claimed the table yet.
    void push(LoadStatement s);
    /// Queues @p s for every consumer (a session setting every connection needs).
    void pushToAll(const LoadStatement &s);
    /// Blocks until every statement handed out has finished and none is queued or pending
    /// (after a failure: until the running ones finished; the rest are dropped).
    void drain();

    /// The next statement for @p consumer, claiming the oldest pending table if its own queue is
    /// empty; blocks until there is one. False once stop() was called.
    bool next(int consumer, LoadStatement *s);
    /// Non-blocking next(): false when there is nothing for @p consumer now.
    bool tryNext(int consumer, LoadStatement *s);
    /// @p consumer finished the statement next() gave it (call after recording a failure).
    void done(int consumer);
    /// Wakes every consumer's next() to return false.
    void stop();

    /// The consumer that claimed @p table, or -1 (pending or unknown).
    int owner(const QByteArray &table) const;
    /// Bytes of the statements waiting for a consumer to claim their table.
    qint64 pendingBytes() const;

private:
    struct Queue
    {
        std::deque<LoadStatement> statements;
        qint64 bytes = 0;
        bool busy = false;
    };
    struct PendingTable
    {
        QByteArray table;
        std::deque<LoadStatement> statements;
        qint64 bytes = 0;
    };

    bool takeLocked(int consumer, LoadStatement *s);
    bool failed() const { return m_failed && m_failed->load(); }
    void discardLocked();
    bool idleLocked() const;

    const qint64 m_queueBytes;
    const std::atomic<bool> *m_failed;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<Queue> m_queues;
    std::deque<PendingTable> m_pending;
    qint64 m_pendingBytes = 0;
    QHash<QByteArray, int> m_owners; // table -> consumer; -1 while pending
    bool m_stopping = false;
};
