// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// creodrop-backupctl storage: put, get, ls, rm and presign objects in the configured store.
// Configuration: CREODROP_S3_ENDPOINT/_REGION/_BUCKET/_ACCESS_KEY_ID/_SECRET_ACCESS_KEY, each
// falling back to the settings (Storage* keys) except the secret, which for now must come from
// the environment. With no endpoint anywhere and StorageKind "local", the local folder store.
#include "Commands.h"
#include "storage/LocalFolderStore.h"
#include "storage/S3ObjectStore.h"
#include "storage/StoreJob.h"
#include "util/AppSettings.h"
#include "util/PrivateFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <memory>

namespace {

const char kUsage[] = "Usage: creodrop-backupctl storage <command>\n"
                      "  put FILE KEY                    upload FILE as KEY\n"
                      "  get KEY FILE [--force]          download KEY to FILE (mode 0600; --force replaces FILE)\n"
                      "  ls [PREFIX]                     list objects (size, modified, key)\n"
                      "  rm KEY                          delete KEY\n"
                      "  presign KEY [--expires SECONDS] print a download link (default 900 s, at most 7 days)\n"
                      "Configured by CREODROP_S3_ENDPOINT, _REGION, _BUCKET, _ACCESS_KEY_ID and _SECRET_ACCESS_KEY,\n"
                      "else by the storage settings (the secret only from the environment).\n";

int usageError(const QString &message)
{
    QTextStream err(stderr);
    if (!message.isEmpty())
        err << "creodrop-backupctl storage: " << message << '\n';
    err << kUsage;
    return Cli::UsageError;
}

int failure(const QString &message)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QTextStream(stderr) << "creodrop-backupctl storage: " << line << '\n';
    return Cli::Failure;
}

S3Config configFromEnvironmentAndSettings(bool *useLocal, QString *localPath)
{
    S3Config config = S3Config::fromEnvironment();
    const AppSettings settings;
    if (config.endpoint.isEmpty() && !settings.string(AppSettings::StorageEndpoint).isEmpty())
        config.endpoint = QUrl(settings.string(AppSettings::StorageEndpoint));
    if (qEnvironmentVariableIsEmpty("CREODROP_S3_REGION") && !settings.string(AppSettings::StorageRegion).isEmpty())
        config.region = settings.string(AppSettings::StorageRegion);
    if (config.bucket.isEmpty())
        config.bucket = settings.string(AppSettings::StorageBucket);
    if (config.accessKeyId.isEmpty())
        config.accessKeyId = settings.string(AppSettings::StorageAccessKeyId);
    config.pathStyle = settings.value(AppSettings::StoragePathStyle).toBool();
    *useLocal = config.endpoint.isEmpty() && settings.string(AppSettings::StorageKind) != QLatin1String("s3");
    *localPath = settings.localStorePath();
    return config;
}

} // namespace

