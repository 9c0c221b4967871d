// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RestoreSource.h"
#include "catalog/BackupRecord.h"
#include "jobs/BackupManifest.h"

#include <QPointer>

class Catalog;
class Job;
class ObjectStore;
class ScratchDir;

/// A Completed backup as a restore source. prepare() fetches the manifest (it must agree with
/// the catalog) and the object into a private temporary folder, then checks size, SHA-256 and
/// the whole gzip stream: a corrupt, truncated or missing backup fails there, before the
/// target is touched. The verified file is what open() reads; it is removed with the source.
/// The rollback of a restore uses one of these for the pre-restore backup.
class BackupRestoreSource : public RestoreSource
{
    Q_OBJECT

public:
    BackupRestoreSource(Catalog *catalog, ObjectStore *store, const QString &backupId, QObject *parent = nullptr);
    ~BackupRestoreSource() override;

    QString describe() const override;
    void prepare() override;
    std::unique_ptr<QIODevice> open(QString *error) override;
    void cancel() override;
    std::optional<TableRows> expectedTables() const override;
    qint64 sizeBytes() const override { return m_manifest ? m_manifest->sizeBytes : m_record.sizeBytes; }

    QString backupId() const { return m_backupId; }
    BackupRecord record() const { return m_record; }

private:
    void fail(const QString &message);

    Catalog *m_catalog;
    ObjectStore *m_store;
    QString m_backupId;
    BackupRecord m_record;
    std::optional<BackupManifest> m_manifest;
    std::unique_ptr<ScratchDir> m_tempDir;
    QString m_path;
    QPointer<Job> m_current;
};
