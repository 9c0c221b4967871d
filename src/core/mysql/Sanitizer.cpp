// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sanitizer.h"

#include "MySqlLoader.h"
#include "MySqlSession.h"
#include "util/Counted.h"

#include <QBuffer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <mysql.h>

namespace {

struct Schema
{
    QStringList tables;
    QHash<QString, QSet<QString>> columns; ///< lower-case column names per table

    bool has(const QString &table, const QString &column) const
    {
        return columns.value(table).contains(column.toLower());
    }
};

class Steps
{
public:
    Steps(MySqlSession *session, QStringList *actions, QString *error)
        : m_session(session)
        , m_actions(actions)
        , m_error(error)
    { }

    /// Runs @p sql; records "@p table: N @p what" in the actions.
    bool run(const QString &table, const QString &sql, const QString &what)
    {
        QString err;
        if (!m_session->exec(sql.toUtf8(), &err)) {
            *m_error = QStringLiteral("sanitizing %1 failed: %2").arg(MySqlSession::quoteIdentifier(table), err);
            return false;
        }
        const my_ulonglong n = mysql_affected_rows(m_session->handle());
        m_actions->append(
            QStringLiteral("%1: %2 %3").arg(table).arg(qulonglong(n == my_ulonglong(-1) ? 0 : n)).arg(what));
        return true;
    }

private:
    MySqlSession *m_session;
    QStringList *m_actions;
    QString *m_error;
};

QString q(const QString &name)
{
    return MySqlSession::quoteIdentifier(name);
}

// "a = x, b = y" for the columns of @p candidates that @p table has.
QString assignments(const Schema &schema, const QString &table, const QList<QPair<QString, QString>> &candidates)
{
    QStringList out;
    for (const auto &c : candidates) {
        if (schema.has(table, c.first))
            out << QStringLiteral("%1 = %2").arg(q(c.first), c.second);
    }
    return out.join(QStringLiteral(", "));
}

bool sanitizeWordPress(const Schema &schema, Steps &steps, QString *error)
{
    const QStringList prefixes = Sanitizer::wordPressPrefixes(schema.tables);
    if (prefixes.isEmpty()) {
        *error = QStringLiteral("the target has no WordPress tables (a <prefix>users table with <prefix>usermeta): "
                                "choose the profile that matches the site, or none");
        return false;
    }
    const QString password = MySqlSession::quoteString(Sanitizer::sanitizedPassword());
    for (const QString &p : prefixes) {
        const QString users = p + QStringLiteral("users");
        const QString set = assignments(
            schema, users,
            { { QStringLiteral("user_email"), QStringLiteral("CONCAT('user', `ID`, '@example.invalid')") },
              { QStringLiteral("user_pass"), password },
              { QStringLiteral("user_activation_key"), QStringLiteral("''") } });
        if (!schema.has(users, QStringLiteral("ID")) || !schema.has(users, QStringLiteral("user_email"))) {
            *error = QStringLiteral("%1 has no ID and user_email columns: it is not a WordPress users table")
                         .arg(q(users));
            return false;
        }
        if (!steps.run(users, QStringLiteral("UPDATE %1 SET %2").arg(q(users), set),
                       QStringLiteral("accounts' e-mails and password hashes replaced")))
            return false;
        const QString usermeta = p + QStringLiteral("usermeta");
        if (schema.has(usermeta, QStringLiteral("meta_key"))
            && !steps.run(usermeta,
                          QStringLiteral("DELETE FROM %1 WHERE `meta_key` = 'session_tokens'").arg(q(usermeta)),
                          QStringLiteral("session tokens deleted")))
            return false;
        // The main site's tables and every multisite blog's (<prefix><n>_comments).
        const QRegularExpression blogTable(
            QStringLiteral("^%1(\\d+_)?(comments|options)$").arg(QRegularExpression::escape(p)));
        for (const QString &t : schema.tables) {
            const auto m = blogTable.match(t);
            if (!m.hasMatch())
                continue;
            if (m.captured(2) == QLatin1String("comments")) {
                if (!schema.has(t, QStringLiteral("comment_ID")))
                    continue;
                const QString email = schema.has(t, QStringLiteral("comment_author_email"))
                    ? QStringLiteral("`comment_author_email` = IF(`comment_author_email` = '', '', "
                                     "CONCAT('commenter', `comment_ID`, '@example.invalid'))")
                    : QString();
                QStringList parts;
                if (!email.isEmpty())
                    parts << email;
                const QString rest
                    = assignments(schema, t,
                                  { { QStringLiteral("comment_author_IP"), QStringLiteral("'127.0.0.1'") },
                                    { QStringLiteral("comment_agent"), QStringLiteral("''") } });
                if (!rest.isEmpty())
                    parts << rest;
                if (!parts.isEmpty()
                    && !steps.run(t, QStringLiteral("UPDATE %1 SET %2").arg(q(t), parts.join(QStringLiteral(", "))),
                                  QStringLiteral("comments' e-mails and IPs replaced")))
                    return false;
            } else if (schema.has(t, QStringLiteral("option_name"))) {
                if (!steps.run(t,
                               QStringLiteral("DELETE FROM %1 WHERE `option_name` LIKE '\\_transient\\_%' "
                                              "OR `option_name` LIKE '\\_site\\_transient\\_%'")
                                   .arg(q(t)),
                               QStringLiteral("transients deleted")))
                    return false;
            }
        }
    }
    return true;
}

bool sanitizeDrupal(const Schema &schema, Steps &steps, QString *error)
{
    const QString users = QStringLiteral("users_field_data");
    if (!schema.tables.contains(users) || !schema.has(users, QStringLiteral("uid"))
        || !schema.has(users, QStringLiteral("mail"))) {
        *error = QStringLiteral("the target has no Drupal users_field_data table with uid and mail: choose the "
                                "profile that matches the site, or none");
        return false;
    }
    const QString mail = QStringLiteral("IF(`mail` IS NULL OR `mail` = '', `mail`, CONCAT('user', `uid`, "
                                        "'@example.invalid'))");
    const QString set = assignments(schema, users,
                                    { { QStringLiteral("mail"), mail },
                                      { QStringLiteral("init"),
                                        QStringLiteral("IF(`init` IS NULL OR `init` = '', `init`, CONCAT('user', "
                                                       "`uid`, '@example.invalid'))") },
                                      { QStringLiteral("pass"),
                                        QStringLiteral("IF(`pass` IS NULL, NULL, %1)")
                                            .arg(MySqlSession::quoteString(Sanitizer::sanitizedPassword())) } });
    if (!steps.run(users, QStringLiteral("UPDATE %1 SET %2").arg(q(users), set),
                   QStringLiteral("accounts' e-mails and password hashes replaced")))
        return false;
    for (const QString &t : schema.tables) {
        if (t == QLatin1String("sessions") || t == QLatin1String("watchdog") || t.startsWith(QLatin1String("cache_"))) {
            // DELETE, not TRUNCATE: it keeps AUTO_INCREMENT (watchdog's wid) and needs no DROP grant.
            if (!steps.run(t, QStringLiteral("DELETE FROM %1").arg(q(t)), QStringLiteral("rows deleted")))
                return false;
        }
    }
    return true;
}

} // namespace

