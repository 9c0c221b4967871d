// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// CreateLinkOperation: a 15-minute presigned URL from the S3 test server; refused (and audited
// as refused) for the local folder store and for a backup that is not completed.
#include "../catalog/FakeClock.h"
#include "TestServices.h"
#include "catalog/Catalog.h"
#include "operations/CreateLinkOperation.h"
#include "storage/LocalFolderStore.h"
#include "storage/S3ObjectStore.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

class TestCreateLinkOperation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Catalog> m_catalog;
    BackupRecord m_completed;
    BackupRecord m_pending;

    OperationContext context(ObjectStore *store)
    {
        OperationContext c;
        c.catalog = m_catalog.get();
        c.store = store;
        c.clock = &m_clock;
        c.actor = QStringLiteral("linker");
        return c;
    }

    AuditEntry lastAudit() const
    {
        const QVector<AuditEntry> log = m_catalog->auditLog(QString(), 1);
        return log.isEmpty() ? AuditEntry() : log.first();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CatalogLocation location;
        location.kind = CatalogLocation::Kind::Sqlite;
        location.sqlitePath = m_dir.filePath(QStringLiteral("catalog.sqlite"));
        QString error;
        m_catalog = Catalog::open(location, &m_clock, &error);
        QVERIFY2(m_catalog, qPrintable(error));
        QVERIFY(m_catalog->addSite(
            Site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Basic, {} }));
        m_completed = m_catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {});
        QVERIFY(m_catalog->claimBackup(m_completed.id, QStringLiteral("w")));
        QVERIFY(m_catalog->completeBackup(m_completed.id, QStringLiteral("w"), 1, 1, QString(64, u'a')));
        m_pending = m_catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual, {});
        QVERIFY(m_pending.isValid());
    }

    void linkFromS3()
    {
        CREODROP_REQUIRE_S3();
        const auto s3 = TestServices::s3();
        S3Config config;
        config.endpoint = QUrl(s3.endpoint);
        config.region = s3.region;
        config.bucket = s3.bucket;
        config.accessKeyId = s3.accessKeyId;
        config.secretAccessKey = s3.secretAccessKey;
        S3ObjectStore store(config, &m_nam);
        CreateLinkOperation operation(context(&store));
        const OperationResult result = operation.run(m_completed.id);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(QUrlQuery(operation.url()).queryItemValue(QStringLiteral("X-Amz-Expires")), QStringLiteral("900"));
        QVERIFY(operation.url().path().endsWith(m_completed.objectKey));
        QCOMPARE(operation.expiresAtUtc(), m_clock.nowUtc().addSecs(900));
        const AuditEntry e = lastAudit();
        QCOMPARE(e.action, QStringLiteral("backup.link"));
        QCOMPARE(e.outcome, AuditOutcome::Success);
        QCOMPARE(e.backupId, m_completed.id);
        QCOMPARE(e.siteId, QStringLiteral("shop"));
        QCOMPARE(e.environment, std::optional<Environment>(Environment::Prod));
        QCOMPARE(e.actor, QStringLiteral("linker"));
        // Not completed: refused, whatever the store.
        const OperationResult pending = CreateLinkOperation(context(&store)).run(m_pending.id);
        QCOMPARE(pending.outcome, AuditOutcome::Refused);
        QCOMPARE(lastAudit().outcome, AuditOutcome::Refused);
        QCOMPARE(lastAudit().backupId, m_pending.id);
    }

    void localStoreIsRefusedWithTheWayOut()
    {
        LocalFolderStore store(m_dir.filePath(QStringLiteral("store")));
        const int before = m_catalog->auditLog(QString(), 1000).size();
        CreateLinkOperation operation(context(&store));
        const OperationResult result = operation.run(m_completed.id);
        QCOMPARE(result.outcome, AuditOutcome::Refused);
        QVERIFY(operation.url().isEmpty());
        // Why, and what to do instead.
        QVERIFY2(result.message.contains(QLatin1String("local folder store")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QLatin1String("backup download ") + m_completed.id),
                 qPrintable(result.message));
        QCOMPARE(m_catalog->auditLog(QString(), 1000).size(), before + 1);
        QCOMPARE(lastAudit().action, QStringLiteral("backup.link"));
        QCOMPARE(lastAudit().outcome, AuditOutcome::Refused);
        QCOMPARE(lastAudit().detail, result.message);
    }
};

QTEST_GUILESS_MAIN(TestCreateLinkOperation)
#include "TestCreateLinkOperation.moc"
