// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RestoreSource.h"

#include <QByteArray>

#include <atomic>

class QThread;

/// An external .sql or .sql.gz (a customer's mysqldump, a download) as a restore source.
/// prepare() reads the whole file once off the calling thread: a gzip file must be one complete,
/// valid stream, every statement must split as the stock client splits it (SqlStatementReader),
/// and no statement may name another database (scanForeignDatabase()). Any of those refuses the
/// restore before the target is touched.
class FileRestoreSource : public RestoreSource
{
    Q_OBJECT

public:
    /// @p targetDatabase: qualified names of this schema are allowed.
    FileRestoreSource(const QString &path, const QString &targetDatabase, QObject *parent = nullptr);
    ~FileRestoreSource() override;

    QString describe() const override;
    void prepare() override;
    std::unique_ptr<QIODevice> open(QString *error) override;
    void cancel() override;
    qint64 sizeBytes() const override { return m_size; }

    /// Reads @p in (plain SQL text or gzip) statement by statement. Returns an empty string when
    /// no statement names a database other than @p allowedDatabase; otherwise a sentence naming
    /// the statement's line and what it does (USE, CREATE/DROP/ALTER DATABASE, a qualified name
    /// of another schema); also a read or split error. @p foreign (if given) tells which: true for
    /// a statement naming another database.
    static QString scanForeignDatabase(QIODevice *in, const QString &allowedDatabase,
                                       const std::atomic<bool> *cancel = nullptr, bool *foreign = nullptr);
    /// The foreign reference in one statement, or empty (exposed for unit tests).
    static QString foreignReference(const QByteArray &statement, const QString &allowedDatabase);

private:
    QString m_path;
    QString m_targetDatabase;
    qint64 m_size = -1;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{ false };
    QString m_scanError;
    bool m_scanFoundForeign = false;
};
