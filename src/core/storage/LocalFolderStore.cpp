// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalFolderStore.h"

#include "LocalFolderJob.h"
#include "LocalStreamPutJob.h"
#include "Sha256.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

const QRegularExpression kPartialName(QStringLiteral("^\\.(.+)\\.([0-9a-f]{16})\\.partial$"));

QString newUploadId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, QLatin1Char('0'));
}

ObjectMetadata readMetadata(const QString &path)
{
    ObjectMetadata metadata;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return metadata;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        metadata.insert(it.key(), it.value().toString());
    return metadata;
}

// Copies @p from (starting at @p offset) to @p to through a temporary file when @p atomicTarget,
// hashing on the way. Returns an error text or empty.
QString copyHashing(QFile &from, QFile &to, Sha256 &hash, qint64 *copied)
{
    QByteArray buffer;
    for (;;) {
        buffer = from.read(1024 * 1024);
        if (buffer.isEmpty())
            break;
        if (to.write(buffer) != buffer.size())
            return to.errorString();
        hash.addData(buffer);
        *copied += buffer.size();
    }
    if (!from.atEnd())
        return from.errorString();
    return to.flush() ? QString() : to.errorString();
}

} // namespace

LocalFolderStore::LocalFolderStore(const QString &rootPath, QObject *parent)
    : ObjectStore(parent)
    , m_root(QDir::cleanPath(QDir(rootPath).absolutePath()))
{ }

QString LocalFolderStore::describe() const
{
    return tr("Local folder %1").arg(QDir::toNativeSeparators(m_root));
}

QString LocalFolderStore::pathOf(const QString &key, QString *error) const
{
    const QStringList segments = key.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String("..")
            || segment.startsWith(QLatin1Char('.'))) {
            *error = tr("\"%1\" is not a valid object key.").arg(key);
            return {};
        }
    }
    return m_root + QLatin1Char('/') + key;
}

QString LocalFolderStore::metadataPathOf(const QString &path) const
{
    const QFileInfo info(path);
    return info.path() + QLatin1String("/.") + info.fileName() + QLatin1String(".meta");
}

QString LocalFolderStore::tempPathOf(const QString &path, const QString &uploadId) const
{
    const QFileInfo info(path);
    return info.path() + QLatin1String("/.") + info.fileName() + QLatin1Char('.') + uploadId
        + QLatin1String(".partial");
}

bool LocalFolderStore::replaceFile(const QString &source, const QString &target, QString *error)
{
    if (std::rename(QFile::encodeName(source).constData(), QFile::encodeName(target).constData()) == 0)
        return true;
    *error = QString::fromLocal8Bit(std::strerror(errno));
    QFile::remove(source);
    return false;
}

bool LocalFolderStore::writeMetadata(const QString &path, const ObjectMetadata &metadata, QString *error)
{
    if (metadata.isEmpty()) {
        QFile::remove(path);
        return true;
    }
    QJsonObject object;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        object.insert(it.key(), it.value());
    const QString temp = path + QLatin1String(".tmp");
    QFile file(temp);
    if (!PrivateFiles::openForWriting(&file, PrivateFiles::Truncate, error))
        return false;
    if (file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0 || !file.flush()) {
        *error = file.errorString();
        file.remove();
        return false;
    }
    file.close();
    return replaceFile(temp, path, error);
}

StoreJob *LocalFolderStore::putData(const QString &key, const QByteArray &data, const ObjectMetadata &metadata)
{
    return new LocalFolderJob([this, key, data, metadata](StoreResult &result, Job::Error &) -> QString {
        QString error;
        const QString path = pathOf(key, &error);
        if (path.isEmpty())
            return error;
        if (!PrivateFiles::mkpath(QFileInfo(path).absolutePath(), &error))
            return tr("Saving %1 failed: %2").arg(key, error);
        const QString temp = tempPathOf(path, newUploadId());
        QFile file(temp);
        if (!PrivateFiles::openForWriting(&file, PrivateFiles::CreateNew, &error))
            return tr("Saving %1 failed: %2").arg(key, error);
        if (file.write(data) != data.size() || !file.flush()) {
            error = file.errorString();
            file.remove();
            return tr("Saving %1 failed: %2").arg(key, error);
        }
        file.close();
        if (!writeMetadata(metadataPathOf(path), metadata, &error) || !replaceFile(temp, path, &error))
            return tr("Saving %1 failed: %2").arg(key, error);
        result.object.key = key;
        result.object.size = data.size();
        result.object.metadata = metadata;
        result.sha256 = Sha256::hashHex(data);
        result.bytesTransferred = data.size();
        return {};
    });
}

