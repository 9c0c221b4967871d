// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog-only operations: SaveSiteOperation, SetEnvironmentJob (password to the secret
// store), CreateBackupOperation's refusals and PinBackupOperation. Each run writes exactly one
// audit entry with its outcome. One executable for the small classes sharing this fixture.
#include "LocalOperationsFixture.h"
#include "catalog/Catalog.h"
#include "operations/CreateBackupOperation.h"
#include "operations/PinBackupOperation.h"
#include "operations/SaveSiteOperation.h"
#include "operations/SetEnvironmentJob.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestCatalogOperations : public QObject
{
    Q_OBJECT

private:
    LocalOperationsFixture m_fx;

    OperationContext context() { return m_fx.context(QStringLiteral("editor")); }

    int auditCount() const { return m_fx.catalog->auditLog(QString(), 1000).size(); }
    AuditEntry lastAudit() const
    {
        const auto log = m_fx.catalog->auditLog(QString(), 1);
        return log.isEmpty() ? AuditEntry() : log.first();
    }

    EnvironmentConfig prod() const
    {
        EnvironmentConfig c;
        c.siteId = QStringLiteral("shop");
        c.environment = Environment::Prod;
        c.endpoint.host = QStringLiteral("db");
        c.endpoint.database = QStringLiteral("shop");
        c.endpoint.user = QStringLiteral("u");
        c.endpoint.password = QStringLiteral("never-in-the-catalog");
        return c;
    }

    bool run(Job &job)
    {
        job.setAutoDelete(false);
        QSignalSpy done(&job, &Job::finished);
        job.start();
        return !done.isEmpty() || done.wait(10000);
    }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
    }

    void sitesAndEnvironments()
    {
        Site site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Basic, {} };
        QVERIFY(SaveSiteOperation(context()).run(site, SaveSiteOperation::Mode::Add).succeeded());
        QCOMPARE(lastAudit().action, QStringLiteral("site.add"));
        QCOMPARE(lastAudit().actor, QStringLiteral("editor"));
        QCOMPARE(SaveSiteOperation(context()).run(site, SaveSiteOperation::Mode::Add).outcome, AuditOutcome::Refused);
        QCOMPARE(lastAudit().outcome, AuditOutcome::Refused);
        site.name = QStringLiteral("Shop 2");
        QVERIFY(SaveSiteOperation(context()).run(site, SaveSiteOperation::Mode::AddOrEdit).succeeded());
        QCOMPARE(lastAudit().action, QStringLiteral("site.edit"));
        QCOMPARE(m_fx.catalog->site(QStringLiteral("shop"))->name, QStringLiteral("Shop 2"));
        Site bad = site;
        bad.id = QStringLiteral("Bad Id");
        QCOMPARE(SaveSiteOperation(context()).run(bad, SaveSiteOperation::Mode::AddOrEdit).outcome,
                 AuditOutcome::Refused);

        // The endpoint to the catalog, the password to the secret store, one env.set entry.
        const int before = auditCount();
        SetEnvironmentJob set(context(), prod(), QStringLiteral("pw"));
        QVERIFY(run(set));
        QVERIFY2(set.succeeded(), qPrintable(set.errorString()));
        QCOMPARE(auditCount(), before + 1);
        QCOMPARE(lastAudit().action, QStringLiteral("env.set"));
        QCOMPARE(lastAudit().environment, std::optional<Environment>(Environment::Prod));
        QCOMPARE(m_fx.secrets.contents().value(prod().secretKey()), QStringLiteral("pw"));
        QVERIFY(m_fx.catalog->environment(QStringLiteral("shop"), Environment::Prod)->endpoint.password.isEmpty());
        // A failing secret store: the endpoint is saved, the failure says so and is audited.
        m_fx.secrets.setFailure(QStringLiteral("locked"));
        SetEnvironmentJob failing(context(), prod(), QStringLiteral("pw2"));
        QVERIFY(run(failing));
        QVERIFY(!failing.succeeded());
        QVERIFY(failing.endpointSaved());
        QCOMPARE(lastAudit().outcome, AuditOutcome::Failure);
        m_fx.secrets.setFailure(QString());
        // Stage on a basic site: refused, nothing written.
        EnvironmentConfig stage = prod();
        stage.environment = Environment::Stage;
        SetEnvironmentJob refused(context(), stage, std::nullopt);
        QVERIFY(run(refused));
        QCOMPARE(refused.outcome(), AuditOutcome::Refused);
        QVERIFY(!m_fx.catalog->environment(QStringLiteral("shop"), Environment::Stage));
    }

    void createAndPin()
    {
        QVERIFY(m_fx.catalog->addSite(
            Site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Basic, {} }));
        // No endpoint yet: refused with the way out, no row.
        CreateBackupOperation first(context());
        const OperationResult noEndpoint = first.run(QStringLiteral("shop"), Environment::Prod, BackupType::Manual);
        QCOMPARE(noEndpoint.outcome, AuditOutcome::Refused);
        QVERIFY2(noEndpoint.message.contains(QLatin1String("env set")), qPrintable(noEndpoint.message));
        QCOMPARE(
            CreateBackupOperation(context()).run(QStringLiteral("nope"), Environment::Prod, BackupType::Manual).outcome,
            AuditOutcome::Refused);
        QCOMPARE(
            CreateBackupOperation(context()).run(QStringLiteral("shop"), Environment::Dev, BackupType::Manual).outcome,
            AuditOutcome::Refused);
        QVERIFY(m_fx.catalog->backups(QStringLiteral("shop")).isEmpty());
        QCOMPARE(auditCount(), 3);

        QVERIFY(m_fx.catalog->setEnvironment(prod()));
        CreateBackupOperation create(context());
        QVERIFY(create.run(QStringLiteral("shop"), Environment::Prod, BackupType::Manual).succeeded());
        QCOMPARE(create.record().status, BackupStatus::Pending);
        QCOMPARE(create.record().createdBy, QStringLiteral("editor"));
        QCOMPARE(auditCount(), 4); // one entry, not a second one from the catalog
        QCOMPARE(lastAudit().action, QStringLiteral("backup.create"));
        QCOMPARE(lastAudit().backupId, create.record().id);

        QVERIFY(PinBackupOperation(context()).run(create.record().id, true).succeeded());
        QVERIFY(m_fx.catalog->backup(create.record().id)->pinned);
        QCOMPARE(lastAudit().action, QStringLiteral("backup.pin"));
        QVERIFY(PinBackupOperation(context()).run(create.record().id, false).succeeded());
        QCOMPARE(lastAudit().action, QStringLiteral("backup.unpin"));
        QCOMPARE(PinBackupOperation(context()).run(QStringLiteral("20200101T000000000Z-00000000"), true).outcome,
                 AuditOutcome::Refused);
        QCOMPARE(auditCount(), 7);
    }
};

QTEST_GUILESS_MAIN(TestCatalogOperations)
#include "TestCatalogOperations.moc"
