// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "catalog/Environment.h"
#include "util/Job.h"

#include <QPointer>
#include <QSet>
#include <QStringList>

/// Removes a site ("site.remove"): its environments, schedules and row, and always its MySQL
/// passwords from the secret store. A site with backups is refused unless @p deleteBackups,
/// which first deletes every backup's object, manifest and row, and only when @p confirmation
/// repeats the site id exactly (a customer who leaves: nothing of theirs stays behind). Refused
/// also while one of its backups runs. One audit entry, whatever happens.
class RemoveSiteJob : public Job
{
    Q_OBJECT

public:
    RemoveSiteJob(const OperationContext &context, const QString &siteId, bool deleteBackups,
                  const QString &confirmation = {}, QObject *parent = nullptr);

    /// Refused (nothing touched), Failure (stopped half-way: run it again) or Success.
    AuditOutcome outcome() const { return m_outcome; }
    int deletedBackups() const { return m_deleted; }
    /// Passwords that could not be removed from the secret store (the site is gone anyway).
    QStringList warnings() const { return m_warnings; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void deleteNext();
    void removeSite();
    void removeNextSecret();
    void finish(AuditOutcome outcome, const QString &message, Error error = Error::Fatal);

    OperationContext m_context;
    QString m_siteId;
    bool m_deleteBackups;
    QString m_confirmation;
    QStringList m_backupIds;
    QStringList m_secretKeys;
    QPointer<Job> m_current;
    int m_deleted = 0;
    int m_total = 0; ///< backups to delete
    QSet<QString> m_pinned; ///< of the backups to delete, those that were pinned
    bool m_siteRemoved = false;
    QStringList m_warnings;
    AuditOutcome m_outcome = AuditOutcome::Success;
};
