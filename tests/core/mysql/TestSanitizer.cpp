// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// Sanitizer's profiles against WordPress- and Drupal-shaped tables in the real MariaDB, the
// demo's generated data (scripts/generate-sample-data, here into a latin1 database) included.
#include "DumpTestSupport.h"
#include "TestServices.h"
#include "mysql/Sanitizer.h"

#include <QProcess>
#include <QtTest>

using namespace DumpTestSupport;

class TestSanitizer : public QObject
{
    Q_OBJECT

    // Every text cell of @p database matching @p regexp, as "table.column: value".
    static QStringList cellsMatching(const QString &database, const QString &regexp)
    {
        QStringList hits;
        const QStringList columns
            = queryRows(database,
                        QStringLiteral("SELECT CONCAT(TABLE_NAME, '|', COLUMN_NAME) FROM information_schema.COLUMNS "
                                       "WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('char', 'varchar', "
                                       "'tinytext', 'text', 'mediumtext', 'longtext')"));
        for (const QString &tc : columns) {
            const QString table = tc.section(QLatin1Char('|'), 0, 0);
            const QString column = tc.section(QLatin1Char('|'), 1);
            const QStringList found = queryRows(database,
                                                QStringLiteral("SELECT %1 FROM %2 WHERE %1 REGEXP '%3' LIMIT 3")
                                                    .arg(quote(column), quote(table), regexp));
            for (const QString &v : found)
                hits << QStringLiteral("%1.%2: %3").arg(table, column, v);
        }
        return hits;
    }

private slots:
    void initTestCase() { CREODROP_REQUIRE_MYSQL(); }

    void profilesParse()
    {
        QCOMPARE(SanitizeProfiles::fromString(QStringLiteral("WordPress")), SanitizeProfile::WordPress);
        QCOMPARE(SanitizeProfiles::fromString(QStringLiteral("drupal")), SanitizeProfile::Drupal);
        QCOMPARE(SanitizeProfiles::fromString(QStringLiteral("none")), SanitizeProfile::None);
        QVERIFY(!SanitizeProfiles::fromString(QStringLiteral("joomla")));
        QCOMPARE(SanitizeProfiles::toString(SanitizeProfile::WordPress), QStringLiteral("wordpress"));
    }

    void wordPressPrefixesAreDetected()
    {
        QCOMPARE(Sanitizer::wordPressPrefixes({ QStringLiteral("wp_users"), QStringLiteral("wp_usermeta"),
                                                QStringLiteral("wp_2_options"), QStringLiteral("blog_users"),
                                                QStringLiteral("blog_usermeta"), QStringLiteral("other_users") }),
                 (QStringList{ QStringLiteral("blog_"), QStringLiteral("wp_") }));
        QCOMPARE(Sanitizer::wordPressPrefixes({ QStringLiteral("users"), QStringLiteral("usermeta") }),
                 QStringList{ QString() });
        QVERIFY(Sanitizer::wordPressPrefixes({ QStringLiteral("users_field_data") }).isEmpty());
    }

