// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Clock.h"

#include <QMutex>

/// A clock tests move by hand. Thread-safe, as catalogs in worker threads read it.
class FakeClock : public Clock
{
public:
    explicit FakeClock(const QDateTime &start = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC))
        : m_now(start)
    { }

    QDateTime nowUtc() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &now)
    {
        QMutexLocker lock(&m_mutex);
        m_now = now.toUTC();
    }
    void advance(qint64 seconds)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};
