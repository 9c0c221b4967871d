// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Job.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

class Catalog;
class ObjectStore;

/// Rebuilds or repairs the catalog from the bucket (`catalog rescan`): every manifest under
/// customers/ whose dump object exists with the manifest's size becomes a Completed row
/// (Catalog::upsertBackup keeps existing Completed rows); a site missing from the catalog is
/// recreated from the manifest's site, name, customer and tier. Manifests that do not parse or
/// whose object is missing are reported in warnings(), as are Completed rows whose objects are
/// gone. A backup deleted while the rescan runs is not written back from the manifest listed
/// before its deletion (Catalog::backupRemovedAt); one deleted before, whose files are in the
/// bucket again, is. Manifests are read one at a time: memory stays small for large buckets.
class RescanJob : public Job
{
    Q_OBJECT

public:
    RescanJob(Catalog *catalog, ObjectStore *store, QObject *parent = nullptr);

    int manifestsSeen() const { return m_seen; }
    int rowsWritten() const { return m_written; }
    int sitesCreated() const { return m_sitesCreated; }
    QStringList warnings() const { return m_warnings; }

protected:
    void doStart() override;

private:
    void next();
    bool stopOnReadFailure(int failedBefore);
    void warn(const QString &text);

    Catalog *m_catalog;
    ObjectStore *m_store;
    QDateTime m_listedAt; ///< when the listing began, on Catalog::heartbeatClockNow()'s clock
    QHash<QString, qint64> m_objectSizes; ///< key -> size, from the listing
    QStringList m_manifests;
    int m_seen = 0;
    int m_written = 0;
    int m_sitesCreated = 0;
    QStringList m_warnings;
};
