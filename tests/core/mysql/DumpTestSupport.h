// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the dump/load tests: endpoints for scratch databases, loading SQL with the
// stock client, and comparing two databases object by object.
#include "TestServices.h"
#include "mysql/MySqlEndpoint.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

namespace DumpTestSupport {

inline MySqlEndpoint endpoint(const QString &database)
{
    const TestServices::MySql m = TestServices::mysql();
    MySqlEndpoint e;
    e.host = m.host;
    e.port = m.port;
    e.user = m.user;
    e.password = m.password;
    e.database = database;
    return e;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString fixturePath()
{
    return QStringLiteral(CREODROP_SOURCE_DIR "/tests/data/sql/dump_fixture.sql");
}

/// Loads @p sql into @p database with the stock client; returns its stderr on failure.
inline QString loadWithClient(const QString &database, const QByteArray &sql)
{
    QByteArray out, err;
    const int rc = TestServices::runMariaDbClient({ QStringLiteral("--default-character-set=utf8mb4"), database }, sql,
                                                  &out, &err);
    return rc == 0 ? QString() : QString::fromUtf8(err).trimmed() + QStringLiteral(" (rc %1)").arg(rc);
}

inline QStringList rowsOf(QSqlDatabase db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery q(db);
    QStringList rows;
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        return { QStringLiteral("<error: %1>").arg(q.lastError().text()) };
    }
    while (q.next()) {
        QStringList cols;
        for (int i = 0; i < q.record().count(); ++i)
            cols << (q.value(i).isNull() ? QStringLiteral("<NULL>") : q.value(i).toString());
        rows << cols.join(QLatin1Char('|'));
    }
    return rows;
}

/// rowsOf() on a connection of its own to @p database.
inline QStringList queryRows(const QString &database, const QString &sql)
{
    QStringList rows;
    {
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("query-rows"), database);
        rows = rowsOf(db, sql);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("query-rows"));
    return rows;
}

/// How many statements other connections are running in @p database whose text holds @p text.
inline int runningStatements(const QString &database, const QString &text)
{
    return queryRows(database,
                     QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '%1' AND ID <> "
                                    "CONNECTION_ID() AND INFO LIKE '%%2%'")
                         .arg(database, text))
        .value(0)
        .toInt();
}

inline QString quote(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + q + QLatin1Char('`');
}

/// Compares every table (CHECKSUM TABLE and row count; current rows for system-versioned
/// tables; the row of a sequence), and the SHOW CREATE output of every view, trigger, routine
/// and event; with @p drawNextValues also NEXTVAL of every sequence (this changes both). Returns a description of the
/// first difference, or an empty string.
inline QString compareDatabases(const QString &a, const QString &b, bool drawNextValues = false)
{
    QString error;
    QString result;
    {
        QSqlDatabase da = TestServices::openMySql(QStringLiteral("cmp-a"), a, &error);
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("cmp-b"), b, &error);
        if (!da.isOpen() || !db.isOpen())
            return QStringLiteral("cannot connect: %1").arg(error);
        const QString listTables = QStringLiteral("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE "
                                                  "TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME");
        const QStringList tablesA = rowsOf(da, listTables);
        const QStringList tablesB = rowsOf(db, listTables);
        auto check = [&](const QString &what, const QStringList &x, const QStringList &y) {
            if (result.isEmpty() && x != y)
                result = QStringLiteral("%1 differ:\n  %2\n  %3")
                             .arg(what, x.join(QStringLiteral("; ")).left(600), y.join(QStringLiteral("; ")).left(600));
        };
        check(QStringLiteral("table lists"), tablesA, tablesB);
        if (tablesA.isEmpty())
            result = QStringLiteral("no tables in %1").arg(a);
        for (const QString &row : tablesA) {
            const QString name = row.section(QLatin1Char('|'), 0, 0);
            const QString type = row.section(QLatin1Char('|'), 1);
            const QString q = quote(name);
            if (type == QLatin1String("BASE TABLE")) {
                const QString sql = QStringLiteral("CHECKSUM TABLE %1").arg(q);
                check(QStringLiteral("checksums of %1").arg(name),
                      rowsOf(da, sql).replaceInStrings(a + QLatin1Char('.'), QString()),
                      rowsOf(db, sql).replaceInStrings(b + QLatin1Char('.'), QString()));
                const QString count = QStringLiteral("SELECT COUNT(*) FROM %1").arg(q);
                check(QStringLiteral("row counts of %1").arg(name), rowsOf(da, count), rowsOf(db, count));
                // A sequence a column's default draws from is named with its database.
                const QString create = QStringLiteral("SHOW CREATE TABLE %1").arg(q);
                check(QStringLiteral("definitions of %1").arg(name),
                      rowsOf(da, create).replaceInStrings(quote(a) + QLatin1Char('.'), QString()),
                      rowsOf(db, create).replaceInStrings(quote(b) + QLatin1Char('.'), QString()));
            } else if (type == QLatin1String("SYSTEM VERSIONED") || type == QLatin1String("SEQUENCE")) {
                const QString sql = QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(q);
                check(QStringLiteral("rows of %1").arg(name), rowsOf(da, sql), rowsOf(db, sql));
                if (type == QLatin1String("SYSTEM VERSIONED")) {
                    // Every version, and (in the checksum) the hidden periods of the current rows.
                    const QString all = QStringLiteral("SELECT * FROM %1 FOR SYSTEM_TIME ALL").arg(q);
                    QStringList x = rowsOf(da, all), y = rowsOf(db, all);
                    x.sort();
                    y.sort();
                    check(QStringLiteral("row versions of %1").arg(name), x, y);
                    const QString sum = QStringLiteral("CHECKSUM TABLE %1").arg(q);
                    check(QStringLiteral("checksums of %1").arg(name),
                          rowsOf(da, sum).replaceInStrings(a + QLatin1Char('.'), QString()),
                          rowsOf(db, sum).replaceInStrings(b + QLatin1Char('.'), QString()));
                }
                const QString create
                    = QStringLiteral("SHOW CREATE %1 %2")
                          .arg(type == QLatin1String("SEQUENCE") ? QStringLiteral("SEQUENCE") : QStringLiteral("TABLE"),
                               q);
                check(QStringLiteral("definitions of %1").arg(name), rowsOf(da, create), rowsOf(db, create));
            } else if (type == QLatin1String("VIEW")) {
                // A view that also reads another database names this one's tables with it.
                const QString sql = QStringLiteral("SHOW CREATE VIEW %1").arg(q);
                check(QStringLiteral("view %1").arg(name),
                      rowsOf(da, sql).replaceInStrings(quote(a) + QLatin1Char('.'), QString()),
                      rowsOf(db, sql).replaceInStrings(quote(b) + QLatin1Char('.'), QString()));
            }
        }
        auto compareObjects = [&](const QString &listSql, const QString &kindSql, int skipColumnFrom) {
            const QStringList objsA = rowsOf(da, listSql);
            check(QStringLiteral("object lists (%1)").arg(listSql), objsA, rowsOf(db, listSql));
            for (const QString &o : objsA) {
                const QString kind = kindSql.isEmpty() ? o.section(QLatin1Char('|'), 0, 0) : kindSql;
                const QString name = kindSql.isEmpty() ? o.section(QLatin1Char('|'), 1) : o;
                const QString sql = QStringLiteral("SHOW CREATE %1 %2").arg(kind, quote(name));
                QStringList x = rowsOf(da, sql), y = rowsOf(db, sql);
                // Drop creation timestamps and the database collation columns at the end.
                for (QString &r : x)
                    r = r.section(QLatin1Char('|'), 0, skipColumnFrom - 1);
                for (QString &r : y)
                    r = r.section(QLatin1Char('|'), 0, skipColumnFrom - 1);
                check(QStringLiteral("%1 %2").arg(kind, name), x, y);
            }
        };
        compareObjects(QStringLiteral("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE "
                                      "ROUTINE_SCHEMA = DATABASE() ORDER BY 1, 2"),
                       QString(), 5);
        compareObjects(QStringLiteral("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = "
                                      "DATABASE() ORDER BY 1"),
                       QStringLiteral("TRIGGER"), 5);
        compareObjects(QStringLiteral("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = "
                                      "DATABASE() ORDER BY 1"),
                       QStringLiteral("EVENT"), 6);
        // A sequence's next value, drawn from both.
        for (const QString &row : tablesA) {
            if (!drawNextValues || row.section(QLatin1Char('|'), 1) != QLatin1String("SEQUENCE"))
                continue;
            const QString sql = QStringLiteral("SELECT NEXTVAL(%1)").arg(quote(row.section(QLatin1Char('|'), 0, 0)));
            check(QStringLiteral("next value of %1").arg(row), rowsOf(da, sql), rowsOf(db, sql));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("cmp-a"));
    QSqlDatabase::removeDatabase(QStringLiteral("cmp-b"));
    return result;
}

