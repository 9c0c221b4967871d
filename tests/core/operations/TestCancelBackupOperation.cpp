// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../catalog/FakeClock.h"
#include "catalog/Catalog.h"
#include "operations/CancelBackupOperation.h"

#include <QTemporaryDir>
#include <QtTest>

class TestCancelBackupOperation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pendingIsCancelledAtOnce();
    void inProgressGetsARequest();
    void secondRequestChangesNothing();
    void finishedIsRefused_data();
    void finishedIsRefused();
    void unknownIsRefused();

private:
    OperationContext context(const QString &actor = QStringLiteral("alice"))
    {
        OperationContext c;
        c.catalog = m_catalog.get();
        c.clock = &m_clock;
        c.actor = actor;
        c.workerId = QStringLiteral("host:1:test");
        c.heartbeatSeconds = 10;
        return c;
    }
    BackupRecord newBackup()
    {
        const BackupRecord r = m_catalog->createBackup(QStringLiteral("shop"), Environment::Prod, BackupType::Manual,
                                                       QStringLiteral("bob"));
        m_clock.advance(1);
        return r;
    }
    /// The newest audit entry, which must be the operation's.
    AuditEntry lastAudit() const { return m_catalog->auditLog({}, 1).value(0); }

    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Catalog> m_catalog;
    int m_counter = 0;
};

void TestCancelBackupOperation::init()
{
    CatalogLocation loc;
    loc.sqlitePath = m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_counter));
    QString error;
    m_catalog = Catalog::open(loc, &m_clock, &error);
    QVERIFY2(m_catalog, qPrintable(error));
    Site site;
    site.id = QStringLiteral("shop");
    site.name = QStringLiteral("Shop");
    site.customer = QStringLiteral("acme");
    site.tier = Tier::Developer;
    QVERIFY2(m_catalog->addSite(site), qPrintable(m_catalog->lastError()));
}

void TestCancelBackupOperation::cleanup()
{
    m_catalog.reset();
}

void TestCancelBackupOperation::pendingIsCancelledAtOnce()
{
    const BackupRecord b = newBackup();
    QVERIFY(b.isValid());
    CancelBackupOperation operation(context());
    const OperationResult result = operation.run(b.id);
    QVERIFY2(result.succeeded(), qPrintable(result.message));
    QVERIFY(operation.finishedAtOnce());
    const auto row = m_catalog->backup(b.id);
    QCOMPARE(row->status, BackupStatus::Cancelled);
    QVERIFY(row->finishedAt.isValid());
    QCOMPARE(row->cancelRequestedBy, QStringLiteral("alice"));
    QVERIFY(row->errorText.contains(QLatin1String("alice")));
    // A worker that tries to claim it now finds nothing to run.
    QVERIFY(!m_catalog->claimBackup(b.id, QStringLiteral("host:2:w"), 10));
    const AuditEntry entry = lastAudit();
    QCOMPARE(entry.action, QStringLiteral("backup.cancel"));
    QCOMPARE(entry.actor, QStringLiteral("alice"));
    QCOMPARE(entry.backupId, b.id);
    QCOMPARE(entry.siteId, QStringLiteral("shop"));
    QCOMPARE(entry.environment, std::optional<Environment>(Environment::Prod));
    QCOMPARE(entry.outcome, AuditOutcome::Success);
}

void TestCancelBackupOperation::inProgressGetsARequest()
{
    const BackupRecord b = newBackup();
    QVERIFY(m_catalog->claimBackup(b.id, QStringLiteral("host:2:runner"), 5));
    const int auditsBefore = m_catalog->auditLog({}, 1000).size();
    CancelBackupOperation operation(context());
    const OperationResult result = operation.run(b.id);
    QVERIFY2(result.succeeded(), qPrintable(result.message));
    QVERIFY(!operation.finishedAtOnce());
    QVERIFY2(result.message.contains(QLatin1String("host:2:runner")), qPrintable(result.message));
    // Only the runner ends it: the row stays In Progress with the request on it.
    const auto row = m_catalog->backup(b.id);
    QCOMPARE(row->status, BackupStatus::InProgress);
    QCOMPARE(row->cancelRequestedAt, m_clock.nowUtc());
    QCOMPARE(row->cancelRequestedBy, QStringLiteral("alice"));
    QCOMPARE(m_catalog->auditLog({}, 1000).size(), auditsBefore + 1);
    QCOMPARE(lastAudit().outcome, AuditOutcome::Success);
    // The runner's heartbeat still works, and it ends the row Cancelled itself.
    QVERIFY(m_catalog->heartbeat(b.id, QStringLiteral("host:2:runner")));
    QVERIFY(m_catalog->failBackup(b.id, BackupStatus::Cancelled, QStringLiteral("Cancelled by alice.")));
}

