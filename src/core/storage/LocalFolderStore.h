// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ObjectStore.h"

/// ObjectStore in a local folder: the embedded default for trying the app without an account.
/// Key "a/b/c.sql.gz" is the file ROOT/a/b/c.sql.gz. Writes are atomic: data goes to a hidden
/// temporary file ".c.sql.gz.<id>.partial" beside the target and is renamed over it when
/// complete, so a reader never sees half an object. A stream that fails or is aborted leaves
/// nothing; one cut short by a crash leaves its temporary file, which listIncompleteUploads()
/// reports (upload id = <id>) and abortIncompleteUpload() removes. User metadata lives in a
/// hidden ".c.sql.gz.meta" file beside the object. Names starting with '.' are reserved.
/// No links: canPresign() is false.
class LocalFolderStore : public ObjectStore
{
    Q_OBJECT

public:
    explicit LocalFolderStore(const QString &rootPath, QObject *parent = nullptr);

    QString rootPath() const { return m_root; }

    QString describe() const override;
    StoreJob *putData(const QString &key, const QByteArray &data, const ObjectMetadata &metadata = {}) override;
    StoreJob *putFile(const QString &key, const QString &localPath, const ObjectMetadata &metadata = {}) override;
    StoreJob *putStream(const QString &key, BoundedPipe *source, qint64 expectedSize,
                        const ObjectMetadata &metadata = {}) override;
    StoreJob *getToFile(const QString &key, const QString &localPath, qint64 offset = 0) override;
    StoreJob *getData(const QString &key) override;
    StoreJob *head(const QString &key) override;
    StoreJob *list(const QString &prefix) override;
    StoreJob *remove(const QString &key) override;
    StoreJob *listIncompleteUploads(const QString &prefix) override;
    StoreJob *abortIncompleteUpload(const QString &key, const QString &uploadId) override;
    bool canPresign() const override { return false; }
    QUrl presignedGetUrl(const QString &key, int expiresInSeconds = 900, QString *error = nullptr) const override;

    /// Atomically replaces @p target with @p source (POSIX rename).
    static bool replaceFile(const QString &source, const QString &target, QString *error);
    static bool writeMetadata(const QString &path, const ObjectMetadata &metadata, QString *error);

private:
    /// The file of @p key, or empty (with @p error) for a key that would leave the folder.
    QString pathOf(const QString &key, QString *error) const;
    QString metadataPathOf(const QString &path) const;
    QString tempPathOf(const QString &path, const QString &uploadId) const;

    QString m_root;
};
