// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "util/Job.h"

#include <QPointer>

#include <memory>

class Catalog;
class ObjectStore;
class ScratchDir;
class StoreJob;

/// Checks a stored backup end to end: the manifest must parse and agree with the catalog, the
/// object is fetched into a private temporary file, its size and SHA-256 must match the manifest
/// and its gzip stream must be complete and valid. Nothing stays on disk afterwards.
/// resultText() sums up a success ("OK: 41.2 MiB, sha256 …, gzip stream valid").
class VerifyJob : public Job
{
    Q_OBJECT

public:
    VerifyJob(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent = nullptr);
    ~VerifyJob() override;

    QString resultText() const { return m_resultText; }
    BackupRecord record() const { return m_record; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void finishFailed(const QString &message);
    /// Fails because @p what (the manifest, the object) could not be read for a reason that says
    /// nothing about the backup (unreachable storage, refused credentials): it was not checked.
    void finishUnchecked(const QString &what, const QString &error);

    Catalog *m_catalog;
    ObjectStore *m_store;
    QString m_backupId;
    BackupRecord m_record;
    QString m_expectedSha;
    qint64 m_expectedSize = -1;
    std::unique_ptr<ScratchDir> m_tempDir;
    QPointer<StoreJob> m_current;
    QPointer<Job> m_check;
    QString m_resultText;
};
