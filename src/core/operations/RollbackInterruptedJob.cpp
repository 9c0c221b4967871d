// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RollbackInterruptedJob.h"

#include "RestoreJob.h"
#include "catalog/Catalog.h"

RollbackInterruptedJob::RollbackInterruptedJob(const OperationContext &context, QObject *parent)
    : Job(parent)
    , m_ctx(context)
{ }

RollbackInterruptedJob::~RollbackInterruptedJob() = default;

void RollbackInterruptedJob::doStart()
{
    for (const EnvironmentLock &lock : m_ctx.catalog->environmentLocks()) {
        if (lock.state == EnvironmentLock::State::Interrupted)
            m_pending << lock.siteId + QLatin1Char('/') + Environments::toString(lock.environment);
    }
    next();
}

void RollbackInterruptedJob::next()
{
    while (!m_pending.isEmpty()) {
        const QString key = m_pending.takeFirst();
        const QString siteId = key.section(QLatin1Char('/'), 0, 0);
        const auto env = Environments::fromString(key.section(QLatin1Char('/'), 1));
        if (!env)
            continue;
        // Read again: another process may have rolled it back meanwhile.
        const auto lock = m_ctx.catalog->environmentLock(siteId, *env);
        if (!lock || lock->state != EnvironmentLock::State::Interrupted)
            continue;
        auto *job = RestoreJob::rollbackInterrupted(m_ctx, *lock, this);
        m_current = job;
        connect(job, &Job::finished, this, [this, job] {
            if (job->succeeded())
                ++m_rolledBack;
            else
                ++m_failed;
            m_messages << job->message();
            next();
        });
        job->start();
        return;
    }
    if (m_failed > 0)
        finishWithError(Error::Fatal, m_messages.join(QLatin1Char('\n')));
    else
        finishWithSuccess();
}

void RollbackInterruptedJob::doAbort()
{
    m_pending.clear();
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        m_current->abort();
    }
}