/// Runs each query of @p queries in both databases and returns the first difference in their rows.
inline QString compareQueries(const QString &a, const QString &b, const QStringList &queries)
{
    QString result;
    {
        QString error;
        QSqlDatabase da = TestServices::openMySql(QStringLiteral("cmpq-a"), a, &error);
        QSqlDatabase db = TestServices::openMySql(QStringLiteral("cmpq-b"), b, &error);
        if (!da.isOpen() || !db.isOpen())
            return QStringLiteral("cannot connect: %1").arg(error);
        for (const QString &sql : queries) {
            const QStringList x = rowsOf(da, sql), y = rowsOf(db, sql);
            if (x != y || x.join(QString()).contains(QStringLiteral("<error"))) {
                result = QStringLiteral("%1 differs:\n  %2\n  %3")
                             .arg(sql, x.join(QLatin1Char(';')), y.join(QLatin1Char(';')));
                break;
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("cmpq-a"));
    QSqlDatabase::removeDatabase(QStringLiteral("cmpq-b"));
    return result;
}

/// What the fixture's routines and views return, as hex (byte-exact), for compareQueries().
inline QStringList fixtureResultQueries()
{
    return {
        QStringLiteral("SELECT HEX(f_latin1()), HEX(f_cp1250()), HEX(`f\\'\"```()), HEX(f_nbe()), HEX(f_ansi()), "
                       "HEX(f_ghost()), HEX(f_double(21)), HEX(`fn ñ`('x'))"),
        QStringLiteral("CALL p_nbe(@r)"),
        QStringLiteral("SELECT HEX(@r)"),
        QStringLiteral("CALL p_latin1()"),
        QStringLiteral("SELECT HEX(g), HEX(`naïve`) FROM v_latin1"),
        QStringLiteral("SELECT HEX(z) FROM v_cp1250"),
        QStringLiteral("SELECT HEX(path), HEX(q) FROM v_nbe"),
        QStringLiteral("SELECT * FROM `v\\'\"``` ORDER BY 1"),
        QStringLiteral("SELECT HEX(ROUTINE_DEFINITION) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
                       "DATABASE() ORDER BY ROUTINE_NAME"),
        QStringLiteral(
            "SELECT HEX(REPLACE(VIEW_DEFINITION, CONCAT('`', DATABASE(), '`.'), '')) FROM information_schema.VIEWS "
            "WHERE TABLE_SCHEMA = DATABASE() "
            "ORDER BY TABLE_NAME"),
        QStringLiteral(
            "SELECT DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")
    };
}

} // namespace DumpTestSupport
