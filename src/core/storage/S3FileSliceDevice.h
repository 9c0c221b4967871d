// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QIODevice>

/// A read-only, seekable view of bytes [offset, offset + size) of a file: the body of one
/// UploadPart of a file upload. Qt's network stack pulls it in small chunks as the socket
/// drains, so a part never sits in memory whole, and it can rewind it when it resends.
class S3FileSliceDevice : public QIODevice
{
    Q_OBJECT

public:
    S3FileSliceDevice(const QString &path, qint64 offset, qint64 size, QObject *parent = nullptr);
    /// Opens the file and the slice; false (see errorString()) when the file cannot be read.
    bool openSlice();
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return pos() >= m_size; }
    qint64 bytesAvailable() const override { return m_size - pos() + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_size;
};
