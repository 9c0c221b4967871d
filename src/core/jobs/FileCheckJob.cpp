// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileCheckJob.h"

#include "FileChecks.h"
#include "util/Logging.h"

#include <QFileInfo>
#include <QThread>

FileCheckJob::FileCheckJob(const QString &path, int checks, QObject *parent)
    : Job(parent)
    , m_path(path)
    , m_checks(checks)
{ }

FileCheckJob::~FileCheckJob()
{
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void FileCheckJob::doStart()
{
    m_thread = QThread::create([this] { work(); });
    m_thread->setObjectName(QStringLiteral("file-check"));
    // QThread::finished is emitted by the thread itself: queued into ours.
    connect(m_thread, &QThread::finished, this, &FileCheckJob::onThreadFinished, Qt::QueuedConnection);
    m_thread->start();
}

void FileCheckJob::doAbort()
{
    m_cancel = true;
}

void FileCheckJob::work()
{
    m_size = QFileInfo(m_path).size();
    if (m_checks & Sha256) {
        m_sha = FileChecks::sha256(m_path, &m_detail, &m_cancel);
        if (m_sha.isEmpty()) {
            m_outcome = Outcome::ReadError;
            return;
        }
        if (!m_expectedSha.isEmpty() && m_sha != m_expectedSha) {
            m_outcome = Outcome::ShaMismatch;
            return;
        }
    }
    if ((m_checks & Gzip) && !FileChecks::testGzip(m_path, &m_detail, &m_cancel)) {
        m_outcome = Outcome::GzipInvalid;
        return;
    }
    if (!m_publishTo.isEmpty() && !m_cancel && !PrivateFiles::publish(m_path, m_publishTo, m_publishMode, &m_detail)) {
        m_outcome = Outcome::PublishError;
        return;
    }
}

void FileCheckJob::onThreadFinished()
{
    if (isFinished())
        return;
    qCDebug(lcJobs) << "checked" << m_path << "size" << m_size;
    finishWithSuccess(); // the outcome tells what the checks found
}
