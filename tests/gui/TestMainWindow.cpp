// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/JobsPanel.h"
#include "mainwindow/MainWindow.h"
#include "sites/SiteListWidget.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QTemporaryDir>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        MainWindow window(nullptr, nullptr, nullptr);
        QCOMPARE(window.objectName(), QStringLiteral("MainWindow"));
        QCOMPARE(window.windowTitle(), QStringLiteral("Creodrop Backups"));
        QVERIFY(window.centralWidget() != nullptr);
        QVERIFY(window.siteList());
        QVERIFY(window.sitePage());
        QVERIFY(window.jobsPanel());
        // Main actions have shortcuts.
        for (const char *name : { "actionCreateBackup", "actionDownload", "actionCopyLink", "actionDelete",
                                  "actionRefresh", "actionFindSite", "actionSettings", "actionEnvDev" }) {
            QAction *a = window.action(QString::fromLatin1(name));
            QVERIFY2(a, name);
            QVERIFY2(!a->shortcut().isEmpty(), name);
        }
        QVERIFY(!window.action(QStringLiteral("actionCreateBackup"))->isEnabled()); // no site yet
    }

    void firstRunAndWindowStateSaved()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        {
            MainWindow window(nullptr, &settings, nullptr);
            window.show();
            QVERIFY(window.findChild<QWidget *>(QStringLiteral("FirstRunPage"))->isVisible());
            window.resize(900, 640);
            window.close();
        }
        MainWindow again(nullptr, &settings, nullptr);
        QCOMPARE(again.size(), QSize(900, 640));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
