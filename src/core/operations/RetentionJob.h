// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "catalog/BackupRecord.h"
#include "util/Job.h"

#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

class DeleteJob;

/// Applies retention ("retention.apply"): deletes, one at a time, the scheduled backups that
/// their schedule's retention no longer keeps (manual and pinned ones always stay), and writes
/// one audit entry naming them. A dry run only lists them and writes none: it changes nothing.
class RetentionJob : public Job
{
    Q_OBJECT

public:
    RetentionJob(const OperationContext &context, bool dryRun, QObject *parent = nullptr);

    /// An automatic apply (AutomaticRetention's) writes its audit entry only when there was
    /// something to delete, and says in it that it ran on its own.
    void setAutomatic(bool automatic) { m_automatic = automatic; }

    /// Deletes only those of @p backupIds that retention still does not keep: the ones shown to
    /// and confirmed by someone (the console's Apply Retention). A backup the plan finds now but
    /// that was not confirmed stays, and so does a confirmed one kept meanwhile (pinned, say).
    void limitTo(const QStringList &backupIds);

    /// What an apply deleted, as one sentence for people (the console shows it).
    static QString summary(const QStringList &deletedIds);

    /// What retention no longer keeps, as found when the job started.
    QVector<BackupRecord> candidates() const { return m_candidates; }
    QStringList deletedIds() const { return m_deleted; }
    /// One message per backup that could not be deleted.
    QStringList failures() const { return m_failures; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void deleteNext();
    /// The one audit entry of an apply: what was deleted, what failed, and, for a stopped one,
    /// what was left (@p stopped: how far the deletion under way had got, or empty).
    void audit(bool stopped, const QString &stopDetail = {});

    OperationContext m_context;
    bool m_dryRun;
    bool m_automatic = false;
    std::optional<QSet<QString>> m_limit; ///< limitTo()'s ids; none: the whole plan
    QVector<BackupRecord> m_candidates;
    int m_next = 0;
    bool m_deleting = false; ///< the plan is made and deletions have begun
    QPointer<DeleteJob> m_current;
    QStringList m_deleted;
    QStringList m_failures;
};
