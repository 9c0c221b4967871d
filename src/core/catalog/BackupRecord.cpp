// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupRecord.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

QString Backups::statusToString(BackupStatus status)
{
    switch (status) {
    case BackupStatus::Pending:
        return QStringLiteral("pending");
    case BackupStatus::InProgress:
        return QStringLiteral("in_progress");
    case BackupStatus::Completed:
        return QStringLiteral("completed");
    case BackupStatus::Failed:
        return QStringLiteral("failed");
    case BackupStatus::Cancelled:
        return QStringLiteral("cancelled");
    case BackupStatus::Deleting:
        return QStringLiteral("deleting");
    }
    return {};
}

std::optional<BackupStatus> Backups::statusFromString(const QString &name)
{
    // Plain comparisons: the catalog parses every row it reads through this.
    if (name == QLatin1String("completed"))
        return BackupStatus::Completed;
    if (name == QLatin1String("failed"))
        return BackupStatus::Failed;
    if (name == QLatin1String("in_progress"))
        return BackupStatus::InProgress;
    if (name == QLatin1String("pending"))
        return BackupStatus::Pending;
    if (name == QLatin1String("cancelled"))
        return BackupStatus::Cancelled;
    if (name == QLatin1String("deleting"))
        return BackupStatus::Deleting;
    return std::nullopt;
}

QString Backups::typeToString(BackupType type)
{
    switch (type) {
    case BackupType::Manual:
        return QStringLiteral("manual");
    case BackupType::Scheduled:
        return QStringLiteral("scheduled");
    case BackupType::PreRestore:
        return QStringLiteral("pre-restore");
    case BackupType::PreSync:
        return QStringLiteral("pre-sync");
    }
    return {};
}

std::optional<BackupType> Backups::typeFromString(const QString &name)
{
    if (name == QLatin1String("manual"))
        return BackupType::Manual;
    if (name == QLatin1String("scheduled"))
        return BackupType::Scheduled;
    if (name == QLatin1String("pre-restore"))
        return BackupType::PreRestore;
    if (name == QLatin1String("pre-sync"))
        return BackupType::PreSync;
    return std::nullopt;
}

bool Backups::canTransition(BackupStatus from, BackupStatus to)
{
    switch (from) {
    case BackupStatus::Pending:
        return to == BackupStatus::InProgress || to == BackupStatus::Failed || to == BackupStatus::Cancelled;
    case BackupStatus::InProgress:
        return to == BackupStatus::Completed || to == BackupStatus::Failed || to == BackupStatus::Cancelled;
    case BackupStatus::Completed:
    case BackupStatus::Failed:
    case BackupStatus::Cancelled:
        return to == BackupStatus::Deleting;
    case BackupStatus::Deleting:
        return false;
    }
    return false;
}

bool Backups::isTerminal(BackupStatus status)
{
    return status == BackupStatus::Completed || status == BackupStatus::Failed || status == BackupStatus::Cancelled
        || status == BackupStatus::Deleting;
}

QString Backups::newId(const QDateTime &nowUtc)
{
    const QString stamp = nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    return QStringLiteral("%1-%2").arg(stamp).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

bool Backups::isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("\\A[0-9A-Za-z][0-9A-Za-z-]{0,63}\\z"));
    return re.match(id).hasMatch();
}

QDateTime BackupRecord::deletionActiveUntil() const
{
    if (status != BackupStatus::Deleting || !heartbeatAt.isValid())
        return {};
    return heartbeatAt.addSecs(2 * qint64(std::max(0, heartbeatSeconds)));
}

bool BackupRecord::deletionActiveAfter(const QDateTime &at) const
{
    const QDateTime until = deletionActiveUntil();
    return until.isValid() && until > at;
}
