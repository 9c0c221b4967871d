// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoreTarget.h"

#include "mysql/DefinerPrivileges.h"
#include "mysql/MySqlConnection.h"
#include "util/Counted.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RestoreTarget", text);
}

QByteArray quoteName(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('`'), QLatin1String("``"));
    return (QLatin1Char('`') + quoted + QLatin1Char('`')).toUtf8();
}

} // namespace

bool RestoreTarget::summary(MySqlConnection &c, Summary *s, QString *error)
{
    QVector<QStringList> rows;
    if (!c.query(QStringLiteral("SELECT COALESCE(SUM(CASE WHEN TABLE_TYPE = 'VIEW' THEN 0 ELSE DATA_LENGTH + "
                                "INDEX_LENGTH END), 0), SUM(TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')), "
                                "SUM(TABLE_TYPE = 'VIEW') FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                "DATABASE()"),
                 &rows, error)
        || rows.isEmpty())
        return false;
    s->sizeBytes = rows.at(0).value(0).toLongLong();
    s->tables = rows.at(0).value(1).toInt();
    s->views = rows.at(0).value(2).toInt();
    auto count = [&](const QString &sql, int *out) {
        QVector<QStringList> r;
        if (!c.query(sql, &r, error) || r.isEmpty())
            return false;
        *out = r.at(0).value(0).toInt();
        return true;
    };
    return count(QStringLiteral("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"),
                 &s->routines)
        && count(QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"),
                 &s->triggers)
        && count(QStringLiteral("SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()"),
                 &s->events);
}

bool RestoreTarget::canSetOtherDefiners(MySqlConnection &c, QString *error)
{
    QVector<QStringList> rows;
    if (!c.query(QStringLiteral("SHOW GRANTS"), &rows, error))
        return false;
    QStringList grants;
    for (const QStringList &row : rows)
        grants << row.value(0);
    return DefinerPrivileges::allowsOtherDefiners(grants);
}

bool RestoreTarget::collations(MySqlConnection &c, QSet<QString> *names, QString *error)
{
    QVector<QStringList> rows;
    if (!c.query(QStringLiteral("SELECT COLLATION_NAME FROM information_schema.COLLATIONS"), &rows, error))
        return false;
    for (const QStringList &row : rows)
        names->insert(row.value(0));
    return true;
}

bool RestoreTarget::dropEverything(MySqlConnection &c, const std::atomic<bool> *cancel, QString *error)
{
    if (!c.exec("SET SESSION FOREIGN_KEY_CHECKS = 0", error))
        return false;
    struct Kind
    {
        const char *listSql;
        const char *drop;
    };
    // Views first (they may name tables), then tables (their triggers go with them), then the
    // rest. Sequences are tables to information_schema with their own type.
    const Kind kinds[] = {
        { "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'VIEW'",
          "DROP VIEW IF EXISTS " },
        { "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN "
          "('BASE TABLE', 'SYSTEM VERSIONED')",
          "DROP TABLE IF EXISTS " },
        { "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = "
          "'SEQUENCE'",
          "DROP SEQUENCE IF EXISTS " },
        { "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE = "
          "'PROCEDURE'",
          "DROP PROCEDURE IF EXISTS " },
        { "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE = "
          "'FUNCTION'",
          "DROP FUNCTION IF EXISTS " },
        { "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()", "DROP EVENT IF EXISTS " },
    };
    for (const Kind &kind : kinds) {
        QVector<QStringList> rows;
        if (!c.query(QString::fromLatin1(kind.listSql), &rows, error))
            return false;
        for (const QStringList &row : rows) {
            if (cancel && *cancel) {
                *error = tr("Cancelled.");
                return false;
            }
            if (!c.exec(QByteArray(kind.drop) + quoteName(row.value(0)), error))
                return false;
        }
    }
    // Packages are routines of other types, and DROP PACKAGE exists only in Oracle mode; it takes
    // the package's body with it.
    QVector<QStringList> packages;
    if (!c.query(QStringLiteral("SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
                                "DATABASE() AND ROUTINE_TYPE IN ('PACKAGE', 'PACKAGE BODY')"),
                 &packages, error))
        return false;
    if (!packages.isEmpty()) {
        if (!c.exec("SET @creodrop_sql_mode = @@SESSION.sql_mode, SESSION sql_mode = 'ORACLE'", error))
            return false;
        for (const QStringList &row : packages) {
            if (!c.exec(QByteArray("DROP PACKAGE IF EXISTS ") + quoteName(row.value(0)), error))
                return false;
        }
        if (!c.exec("SET SESSION sql_mode = @creodrop_sql_mode", error))
            return false;
    }
    return c.exec("SET SESSION FOREIGN_KEY_CHECKS = 1", error);
}

bool RestoreTarget::rowCounts(MySqlConnection &c, QVector<QPair<QString, qint64>> *counts, QString *error)
{
    QVector<QStringList> tables;
    if (!c.query(QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                                "AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME"),
                 &tables, error))
        return false;
    for (const QStringList &row : tables) {
        QVector<QStringList> r;
        if (!c.query(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QString::fromUtf8(quoteName(row.value(0)))), &r,
                     error)
            || r.isEmpty())
            return false;
        counts->append({ row.value(0), r.at(0).value(0).toLongLong() });
    }
    return true;
}

QString RestoreTarget::compareRowCounts(const QVector<QPair<QString, qint64>> &expected,
                                        const QVector<QPair<QString, qint64>> &actual)
{
    QHash<QString, qint64> have;
    for (const auto &t : actual)
        have.insert(t.first, t.second);
    QStringList problems;
    for (const auto &t : expected) {
        if (!have.contains(t.first))
            problems << tr("table %1 is missing").arg(t.first);
        else if (have.value(t.first) != t.second)
            problems << tr("table %1 has %2 instead of %3")
                            .arg(t.first, Counted::of(have.value(t.first), "row", "rows"))
                            .arg(t.second);
        have.remove(t.first);
    }
    for (auto it = have.cbegin(); it != have.cend(); ++it)
        problems << tr("table %1 should not exist").arg(it.key());
    return problems.join(QLatin1String("; "));
}
