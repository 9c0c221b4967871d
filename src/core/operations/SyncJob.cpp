// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncJob.h"

#include "DumpStreamRestoreSource.h"
#include "RestoreJob.h"
#include "catalog/Catalog.h"
#include "util/Logging.h"

namespace {

QString envName(Environment env)
{
    return Environments::toString(env);
}

// Two environments reach the same database: a sync would drop the source before dumping it.
bool sameDatabase(const MySqlEndpoint &a, const MySqlEndpoint &b)
{
    auto host = [](const MySqlEndpoint &e) {
        const QString h = e.host.toLower();
        return h == QLatin1String("localhost") || h == QLatin1String("::1") ? QStringLiteral("127.0.0.1") : h;
    };
    if (a.database != b.database)
        return false;
    if (!a.socket.isEmpty() || !b.socket.isEmpty())
        return a.socket == b.socket;
    return host(a) == host(b) && a.port == b.port;
}

} // namespace

SyncJob::SyncJob(const OperationContext &context, const SyncRequest &request, QObject *parent)
    : Job(parent)
    , m_context(context)
    , m_request(request)
{
    m_progress.jobId = QStringLiteral("sync-%1-%2").arg(request.siteId, envName(request.to));
    m_progress.kind = JobKind::Sync;
    m_progress.siteId = request.siteId;
    m_progress.environment = request.to;
}

SyncJob::~SyncJob() = default;

SyncJob::Refusal SyncJob::check(Catalog *catalog, const SyncRequest &request, QString *message)
{
    const int failedBefore = catalog->failedStatements();
    const auto site = catalog->site(request.siteId);
    if (!site) {
        *message = catalog->absentReason(
            failedBefore,
            tr("There is no site \"%1\": check the id with 'creodrop-backupctl site list'.").arg(request.siteId));
        return Refusal::Unavailable;
    }
    if (site->tier != Tier::Developer) {
        *message = tr("Site \"%1\" is on the basic tier, which has only prod: environment sync needs a "
                      "developer-tier site.")
                       .arg(request.siteId);
        return Refusal::Invalid;
    }
    if (request.from == request.to) {
        *message = tr("The source and the target are both %1: choose two different environments.")
                       .arg(envName(request.from));
        return Refusal::Invalid;
    }
    if (request.to == Environment::Prod && request.sanitize != SanitizeProfile::None) {
        *message = tr("Sanitizing is never applied to prod: sync into prod with --sanitize none.");
        return Refusal::Invalid;
    }
    const QString expected = QStringLiteral("%1/%2").arg(request.siteId, envName(request.to));
    if (request.to == Environment::Prod && request.confirmation.isEmpty()) {
        *message = tr("Syncing into prod replaces the live database of %1: confirm with --confirm %2 "
                      "(nothing was changed).")
                       .arg(request.siteId, expected);
        return Refusal::Confirmation;
    }
    if (!request.confirmation.isEmpty() && request.confirmation != expected) {
        *message = tr("The confirmation \"%1\" does not match the target: type %2 exactly (nothing was changed).")
                       .arg(request.confirmation, expected);
        return Refusal::Confirmation;
    }
    for (const Environment env : { request.from, request.to }) {
        if (!catalog->environment(request.siteId, env)) {
            *message = tr("The %1 environment of %2 has no database configured: set it with "
                          "'creodrop-backupctl env set %2 %1 ...'.")
                           .arg(envName(env), request.siteId);
            return Refusal::Unavailable;
        }
    }
    const auto source = catalog->environment(request.siteId, request.from);
    const auto target = catalog->environment(request.siteId, request.to);
    if (sameDatabase(source->endpoint, target->endpoint)) {
        *message = tr("%1 and %2 of %3 point at the same database (%4): fix the environments' settings before "
                      "syncing.")
                       .arg(envName(request.from), envName(request.to), request.siteId, target->endpoint.describe());
        return Refusal::Unavailable;
    }
    return Refusal::None;
}

QStringList SyncJob::steps(Catalog *catalog, const SyncRequest &request)
{
    const QString from = envName(request.from);
    const QString to = envName(request.to);
    QString sanitize = tr("sanitize: %1").arg(SanitizeProfiles::describe(request.sanitize));
    const QString custom = request.to == Environment::Prod ? QString() : catalog->sanitizeSql(request.siteId).trimmed();
    if (!custom.isEmpty())
        sanitize += QLatin1Char('\n') + tr("then the site's custom sanitizing SQL:") + QLatin1Char('\n') + custom;
    return { tr("lock %1 and take a pre-sync backup of it (kept 7 days; the target is rolled back to it on any "
                "failure)")
                 .arg(to),
             tr("replace every object of %1 with a consistent-snapshot copy of %2, streamed directly%3")
                 .arg(to, from,
                      request.skipCacheData ? tr(" (cache and session tables: structure only, no rows)") : QString()),
             sanitize, tr("check: every table's row count (before sanitizing) equals the source snapshot's") };
}

