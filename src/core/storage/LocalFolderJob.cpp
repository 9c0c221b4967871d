// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalFolderJob.h"

#include <QMetaObject>

LocalFolderJob::LocalFolderJob(Work work, QObject *parent)
    : StoreJob(parent)
    , m_work(std::move(work))
{ }

void LocalFolderJob::doStart()
{
    QMetaObject::invokeMethod(this, &LocalFolderJob::run, Qt::QueuedConnection);
}

void LocalFolderJob::run()
{
    if (isFinished())
        return;
    Job::Error error = Job::Error::Fatal;
    const QString message = m_work(m_result, error);
    if (message.isEmpty()) {
        emit progress(m_result.bytesTransferred, m_result.bytesTransferred);
        finishWithSuccess();
    } else {
        finishWithError(error, message);
    }
}
