// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ObjectStore.h"
#include "S3Context.h"

class QNetworkAccessManager;

/// ObjectStore over the S3 API (Cloudflare R2; the tests' s3rver). Every operation is an S3Job
/// subclass signed with SigV4; uploads go through S3MultipartUploadJob (streaming, bounded
/// memory). The network manager is injected and must live in the store's thread; create both
/// in a worker thread to keep network I/O off the GUI thread.
///
///     S3ObjectStore store(S3Config::fromEnvironment(), &nam);
///     StoreJob *job = store.putFile("customers/a/b.sql.gz", path);
///     connect(job, &Job::finished, ...); job->start();
class S3ObjectStore : public ObjectStore
{
    Q_OBJECT

public:
    S3ObjectStore(const S3Config &config, QNetworkAccessManager *network, QObject *parent = nullptr);

    const S3Config &config() const { return m_context.config; }
    void setTransferOptions(const S3TransferOptions &options) { m_context.options = options; }
    const S3TransferOptions &transferOptions() const { return m_context.options; }
    /// The clock that stamps signatures (tests sign "in the past" to get expired links).
    void setClock(std::function<QDateTime()> now) { m_context.now = std::move(now); }

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
    bool canPresign() const override { return true; }
    QUrl presignedGetUrl(const QString &key, int expiresInSeconds = 900, QString *error = nullptr) const override;

    static constexpr int kMaxPresignSeconds = 7 * 24 * 3600;

private:
    S3Context m_context;
};
