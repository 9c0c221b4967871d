// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

/// Pending -> In Progress -> Completed | Failed | Cancelled; Pending may also go straight to
/// Failed or Cancelled. A deletion first turns a Completed, Failed or Cancelled backup Deleting,
/// then removes its objects and its row: a deletion that did not finish (stopped, storage
/// unreachable, process killed) leaves a Deleting row, which is never offered as a usable backup
/// and is deleted again to finish. No other transition exists.
enum class BackupStatus { Pending, InProgress, Completed, Failed, Cancelled, Deleting };

enum class BackupType { Manual, Scheduled, PreRestore, PreSync };

namespace Backups {
/// "pending", "in_progress", "completed", "failed", "cancelled", "deleting" (catalog, CLI, JSON).
QString statusToString(BackupStatus status);
std::optional<BackupStatus> statusFromString(const QString &name);
/// "manual", "scheduled", "pre-restore", "pre-sync".
QString typeToString(BackupType type);
std::optional<BackupType> typeFromString(const QString &name);
bool canTransition(BackupStatus from, BackupStatus to);
/// Whether the backup's run is over (Completed, Failed, Cancelled or Deleting): it can be deleted.
bool isTerminal(BackupStatus status);
/// A new sortable unique id: UTC time to the millisecond, then random hex ("20261125T194512123Z-3f9a1c2b").
QString newId(const QDateTime &nowUtc);
/// Whether @p id has the shape newId() produces (letters, digits, dashes; no leading dash), as a
/// whole string: ids become parts of object keys and file names.
bool isValidId(const QString &id);
} // namespace Backups

/// One backup as the catalog knows it.
struct BackupRecord
{
    QString id;
    QString siteId;
    QString customer;
    Environment environment = Environment::Prod;
    BackupType type = BackupType::Manual;
    BackupStatus status = BackupStatus::Pending;
    QDateTime createdAt; ///< UTC
    QDateTime startedAt; ///< UTC, null until In Progress
    QDateTime finishedAt; ///< UTC, null until terminal
    QString createdBy;
    qint64 sizeBytes = -1; ///< compressed size; -1 until Completed
    qint64 rawSizeBytes = -1; ///< SQL text size; -1 until Completed
    QString sha256; ///< hex, of the compressed object
    QString objectKey;
    QString errorText;
    QString workerId;
    QDateTime heartbeatAt; ///< UTC, on the catalog's heartbeat clock (Catalog::heartbeatClockNow)
    int heartbeatSeconds = 0; ///< the runner's heartbeat period; 0 when unknown (older rows)
    qint64 outgrownBytes = -1; ///< failed because the stream outgrew its part size here
    QDateTime cancelRequestedAt; ///< UTC; set when someone asked to cancel (Catalog::requestCancel)
    QString cancelRequestedBy;
    bool pinned = false;

    bool isValid() const { return !id.isEmpty(); }
    /// For a Deleting row: until when its deletion may still act on storage, on heartbeatAt's
    /// clock (its last heartbeat plus two periods; the time it ended, once it let go of the
    /// row). Null when the row is not Deleting or no deletion ever wrote a heartbeat into it.
    QDateTime deletionActiveUntil() const;
    /// Whether that deletion may still have acted on storage after @p at.
    bool deletionActiveAfter(const QDateTime &at) const;
};

Q_DECLARE_METATYPE(BackupRecord)
