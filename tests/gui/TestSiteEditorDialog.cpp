// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SiteEditorDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

class TestSiteEditorDialog : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        SiteEditorDialog dialog;
        QCOMPARE(dialog.objectName(), QStringLiteral("SiteEditorDialog"));
        auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("environmentTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 3);
        QVERIFY(tabs->isTabVisible(0));
        QVERIFY(!tabs->isTabVisible(2)); // basic tier by default: prod only
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("password_prod"))->echoMode(), QLineEdit::Password);
    }

    void validatesSlugsAndCollectsEnvironments()
    {
        SiteEditorDialog dialog;
        dialog.findChild<QLineEdit *>(QStringLiteral("siteId"))->setText(QStringLiteral("Bad Slug"));
        dialog.findChild<QLineEdit *>(QStringLiteral("siteCustomer"))->setText(QStringLiteral("acme"));
        QVERIFY(!dialog.validationError().isEmpty());
        dialog.findChild<QLineEdit *>(QStringLiteral("siteId"))->setText(QStringLiteral("acme-shop"));
        QVERIFY(dialog.validationError().isEmpty());
        dialog.findChild<QComboBox *>(QStringLiteral("siteTierCombo"))->setCurrentIndex(1);
        dialog.findChild<QLineEdit *>(QStringLiteral("database_dev"))->setText(QStringLiteral("shop_dev"));
        dialog.findChild<QLineEdit *>(QStringLiteral("user_dev"))->setText(QStringLiteral("shop"));
        dialog.findChild<QLineEdit *>(QStringLiteral("password_dev"))->setText(QStringLiteral("pw"));
        const QVector<EnvironmentConfig> envs = dialog.environments();
        QCOMPARE(envs.size(), 1);
        QCOMPARE(envs.first().environment, Environment::Dev);
        QCOMPARE(envs.first().endpoint.database, QStringLiteral("shop_dev"));
        QVERIFY(envs.first().endpoint.password.isEmpty()); // the password travels separately
        QCOMPARE(dialog.password(Environment::Dev), QStringLiteral("pw"));
        QVERIFY(!dialog.passwordChanged(Environment::Prod));
        QCOMPARE(dialog.site().tier, Tier::Developer);

        QSignalSpy test(&dialog, &SiteEditorDialog::testConnectionRequested);
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection_dev"))->click();
        QCOMPARE(test.count(), 1);
        QCOMPARE(test.at(0).at(2).toString(), QStringLiteral("pw"));
        dialog.showTestResult(test.at(0).at(0).toString(), true, QStringLiteral("Connected to MariaDB 10.11"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("testResult_dev"))->text().contains(QStringLiteral("10.11")));
    }
};

QTEST_MAIN(TestSiteEditorDialog)
#include "TestSiteEditorDialog.moc"
