// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileChecks.h"

#include "compress/GzipReader.h"
#include "storage/Sha256.h"

#include <QFile>

namespace {
// A file whose reads fail once the cancel flag is set, so a long gzip test stops too.
class CancellableFile : public QFile
{
public:
    CancellableFile(const QString &path, const std::atomic<bool> *cancel)
        : QFile(path)
        , m_cancel(cancel)
    { }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_cancel && m_cancel->load()) {
            setErrorString(QStringLiteral("cancelled"));
            return -1;
        }
        return QFile::readData(data, maxSize);
    }

private:
    const std::atomic<bool> *m_cancel;
};
} // namespace

QString FileChecks::sha256(const QString &path, QString *error, const std::atomic<bool> *cancel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    // The storage layer's OpenSSL hash: Qt 6.4's own runs at ~40 MB/s, which would make
    // re-hashing a downloaded or verified backup take longer than the transfer.
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (cancel && cancel->load()) {
            *error = QStringLiteral("cancelled");
            return {};
        }
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = file.errorString();
            return {};
        }
        if (n == 0)
            break;
        hash.addData(buffer.constData(), n);
    }
    return QString::fromLatin1(hash.hexResult());
}

bool FileChecks::testGzip(const QString &path, QString *error, const std::atomic<bool> *cancel)
{
    CancellableFile file(path, cancel);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    return GzipReader::verifyStream(&file, error);
}
