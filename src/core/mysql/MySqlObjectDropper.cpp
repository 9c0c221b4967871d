// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MySqlObjectDropper.h"

#include "MySqlSession.h"

bool MySqlObjectDropper::dropAll(const MySqlEndpoint &endpoint, QString *error)
{
    MySqlSession session(endpoint, QStringLiteral("drop-all"));
    if (!session.open(error))
        return false;
    QString err;
    if (!session.exec("SET SESSION FOREIGN_KEY_CHECKS = 0", &err)) {
        *error = err;
        return false;
    }
    struct Kind
    {
        const char *list;
        const char *drop; ///< %1 = quoted name, %2 = the listed type
    };
    // Events and routines first (they may name tables), views before the tables they select.
    const Kind kinds[] = {
        { "SELECT EVENT_NAME, '' FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()",
          "DROP EVENT IF EXISTS %1" },
        { "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()",
          "DROP %2 IF EXISTS %1" },
        { "SELECT TABLE_NAME, '' FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = "
          "'VIEW'",
          "DROP VIEW IF EXISTS %1" },
        { "SELECT TABLE_NAME, '' FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
          "AND TABLE_TYPE = 'SEQUENCE'",
          "DROP SEQUENCE IF EXISTS %1" },
        { "SELECT TABLE_NAME, '' FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
          "AND TABLE_TYPE NOT IN ('VIEW', 'SEQUENCE', 'TEMPORARY')",
          "DROP TABLE IF EXISTS %1" },
    };
    for (const Kind &kind : kinds) {
        QVector<QStringList> rows;
        if (!session.query(QString::fromLatin1(kind.list), &rows, &err)) {
            *error = QStringLiteral("cannot list the objects to replace: %1").arg(err);
            return false;
        }
        for (const QStringList &r : rows) {
            const QString type = r.at(1).toUpper();
            // PACKAGE and PACKAGE BODY (Oracle mode) drop with their package.
            if (type.startsWith(QLatin1String("PACKAGE")))
                continue;
            const QString sql = QString::fromLatin1(kind.drop).arg(MySqlSession::quoteIdentifier(r.at(0)), type);
            if (!session.exec(sql.toUtf8(), &err)) {
                *error = QStringLiteral("cannot drop %1: %2").arg(MySqlSession::quoteIdentifier(r.at(0)), err);
                return false;
            }
        }
    }
    return true;
}
