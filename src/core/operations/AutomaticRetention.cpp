// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AutomaticRetention.h"

#include "RetentionJob.h"
#include "jobs/BackupJob.h"
#include "util/Clock.h"
#include "util/Logging.h"

AutomaticRetention::AutomaticRetention(const OperationContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

AutomaticRetention::~AutomaticRetention()
{
    // Whoever listens may be going away too: the apply under way still stops and writes its
    // audit entry, without a word to them.
    m_stopped = true;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
}

void AutomaticRetention::request()
{
    if (m_stopped)
        return;
    if (m_job) {
        m_again = true;
        return;
    }
    startApply();
}

void AutomaticRetention::requestIfDue()
{
    if (!m_lastStart.isValid() || m_lastStart.secsTo(m_context.clock->nowUtc()) >= kIntervalSeconds)
        request();
}

void AutomaticRetention::backupFinished(const Job *job)
{
    const auto *backup = qobject_cast<const BackupJob *>(job);
    if (backup && backup->succeeded() && backup->record().type == BackupType::Scheduled)
        request();
}

void AutomaticRetention::stop()
{
    m_stopped = true;
    m_again = false;
    if (m_job)
        m_job->abort(); // finishes it, synchronously
}

void AutomaticRetention::startApply()
{
    m_lastStart = m_context.clock->nowUtc();
    auto *job = new RetentionJob(m_context, false, this);
    job->setAutomatic(true);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        m_job = nullptr;
        if (!job->succeeded())
            qCWarning(lcJobs) << "automatic retention:" << job->errorString();
        emit finished(job->deletedIds(), job->failures(), job->succeeded() ? QString() : job->errorString());
        if (m_again && !m_stopped) {
            m_again = false;
            startApply();
            return;
        }
        emit idle();
    });
    job->start();
}
