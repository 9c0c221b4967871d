// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Restore / Sync dialog's rules without services: it asks for a preflight whenever the
// choice changes and drops stale answers; Restore stays disabled until the preflight arrived,
// refuses nothing and, for prod, the typed confirmation is exactly SITE/prod; a sync needs two
// different environments and never sanitizes prod.
#include "GuiTestData.h"
#include "restore/RestoreDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace GuiTestData;

class TestRestoreDialog : public QObject
{
    Q_OBJECT

    static RestorePreflight reachable(const QString &siteId, Environment target)
    {
        RestorePreflight p;
        p.siteId = siteId;
        p.target = target;
        p.targetEndpoint = QStringLiteral("app@db:3306/shop");
        p.targetReachable = true;
        p.targetSizeBytes = 3 * 1024 * 1024;
        p.targetTables = 12;
        p.requiredConfirmation = RestoreRequest::requiredConfirmation(siteId, target);
        p.steps << QStringLiteral("verify") << QStringLiteral("pre-restore backup") << QStringLiteral("replace")
                << QStringLiteral("check");
        return p;
    }

    static int indexOf(QComboBox *combo, Environment env)
    {
        return combo->findData(QVariant::fromValue(static_cast<int>(env)));
    }

private slots:
    void prodNeedsTheExactConfirmation()
    {
        const Site shop
            = site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer);
        RestoreDialog dialog;
        int asked = 0;
        QString pending;
        connect(&dialog, &RestoreDialog::preflightRequested, this, [&] {
            ++asked;
            pending = QStringLiteral("r%1").arg(asked);
            dialog.setPendingRequest(pending);
        });
        dialog.setBackup(shop, backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::Completed, t0(), 10));
        QCOMPARE(asked, 1);
        QCOMPARE(dialog.target(), Environment::Prod); // the backup's own environment
        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
        QVERIFY2(
            summary.startsWith(QLatin1String("Replace the database of acme-shop/prod with the manual backup of prod "
                                             "from ")),
            qPrintable(summary));
        QVERIFY(!dialog.runButton()->isEnabled()); // no preflight yet
        QVERIFY(!dialog.confirmEdit()->isHidden());

        dialog.setPreflight(QStringLiteral("stale"), reachable(shop.id, Environment::Prod), QString());
        QVERIFY(!dialog.hasPreflight());
        dialog.setPreflight(pending, reachable(shop.id, Environment::Prod), QString());
        QVERIFY(dialog.hasPreflight());
        QVERIFY(!dialog.runButton()->isEnabled()); // not confirmed

        QTest::keyClicks(dialog.confirmEdit(), QStringLiteral("acme-shop/dev"));
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.confirmEdit()->clear();
        QTest::keyClicks(dialog.confirmEdit(), QStringLiteral("acme-shop/prod "));
        QVERIFY(!dialog.runButton()->isEnabled()); // exactly, no trailing space
        dialog.confirmEdit()->clear();
        QTest::keyClicks(dialog.confirmEdit(), QStringLiteral("acme-shop/prod"));
        QVERIFY(dialog.runButton()->isEnabled());
        QCOMPARE(dialog.restoreRequest().confirmation, QStringLiteral("acme-shop/prod"));
        QCOMPARE(dialog.restoreRequest().sourceBackupId, QStringLiteral("b1"));

        // Another target: a new preflight, no confirmation needed.
        dialog.targetCombo()->setCurrentIndex(indexOf(dialog.targetCombo(), Environment::Dev));
        QCOMPARE(asked, 2);
        QVERIFY(!dialog.runButton()->isEnabled());
        QVERIFY(dialog.confirmEdit()->isHidden());
        dialog.setPreflight(pending, reachable(shop.id, Environment::Dev), QString());
        QVERIFY(dialog.runButton()->isEnabled());
        QCOMPARE(dialog.restoreRequest().target, Environment::Dev);

        // What refuses the restore is shown and keeps it disabled.
        RestorePreflight locked = reachable(shop.id, Environment::Dev);
        locked.problems << QStringLiteral("acme-shop/dev is locked: a restore by sam is running");
        dialog.targetCombo()->setCurrentIndex(indexOf(dialog.targetCombo(), Environment::Stage));
        dialog.setPreflight(pending, locked, QString());
        QVERIFY(!dialog.runButton()->isEnabled());
        auto *problems = dialog.findChild<QLabel *>(QStringLiteral("problems"));
        QVERIFY(problems && !problems->isHidden());
        QVERIFY(problems->text().contains(QStringLiteral("locked")));
    }

    // A dialog taller than its contents (a large screen, or rows that went away with the choice,
    // such as prod's typed confirmation) keeps its groups together at the top: the room goes
    // below them, above the buttons, not into gaps between them.
    void extraRoomGoesBelowTheGroups()
    {
        const Site shop
            = site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer);
        RestoreDialog dialog;
        QString pending;
        connect(&dialog, &RestoreDialog::preflightRequested, this, [&] {
            pending = QStringLiteral("r%1").arg(pending.size());
            dialog.setPendingRequest(pending);
        });
        dialog.setBackup(shop, backup(QStringLiteral("b1"), Environment::Prod, BackupStatus::Completed, t0(), 10));
        dialog.setPreflight(pending, reachable(shop.id, Environment::Prod), QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.resize(dialog.width(), dialog.height() + 120);
        auto *summary = dialog.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        auto *source = dialog.findChild<QWidget *>(QStringLiteral("sourceGroup"));
        QVERIFY(summary && source);
        const int spacing = dialog.layout()->spacing();
        auto packed = [&] {
            dialog.layout()->activate();
            return summary->height() == summary->heightForWidth(summary->width())
                && source->y() - dialog.targetCombo()->geometry().bottom() - 1 == spacing;
        };
        QVERIFY(!dialog.confirmEdit()->isHidden());
        QVERIFY(packed());
        dialog.targetCombo()->setCurrentIndex(indexOf(dialog.targetCombo(), Environment::Dev));
        dialog.setPreflight(pending, reachable(shop.id, Environment::Dev), QString());
        QVERIFY(dialog.confirmEdit()->isHidden());
        QVERIFY(packed());
    }

    void fileRestoreShowsThePath()
    {
        const Site blog = site(QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("acme"), Tier::Basic);
        RestoreDialog dialog;
        connect(&dialog, &RestoreDialog::preflightRequested, this,
                [&] { dialog.setPendingRequest(QStringLiteral("f")); });
        dialog.setFile(blog, QStringLiteral("/tmp/customer-dump.sql.gz"), Environment::Prod);
        QCOMPARE(dialog.targetCombo()->count(), 1); // basic tier: prod only
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("sourceDescription"))
                    ->text()
                    .contains(QStringLiteral("customer-dump.sql.gz")));
        RestorePreflight p = reachable(blog.id, Environment::Prod);
        p.filePath = QStringLiteral("/tmp/customer-dump.sql.gz");
        p.fileSizeBytes = 2048;
        p.targetViews = 1;
        p.targetTriggers = 2;
        dialog.setPreflight(QStringLiteral("f"), p, QString());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("targetObjects"))->text(),
                 QStringLiteral("12 tables, 1 view, 0 routines, 2 triggers, 0 events"));
        QVERIFY(!dialog.runButton()->isEnabled());
        QTest::keyClicks(dialog.confirmEdit(), QStringLiteral("blog/prod"));
        QVERIFY(dialog.runButton()->isEnabled());
        QVERIFY(dialog.restoreRequest().sourceBackupId.isEmpty());
    }

    void syncValidation()
    {
        const Site shop
            = site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer);
        RestoreDialog dialog;
        int asked = 0;
        connect(&dialog, &RestoreDialog::preflightRequested, this, [&] {
            ++asked;
            dialog.setPendingRequest(QStringLiteral("s"));
        });
        dialog.setSync(shop, Environment::Prod, Environment::Dev);
        QCOMPARE(asked, 1);
        QVERIFY(!dialog.sourceCombo()->isHidden());
        RestorePreflight toDev = reachable(shop.id, Environment::Dev);
        toDev.steps = QStringList{ QStringLiteral("lock dev"),
                                   QStringLiteral("sanitize: none\nthen the site's SQL:\nDELETE FROM t;") };
        dialog.setPreflight(QStringLiteral("s"), toDev, QString());
        // One list item per step, its later lines (the site's SQL) as lines of their own.
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("steps"))->text().count(QLatin1String("<li>")), 2);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("steps"))
                    ->text()
                    .contains(QLatin1String("<li>sanitize: none<br>then the site's SQL:<br>DELETE FROM t;</li>")));
        QVERIFY(dialog.runButton()->isEnabled()); // dev: no typed confirmation
        QVERIFY(dialog.sanitizeCombo()->isEnabled());
        dialog.sanitizeCombo()->setCurrentIndex(1);
        QTest::mouseClick(dialog.skipCacheDataBox(), Qt::LeftButton);
        SyncRequest request = dialog.syncRequest();
        QCOMPARE(request.from, Environment::Prod);
        QCOMPARE(request.to, Environment::Dev);
        QCOMPARE(request.sanitize, SanitizeProfile::WordPress);
        QVERIFY(request.skipCacheData);

        // From equal to to: refused at once, no preflight asked.
        const int before = asked;
        dialog.sourceCombo()->setCurrentIndex(indexOf(dialog.sourceCombo(), Environment::Dev));
        QCOMPARE(asked, before);
        QVERIFY(!dialog.runButton()->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("problems"))->text().contains(QStringLiteral("different")));

        // Into prod: no sanitizing, typed confirmation.
        dialog.targetCombo()->setCurrentIndex(indexOf(dialog.targetCombo(), Environment::Prod));
        QVERIFY(!dialog.sanitizeCombo()->isEnabled());
        QCOMPARE(dialog.syncRequest().sanitize, SanitizeProfile::None);
        dialog.setPreflight(QStringLiteral("s"), reachable(shop.id, Environment::Prod), QString());
        QVERIFY(!dialog.runButton()->isEnabled());
        QTest::keyClicks(dialog.confirmEdit(), QStringLiteral("acme-shop/prod"));
        QVERIFY(dialog.runButton()->isEnabled());
        QCOMPARE(dialog.syncRequest().confirmation, QStringLiteral("acme-shop/prod"));
    }

    void mnemonicsFocusTheirFields()
    {
        const Site shop
            = site(QStringLiteral("acme-shop"), QStringLiteral("Acme"), QStringLiteral("acme"), Tier::Developer);
        RestoreDialog dialog;
        dialog.setSync(shop, Environment::Prod, Environment::Prod);
        for (const char *name : { "fromLabel", "targetLabel", "sanitizeLabel", "confirmLabel" }) {
            auto *label = dialog.findChild<QLabel *>(QString::fromLatin1(name));
            QVERIFY2(label && label->buddy(), name);
            QVERIFY(label->text().contains(QLatin1Char('&')));
        }
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("confirmLabel"))->buddy(), dialog.confirmEdit());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("targetLabel"))->buddy(), dialog.targetCombo());
    }
};

QTEST_MAIN(TestRestoreDialog)
#include "TestRestoreDialog.moc"
