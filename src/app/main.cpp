// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/MainWindow.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("creodrop-backups"));
    QApplication::setOrganizationName(QStringLiteral("Creodrop"));
    QApplication::setApplicationVersion(Version::string());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Creodrop Backups admin console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    MainWindow window;
    window.show();
    return app.exec();
}