QStringList SyncJob::plan(Catalog *catalog, const SyncRequest &request)
{
    QStringList lines;
    lines << tr("Sync %1: %2 -> %3").arg(request.siteId, envName(request.from), envName(request.to));
    if (const auto target = catalog->environment(request.siteId, request.to))
        lines << tr("Target database: %1").arg(target->endpoint.describe());
    const QStringList all = steps(catalog, request);
    for (int i = 0; i < all.size(); ++i) {
        // A step's first line is numbered; the ones after it (the custom SQL's heading, indented,
        // and the SQL itself) follow as they are.
        const QStringList stepLines = all.at(i).split(QLatin1Char('\n'));
        lines << QStringLiteral("%1. %2").arg(i + 1).arg(stepLines.first());
        if (stepLines.size() > 1)
            lines << QStringLiteral("   ") + stepLines.at(1) << stepLines.mid(2).join(QLatin1Char('\n'));
    }
    return lines;
}

void SyncJob::cancel()
{
    if (isFinished())
        return;
    m_cancelRequested = true;
    if (m_restore)
        m_restore->cancel();
}

void SyncJob::doAbort()
{
    if (m_restore && !m_restore->isFinished())
        m_restore->abort();
}

void SyncJob::finishRefused(Refusal refusal, const QString &message)
{
    m_refusal = refusal;
    m_outcome = AuditOutcome::Refused;
    AuditEntry entry;
    entry.actor = m_context.actor;
    entry.action = QStringLiteral("env.sync");
    entry.siteId = m_request.siteId;
    entry.environment = m_request.to;
    entry.outcome = AuditOutcome::Refused;
    entry.detail = QStringLiteral("from %1 to %2: %3").arg(envName(m_request.from), envName(m_request.to), message);
    if (m_context.catalog && !m_context.catalog->audit(entry))
        qCWarning(lcJobs).noquote() << "cannot record the audit entry env.sync:" << m_context.catalog->lastError();
    finishWithError(m_cancelRequested ? Error::Aborted : Error::Fatal, message);
}

void SyncJob::doStart()
{
    Catalog *catalog = m_context.catalog;
    QString message;
    const Refusal refusal = check(catalog, m_request, &message);
    if (refusal != Refusal::None) {
        finishRefused(refusal, message);
        return;
    }
    if (!m_context.store) {
        finishRefused(Refusal::Unavailable,
                      tr("No storage is configured, so there is nowhere to keep the pre-sync "
                         "backup: configure storage before syncing (nothing was changed)."));
        return;
    }
    if (m_cancelRequested) {
        finishRefused(Refusal::None, tr("Cancelled; nothing was changed."));
        return;
    }
    const EnvironmentConfig source = *catalog->environment(m_request.siteId, m_request.from);
    // Custom SQL is part of sanitizing, which never touches prod.
    const QString customSql = m_request.to == Environment::Prod ? QString() : catalog->sanitizeSql(m_request.siteId);
    DumpOptions options;
    options.skipCacheData = m_request.skipCacheData;
    qint64 expectedBytes = -1;
    if (const auto newest
        = catalog->newestBackup(m_request.siteId, m_request.from, std::nullopt, { BackupStatus::Completed }))
        expectedBytes = newest->rawSizeBytes > 0 ? newest->rawSizeBytes : -1;

    RestoreRequest request;
    request.siteId = m_request.siteId;
    request.target = m_request.to;
    request.kind = QStringLiteral("sync");
    request.auditAction = QStringLiteral("env.sync");
    request.preBackupType = BackupType::PreSync;
    request.confirmation = m_request.confirmation;
    request.preBackupGzipLevel = 1;
    request.preBackupGzipThreads = 2;
    m_source
        = new DumpStreamRestoreSource(source, m_context.secrets, options, m_request.sanitize, customSql, expectedBytes);
    m_restore = new RestoreJob(m_context, request, m_source, this);
    m_restore->setAutoDelete(false);
    connect(m_restore, &RestoreJob::progressChanged, this, [this](const JobProgress &p) {
        m_progress = p;
        emit progressChanged(p);
    });
    connect(m_restore, &Job::progress, this, &Job::progress);
    connect(m_restore, &Job::finished, this, [this] {
        m_outcome = m_restore->outcome();
        m_rolledBack = m_restore->rolledBack();
        m_backupId = m_restore->preBackupId();
        m_actions = m_source->sanitizeActions();
        if (m_restore->succeeded()) {
            m_resultText
                = tr("Synced %1 from %2 to %3. %4")
                      .arg(m_request.siteId, envName(m_request.from), envName(m_request.to), m_restore->message());
            if (!m_actions.isEmpty())
                m_resultText += QLatin1Char(' ') + tr("Sanitized: %1.").arg(m_actions.join(QStringLiteral("; ")));
            finishWithSuccess();
            return;
        }
        if (m_outcome == AuditOutcome::Refused)
            m_refusal = Refusal::Unavailable;
        finishWithError(m_restore->error(), m_restore->message());
    });
    m_restore->start();
}
