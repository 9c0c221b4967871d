// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// ListObjectsV2 of every object under a prefix, following continuation tokens page by page.
/// Result: objects (key, size, lastModified, etag).
class S3ListObjectsJob : public S3Job
{
    Q_OBJECT

public:
    S3ListObjectsJob(const S3Context &context, const QString &prefix, QObject *parent = nullptr);
    /// Keys per page (max-keys); 0 = the server's default (1000).
    void setPageSize(int keys) { m_pageSize = keys; }
    int pagesFetched() const { return m_pages; }
    /// Appends the page's objects to @p objects; returns the next continuation token, empty on
    /// the last page. @p ok is false when the body is not a ListBucketResult.
    static QString parsePage(const QByteArray &xml, QVector<ObjectInfo> *objects, bool *ok = nullptr);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_prefix;
    int m_pageSize = 0;
    int m_pages = 0;

    void requestPage(const QString &continuationToken);
};
