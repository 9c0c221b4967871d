// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

/// Typed access to the application's settings with one table of defaults (cf. KeePassXC's
/// Config). Shared by GUI and CLI. Secrets are never stored here: the R2 secret key, MySQL and
/// catalog passwords live in the SecretStore.
///
/// Where things live: with CREODROP_HOME=DIR set, settings (DIR/settings.ini), the default
/// catalog (DIR/catalog.sqlite) and the default local store (DIR/store) are all under DIR; else
/// under the platform's application data location.
class AppSettings
{
public:
    enum Key {
        CatalogLocation, ///< "" = the default SQLite file; else a path or mysql://user@host:port/db
        StorageKind, ///< "local" (default) or "s3"
        StorageLocalPath, ///< "" = the default local store folder
        StorageEndpoint, ///< e.g. https://<account>.r2.cloudflarestorage.com
        StorageRegion, ///< "auto" for R2
        StorageBucket,
        StorageAccessKeyId,
        StoragePathStyle, ///< bool: path-style addressing (default true)
        DownloadsFolder, ///< "" = the platform's Downloads folder
        JobConcurrency, ///< backups running at once across sites (default 2)
        FirstRunDone, ///< bool
        ConsoleActor, ///< the console's name in the audit log; "" = the OS account (currentUserName())
        KeyCount
    };

    /// Settings at the default place (see class comment).
    AppSettings();
    /// Settings in a given INI file (tests).
    explicit AppSettings(const QString &iniPath);
    ~AppSettings();

    QVariant value(Key key) const;
    QString string(Key key) const { return value(key).toString(); }
    bool boolean(Key key) const { return value(key).toBool(); }
    int integer(Key key) const { return value(key).toInt(); }
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    void sync();
    QString fileName() const;

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    /// CREODROP_HOME, or the platform's application data folder.
    static QString homeDir();
    static QString defaultCatalogPath();
    static QString defaultLocalStorePath();
    /// The effective values, with the defaults above resolved.
    QString catalogLocation() const;
    QString localStorePath() const;
    QString downloadsFolder() const;

private:
    static void ensurePrivateFile(const QString &iniPath);

    std::unique_ptr<QSettings> m_settings;
};