void TestCancelBackupOperation::secondRequestChangesNothing()
{
    const BackupRecord b = newBackup();
    QVERIFY(m_catalog->claimBackup(b.id, QStringLiteral("host:2:runner"), 5));
    QVERIFY(CancelBackupOperation(context()).run(b.id).succeeded());
    const QDateTime first = m_catalog->backup(b.id)->cancelRequestedAt;
    m_clock.advance(30);
    const OperationResult again = CancelBackupOperation(context(QStringLiteral("carol"))).run(b.id);
    QVERIFY2(again.succeeded(), qPrintable(again.message));
    QVERIFY2(again.message.contains(QLatin1String("already")), qPrintable(again.message));
    const auto row = m_catalog->backup(b.id);
    QCOMPARE(row->cancelRequestedAt, first);
    QCOMPARE(row->cancelRequestedBy, QStringLiteral("alice"));
    QCOMPARE(lastAudit().actor, QStringLiteral("carol"));
}

void TestCancelBackupOperation::finishedIsRefused_data()
{
    QTest::addColumn<int>("statusValue");
    QTest::newRow("completed") << int(BackupStatus::Completed);
    QTest::newRow("failed") << int(BackupStatus::Failed);
    QTest::newRow("cancelled") << int(BackupStatus::Cancelled);
}

void TestCancelBackupOperation::finishedIsRefused()
{
    QFETCH(int, statusValue);
    const auto status = BackupStatus(statusValue);
    const BackupRecord b = newBackup();
    QVERIFY(m_catalog->claimBackup(b.id, QStringLiteral("host:2:runner"), 5));
    if (status == BackupStatus::Completed)
        QVERIFY(m_catalog->completeBackup(b.id, QStringLiteral("host:2:runner"), 10, 20, QStringLiteral("ab")));
    else
        QVERIFY(m_catalog->failBackup(b.id, status, QStringLiteral("boom")));
    const BackupRecord before = *m_catalog->backup(b.id);
    const OperationResult result = CancelBackupOperation(context()).run(b.id);
    QCOMPARE(result.outcome, AuditOutcome::Refused);
    QVERIFY2(result.message.contains(b.id), qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("nothing to cancel")), qPrintable(result.message));
    const BackupRecord after = *m_catalog->backup(b.id);
    QCOMPARE(after.status, before.status);
    QVERIFY(!after.cancelRequestedAt.isValid());
    const AuditEntry entry = lastAudit();
    QCOMPARE(entry.action, QStringLiteral("backup.cancel"));
    QCOMPARE(entry.outcome, AuditOutcome::Refused);
    QCOMPARE(entry.siteId, QStringLiteral("shop"));
}

void TestCancelBackupOperation::unknownIsRefused()
{
    const QString id = QStringLiteral("20261125T120000000Z-00000000");
    const OperationResult result = CancelBackupOperation(context()).run(id);
    QCOMPARE(result.outcome, AuditOutcome::Refused);
    QVERIFY2(result.message.contains(QLatin1String("no backup")), qPrintable(result.message));
    const AuditEntry entry = lastAudit();
    QCOMPARE(entry.action, QStringLiteral("backup.cancel"));
    QCOMPARE(entry.backupId, id);
    QCOMPARE(entry.outcome, AuditOutcome::Refused);
    QVERIFY(!entry.environment);
}

QTEST_GUILESS_MAIN(TestCancelBackupOperation)
#include "TestCancelBackupOperation.moc"
