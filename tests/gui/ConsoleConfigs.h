// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestServices.h"
#include "jobs/BackupServiceConfig.h"

#include <QCoreApplication>

/// The console's service configurations the GUI end-to-end tests start MainWindow with: the
/// schedules off unless a test runs them, a worker id of this test process.
namespace ConsoleConfigs {

/// On a local folder store.
inline BackupServiceConfig onLocalFolder(const QString &catalogPath, const QString &storePath,
                                         const QString &actor = QStringLiteral("e2e-engineer"),
                                         const QString &workerTag = QStringLiteral("gui-test"))
{
    BackupServiceConfig c;
    c.catalog.sqlitePath = catalogPath;
    c.storageKind = StorageKind::Local;
    c.localStorePath = storePath;
    c.actor = actor;
    c.workerId = QStringLiteral("%1:%2").arg(workerTag).arg(QCoreApplication::applicationPid());
    c.runSchedules = false;
    return c;
}

/// On the test S3 server (TestServices), which checks SigV4 signatures.
inline BackupServiceConfig onTestS3(const QString &catalogPath, const QString &actor, const QString &workerTag)
{
    const TestServices::S3 s3 = TestServices::s3();
    BackupServiceConfig c = onLocalFolder(catalogPath, QString(), actor, workerTag);
    c.storageKind = StorageKind::S3;
    c.s3Endpoint = s3.endpoint;
    c.s3Region = s3.region;
    c.s3Bucket = s3.bucket;
    c.s3AccessKeyId = s3.accessKeyId;
    c.s3SecretAccessKey = s3.secretAccessKey;
    c.s3PathStyle = true;
    return c;
}

} // namespace ConsoleConfigs
