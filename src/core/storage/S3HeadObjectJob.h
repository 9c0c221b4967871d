// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// HeadObject: size, last-modified, ETag and the x-amz-meta-* user metadata of one object.
/// Fails with notFound() when the object does not exist.
class S3HeadObjectJob : public S3Job
{
    Q_OBJECT

public:
    S3HeadObjectJob(const S3Context &context, const QString &key, QObject *parent = nullptr);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;

private:
    QString m_key;
};
