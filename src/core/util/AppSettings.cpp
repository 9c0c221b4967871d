// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"

#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {
struct KeyInfo
{
    const char *name;
    QVariant defaultValue;
};

// One table of names and defaults, indexed by AppSettings::Key.
const KeyInfo &info(AppSettings::Key key)
{
    static const KeyInfo table[AppSettings::KeyCount] = {
        { "catalog/location", QString() },
        { "storage/kind", QStringLiteral("local") },
        { "storage/localPath", QString() },
        { "storage/endpoint", QString() },
        { "storage/region", QStringLiteral("auto") },
        { "storage/bucket", QString() },
        { "storage/accessKeyId", QString() },
        { "storage/pathStyle", true },
        { "downloads/folder", QString() },
        { "jobs/concurrency", 2 },
        { "app/firstRunDone", false },
        { "audit/actor", QString() },
    };
    return table[key];
}
} // namespace

AppSettings::AppSettings()
    : AppSettings(QDir(homeDir()).filePath(QStringLiteral("settings.ini")))
{ }

AppSettings::AppSettings(const QString &iniPath)
    : m_settings((ensurePrivateFile(iniPath), std::make_unique<QSettings>(iniPath, QSettings::IniFormat)))
{ }

void AppSettings::ensurePrivateFile(const QString &iniPath)
{
    // QSettings writes through a QSaveFile, which keeps the permissions of the file it replaces:
    // an empty 0600 file (a valid empty INI) makes every later save private too.
    QString ignored;
    const QString dir = QFileInfo(iniPath).absolutePath();
    if (dir == QDir(homeDir()).absolutePath())
        PrivateFiles::ensurePrivateDir(dir, &ignored);
    if (!PrivateFiles::exists(iniPath) && PrivateFiles::mkpath(dir, &ignored)) {
        QFile file(iniPath);
        PrivateFiles::openForWriting(&file, PrivateFiles::CreateNew, &ignored);
    }
}

AppSettings::~AppSettings() = default;

QVariant AppSettings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(keyName(key), value);
}

void AppSettings::reset(Key key)
{
    m_settings->remove(keyName(key));
}

void AppSettings::sync()
{
    m_settings->sync();
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

QString AppSettings::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QString AppSettings::homeDir()
{
    const QString fromEnv = qEnvironmentVariable("CREODROP_HOME");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/creodrop-backups");
}

QString AppSettings::defaultCatalogPath()
{
    return QDir(homeDir()).filePath(QStringLiteral("catalog.sqlite"));
}

QString AppSettings::defaultLocalStorePath()
{
    return QDir(homeDir()).filePath(QStringLiteral("store"));
}

QString AppSettings::catalogLocation() const
{
    const QString v = string(CatalogLocation);
    return v.isEmpty() ? defaultCatalogPath() : v;
}

QString AppSettings::localStorePath() const
{
    const QString v = string(StorageLocalPath);
    return v.isEmpty() ? defaultLocalStorePath() : v;
}

QString AppSettings::downloadsFolder() const
{
    const QString v = string(DownloadsFolder);
    if (!v.isEmpty())
        return v;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}
