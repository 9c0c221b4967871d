// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SyncJob's preflight for people: steps() for the console's list, plan() for the command line,
// the same steps in both, numbered once. (Running a sync is tested against MariaDB by
// TestCliEnvSync and TestBackupService.)
#include "LocalOperationsFixture.h"
#include "operations/SyncJob.h"

#include <QtTest>

class TestSyncJob : public QObject
{
    Q_OBJECT

private:
    LocalOperationsFixture m_fx;

    SyncRequest request(Environment to) const
    {
        SyncRequest r;
        r.siteId = QStringLiteral("shop");
        r.from = Environment::Prod;
        r.to = to;
        return r;
    }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fx.openWithShop(Tier::Developer, &error), qPrintable(error));
        QVERIFY(m_fx.catalog->setEnvironment(LocalOperationsFixture::shopEnvironment(Environment::Dev)));
    }

    void stepsAreListedOnceNumberedOnlyByThePlan()
    {
        const QString custom = QStringLiteral("UPDATE wp_options SET option_value = 'x';\nDELETE FROM wp_sessions;");
        QVERIFY(
            m_fx.catalog->setSanitizeSql(QStringLiteral("shop"), custom + QStringLiteral("\n\n"), QStringLiteral("t")));
        const QStringList steps = SyncJob::steps(m_fx.catalog.get(), request(Environment::Dev));
        QCOMPARE(steps.size(), 4);
        for (const QString &step : steps)
            QVERIFY2(!step.at(0).isDigit(), qPrintable(step)); // the console's list numbers them
        QVERIFY2(steps.at(0).startsWith(QLatin1String("lock dev and take a pre-sync backup")), qPrintable(steps.at(0)));
        QCOMPARE(steps.at(2),
                 QStringLiteral("sanitize: no sanitizing\nthen the site's custom sanitizing SQL:\n") + custom);
        QVERIFY(steps.at(3).startsWith(QLatin1String("check: ")));

        const QStringList plan = SyncJob::plan(m_fx.catalog.get(), request(Environment::Dev));
        const QStringList expected{
            QStringLiteral("Sync shop: prod -> dev"),
            QStringLiteral("Target database: ")
                + m_fx.catalog->environment(QStringLiteral("shop"), Environment::Dev)->endpoint.describe(),
            QStringLiteral("1. ") + steps.at(0),
            QStringLiteral("2. ") + steps.at(1),
            QStringLiteral("3. sanitize: no sanitizing"),
            QStringLiteral("   then the site's custom sanitizing SQL:"),
            custom,
            QStringLiteral("4. ") + steps.at(3)
        };
        QCOMPARE(plan, expected);

        // Prod is never sanitized with the site's SQL.
        const QStringList toProd = SyncJob::steps(m_fx.catalog.get(), request(Environment::Prod));
        QCOMPARE(toProd.at(2), QStringLiteral("sanitize: no sanitizing"));
    }
};

QTEST_GUILESS_MAIN(TestSyncJob)
#include "TestSyncJob.moc"
