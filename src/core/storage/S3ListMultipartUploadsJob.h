// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// ListMultipartUploads under a prefix, all pages: the uploads started and never completed or
/// aborted (orphans to clean up). Result: uploads.
class S3ListMultipartUploadsJob : public S3Job
{
    Q_OBJECT

public:
    S3ListMultipartUploadsJob(const S3Context &context, const QString &prefix, QObject *parent = nullptr);
    /// Appends the page's uploads; sets the markers of the next page (empty on the last page).
    static bool parsePage(const QByteArray &xml, QVector<IncompleteUpload> *uploads, QString *nextKeyMarker,
                          QString *nextUploadIdMarker);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_prefix;

    void requestPage(const QString &keyMarker, const QString &uploadIdMarker);
};
