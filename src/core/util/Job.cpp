// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Job.h"

Job::Job(QObject *parent)
    : QObject(parent)
{ }

Job::~Job() = default;

void Job::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    doStart();
}

void Job::abort()
{
    if (m_finished)
        return;
    doAbort();
    // doAbort() may already have finished the job (e.g. a reply's error handler ran).
    if (!m_finished)
        finishWithError(Error::Aborted, cancelledMessage());
}

QString Job::cancelledMessage()
{
    return tr("Cancelled.");
}

void Job::finishWithSuccess()
{
    if (m_finished)
        return;
    m_error = Error::NoError;
    m_errorString.clear();
    finish();
}

void Job::finishWithError(Error error, const QString &message)
{
    if (m_finished)
        return;
    m_error = error == Error::NoError ? Error::Fatal : error;
    m_errorString = message;
    finish();
}

void Job::finish()
{
    m_finished = true;
    emit finished();
    if (m_autoDelete)
        deleteLater();
}
