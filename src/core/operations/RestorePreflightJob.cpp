// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestorePreflightJob.h"

#include "RestoreRequest.h"
#include "RestoreTarget.h"
#include "catalog/Catalog.h"
#include "compress/GzipReader.h"
#include "jobs/SecretLookup.h"
#include "mysql/CollationCompatibility.h"
#include "mysql/MySqlConnection.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

RestorePreflightJob::RestorePreflightJob(const OperationContext &context, const QString &siteId, Environment target,
                                         const QString &backupId, const QString &filePath, QObject *parent)
    : Job(parent)
    , m_ctx(context)
    , m_backupId(backupId)
{
    m_result.siteId = siteId;
    m_result.target = target;
    m_result.filePath = filePath;
}

RestorePreflightJob::~RestorePreflightJob()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void RestorePreflightJob::doStart()
{
    RestorePreflight &r = m_result;
    const QString where = r.siteId + QLatin1Char('/') + Environments::toString(r.target);
    const int failedBefore = m_ctx.catalog->failedStatements();
    const auto site = m_ctx.catalog->site(r.siteId);
    if (!site) {
        finishWithError(
            Error::Fatal,
            m_ctx.catalog->absentReason(failedBefore, tr("There is no site %1 in the catalog.").arg(r.siteId)));
        return;
    }
    if (const QString missing = site->missingEnvironmentReason(r.target); !missing.isEmpty()) {
        finishWithError(Error::Fatal, missing);
        return;
    }
    const auto config = m_ctx.catalog->environment(r.siteId, r.target);
    if (!config) {
        finishWithError(Error::Fatal, tr("Environment %1 has no MySQL settings.").arg(where));
        return;
    }
    r.targetEndpoint = config->endpoint.describe();
    r.requiredConfirmation = RestoreRequest::requiredConfirmation(r.siteId, r.target);
    if (!m_backupId.isEmpty()) {
        r.backup = m_ctx.catalog->backup(m_backupId);
        if (!r.backup) {
            finishWithError(
                Error::Fatal,
                m_ctx.catalog->absentReason(failedBefore, tr("There is no backup %1 in the catalog.").arg(m_backupId)));
            return;
        }
        r.sourceDescription
            = tr("backup %1 of %2/%3").arg(m_backupId, r.backup->siteId, Environments::toString(r.backup->environment));
        if (r.backup->siteId != r.siteId)
            r.problems << tr("backup %1 belongs to site %2: restore only into environments of its own site")
                              .arg(m_backupId, r.backup->siteId);
        if (r.backup->status != BackupStatus::Completed)
            r.problems << tr("backup %1 is %2; only completed backups can be restored")
                              .arg(m_backupId, Backups::statusToString(r.backup->status));
    } else {
        r.sourceDescription = tr("file %1").arg(QFileInfo(r.filePath).absoluteFilePath());
        r.fileSizeBytes = QFileInfo(r.filePath).exists() ? QFileInfo(r.filePath).size() : -1;
        if (r.fileSizeBytes < 0)
            r.problems << tr("%1 does not exist").arg(r.filePath);
    }
    r.lock = m_ctx.catalog->environmentLock(r.siteId, r.target);
    if (r.lock)
        r.problems << (r.lock->state == EnvironmentLock::State::Interrupted
                           ? tr("%1 is locked: an interrupted %2 must be rolled back first (%3)")
                                 .arg(where, r.lock->kind, r.lock->reason)
                           : tr("%1 is locked: a %2 by %3 is running").arg(where, r.lock->kind, r.lock->actor));
    r.steps
        << (m_backupId.isEmpty()
                ? tr("verify the file: a complete gzip stream if compressed, statements that name no other "
                     "database")
                : tr("verify backup %1: SHA-256 and size against its manifest, complete gzip stream").arg(m_backupId))
        << tr("back up %1 (type pre-restore, verified; kept 7 days unless pinned)").arg(where)
        << tr("replace %1: drop every table, view, routine, trigger, event and sequence, then load the source")
               .arg(where)
        << (m_backupId.isEmpty() ? tr("check that the target answers and count its rows")
                                 : tr("check every table's row count against the backup's manifest"))
        << tr("on any failure or cancel: restore %1 from the pre-restore backup automatically").arg(where);

    SecretLookup::read(m_ctx.secrets, config->secretKey(), this,
                       [this, endpoint = config->endpoint](bool ok, const QString &password, const QString &error) {
                           if (!ok) {
                               m_result.targetError = error;
                               finishWithSuccess();
                               return;
                           }
                           MySqlEndpoint e = endpoint;
                           e.password = password;
                           inspect(e);
                       });
}

void RestorePreflightJob::inspect(const MySqlEndpoint &endpoint)
{
    m_thread = QThread::create([this, endpoint] {
        RestorePreflight &r = m_result;
        MySqlConnection c(endpoint);
        RestoreTarget::Summary s;
        if (!c.open(&r.targetError) || !RestoreTarget::summary(c, &s, &r.targetError))
            return;
        r.targetReachable = true;
        r.targetSizeBytes = s.sizeBytes;
        r.targetTables = s.tables;
        r.targetViews = s.views;
        r.targetRoutines = s.routines;
        r.targetTriggers = s.triggers;
        r.targetEvents = s.events;
        QString error;
        r.definersStripped = !RestoreTarget::canSetOtherDefiners(c, &error);
        QSet<QString> targetCollations;
        RestoreTarget::collations(c, &targetCollations, &error);
        QSet<QString> found;
        if (!r.filePath.isEmpty()) {
            QFile file(r.filePath);
            std::unique_ptr<GzipReader> gzip;
            // A file that cannot be read as a dump is refused, with the reason, when the restore
            // verifies it; the preflight only looks for collations in one that can.
            if (file.open(QIODevice::ReadOnly)) {
                if (QIODevice *text = GzipReader::openText(&file, &gzip, &error))
                    CollationCompatibility::collationsIn(text, &found, &error);
            }
        }
        const bool mapping = targetCollations.contains(QStringLiteral("utf8mb4_uca1400_ai_ci"));
        for (const QString &name : found) {
            const QString mapped = CollationCompatibility::mappedName(name, targetCollations);
            if (mapping && !mapped.isEmpty())
                r.collationsMapped << QStringLiteral("%1 -> %2").arg(name, mapped);
        }
        r.collationsUnsupported = CollationCompatibility::unsupported(found, targetCollations, mapping);
        r.collationsMapped.sort();
    });
    connect(m_thread, &QThread::finished, this, [this] {
        for (const QString &c : std::as_const(m_result.collationsUnsupported))
            m_result.problems << tr("the source uses the collation %1, which the target does not have").arg(c);
        finishWithSuccess();
    });
    m_thread->start();
}
