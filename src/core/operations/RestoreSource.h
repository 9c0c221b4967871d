// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mysql/MySqlEndpoint.h"

#include <QIODevice>
#include <QObject>
#include <QPair>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

/// What a RestoreJob loads into its target: a stored backup (BackupRestoreSource), a local file
/// (FileRestoreSource), or a live dump stream (environment sync supplies its own subclass).
///
///     prepare()  -> prepared(ok, message)     in the job's thread, before the target is touched:
///                                             verify the source (hash, gzip, foreign databases)
///     open()                                  in the load thread, possibly several times: a fresh
///                                             stream of SQL text (.sql or gzip, detected)
///     finish()                                in the job's thread after the load: the producer's
///                                             verdict (a dump that failed midway)
///
/// A source that fails prepare() refuses the restore with its message; nothing has run then.
class RestoreSource : public QObject
{
    Q_OBJECT

public:
    using TableRows = QVector<QPair<QString, qint64>>;

    explicit RestoreSource(QObject *parent = nullptr);
    ~RestoreSource() override;

    /// For people: "backup ID (prod, 2026-12-03 10:00 UTC)", "file /path/dump.sql.gz", ...
    virtual QString describe() const = 0;
    /// Checks the source; ends with prepared() (queued or direct). Call once.
    virtual void prepare() = 0;
    /// Opens a stream to load; called in the load thread. Null with @p error when it cannot.
    virtual std::unique_ptr<QIODevice> open(QString *error) = 0;
    /// After the load, in the job's thread: false with @p error when the producer failed.
    virtual bool finish(QString *error)
    {
        Q_UNUSED(error)
        return true;
    }
    /// Stops prepare() or a producer; prepared() need not follow.
    virtual void cancel() { }
    /// In the load thread after the load and the row count (the check compares those), while
    /// the target is still guarded: false with @p error rolls the target back. Environment sync
    /// sanitizes here.
    virtual bool afterLoad(const MySqlEndpoint &target, QString *error)
    {
        Q_UNUSED(target)
        Q_UNUSED(error)
        return true;
    }
    /// Tables and row counts the target must have after the load, when known (a manifest).
    virtual std::optional<TableRows> expectedTables() const { return std::nullopt; }
    /// Where expectedTables() come from, for the result message ("the manifest").
    virtual QString expectedTablesOrigin() const { return tr("the manifest"); }
    /// Bytes open() delivers (compressed size for gzip), -1 when unknown: for progress and ETA.
    virtual qint64 sizeBytes() const { return -1; }

signals:
    void prepared(bool ok, const QString &message);
};
