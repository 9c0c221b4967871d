// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RescanJob.h"

#include "BackupManifest.h"
#include "catalog/Catalog.h"
#include "storage/ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/Sentence.h"

RescanJob::RescanJob(Catalog *catalog, ObjectStore *store, QObject *parent)
    : Job(parent)
    , m_catalog(catalog)
    , m_store(store)
{ }

void RescanJob::doStart()
{
    // Before the listing: a deletion that ends after this time may have had its files listed.
    const int failedBeforeClock = m_catalog->failedStatements();
    m_listedAt = m_catalog->heartbeatClockNow();
    if (stopOnReadFailure(failedBeforeClock))
        return;
    StoreJob *list = m_store->list(QStringLiteral("customers/"));
    connect(list, &Job::finished, this, [this, list] {
        if (!list->succeeded()) {
            finishWithError(list->error(),
                            tr("Cannot list %1: %2. Check the storage settings and try again.")
                                .arg(m_store->describe(), Sentence::unended(list->errorString())));
            return;
        }
        for (const ObjectInfo &object : list->result().objects) {
            m_objectSizes.insert(object.key, object.size);
            if (object.key.endsWith(QLatin1String(".json")))
                m_manifests.append(object.key);
        }
        // Completed rows whose object vanished: reported, not deleted (deleting is a decision).
        const int failedBefore = m_catalog->failedStatements();
        for (const Site &site : m_catalog->sites()) {
            for (const BackupRecord &r :
                 m_catalog->backups(site.id, EnvironmentFilter(std::nullopt, BackupStatus::Completed))) {
                if (!m_objectSizes.contains(r.objectKey))
                    warn(tr("Backup %1 is in the catalog but its object %2 is missing from the bucket; delete the "
                            "backup if its file is gone for good.")
                             .arg(r.id, r.objectKey));
            }
        }
        if (stopOnReadFailure(failedBefore))
            return;
        next();
    });
    list->start();
}

void RescanJob::next()
{
    if (m_manifests.isEmpty()) {
        finishWithSuccess();
        return;
    }
    const QString key = m_manifests.takeFirst();
    StoreJob *get = m_store->getData(key);
    connect(get, &Job::finished, this, [this, get, key] {
        ++m_seen;
        QString error;
        const auto manifest = get->succeeded() ? BackupManifest::fromJson(get->result().data, &error) : std::nullopt;
        if (!manifest) {
            warn(tr("Skipped %1: %2").arg(key, get->succeeded() ? error : get->errorString()));
        } else if (Catalog::manifestKey(manifest->objectKey) != key) {
            warn(tr("Skipped %1: it describes another key (%2)").arg(key, manifest->objectKey));
        } else if (m_objectSizes.value(manifest->objectKey, -1) != manifest->sizeBytes) {
            warn(tr("Skipped %1: its dump object is missing or has the wrong size").arg(key));
        } else {
            bool ok = true;
            const int failedBefore = m_catalog->failedStatements();
            const std::optional<QDateTime> removedAt = m_catalog->backupRemovedAt(manifest->backupId);
            const bool siteExists = m_catalog->site(manifest->siteId).has_value();
            if (stopOnReadFailure(failedBefore))
                return;
            if (removedAt && *removedAt >= m_listedAt) {
                // Its files were listed, then deleted with it: nothing to bring back, not even its site.
                warn(tr("Skipped %1: backup %2 was deleted while the storage was rescanned")
                         .arg(key, manifest->backupId));
                next();
                return;
            }
            if (!siteExists) {
                ok = m_catalog->addSite(manifest->toSite());
                if (ok)
                    ++m_sitesCreated;
                else
                    warn(tr("Could not recreate site %1: %2").arg(manifest->siteId, m_catalog->lastError()));
            }
            if (ok) {
                const int failedBeforeRow = m_catalog->failedStatements();
                const auto existing = m_catalog->backup(manifest->backupId);
                if (stopOnReadFailure(failedBeforeRow))
                    return;
                if (existing && existing->deletionActiveAfter(m_listedAt)) {
                    // It may have lost its files after the listing: only a later rescan can tell.
                    warn(tr("Skipped %1: backup %2 was being deleted while the storage was rescanned; if it should "
                            "be listed again, rescan once that deletion has ended (after %3 UTC if it has stopped)")
                             .arg(key, manifest->backupId,
                                  existing->deletionActiveUntil().toUTC().toString(QStringLiteral("HH:mm:ss"))));
                } else if (!existing || existing->status != BackupStatus::Completed) {
                    if (m_catalog->upsertBackup(manifest->toRecord(), m_listedAt))
                        ++m_written;
                    else
                        warn(tr("Could not write backup %1: %2").arg(manifest->backupId, m_catalog->lastError()));
                }
            }
        }
        next();
    });
    get->start();
}

void RescanJob::warn(const QString &text)
{
    // Several warnings are read one after the other (the console's banner, the audit log): each
    // ends as a sentence, whatever error text it quotes.
    m_warnings.append(Sentence::ended(text));
}

bool RescanJob::stopOnReadFailure(int failedBefore)
{
    // A read that failed is not an absent row: going on would report vanished objects as fine
    // and write rows over ones it could not see.
    const QString failure = m_catalog->readFailureSince(failedBefore);
    if (failure.isEmpty())
        return false;
    finishWithError(Error::Retryable, failure);
    return true;
}
