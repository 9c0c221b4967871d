// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/SecretStore.h"
#include "settings/SettingsDialog.h"
#include "util/AppSettings.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        SettingsDialog dialog(&settings);
        QCOMPARE(dialog.objectName(), QStringLiteral("SettingsDialog"));
        QCOMPARE(dialog.tabs()->count(), 3);
        QCOMPARE(dialog.secretKeyField()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("storageKind"))->currentData().toString(),
                 QStringLiteral("local"));
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("jobConcurrency"))->value(), 2);
    }

    void savesValuesButNeverSecrets()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        {
            AppSettings settings(ini);
            SettingsDialog dialog(&settings);
            auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("storageKind"));
            kind->setCurrentIndex(1);
            dialog.findChild<QLineEdit *>(QStringLiteral("storageEndpoint"))
                ->setText(QStringLiteral("https://acc.r2.cloudflarestorage.com"));
            dialog.findChild<QLineEdit *>(QStringLiteral("storageBucket"))->setText(QStringLiteral("backups"));
            dialog.findChild<QLineEdit *>(QStringLiteral("storageAccessKeyId"))->setText(QStringLiteral("AKID"));
            QTest::keyClicks(dialog.secretKeyField(), QStringLiteral("s3cr3t-value"));
            dialog.findChild<QSpinBox *>(QStringLiteral("jobConcurrency"))->setValue(4);
            QCOMPARE(dialog.changedSecrets().value(SecretStore::s3SecretKey()), QStringLiteral("s3cr3t-value"));
            dialog.accept();
            QCOMPARE(settings.string(AppSettings::StorageKind), QStringLiteral("s3"));
            QCOMPARE(settings.string(AppSettings::StorageBucket), QStringLiteral("backups"));
            QCOMPARE(settings.integer(AppSettings::JobConcurrency), 4);
            settings.sync();
        }
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("AKID"));
        QVERIFY(!content.contains("s3cr3t-value"));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