int Cli::runStorage(const QStringList &argsIn)
{
    QStringList args = argsIn;
    if (args.isEmpty())
        return usageError({});
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << kUsage;
        return Success;
    }
    const QString command = args.takeFirst();
    int expires = 900;
    if (command == QLatin1String("presign")) {
        const int at = args.indexOf(QLatin1String("--expires"));
        if (at >= 0) {
            bool ok = false;
            expires = at + 1 < args.size() ? args.at(at + 1).toInt(&ok) : 0;
            if (!ok)
                return usageError(QStringLiteral("--expires needs a number of seconds"));
            args.remove(at, 2);
        }
    }
    bool force = false;
    if (command == QLatin1String("get") && args.removeAll(QStringLiteral("--force")) > 0)
        force = true;
    for (const QString &arg : std::as_const(args)) {
        if (arg.startsWith(QLatin1String("--")))
            return usageError(QStringLiteral("unknown option %1").arg(arg));
    }
    const bool arityOk = (command == QLatin1String("put") && args.size() == 2)
        || (command == QLatin1String("get") && args.size() == 2) || (command == QLatin1String("ls") && args.size() <= 1)
        || (command == QLatin1String("rm") && args.size() == 1)
        || (command == QLatin1String("presign") && args.size() == 1);
    if (!arityOk) {
        const QStringList known{ QStringLiteral("put"), QStringLiteral("get"), QStringLiteral("ls"),
                                 QStringLiteral("rm"), QStringLiteral("presign") };
        return usageError(known.contains(command) ? QStringLiteral("wrong number of arguments for %1").arg(command)
                                                  : QStringLiteral("unknown command '%1'").arg(command));
    }

    bool useLocal = false;
    QString localPath;
    const S3Config config = configFromEnvironmentAndSettings(&useLocal, &localPath);
    QNetworkAccessManager network;
    std::unique_ptr<ObjectStore> store;
    if (useLocal) {
        store = std::make_unique<LocalFolderStore>(localPath);
    } else {
        QString missing;
        if (!config.isComplete(&missing))
            return failure(QStringLiteral("the storage settings are incomplete (missing: %1); set CREODROP_S3_* "
                                          "or the storage settings")
                               .arg(missing));
        store = std::make_unique<S3ObjectStore>(config, &network);
    }

    QTextStream out(stdout);
    if (command == QLatin1String("presign")) {
        QString error;
        const QUrl url = store->presignedGetUrl(args.at(0), expires, &error);
        if (url.isEmpty())
            return failure(error);
        out << url.toString(QUrl::FullyEncoded) << '\n';
        return Success;
    }

    StoreJob *job = nullptr;
    QString target;
    QString partPath;
    if (command == QLatin1String("put")) {
        if (!QFileInfo(args.at(0)).isFile())
            return failure(QStringLiteral("%1 is not a readable file").arg(args.at(0)));
        job = store->putFile(args.at(1), args.at(0));
    } else if (command == QLatin1String("get")) {
        // Never half a file at FILE: write FILE.part (0600, new, no links followed), rename at the end.
        target = QFileInfo(args.at(1)).absoluteFilePath();
        partPath = target + QStringLiteral(".part");
        if (!force && PrivateFiles::exists(target))
            return failure(QStringLiteral("%1 already exists; use --force to overwrite it").arg(target));
        QString error;
        QFile::remove(partPath); // a leftover of an earlier run; unlinks a link itself, never its target
        QFile part(partPath);
        if (!PrivateFiles::openForWriting(&part, PrivateFiles::CreateNew, &error))
            return failure(error);
        part.close();
        job = store->getToFile(args.at(0), partPath);
    } else if (command == QLatin1String("ls")) {
        job = store->list(args.value(0));
    } else {
        job = store->remove(args.at(0));
    }
    int code = Failure;
    QObject::connect(job, &Job::finished, job, [&] {
        QString publishError;
        if (!partPath.isEmpty()) {
            if (!job->succeeded()
                || !PrivateFiles::publish(partPath, target, force ? PrivateFiles::Replace : PrivateFiles::NoReplace,
                                          &publishError))
                QFile::remove(partPath);
        }
        if (!job->succeeded()) {
            code = failure(job->errorString());
        } else if (!publishError.isEmpty()) {
            code = failure(QStringLiteral("cannot save %1: %2").arg(target, publishError));
        } else {
            const StoreResult &r = job->result();
            if (command == QLatin1String("put") || command == QLatin1String("get")) {
                out << r.sha256 << "  " << r.object.key << " (" << r.bytesTransferred << " bytes)\n";
            } else if (command == QLatin1String("ls")) {
                for (const ObjectInfo &o : r.objects)
                    out << o.size << '\t' << o.lastModified.toString(Qt::ISODate) << '\t' << o.key << '\n';
            }
            code = Success;
        }
        out.flush();
        QCoreApplication::exit(code);
    });
    job->start();
    if (job->isFinished())
        return code;
    QCoreApplication::exec();
    return code;
}
