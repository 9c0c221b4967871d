// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Environment.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

/// What kind of work a running job does (jobs panel, history, tray notifications).
enum class JobKind { Backup, Download, Verify, Delete, Restore, Sync };

/// A snapshot of a running job, sent by queued signal to whoever listens (GUI, CLI).
struct JobProgress
{
    QString jobId; ///< unique per job in this process
    JobKind kind = JobKind::Backup;
    QString backupId; ///< the backup this job works on, if any
    QString siteId;
    Environment environment = Environment::Prod;
    QString phase; ///< "Waiting", "Dumping", "Uploading", "Downloading", "Verifying", ... (translated)
    QString table; ///< current table while dumping/loading
    qint64 rows = 0; ///< rows so far
    qint64 bytesDone = 0;
    qint64 bytesTotal = -1; ///< -1 when unknown
    double bytesPerSecond = 0;
    qint64 etaSeconds = -1; ///< -1 when unknown
    QDateTime startedAt; ///< UTC
};

/// How a job ended.
struct JobOutcome
{
    QString jobId;
    JobKind kind = JobKind::Backup;
    QString backupId;
    QString siteId;
    Environment environment = Environment::Prod;
    bool success = false;
    bool cancelled = false;
    QString message; ///< for people: what happened and, on failure, what to do
    QString localPath; ///< downloads: the verified file
    QDateTime finishedAt;
};

Q_DECLARE_METATYPE(JobProgress)
Q_DECLARE_METATYPE(JobOutcome)