StoreJob *LocalFolderStore::putFile(const QString &key, const QString &localPath, const ObjectMetadata &metadata)
{
    return new LocalFolderJob([this, key, localPath, metadata](StoreResult &result, Job::Error &) -> QString {
        QString error;
        const QString path = pathOf(key, &error);
        if (path.isEmpty())
            return error;
        QFile from(localPath);
        if (!from.open(QIODevice::ReadOnly))
            return tr("Saving %1 failed: cannot read %2 (%3).").arg(key, localPath, from.errorString());
        if (!PrivateFiles::mkpath(QFileInfo(path).absolutePath(), &error))
            return tr("Saving %1 failed: %2").arg(key, error);
        QFile to(tempPathOf(path, newUploadId()));
        if (!PrivateFiles::openForWriting(&to, PrivateFiles::CreateNew, &error))
            return tr("Saving %1 failed: %2").arg(key, error);
        Sha256 hash;
        qint64 copied = 0;
        error = copyHashing(from, to, hash, &copied);
        to.close();
        if (!error.isEmpty()) {
            to.remove();
            return tr("Saving %1 failed: %2").arg(key, error);
        }
        if (!writeMetadata(metadataPathOf(path), metadata, &error) || !replaceFile(to.fileName(), path, &error))
            return tr("Saving %1 failed: %2").arg(key, error);
        result.object.key = key;
        result.object.size = copied;
        result.object.metadata = metadata;
        result.sha256 = hash.result().toHex();
        result.bytesTransferred = copied;
        return {};
    });
}

StoreJob *LocalFolderStore::putStream(const QString &key, BoundedPipe *source, qint64, const ObjectMetadata &metadata)
{
    QString error;
    const QString path = pathOf(key, &error);
    if (path.isEmpty()) {
        return new LocalFolderJob([error](StoreResult &, Job::Error &) { return error; });
    }
    return new LocalStreamPutJob(key, path, tempPathOf(path, newUploadId()), metadataPathOf(path), source, metadata);
}

StoreJob *LocalFolderStore::getToFile(const QString &key, const QString &localPath, qint64 offset)
{
    return new LocalFolderJob([this, key, localPath, offset](StoreResult &result, Job::Error &) -> QString {
        QString error;
        const QString path = pathOf(key, &error);
        if (path.isEmpty())
            return error;
        QFile from(path);
        if (!from.open(QIODevice::ReadOnly)) {
            result.httpStatus = 404;
            return tr("Downloading %1 failed: the object does not exist in %2.").arg(key, describe());
        }
        QFile to(localPath);
        if (!PrivateFiles::openForWriting(&to, offset > 0 ? PrivateFiles::Append : PrivateFiles::Truncate, &error))
            return tr("Downloading %1 failed: %2.").arg(key, error);
        if (offset > 0 && (to.size() != offset || !from.seek(offset)))
            return tr("Downloading %1 failed: cannot resume at byte %2.").arg(key).arg(offset);
        Sha256 hash;
        qint64 copied = 0;
        error = copyHashing(from, to, hash, &copied);
        if (!error.isEmpty())
            return tr("Downloading %1 failed: %2").arg(key, error);
        result.object.key = key;
        result.object.size = from.size();
        result.bytesTransferred = copied;
        result.sha256 = hash.result().toHex();
        return {};
    });
}