Sanitizer::Sanitizer(const MySqlEndpoint &endpoint)
    : m_endpoint(endpoint)
{ }

QStringList Sanitizer::wordPressPrefixes(const QStringList &tables)
{
    const QSet<QString> all(tables.begin(), tables.end());
    QStringList prefixes;
    for (const QString &t : tables) {
        if (!t.endsWith(QLatin1String("users")))
            continue;
        const QString prefix = t.left(t.size() - 5);
        // A multisite blog's "wp_2_users" does not exist; "wp_2_" is not a prefix of its own.
        if (all.contains(prefix + QStringLiteral("usermeta")))
            prefixes << prefix;
    }
    prefixes.sort();
    return prefixes;
}

bool Sanitizer::run(SanitizeProfile profile, const QString &customSql)
{
    m_error.clear();
    m_actions.clear();
    if (profile != SanitizeProfile::None) {
        MySqlSession session(m_endpoint, QStringLiteral("sanitize"));
        if (!session.open(&m_error))
            return false;
        Schema schema;
        QVector<QStringList> rows;
        if (!session.query(QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                          "DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"),
                           &rows, &m_error))
            return false;
        for (const QStringList &r : rows)
            schema.tables << r.at(0);
        if (!session.query(QStringLiteral("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE "
                                          "TABLE_SCHEMA = DATABASE()"),
                           &rows, &m_error))
            return false;
        for (const QStringList &r : rows)
            schema.columns[r.at(0)].insert(r.at(1).toLower());
        Steps steps(&session, &m_actions, &m_error);
        const bool ok = profile == SanitizeProfile::WordPress ? sanitizeWordPress(schema, steps, &m_error)
                                                              : sanitizeDrupal(schema, steps, &m_error);
        if (!ok)
            return false;
    }
    if (!customSql.trimmed().isEmpty()) {
        QByteArray sql = customSql.toUtf8();
        QBuffer buffer(&sql);
        buffer.open(QIODevice::ReadOnly);
        LoadOptions options;
        options.connections = 1;
        MySqlLoader loader(m_endpoint, options);
        if (!loader.load(&buffer)) {
            m_error = QStringLiteral("the site's custom sanitizing SQL failed: %1").arg(loader.errorString());
            return false;
        }
        m_actions << QStringLiteral("custom SQL: %1")
                         .arg(Counted::of(loader.statementsExecuted(), "statement", "statements"));
    }
    return true;
}
