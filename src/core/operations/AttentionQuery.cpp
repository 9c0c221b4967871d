// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttentionQuery.h"

#include "catalog/Catalog.h"
#include "jobs/RecoveryJob.h"

#include <QHash>

#include <algorithm>

QString AttentionKinds::toString(AttentionKind kind)
{
    switch (kind) {
    case AttentionKind::Failed:
        return QStringLiteral("failed");
    case AttentionKind::Interrupted:
        return QStringLiteral("interrupted");
    case AttentionKind::Overdue:
        return QStringLiteral("overdue");
    }
    return {};
}

std::optional<AttentionKind> AttentionKinds::fromString(const QString &name)
{
    for (AttentionKind kind : { AttentionKind::Failed, AttentionKind::Interrupted, AttentionKind::Overdue }) {
        if (name == toString(kind))
            return kind;
    }
    return std::nullopt;
}

QString AttentionKinds::actionToString(AttentionAction action)
{
    return action == AttentionAction::RetryBackup ? QStringLiteral("retry_backup") : QStringLiteral("open_site");
}

AttentionQuery::AttentionQuery(const OperationContext &context)
    : m_context(context)
{ }

bool AttentionQuery::isInterrupted(const BackupRecord &record)
{
    // Rows failed by an older or differently translated build still start with the English word.
    return record.status == BackupStatus::Failed
        && (record.errorText == RecoveryJob::interruptedMessage()
            || record.errorText.startsWith(QLatin1String("interrupted:")));
}

QVector<AttentionItem> AttentionQuery::run(const AttentionFilter &filter, const QDateTime &nowUtc)
{
    Catalog *catalog = m_context.catalog;
    QVector<AttentionItem> items;
    QVector<Site> sites;
    if (filter.siteId().isEmpty()) {
        sites = catalog->sites();
    } else if (const auto site = catalog->site(filter.siteId())) {
        sites.append(*site);
    }
    if (sites.isEmpty())
        return items;
    QHash<QString, Schedule> schedules; // "site/env" -> enabled schedule
    for (const Schedule &s : catalog->schedules(filter.siteId())) {
        if (s.enabled)
            schedules.insert(s.siteId + QLatin1Char('/') + Environments::toString(s.environment), s);
    }
    QHash<QString, QVector<BackupRecord>> stale; // "site/env" -> In Progress rows whose heartbeat lapsed
    for (const BackupRecord &r : catalog->staleBackups(std::max(1, m_context.heartbeatSeconds)))
        stale[r.siteId + QLatin1Char('/') + Environments::toString(r.environment)].append(r);

    QHash<QString, BackupRecord> failures; // "site/env" -> its newest decisive backup, failed
    for (const BackupRecord &r : catalog->latestFailures(filter.siteId()))
        failures.insert(r.siteId + QLatin1Char('/') + Environments::toString(r.environment), r);

    auto make = [](AttentionKind kind, const Site &site, Environment env) {
        AttentionItem item;
        item.kind = kind;
        item.siteId = site.id;
        item.siteName = site.name;
        item.customer = site.customer;
        item.environment = env;
        return item;
    };
    for (const Site &site : std::as_const(sites)) {
        for (Environment env : site.environments()) {
            const QString key = site.id + QLatin1Char('/') + Environments::toString(env);
            QString listedBackup;
            const auto found = failures.constFind(key);
            const std::optional<BackupRecord> decisive
                = found != failures.cend() ? std::optional<BackupRecord>(*found) : std::nullopt;
            if (decisive) {
                const AttentionKind kind
                    = isInterrupted(*decisive) ? AttentionKind::Interrupted : AttentionKind::Failed;
                AttentionItem item = make(kind, site, env);
                item.at = decisive->finishedAt.isValid() ? decisive->finishedAt : decisive->createdAt;
                item.reason = kind == AttentionKind::Interrupted
                    ? tr("The %1 backup was interrupted: the process running it stopped.")
                          .arg(Backups::typeToString(decisive->type))
                    : tr("The %1 backup failed: %2").arg(Backups::typeToString(decisive->type), decisive->errorText);
                item.action = AttentionAction::RetryBackup;
                item.backup = *decisive;
                listedBackup = decisive->id;
                if (filter.accepts(kind))
                    items.append(item);
            }
            for (const BackupRecord &r : stale.value(key)) {
                AttentionItem item = make(AttentionKind::Interrupted, site, env);
                item.at = r.heartbeatAt.isValid() ? r.heartbeatAt : r.startedAt;
                item.reason = tr("The backup is In Progress but its process (%1) stopped renewing its heartbeat; "
                                 "it is failed and cleaned up as soon as a console or command reaches the storage.")
                                  .arg(r.workerId);
                item.action = AttentionAction::OpenSite;
                item.backup = r;
                if (filter.accepts(AttentionKind::Interrupted))
                    items.append(item);
            }
            const auto schedule = schedules.constFind(key);
            if (schedule == schedules.cend() || !filter.accepts(AttentionKind::Overdue))
                continue;
            // SiteHealth's rules, with one-row lookups instead of the site's every backup.
            const auto lastScheduled
                = catalog->newestBackup(site.id, env, BackupType::Scheduled,
                                        { BackupStatus::Completed, BackupStatus::Failed, BackupStatus::Cancelled });
            if (lastScheduled && lastScheduled->status != BackupStatus::Completed) {
                if (lastScheduled->id == listedBackup)
                    continue; // already listed as failed: one row per problem
                AttentionItem item = make(AttentionKind::Overdue, site, env);
                item.at = lastScheduled->finishedAt.isValid() ? lastScheduled->finishedAt : lastScheduled->createdAt;
                item.reason = lastScheduled->errorText.isEmpty()
                    ? tr("The last scheduled backup was %1.").arg(Backups::statusToString(lastScheduled->status))
                    : tr("The last scheduled backup was %1: %2")
                          .arg(Backups::statusToString(lastScheduled->status), lastScheduled->errorText);
                item.action = AttentionAction::RetryBackup;
                item.backup = *lastScheduled;
                items.append(item);
                continue;
            }
            const auto completed = catalog->newestBackup(site.id, env, std::nullopt, { BackupStatus::Completed });
            const QDateTime since = completed ? completed->createdAt : schedule->createdAt;
            if (!since.isValid() || since.secsTo(nowUtc) <= schedule->periodSeconds() + filter.graceSeconds())
                continue;
            AttentionItem item = make(AttentionKind::Overdue, site, env);
            item.at = since.addSecs(schedule->periodSeconds());
            item.reason = completed
                ? tr("No backup completed since %1; the schedule runs %2. Check that a console or worker runs "
                     "the schedules.")
                      .arg(since.toString(Qt::ISODate),
                           schedule->frequency == Schedule::Frequency::Daily ? tr("daily") : tr("weekly"))
                : tr("No backup completed since the schedule was set on %1. Check that a console or worker runs "
                     "the schedules.")
                      .arg(since.toString(Qt::ISODate));
            item.action = AttentionAction::OpenSite;
            items.append(item);
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const AttentionItem &a, const AttentionItem &b) {
        if (a.at != b.at)
            return a.at > b.at;
        return a.siteId < b.siteId;
    });
    return items;
}