StoreJob *LocalFolderStore::getData(const QString &key)
{
    return new LocalFolderJob([this, key](StoreResult &result, Job::Error &) -> QString {
        QString error;
        const QString path = pathOf(key, &error);
        if (path.isEmpty())
            return error;
        QFile from(path);
        if (!from.open(QIODevice::ReadOnly)) {
            result.httpStatus = 404;
            return tr("Reading %1 failed: the object does not exist in %2.").arg(key, describe());
        }
        result.data = from.readAll();
        result.object.key = key;
        result.object.size = result.data.size();
        result.bytesTransferred = result.data.size();
        result.sha256 = Sha256::hashHex(result.data);
        return {};
    });
}

StoreJob *LocalFolderStore::head(const QString &key)
{
    return new LocalFolderJob([this, key](StoreResult &result, Job::Error &) -> QString {
        QString error;
        const QString path = pathOf(key, &error);
        if (path.isEmpty())
            return error;
        const QFileInfo info(path);
        if (!info.isFile()) {
            result.httpStatus = 404;
            return tr("%1 does not exist in %2.").arg(key, describe());
        }
        result.object.key = key;
        result.object.size = info.size();
        result.object.lastModified = info.lastModified().toUTC();
        result.object.metadata = readMetadata(metadataPathOf(path));
        return {};
    });
}

StoreJob *LocalFolderStore::list(const QString &prefix)
{
    return new LocalFolderJob([this, prefix](StoreResult &result, Job::Error &) -> QString {
        QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (it.fileName().startsWith(QLatin1Char('.')))
                continue;
            const QString key = it.filePath().mid(m_root.size() + 1);
            if (!key.startsWith(prefix))
                continue;
            const QFileInfo info = it.fileInfo();
            ObjectInfo object;
            object.key = key;
            object.size = info.size();
            object.lastModified = info.lastModified().toUTC();
            result.objects.append(object);
        }
        std::sort(result.objects.begin(), result.objects.end(),
                  [](const ObjectInfo &a, const ObjectInfo &b) { return a.key < b.key; });
        return {};
    });
}

StoreJob *LocalFolderStore::remove(const QString &key)
{
    return new LocalFolderJob([this, key](StoreResult &result, Job::Error &) -> QString {
        QString error;
        const QString path = pathOf(key, &error);
        if (path.isEmpty())
            return error;
        QFile file(path);
        if (file.exists() && !file.remove())
            return tr("Deleting %1 failed: %2").arg(key, file.errorString());
        QFile::remove(metadataPathOf(path));
        result.object.key = key;
        return {};
    });
}

StoreJob *LocalFolderStore::listIncompleteUploads(const QString &prefix)
{
    return new LocalFolderJob([this, prefix](StoreResult &result, Job::Error &) -> QString {
        QDirIterator it(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QRegularExpressionMatch match = kPartialName.match(it.fileName());
            if (!match.hasMatch())
                continue;
            const QString dir = it.fileInfo().path().mid(m_root.size() + 1);
            const QString key = dir.isEmpty() ? match.captured(1) : dir + QLatin1Char('/') + match.captured(1);
            if (!key.startsWith(prefix))
                continue;
            result.uploads.append(IncompleteUpload{ key, match.captured(2), it.fileInfo().lastModified().toUTC() });
        }
        return {};
    });
}

StoreJob *LocalFolderStore::abortIncompleteUpload(const QString &key, const QString &uploadId)
{
    return new LocalFolderJob([this, key, uploadId](StoreResult &result, Job::Error &) -> QString {
        QString error;
        const QString path = pathOf(key, &error);
        if (path.isEmpty())
            return error;
        QFile::remove(tempPathOf(path, uploadId));
        result.object.key = key;
        result.uploadId = uploadId;
        return {};
    });
}

QUrl LocalFolderStore::presignedGetUrl(const QString &, int, QString *error) const
{
    if (error)
        *error = tr("Download links need cloud storage; the local folder store cannot create them.");
    return {};
}
