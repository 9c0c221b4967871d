// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "util/Job.h"

#include <QPointer>
#include <QStringList>

class RestoreJob;

/// Rolls back every Interrupted restore or sync (RecoveryJob marked them when their process
/// died), one after the other, from their pre-restore backups, and unlocks their environments:
/// what a worker or console start runs, since they hold the secrets. Succeeds when every
/// rollback did (or there was none); messages() has one line per environment either way.
class RollbackInterruptedJob : public Job
{
    Q_OBJECT

public:
    explicit RollbackInterruptedJob(const OperationContext &context, QObject *parent = nullptr);
    ~RollbackInterruptedJob() override;

    QStringList messages() const { return m_messages; }
    int rolledBack() const { return m_rolledBack; }
    int failed() const { return m_failed; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void next();

    OperationContext m_ctx;
    QStringList m_pending; ///< SITE/ENV
    QPointer<RestoreJob> m_current;
    QStringList m_messages;
    int m_rolledBack = 0;
    int m_failed = 0;
};
