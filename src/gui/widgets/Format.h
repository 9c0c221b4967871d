// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "jobs/JobProgress.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

/// Human-readable, translated text for the domain values the widgets show, in one place so the
/// table, the jobs panel, the details dialog and the tray speak the same words.
class Format
{
    Q_DECLARE_TR_FUNCTIONS(Format)

public:
    enum class Noun { Table, Row, View, Routine, Trigger, Event }; // the order of Format::count's forms
    /// "1 table", "12,345 rows": a count in the locale's digits with its noun in the right number.
    static QString count(qint64 n, Noun noun);
    static QString size(qint64 bytes); ///< "1.4 MiB"; "—" for negative sizes
    static QString rate(double bytesPerSecond); ///< "12.3 MiB/s"
    static QString duration(qint64 seconds); ///< "1 h 02 min", "3 min 05 s", "12 s"
    static QString environment(Environment env); ///< "prod", "stage", "dev" (translated)
    static QString environmentLong(Environment env); ///< "Production", ...
    static QString type(BackupType type); ///< "Manual", "Scheduled", ... (a column, a field)
    /// "manual", "scheduled", ...: inside a sentence ("Delete the manual backup of ...").
    static QString typeInSentence(BackupType type);
    static QString status(BackupStatus status);
    static QString tier(Tier tier);
    static QString jobKind(JobKind kind);
    static QString localTime(const QDateTime &utc); ///< short local date and time
    static QString exactTime(const QDateTime &utc); ///< local ISO time with seconds and offset, plus UTC
    static QColor statusColor(BackupStatus status);
    static QIcon statusIcon(BackupStatus status);
    static QIcon attentionIcon();
    static QIcon pinIcon(); ///< a pinned backup
    /// As large as the other icons and empty: keeps the texts of a column aligned beside them.
    static QIcon blankIcon();
};
