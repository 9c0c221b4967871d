// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncJob.h"

#include "catalog/Catalog.h"
#include "jobs/BackupJob.h"
#include "jobs/SecretLookup.h"
#include "mysql/MySqlDumper.h"
#include "mysql/MySqlLoader.h"
#include "mysql/MySqlObjectDropper.h"
#include "mysql/MySqlSession.h"
#include "mysql/MySqlStreamCopier.h"
#include "mysql/Sanitizer.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

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
    m_progress.jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_progress.kind = JobKind::Sync;
    m_progress.siteId = request.siteId;
    m_progress.environment = request.to;
}

SyncJob::~SyncJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

SyncJob::Refusal SyncJob::check(Catalog *catalog, const SyncRequest &request, QString *message)
{
    const auto site = catalog->site(request.siteId);
    if (!site) {
        *message = tr("There is no site \"%1\": check the id with 'creodrop-backupctl site list'.").arg(request.siteId);
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

QStringList SyncJob::plan(Catalog *catalog, const SyncRequest &request)
{
    QStringList lines;
    const QString from = envName(request.from);
    const QString to = envName(request.to);
    lines << tr("Sync %1: %2 -> %3").arg(request.siteId, from, to);
    if (const auto target = catalog->environment(request.siteId, request.to))
        lines << tr("Target database: %1").arg(target->endpoint.describe());
    lines << tr("1. pre-sync backup of %1 (kept 7 days; the target is rolled back to it on any failure)").arg(to);
    lines << tr("2. replace every object of %1 with a consistent-snapshot copy of %2, streamed directly%3")
                 .arg(to, from,
                      request.skipCacheData ? tr(" (cache and session tables: structure only, no rows)") : QString());
    lines << tr("3. check: every table's row count equals the source snapshot's");
    const QString custom = request.to == Environment::Prod ? QString() : catalog->sanitizeSql(request.siteId);
    lines << tr("4. sanitize: %1").arg(SanitizeProfiles::describe(request.sanitize));
    if (!custom.trimmed().isEmpty())
        lines << tr("   then the site's custom sanitizing SQL:") << custom.trimmed();
    return lines;
}

void SyncJob::cancel()
{
    if (isFinished())
        return;
    m_cancelRequested = true;
    m_cancel = true;
    if (m_backupJob && !m_backupJob->isFinished())
        m_backupJob->cancel();
}

void SyncJob::doAbort()
{
    m_cancel = true;
    if (m_backupJob && !m_backupJob->isFinished())
        m_backupJob->abort();
}

void SyncJob::setPhase(const QString &phase)
{
    m_progress.phase = phase;
    if (!m_progress.startedAt.isValid())
        m_progress.startedAt = QDateTime::currentDateTimeUtc();
    emit progressChanged(m_progress);
}

void SyncJob::audit(AuditOutcome outcome, const QString &detail)
{
    m_outcome = outcome;
    if (!m_context.catalog)
        return;
    AuditEntry entry;
    entry.actor = m_context.actor;
    entry.action = QStringLiteral("env.sync");
    entry.siteId = m_request.siteId;
    entry.backupId = m_backupId;
    entry.environment = m_request.to;
    entry.outcome = outcome;
    entry.detail
        = QStringLiteral("from %1 to %2; sanitize %3%4; %5")
              .arg(envName(m_request.from), envName(m_request.to), SanitizeProfiles::toString(m_request.sanitize),
                   m_request.skipCacheData ? QStringLiteral("; skip cache data") : QString(), detail);
    if (!m_context.catalog->audit(entry))
        qCWarning(lcJobs).noquote() << "cannot record the audit entry env.sync:" << m_context.catalog->lastError();
}

void SyncJob::finishRefused(Refusal refusal, const QString &message)
{
    m_refusal = refusal;
    audit(AuditOutcome::Refused, message);
    finishWithError(Error::Fatal, message);
}

void SyncJob::finishFailed(const QString &message, bool aborted)
{
    audit(AuditOutcome::Failure, message);
    finishWithError(aborted ? Error::Aborted : Error::Fatal, message);
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
    m_site = *catalog->site(m_request.siteId);
    m_source = *catalog->environment(m_request.siteId, m_request.from);
    m_target = *catalog->environment(m_request.siteId, m_request.to);
    if (m_request.to != Environment::Prod)
        m_customSql = catalog->sanitizeSql(m_request.siteId);
    readSecrets();
}

void SyncJob::readSecrets()
{
    setPhase(tr("Preparing"));
    SecretLookup::read(m_context.secrets, m_source.secretKey(), this,
                       [this](bool ok, const QString &secret, const QString &error) {
                           if (!ok) {
                               finishFailed(tr("Cannot read the %1 database password: %2 (nothing was changed).")
                                                .arg(envName(m_request.from), error));
                               return;
                           }
                           m_source.endpoint.password = secret;
                           SecretLookup::read(m_context.secrets, m_target.secretKey(), this,
                                              [this](bool ok2, const QString &secret2, const QString &error2) {
                                                  if (!ok2) {
                                                      finishFailed(tr("Cannot read the %1 database password: %2 "
                                                                      "(nothing was changed).")
                                                                       .arg(envName(m_request.to), error2));
                                                      return;
                                                  }
                                                  m_target.endpoint.password = secret2;
                                                  startBackup();
                                              });
                       });
}

void SyncJob::startBackup()
{
    if (m_cancel) {
        finishFailed(tr("The sync was cancelled before it started; nothing was changed."), true);
        return;
    }
    const BackupRecord record
        = m_context.catalog->createBackup(m_request.siteId, m_request.to, BackupType::PreSync, m_context.actor);
    if (!record.isValid()) {
        finishFailed(
            tr("Cannot record the pre-sync backup: %1 (nothing was changed).").arg(m_context.catalog->lastError()));
        return;
    }
    m_backupId = record.id;
    m_progress.backupId = record.id;
    setPhase(tr("Pre-sync backup"));
    BackupJob::Options options;
    options.workerId = m_context.workerId;
    options.heartbeatSeconds = m_context.heartbeatSeconds;
    m_backupJob = std::make_unique<BackupJob>(m_context.catalog, m_context.store, m_context.secrets, m_context.clock,
                                              record.id, options);
    m_backupJob->setAutoDelete(false);
    connect(m_backupJob.get(), &BackupJob::progressChanged, this, [this](const JobProgress &p) {
        m_progress.table = p.table;
        m_progress.rows = p.rows;
        m_progress.bytesDone = p.bytesDone;
        emit progressChanged(m_progress);
    });
    connect(m_backupJob.get(), &Job::finished, this, [this] {
        if (isFinished())
            return;
        if (!m_backupJob->succeeded() || m_backupJob->finalStatus() != BackupStatus::Completed) {
            if (m_cancel) {
                finishFailed(tr("The sync was cancelled during the pre-sync backup; the target was not changed."),
                             true);
                return;
            }
            finishFailed(tr("The pre-sync backup of %1 failed, so the sync did not start and the target was not "
                            "changed: %2")
                             .arg(envName(m_request.to), m_backupJob->errorString()));
            return;
        }
        m_backupObjectKey = m_backupJob->record().objectKey;
        startStream();
    });
    m_backupJob->start();
}

void SyncJob::startStream()
{
    if (m_cancel) {
        finishFailed(
            tr("The sync was cancelled after the pre-sync backup %1; the target was not changed.").arg(m_backupId),
            true);
        return;
    }
    setPhase(tr("Copying"));
    m_progress.table.clear();
    m_progress.rows = 0;
    m_progress.bytesDone = 0;
    const MySqlEndpoint source = m_source.endpoint;
    const MySqlEndpoint target = m_target.endpoint;
    DumpOptions dumpOptions;
    dumpOptions.skipCacheData = m_request.skipCacheData;
    const SanitizeProfile profile = m_request.sanitize;
    const QString customSql = m_customSql;
    m_thread = QThread::create([this, source, target, dumpOptions, profile, customSql] {
        m_streamOk = false;
        QString error;
        if (!MySqlObjectDropper::dropAll(target, &error)) {
            m_streamError = tr("Replacing the target's objects failed: %1").arg(error);
            return;
        }
        LoadOptions loadOptions;
        MySqlStreamCopier copier(source, target, dumpOptions, loadOptions);
        copier.setCancelFlag(&m_cancel);
        QElapsedTimer sinceLast;
        sinceLast.start();
        copier.setProgressCallback([this, &sinceLast](const CopyProgress &p) {
            if (sinceLast.elapsed() < 250)
                return;
            sinceLast.restart();
            QMetaObject::invokeMethod(
                this,
                [this, p] {
                    m_progress.table = p.table;
                    m_progress.rows = p.statements;
                    m_progress.bytesDone = p.bytes;
                    emit progressChanged(m_progress);
                },
                Qt::QueuedConnection);
        });
        if (!copier.copy()) {
            m_streamError
                = m_cancel ? tr("The sync was cancelled.") : tr("The copy failed: %1").arg(copier.errorString());
            return;
        }
        // The check: every table of the snapshot arrived with all its rows.
        {
            MySqlSession session(target, QStringLiteral("sync-check"));
            if (!session.open(&error)) {
                m_streamError = tr("Checking the target failed: %1").arg(error);
                return;
            }
            for (const TableStats &t : copier.dumpStats().tables) {
                QVector<QStringList> rows;
                if (!session.query(QStringLiteral("SELECT COUNT(*) FROM %1").arg(MySqlSession::quoteIdentifier(t.name)),
                                   &rows, &error)
                    || rows.isEmpty()) {
                    m_streamError = tr("Checking table %1 of the target failed: %2").arg(t.name, error);
                    return;
                }
                if (rows.first().at(0).toLongLong() != t.rows) {
                    m_streamError = tr("Check failed: table %1 has %2 rows in the target, the source snapshot had %3.")
                                        .arg(t.name, rows.first().at(0))
                                        .arg(t.rows);
                    return;
                }
            }
        }
        if (m_cancel) {
            m_streamError = tr("The sync was cancelled.");
            return;
        }
        Sanitizer sanitizer(target);
        if (!sanitizer.run(profile, customSql)) {
            m_streamError = tr("Sanitizing failed: %1").arg(sanitizer.errorString());
            return;
        }
        m_actions = sanitizer.actions();
        m_streamSummary = tr("%1 tables, %2 statements%3")
                              .arg(copier.dumpStats().tables.size())
                              .arg(copier.statementsLoaded())
                              .arg(copier.loadedInParallel() ? tr(", loaded in parallel") : QString());
        m_streamOk = true;
    });
    connect(m_thread, &QThread::finished, this, &SyncJob::streamFinished);
    m_thread->start();
}

void SyncJob::streamFinished()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    if (isFinished())
        return;
    if (!m_streamOk) {
        startRollback(m_streamError);
        return;
    }
    m_resultText
        = tr("Synced %1 from %2 to %3 (%4; pre-sync backup %5).")
              .arg(m_request.siteId, envName(m_request.from), envName(m_request.to), m_streamSummary, m_backupId);
    if (m_request.sanitize != SanitizeProfile::None || !m_customSql.trimmed().isEmpty())
        m_resultText += QLatin1Char(' ') + tr("Sanitized: %1.").arg(m_actions.join(QStringLiteral("; ")));
    audit(AuditOutcome::Success, QStringLiteral("pre-sync backup %1; %2").arg(m_backupId, m_streamSummary));
    setPhase(tr("Done"));
    finishWithSuccess();
}

void SyncJob::startRollback(const QString &failure)
{
    m_failure = failure;
    qCWarning(lcJobs).noquote() << "sync of" << m_request.siteId << "into" << envName(m_request.to)
                                << "failed, rolling back from" << m_backupId << ":" << failure;
    setPhase(tr("Rolling back"));
    m_tempDir = std::make_unique<QTemporaryDir>();
    auto rollbackFailed = [this](const QString &why) {
        finishFailed(tr("%1. Rolling the target back from the pre-sync backup %2 ALSO FAILED (%3): %4 of %5 may be "
                        "incomplete; restore backup %2 into it before using it.")
                         .arg(m_failure, m_backupId, why, envName(m_request.to), m_request.siteId),
                     m_cancelRequested);
    };
    if (!m_tempDir->isValid()) {
        rollbackFailed(tr("cannot create a temporary folder: %1").arg(m_tempDir->errorString()));
        return;
    }
    const QString path = m_tempDir->filePath(QStringLiteral("pre-sync.sql.gz"));
    StoreJob *fetch = m_context.store->getToFile(m_backupObjectKey, path, 0);
    connect(fetch, &Job::finished, this, [this, fetch, path, rollbackFailed] {
        if (!fetch->succeeded()) {
            rollbackFailed(tr("cannot read it from %1: %2").arg(m_context.store->describe(), fetch->errorString()));
            return;
        }
        const MySqlEndpoint target = m_target.endpoint;
        auto *ok = new bool(false);
        auto *why = new QString;
        m_thread = QThread::create([target, path, ok, why] {
            if (!MySqlObjectDropper::dropAll(target, why))
                return;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                *why = file.errorString();
                return;
            }
            MySqlLoader loader(target);
            if (!loader.load(&file)) {
                *why = loader.errorString();
                return;
            }
            *ok = true;
        });
        connect(m_thread, &QThread::finished, this, [this, ok, why, rollbackFailed] {
            m_thread->deleteLater();
            m_thread = nullptr;
            const bool restored = *ok;
            const QString reason = *why;
            delete ok;
            delete why;
            m_tempDir.reset();
            if (!restored) {
                rollbackFailed(reason);
                return;
            }
            m_rolledBack = true;
            finishFailed(tr("%1. The target %2 was restored from the pre-sync backup %3 and is as it was before the "
                            "sync.")
                             .arg(m_failure, envName(m_request.to), m_backupId),
                         m_cancelRequested);
        });
        m_thread->start();
    });
    fetch->start();
}
