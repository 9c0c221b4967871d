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

    void refusesSlugsThatAreNotWholeStrings_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        for (const char *field : { "siteId", "siteCustomer" }) {
            for (const char *value : { "shop\n", "sh/op", "..", ".shop", "../shop", " shop" })
                QTest::addRow("%s %s", field, value) << QString::fromLatin1(field) << QString::fromLatin1(value);
        }
    }

    void refusesSlugsThatAreNotWholeStrings()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        SiteEditorDialog dialog;
        dialog.findChild<QLineEdit *>(QStringLiteral("siteId"))->setText(QStringLiteral("shop"));
        dialog.findChild<QLineEdit *>(QStringLiteral("siteCustomer"))->setText(QStringLiteral("acme"));
        QVERIFY(dialog.validationError().isEmpty());
        dialog.findChild<QLineEdit *>(field)->setText(value);
        QVERIFY2(!dialog.validationError().isEmpty(), qPrintable(value));
        // Save keeps the dialog open and says why.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("siteEditorError"))->text().isEmpty());
    }

    void editsTlsPerEnvironment()
    {
        SiteEditorDialog dialog;
        auto *mode = dialog.findChild<QComboBox *>(QStringLiteral("tlsMode_prod"));
        auto *ca = dialog.findChild<QLineEdit *>(QStringLiteral("tlsCa_prod"));
        QVERIFY(mode && ca);
        QCOMPARE(mode->currentData().toInt(), int(MySqlTlsMode::Preferred));
        QCOMPARE(mode->count(), 5);
        QVERIFY(!ca->isEnabled()); // only the verify modes use a CA

        Site site;
        site.id = QStringLiteral("shop");
        site.customer = QStringLiteral("acme");
        EnvironmentConfig prod;
        prod.siteId = site.id;
        prod.endpoint.database = QStringLiteral("shop");
        prod.endpoint.user = QStringLiteral("u");
        prod.endpoint.tlsMode = MySqlTlsMode::VerifyCa;
        prod.endpoint.tlsCa = QStringLiteral(CREODROP_SOURCE_DIR "/CMakeLists.txt"); // any readable file
        dialog.setSite(site, { prod });
        QCOMPARE(mode->currentData().toInt(), int(MySqlTlsMode::VerifyCa));
        QVERIFY(ca->isEnabled());
        QCOMPARE(ca->text(), prod.endpoint.tlsCa);
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        QCOMPARE(dialog.environments().first().endpoint.tlsMode, MySqlTlsMode::VerifyCa);
        QCOMPARE(dialog.environments().first().endpoint.tlsCa, prod.endpoint.tlsCa);

        ca->setText(QStringLiteral("/nonexistent/ca.pem"));
        QVERIFY(dialog.validationError().contains(QLatin1String("/nonexistent/ca.pem")));

        mode->setCurrentIndex(mode->findData(int(MySqlTlsMode::Required)));
        QVERIFY(!ca->isEnabled());
        QCOMPARE(dialog.environments().first().endpoint.tlsMode, MySqlTlsMode::Required);
        QVERIFY(dialog.environments().first().endpoint.tlsCa.isEmpty()); // not used, not stored
        QVERIFY(dialog.validationError().isEmpty());

        QSignalSpy test(&dialog, &SiteEditorDialog::testConnectionRequested);
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection_prod"))->click();
        QCOMPARE(test.count(), 1);
        QCOMPARE(test.at(0).at(1).value<MySqlEndpoint>().tlsMode, MySqlTlsMode::Required);
    }
};

QTEST_MAIN(TestSiteEditorDialog)
#include "TestSiteEditorDialog.moc"
