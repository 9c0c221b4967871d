// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/Catalog.h"
#include "jobs/BackupManifest.h"

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
};

QTEST_GUILESS_MAIN(TestBackupManifest)
#include "TestBackupManifest.moc"
