// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretLookup.h"

#include "secrets/SecretStore.h"

#include <QObject>

void SecretLookup::read(SecretStore *store, const QString &key, QObject *context, Callback callback)
{
    if (!store) {
        QMetaObject::invokeMethod(
            context, [callback] { callback(true, QString(), QString()); }, Qt::QueuedConnection);
        return;
    }
    SecretJob *job = store->read(key);
    QObject::connect(job, &Job::finished, context, [job, callback] {
        if (!job->succeeded())
            callback(false, QString(), job->errorString());
        else
            callback(true, job->isNotFound() ? QString() : job->secret(), QString());
    });
    job->start();
}
