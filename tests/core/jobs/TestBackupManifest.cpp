// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/Catalog.h"
#include "jobs/BackupManifest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestBackupManifest : public QObject
{
    Q_OBJECT

    static BackupManifest sample()
    {
        BackupManifest m;
        m.backupId = QStringLiteral("20261125T194512123Z-3f9a1c2b");
        m.siteId = QStringLiteral("shop");
        m.siteName = QStringLiteral("The Shop");
        m.customer = QStringLiteral("acme");
        m.tier = Tier::Developer;
        m.environment = Environment::Stage;
        m.type = BackupType::Scheduled;
        m.createdBy = QStringLiteral("alice");
        m.createdAt = QDateTime(QDate(2026, 11, 25), QTime(19, 45, 12, 123), Qt::UTC);
        m.objectKey = Catalog::objectKey(m.customer, m.siteId, m.environment, m.backupId);
        m.sha256 = QString(64, QLatin1Char('a'));
        m.sizeBytes = 1234;
        m.rawSizeBytes = 5678;
        m.tables = { { QStringLiteral("users"), 42 }, { QStringLiteral("orders"), 7 } };
        return m;
    }

private slots:
    void roundTrips()
    {
        const BackupManifest m = sample();
        QString error;
        const auto back = BackupManifest::fromJson(m.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->backupId, m.backupId);
        QCOMPARE(back->customer, m.customer);
        QCOMPARE(back->tier, Tier::Developer);
        QCOMPARE(back->environment, Environment::Stage);
        QCOMPARE(back->type, BackupType::Scheduled);
        QCOMPARE(back->createdAt, m.createdAt);
        QCOMPARE(back->tables, m.tables);
        QCOMPARE(back->toRecord().status, BackupStatus::Completed);
        QCOMPARE(back->toSite().name, m.siteName);
    }

    void rejectsManifestsThatWouldMakeBadKeys()
    {
        BackupManifest m = sample();
        m.siteId = QStringLiteral("../etc");
        QVERIFY(!BackupManifest::fromJson(m.toJson()));
        m = sample();
        m.objectKey = QStringLiteral("customers/other/key.sql.gz");
        QVERIFY(!BackupManifest::fromJson(m.toJson()));
        QVERIFY(!BackupManifest::fromJson("not json"));
    }

    void rejectsSlugsAndIdsThatAreNotWholeStrings_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        for (const char *field : { "site", "customer" }) {
            for (const char *value : { "shop\n", "sh/op", "..", ".shop", "../shop", "shop\r\n", "" })
                QTest::addRow("%s %s", field, value) << QString::fromLatin1(field) << QString::fromLatin1(value);
        }
        for (const char *value : { "20261125T194512123Z-3f9a1c2b\n", "a/b", "..", ".x", "-x", "" })
            QTest::addRow("id %s", value) << QStringLiteral("id") << QString::fromLatin1(value);
    }

    void rejectsSlugsAndIdsThatAreNotWholeStrings()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        BackupManifest m = sample();
        if (field == QLatin1String("site"))
            m.siteId = value;
        else if (field == QLatin1String("customer"))
            m.customer = value;
        else
            m.backupId = value;
        // A key made from the same values, so only the validation can refuse it.
        m.objectKey = Catalog::objectKey(m.customer, m.siteId, m.environment, m.backupId);
        QString error;
        QVERIFY(!BackupManifest::fromJson(m.toJson(), &error));
        QVERIFY2(error.contains(QLatin1String("invalid")), qPrintable(error));
    }

    void recordsTls()
    {
        BackupManifest m = sample();
        m.tlsMode = QStringLiteral("required");
        m.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
        QJsonObject tls = QJsonDocument::fromJson(m.toJson()).object().value(QStringLiteral("tls")).toObject();
        QCOMPARE(tls.value(QStringLiteral("mode")).toString(), m.tlsMode);
        QCOMPARE(tls.value(QStringLiteral("cipher")).toString(), m.tlsCipher);
        const auto back = BackupManifest::fromJson(m.toJson());
        QVERIFY(back);
        QCOMPARE(back->tlsCipher, m.tlsCipher);
        m.tlsMode = QStringLiteral("off");
        m.tlsCipher.clear();
        tls = QJsonDocument::fromJson(m.toJson()).object().value(QStringLiteral("tls")).toObject();
        QVERIFY(tls.contains(QStringLiteral("cipher")));
        QVERIFY(tls.value(QStringLiteral("cipher")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestBackupManifest)
#include "TestBackupManifest.moc"
