// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "S3Job.h"

/// DeleteObject. Deleting a missing object succeeds, as in S3.
class S3DeleteObjectJob : public S3Job
{
    Q_OBJECT

public:
    S3DeleteObjectJob(const S3Context &context, const QString &key, QObject *parent = nullptr);

protected:
    void doStart() override;
    void onSuccess(QNetworkReply *reply, const QByteArray &body) override;
    bool onFailure(const S3Error &error) override;

private:
    QString m_key;
};