    void wordPressWithAnyPrefixLeavesNoOriginalEmail()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("swp"));
        const QString err = loadWithClient(
            db,
            "CREATE TABLE blog_users (ID BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, user_login VARCHAR(60), "
            "  user_pass VARCHAR(255), user_email VARCHAR(100), user_activation_key VARCHAR(255) NOT NULL DEFAULT '',"
            "  UNIQUE KEY (user_email));"
            "CREATE TABLE blog_usermeta (umeta_id BIGINT AUTO_INCREMENT PRIMARY KEY, user_id BIGINT, meta_key "
            "VARCHAR(255),"
            "  meta_value LONGTEXT);"
            "CREATE TABLE blog_comments (comment_ID BIGINT AUTO_INCREMENT PRIMARY KEY, comment_author_email "
            "VARCHAR(100),"
            "  comment_author_IP VARCHAR(100), comment_agent VARCHAR(255), comment_content TEXT);"
            "CREATE TABLE blog_2_comments LIKE blog_comments;"
            "CREATE TABLE blog_options (option_id BIGINT AUTO_INCREMENT PRIMARY KEY, option_name VARCHAR(191) UNIQUE,"
            "  option_value LONGTEXT);"
            "CREATE TABLE blog_2_options LIKE blog_options;"
            "INSERT INTO blog_users VALUES (1, 'admin', '$P$Bhash1', 'admin@customer.test', 'key1'),"
            "  (7, 'jane', '$wp$2y$10$hash7', 'jane@customer.test', ''), (9, 'joe', 'x', 'JOE@Customer.Test', '');"
            "INSERT INTO blog_usermeta (user_id, meta_key, meta_value) VALUES (1, 'session_tokens', "
            "'a:1:{s:64:\"tok\";}'),"
            "  (1, 'nickname', 'admin'), (7, 'session_tokens', 'b');"
            "INSERT INTO blog_comments VALUES (1, 'visitor@customer.test', '203.0.113.9', 'Mozilla', 'hi'),"
            "  (2, '', '203.0.113.10', 'curl', 'anonymous');"
            "INSERT INTO blog_2_comments VALUES (5, 'other@customer.test', '2001:db8::1', 'Mozilla', 'hello');"
            "INSERT INTO blog_options (option_name, option_value) VALUES ('siteurl', 'https://example.net'),"
            "  ('_transient_feed_x', 'cached'), ('_transient_timeout_feed_x', '1'), ('_site_transient_update', 'u'),"
            "  ('transient_like_but_kept', 'k');"
            "INSERT INTO blog_2_options (option_name, option_value) VALUES ('_transient_y', 'c'), ('blogname', 'B');");
        QVERIFY2(err.isEmpty(), qPrintable(err));

        Sanitizer sanitizer(endpoint(db));
        QVERIFY2(sanitizer.run(SanitizeProfile::WordPress), qPrintable(sanitizer.errorString()));
        QVERIFY(!sanitizer.actions().isEmpty());

        const QStringList left = cellsMatching(db, QStringLiteral("(?i)customer\\\\.test|203\\\\.0\\\\.113|2001:db8"));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral("; "))));
        QCOMPARE(
            queryRows(db,
                      QStringLiteral("SELECT CONCAT(ID, '|', user_email, '|', user_pass, '|', user_activation_key) "
                                     "FROM blog_users ORDER BY ID")),
            (QStringList{ QStringLiteral("1|user1@example.invalid|creodrop-sanitized|"),
                          QStringLiteral("7|user7@example.invalid|creodrop-sanitized|"),
                          QStringLiteral("9|user9@example.invalid|creodrop-sanitized|") }));
        QCOMPARE(queryRows(db, QStringLiteral("SELECT comment_author_email FROM blog_comments ORDER BY comment_ID")),
                 (QStringList{ QStringLiteral("commenter1@example.invalid"), QString() }));
        QCOMPARE(queryRows(db, QStringLiteral("SELECT meta_key FROM blog_usermeta")),
                 QStringList{ QStringLiteral("nickname") });
        QCOMPARE(queryRows(db, QStringLiteral("SELECT option_name FROM blog_options ORDER BY option_name")),
                 (QStringList{ QStringLiteral("siteurl"), QStringLiteral("transient_like_but_kept") }));
        QCOMPARE(queryRows(db, QStringLiteral("SELECT option_name FROM blog_2_options")),
                 QStringList{ QStringLiteral("blogname") });
        TestServices::dropDatabase(db);
    }

    void demoDataLeavesNoOriginalEmail()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("sdemo"));
        // The generator makes utf8mb4 tables whatever the database's own character set.
        queryRows(db, QStringLiteral("ALTER DATABASE `%1` CHARACTER SET latin1").arg(db));
        QCOMPARE(queryRows(db, QStringLiteral("SELECT @@character_set_database")),
                 QStringList{ QStringLiteral("latin1") });
        const TestServices::MySql m = TestServices::mysql();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MYSQL_PWD"), m.password);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CREODROP_SOURCE_DIR "/scripts/generate-sample-data"),
                { QStringLiteral("--host"), m.host, QStringLiteral("--port"), QString::number(m.port),
                  QStringLiteral("--user"), m.user, QStringLiteral("--database"), db, QStringLiteral("--size-mib"),
                  QStringLiteral("2") });
        QVERIFY(p.waitForFinished(240000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(!cellsMatching(db, QStringLiteral("@example\\\\.(com|org)")).isEmpty());
        QCOMPARE(queryRows(db,
                           QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                          "DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE "
                                          "'utf8mb4%'")),
                 QStringList{ QStringLiteral("0") });
        QCOMPARE(queryRows(db, QStringLiteral("SELECT COUNT(*) > 0 FROM wp_comments WHERE comment_author = 'Ольга'")),
                 QStringList{ QStringLiteral("1") });

        Sanitizer sanitizer(endpoint(db));
        QVERIFY2(sanitizer.run(SanitizeProfile::WordPress), qPrintable(sanitizer.errorString()));
        const QStringList left = cellsMatching(db, QStringLiteral("@example\\\\.(com|org)"));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral("; "))));
        QCOMPARE(queryRows(db,
                           QStringLiteral("SELECT COUNT(*) FROM wp_users WHERE user_email <> CONCAT('user', ID, "
                                          "'@example.invalid')")),
                 QStringList{ QStringLiteral("0") });
        QCOMPARE(queryRows(db, QStringLiteral("SELECT COUNT(*) FROM wp_usermeta WHERE meta_key = 'session_tokens'")),
                 QStringList{ QStringLiteral("0") });
        TestServices::dropDatabase(db);
    }

    void drupalProfile()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("sdru"));
        const QString err = loadWithClient(
            db,
            "CREATE TABLE users_field_data (uid INT UNSIGNED NOT NULL, langcode VARCHAR(12) NOT NULL, name VARCHAR(60),"
            "  pass VARCHAR(255), mail VARCHAR(254), init VARCHAR(254), PRIMARY KEY (uid, langcode));"
            "CREATE TABLE sessions (uid INT, sid VARCHAR(128) PRIMARY KEY, session LONGBLOB);"
            "CREATE TABLE cache_render (cid VARCHAR(255) PRIMARY KEY, data LONGBLOB);"
            "CREATE TABLE cache_bootstrap LIKE cache_render;"
            "CREATE TABLE watchdog (wid BIGINT AUTO_INCREMENT PRIMARY KEY, message LONGTEXT);"
            "CREATE TABLE node_field_data (nid INT PRIMARY KEY, title VARCHAR(255));"
            "INSERT INTO users_field_data VALUES (0, 'en', '', NULL, NULL, NULL),"
            "  (1, 'en', 'admin', '$S$Dhash', 'admin@customer.test', 'admin@customer.test'),"
            "  (4, 'en', 'ed', '$2y$10$x', 'ed@customer.test', 'first@customer.test');"
            "INSERT INTO sessions VALUES (1, 'sid1', 'data');"
            "INSERT INTO cache_render VALUES ('a', 'b'); INSERT INTO cache_bootstrap VALUES ('c', 'd');"
            "INSERT INTO watchdog (message) VALUES ('login of ed@customer.test from 203.0.113.5');"
            "INSERT INTO node_field_data VALUES (1, 'Kept');");
        QVERIFY2(err.isEmpty(), qPrintable(err));
        Sanitizer sanitizer(endpoint(db));
        QVERIFY2(sanitizer.run(SanitizeProfile::Drupal), qPrintable(sanitizer.errorString()));
        const QStringList left = cellsMatching(db, QStringLiteral("customer\\\\.test"));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral("; "))));
        QCOMPARE(
            queryRows(
                db, QStringLiteral("SELECT CONCAT_WS('|', uid, mail, init, pass) FROM users_field_data ORDER BY uid")),
            (QStringList{ QStringLiteral("0"),
                          QStringLiteral("1|user1@example.invalid|user1@example.invalid|creodrop-sanitized"),
                          QStringLiteral("4|user4@example.invalid|user4@example.invalid|creodrop-sanitized") }));
        for (const char *t : { "sessions", "cache_render", "cache_bootstrap", "watchdog" })
            QCOMPARE(queryRows(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(t))),
                     QStringList{ QStringLiteral("0") });
        QCOMPARE(queryRows(db, QStringLiteral("SELECT title FROM node_field_data")),
                 QStringList{ QStringLiteral("Kept") });
        TestServices::dropDatabase(db);
    }

    void aProfileWithoutItsTablesFails()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("snone"));
        QVERIFY(loadWithClient(db, "CREATE TABLE t (id INT);").isEmpty());
        Sanitizer wp(endpoint(db));
        QVERIFY(!wp.run(SanitizeProfile::WordPress));
        QVERIFY2(wp.errorString().contains(QLatin1String("no WordPress tables")), qPrintable(wp.errorString()));
        Sanitizer drupal(endpoint(db));
        QVERIFY(!drupal.run(SanitizeProfile::Drupal));
        QVERIFY2(drupal.errorString().contains(QLatin1String("users_field_data")), qPrintable(drupal.errorString()));
        TestServices::dropDatabase(db);
    }

    void customSqlRunsAfterTheProfile()
    {
        const QString db = TestServices::createScratchDatabase(QStringLiteral("scustom"));
        QVERIFY(loadWithClient(db,
                               "CREATE TABLE orders (id INT PRIMARY KEY, phone VARCHAR(32));"
                               "INSERT INTO orders VALUES (1, '+49 221 1234'), (2, '+33 1 2345');")
                    .isEmpty());
        Sanitizer sanitizer(endpoint(db));
        QVERIFY2(sanitizer.run(SanitizeProfile::None,
                               QStringLiteral("UPDATE orders SET phone = CONCAT('phone', id);\n"
                                              "DELIMITER //\nDO 1 //\nDELIMITER ;\n")),
                 qPrintable(sanitizer.errorString()));
        QCOMPARE(queryRows(db, QStringLiteral("SELECT phone FROM orders ORDER BY id")),
                 (QStringList{ QStringLiteral("phone1"), QStringLiteral("phone2") }));
        QVERIFY(sanitizer.actions().last().contains(QLatin1String("2 statement")));

        Sanitizer broken(endpoint(db));
        QVERIFY(!broken.run(SanitizeProfile::None, QStringLiteral("UPDATE no_such_table SET x = 1;")));
        QVERIFY2(broken.errorString().contains(QLatin1String("custom sanitizing SQL")),
                 qPrintable(broken.errorString()));
        TestServices::dropDatabase(db);
    }
};

QTEST_GUILESS_MAIN(TestSanitizer)
#include "TestSanitizer.moc"
