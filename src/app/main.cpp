// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The desktop console's entry point: it only wires things together. The ServiceHost turns
// settings and keychain into the BackupService (which does all I/O in its own threads), and
// the MainWindow shows it.
#include "mainwindow/MainWindow.h"
#include "mainwindow/ServiceHost.h"
#include "mainwindow/Theme.h"
#include "operations/BackupService.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <sys/stat.h>

namespace {
void installTranslations(QApplication &app)
{
    // Our catalogs are compiled into the binary (qt_add_translations, prefix /i18n); Qt's own
    // (standard dialog buttons) come from the system when installed.
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("creodrop"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}
} // namespace

int main(int argc, char *argv[])
{
    // Before anything creates a file: what Qt and SQLite create themselves (settings' lock
    // files, the catalog's journal) follows the umask and must not be readable by others.
    ::umask(077);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("creodrop-backups"));
    QApplication::setApplicationDisplayName(QStringLiteral("Creodrop Backups"));
    QApplication::setOrganizationName(QStringLiteral("Creodrop"));
    QApplication::setApplicationVersion(Version::string());
    QApplication::setDesktopFileName(QStringLiteral("creodrop-backups"));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Creodrop Backups admin console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Theme::captureSystemDefaults();
    AppSettings settings;
    KeychainSecretStore keychain;
    EnvironmentSecretStore secrets(&keychain); // CREODROP_* / MYSQL_PWD override the keychain
    SystemClock clock;

    // The host builds the service from the settings (and rebuilds it when Settings changes
    // storage, catalog or actor); the window appears with the first one.
    ServiceHost host(&settings, &secrets, &clock);
    std::unique_ptr<MainWindow> window;
    QObject::connect(&host, &ServiceHost::serviceCreated, &app, [&](BackupService *service) {
        if (window)
            return;
        window = std::make_unique<MainWindow>(service, &settings, &secrets);
        window->setServiceHost(&host);
        window->show();
    });
    host.start();

    const int rc = app.exec();
    window.reset(); // the window goes before the service it listens to
    return rc;
}
