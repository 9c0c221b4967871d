// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// creodrop-backupctl storage: put, get, ls, rm and presign objects in the configured store.
// Configuration: CREODROP_S3_ENDPOINT/_REGION/_BUCKET/_ACCESS_KEY_ID/_SECRET_ACCESS_KEY, each
// falling back to the settings (Storage* keys) except the secret, which for now must come from
// the environment. With no endpoint anywhere and StorageKind "local", the local folder store.
#include "CliArgs.h"
#include "CommandGroup.h"
#include "Commands.h"
#include "StopSignals.h"
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

/// The command named @p command ("put", "get", "ls", "rm" or "presign") on the configured store,
/// with its positionals @p args (already checked by CliArgs).
int runStore(const QString &command, const QStringList &args, bool force, int expires)
{
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
        return Cli::Success;
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
    // A stopped `get` removes its .part (below) instead of leaving half a file behind; a stopped
    // `put` removes the incomplete upload from the bucket (StoreJob::cancel) before it exits.
    std::unique_ptr<StopSignals> stopSignals;
    if (command == QLatin1String("get") || command == QLatin1String("put")) {
        stopSignals = std::make_unique<StopSignals>();
        stopSignals->setGraceMessage(StopSignals::plainGraceMessage());
        QObject::connect(stopSignals.get(), &StopSignals::stopRequested, job, [job] { job->cancel(); });
    }
    int code = Cli::Failure;
    QObject::connect(job, &Job::finished, job, [&] {
        QString publishError;
        if (!partPath.isEmpty()) {
            if (!job->succeeded()
                || !PrivateFiles::publish(partPath, target, force ? PrivateFiles::Replace : PrivateFiles::NoReplace,
                                          &publishError))
                QFile::remove(partPath);
        }
        if (!job->succeeded()) {
            if (StopSignals::received()) {
                const bool put = command == QLatin1String("put");
                // An upload names its id only while the incomplete upload may still exist.
                const QString stopped = QStringLiteral("stopped by %1").arg(StopSignals::receivedName());
                QString message = stopped;
                if (put && !job->result().uploadId.isEmpty())
                    message += QStringLiteral(": ") + job->errorString();
                else
                    message += put ? QStringLiteral("; nothing was stored") : QStringLiteral("; nothing was saved");
                failure(message);
                code = StopSignals::exitCode();
            } else {
                code = failure(job->errorString());
            }
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
            code = Cli::Success;
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

/// The first @p count positionals; one that was not given is a null string.
QStringList positionals(const CliArgs &args, int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list << args.positional(i);
    return list;
}

int storagePut(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 2, 2))
        return args.exitCode();
    return runStore(QStringLiteral("put"), positionals(args, 2), false, 0);
}

int storageGet(CliArgs &args, const QStringList &input)
{
    args.flag(QStringLiteral("force"));
    if (!args.parse(input, 2, 2))
        return args.exitCode();
    return runStore(QStringLiteral("get"), positionals(args, 2), args.isSet(QStringLiteral("force")), 0);
}

int storageLs(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 0, 1))
        return args.exitCode();
    return runStore(QStringLiteral("ls"), positionals(args, 1), false, 0);
}

int storageRm(CliArgs &args, const QStringList &input)
{
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    return runStore(QStringLiteral("rm"), positionals(args, 1), false, 0);
}

int storagePresign(CliArgs &args, const QStringList &input)
{
    args.option(QStringLiteral("expires"));
    if (!args.parse(input, 1, 1))
        return args.exitCode();
    int expires = 900;
    if (args.isSet(QStringLiteral("expires"))) {
        // Only the form is checked here: the store refuses a period it cannot sign (more than 7
        // days) as a failure with its own message.
        bool ok = false;
        expires = args.value(QStringLiteral("expires")).toInt(&ok);
        if (!ok)
            return args.usageError(QStringLiteral("--expires needs a number of seconds"));
    }
    return runStore(QStringLiteral("presign"), positionals(args, 1), false, expires);
}

} // namespace

const CommandGroup &Cli::storageCommands()
{
    static const CommandGroup group(
        "storage", "put, get, ls, rm and presign objects in the configured bucket",
        {
            { "put", nullptr, "storage put FILE KEY", "upload FILE as KEY", nullptr, storagePut },
            { "get", nullptr, "storage get KEY FILE [--force]",
              "download KEY to FILE (mode 0600; --force replaces FILE)",
              QT_TRANSLATE_NOOP("Cli",
                                "Downloads KEY to FILE.part (mode 0600) and renames it to FILE when the transfer "
                                "succeeded; an existing FILE is refused unless --force. On any failure nothing is "
                                "left at FILE and no .part."),
              storageGet },
            { "ls", nullptr, "storage ls [PREFIX]", "list objects (size, modified, key)", nullptr, storageLs },
            { "rm", nullptr, "storage rm KEY", "delete KEY", nullptr, storageRm },
            { "presign", nullptr, "storage presign KEY [--expires SECONDS]",
              "print a download link (default 900 s, at most 7 days)", nullptr, storagePresign },
        },
        QT_TRANSLATE_NOOP("Cli",
                          "Configured by CREODROP_S3_ENDPOINT, _REGION, _BUCKET, _ACCESS_KEY_ID and "
                          "_SECRET_ACCESS_KEY,\nelse by the storage settings (the secret only from the "
                          "environment)."));
    return group;
}
