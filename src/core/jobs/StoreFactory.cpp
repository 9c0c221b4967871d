// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFactory.h"

#include "SecretLookup.h"
#include "secrets/SecretStore.h"
#include "storage/LocalFolderStore.h"
#include "storage/S3Config.h"
#include "storage/S3ObjectStore.h"
#include "util/AppSettings.h"
#include "util/PrivateFiles.h"

#include <QDir>

BackupServiceConfig StoreFactory::configFromSettings(const AppSettings &settings, QString *error)
{
    BackupServiceConfig config;
    QString parseError;
    if (auto location = CatalogLocation::parse(settings.catalogLocation(), &parseError))
        config.catalog = *location;
    else if (error)
        *error = parseError;

    const QString kind = settings.string(AppSettings::StorageKind);
    if (const auto parsed = StorageKinds::fromString(kind))
        config.storageKind = *parsed;
    else if (error)
        *error = QObject::tr("Unknown storage kind \"%1\" in the settings: choose \"local\" or \"s3\".").arg(kind);
    config.concurrency = settings.integer(AppSettings::JobConcurrency);
    config.localStorePath = settings.localStorePath();
    config.s3Endpoint = settings.string(AppSettings::StorageEndpoint);
    config.s3Region = settings.string(AppSettings::StorageRegion);
    config.s3Bucket = settings.string(AppSettings::StorageBucket);
    config.s3AccessKeyId = settings.string(AppSettings::StorageAccessKeyId);
    config.s3PathStyle = settings.boolean(AppSettings::StoragePathStyle);

    if (!qEnvironmentVariableIsEmpty("CREODROP_S3_ENDPOINT")) {
        const S3Config env = S3Config::fromEnvironment();
        config.storageKind = StorageKind::S3;
        config.s3Endpoint = env.endpoint.toString();
        config.s3Region = env.region;
        config.s3Bucket = env.bucket;
        config.s3AccessKeyId = env.accessKeyId;
        config.s3PathStyle = env.pathStyle;
    }
    return config;
}

void StoreFactory::resolveSecrets(BackupServiceConfig *config, SecretStore *secrets, QObject *context,
                                  std::function<void(bool ok, const QString &error)> done)
{
    // S3 secret first, then the catalog password; each only when needed.
    auto readCatalog = [config, secrets, context, done] {
        if (config->catalog.kind != CatalogLocation::Kind::MySql || !config->catalog.password.isEmpty()) {
            done(true, QString());
            return;
        }
        SecretLookup::read(secrets, config->catalog.secretKey(), context,
                           [config, done](bool ok, const QString &secret, const QString &error) {
                               if (ok)
                                   config->catalog.password = secret;
                               done(ok,
                                    ok ? QString() : QObject::tr("Cannot read the catalog password: %1").arg(error));
                           });
    };
    if (config->storageKind != StorageKind::S3 || !config->s3SecretAccessKey.isEmpty()) {
        readCatalog();
        return;
    }
    SecretLookup::read(secrets, SecretStore::s3SecretKey(), context,
                       [config, done, readCatalog](bool ok, const QString &secret, const QString &error) {
                           if (!ok) {
                               done(false, QObject::tr("Cannot read the storage secret key: %1").arg(error));
                               return;
                           }
                           config->s3SecretAccessKey = secret;
                           readCatalog();
                       });
}

std::unique_ptr<ObjectStore> StoreFactory::create(const BackupServiceConfig &config, QNetworkAccessManager *network,
                                                  QString *error)
{
    if (config.storageKind == StorageKind::S3) {
        S3Config s3;
        s3.endpoint = QUrl(config.s3Endpoint);
        s3.region = config.s3Region.isEmpty() ? QStringLiteral("auto") : config.s3Region;
        s3.bucket = config.s3Bucket;
        s3.accessKeyId = config.s3AccessKeyId;
        s3.secretAccessKey = config.s3SecretAccessKey;
        s3.pathStyle = config.s3PathStyle;
        QString missing;
        if (!s3.isComplete(&missing)) {
            if (error)
                *error = QObject::tr("The S3 storage is not fully configured (missing: %1). Set it in the settings or "
                                     "with the CREODROP_S3_* variables.")
                             .arg(missing);
            return nullptr;
        }
        return std::make_unique<S3ObjectStore>(s3, network);
    }
    const QString path = config.localStorePath.isEmpty() ? AppSettings::defaultLocalStorePath() : config.localStorePath;
    QString mkpathError;
    if (!PrivateFiles::mkpath(path, &mkpathError)) {
        if (error)
            *error = QObject::tr("Cannot create the local store folder %1.").arg(path);
        return nullptr;
    }
    return std::make_unique<LocalFolderStore>(path);
}
