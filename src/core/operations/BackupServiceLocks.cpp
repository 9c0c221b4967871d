// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// BackupService's environment-lock query, next to the restore block for the same reason: the
// console needs to say why an environment's backups and restores are disabled.
#include "catalog/Catalog.h"
#include "jobs/BackupService.h"
#include "jobs/ServiceWorker.h"

void BackupService::refreshEnvironmentLocks(const QString &siteId)
{
    qRegisterMetaType<QVector<EnvironmentLock>>();
    callWorker([this, siteId](ServiceWorker *w) {
        if (!w->readyFor(tr("Environment locks")))
            return;
        emit environmentLocksLoaded(siteId, w->operationContext().catalog->environmentLocks(siteId));
    });
}
