// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestorePreflight.h"

#include "util/Counted.h"

#include <QCoreApplication>
#include <QLocale>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RestorePreflight", text);
}

QString size(qint64 bytes)
{
    return bytes < 0 ? QStringLiteral("?")
                     : QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

QString RestorePreflight::toText(const QDateTime &nowUtc) const
{
    QStringList lines;
    const QString where = siteId + QLatin1Char('/') + Environments::toString(target);
    lines << tr("Target:      %1 (%2)").arg(where, targetEndpoint);
    if (targetReachable)
        lines << tr("  now:       %1, %2, %3, %4, %5, %6")
                     .arg(size(targetSizeBytes), Counted::of(targetTables, "table", "tables"),
                          Counted::of(targetViews, "view", "views"), Counted::of(targetRoutines, "routine", "routines"),
                          Counted::of(targetTriggers, "trigger", "triggers"),
                          Counted::of(targetEvents, "event", "events"));
    else
        lines << tr("  now:       not reachable: %1").arg(targetError);
    lines << tr("Source:      %1").arg(sourceDescription);
    if (backup) {
        const qint64 hours = backup->createdAt.isValid() ? backup->createdAt.secsTo(nowUtc) / 3600 : -1;
        lines << tr("  backup:    environment %1, %2 old, %3, type %4, created by %5")
                     .arg(Environments::toString(backup->environment),
                          hours < 0        ? QStringLiteral("?")
                              : hours < 48 ? tr("%1 h").arg(hours)
                                           : tr("%1 days").arg(hours / 24),
                          size(backup->sizeBytes), Backups::typeToString(backup->type), backup->createdBy);
    }
    if (!filePath.isEmpty())
        lines << tr("  file:      %1").arg(size(fileSizeBytes));
    if (targetReachable && definersStripped)
        lines << tr("Definers:    stripped (the target user has neither SUPER nor SET USER): views, routines, "
                    "triggers and events will belong to the target user");
    else if (targetReachable)
        lines << tr("Definers:    kept");
    for (const QString &c : collationsUnsupported)
        lines << tr("Collation:   %1 is not available on the target and cannot be mapped").arg(c);
    for (const QString &c : collationsMapped)
        lines << tr("Collation:   %1").arg(c);
    if (!requiredConfirmation.isEmpty())
        lines << tr("Confirm:     type --confirm %1").arg(requiredConfirmation);
    lines << tr("Steps:");
    for (int i = 0; i < steps.size(); ++i)
        lines << QStringLiteral("  %1. %2").arg(i + 1).arg(steps.at(i));
    for (const QString &p : problems)
        lines << tr("Refused:     %1").arg(p);
    return lines.join(QLatin1Char('\n'));
}
