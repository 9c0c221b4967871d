// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "RestorePreflight.h"
#include "mysql/MySqlEndpoint.h"
#include "util/Job.h"

class QThread;

/// Computes a RestorePreflight: the target's size and objects, whether its user may keep other
/// definers, the MySQL 8 collations of a file to map, the source backup's details, locks and the
/// confirmation needed. Connects to the target read-only in a thread of its own. Fails only
/// when the site or environment is unknown; an unreachable target is reported in the result.
/// Writes no audit entry (it changes nothing).
class RestorePreflightJob : public Job
{
    Q_OBJECT

public:
    /// Exactly one of @p backupId and @p filePath is set.
    RestorePreflightJob(const OperationContext &context, const QString &siteId, Environment target,
                        const QString &backupId, const QString &filePath, QObject *parent = nullptr);
    ~RestorePreflightJob() override;

    RestorePreflight result() const { return m_result; }

protected:
    void doStart() override;

private:
    void inspect(const MySqlEndpoint &endpoint);

    OperationContext m_ctx;
    QString m_backupId;
    RestorePreflight m_result;
    QThread *m_thread = nullptr;
};
