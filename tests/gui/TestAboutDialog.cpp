// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Help > About shows the one product version (CMake project(VERSION), the same as --version and
// the package), the license of the SPDX headers and the Qt version; the window icon has every
// size the package installs.
#include "mainwindow/AboutDialog.h"
#include "mainwindow/AppIcon.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsVersionLicenseAndQt()
    {
        AboutDialog dialog;
        QCOMPARE(dialog.objectName(), QStringLiteral("AboutDialog"));
        auto text = [&dialog](const char *name) {
            auto *label = dialog.findChild<QLabel *>(QString::fromLatin1(name));
            return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
        };
        // CREODROP_VERSION is what CMake's project(VERSION) passes to every target.
        QVERIFY2(text("versionLabel").endsWith(QStringLiteral(" " CREODROP_VERSION)), qPrintable(text("versionLabel")));
        QVERIFY2(text("licenseLabel").contains(QStringLiteral("GPL-3.0-or-later")), qPrintable(text("licenseLabel")));
        QVERIFY2(text("qtLabel").contains(QString::fromLatin1(qVersion())), qPrintable(text("qtLabel")));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("logoLabel"))->pixmap().isNull());

        const QString plain = dialog.plainText();
        QVERIFY(plain.startsWith(QStringLiteral("Creodrop Backups " CREODROP_VERSION ", GPL-3.0-or-later, Qt ")));
        dialog.findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), plain);
    }

    void helpMenuOpensOneDialog()
    {
        MainWindow window(nullptr, nullptr, nullptr);
        QAction *about = window.action(QStringLiteral("actionAbout"));
        QVERIFY(about);
        about->trigger();
        about->trigger(); // a second click raises the open dialog instead of stacking another
        const auto dialogs = window.findChildren<AboutDialog *>();
        QCOMPARE(dialogs.size(), 1);
        QVERIFY(dialogs.first()->isVisible());
        dialogs.first()->close();
    }

    void iconHasEveryPackagedSize()
    {
        const QIcon icon = AppIcon::icon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (int size : AppIcon::pngSizes())
            QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QString::number(size)));
        QCOMPARE(icon.pixmap(QSize(256, 256)).size(), QSize(256, 256));
        MainWindow window(nullptr, nullptr, nullptr);
        QVERIFY(!window.windowIcon().isNull());
    }
};

QTEST_MAIN(TestAboutDialog)
#include "TestAboutDialog.moc"
