// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "S3FileSliceDevice.h"

#include <algorithm>

S3FileSliceDevice::S3FileSliceDevice(const QString &path, qint64 offset, qint64 size, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_offset(offset)
    , m_size(size)
{ }

bool S3FileSliceDevice::openSlice()
{
    // Unbuffered: QIODevice's own buffer would copy every byte once more.
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || !m_file.seek(m_offset)) {
        setErrorString(m_file.errorString());
        return false;
    }
    if (m_file.size() < m_offset + m_size) {
        setErrorString(tr("the file became shorter while it was being uploaded"));
        return false;
    }
    return open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool S3FileSliceDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_size || !m_file.seek(m_offset + pos))
        return false;
    return QIODevice::seek(pos);
}

qint64 S3FileSliceDevice::readData(char *data, qint64 maxSize)
{
    const qint64 wanted = std::min(maxSize, m_size - pos());
    if (wanted <= 0)
        return -1;
    return m_file.read(data, wanted);
}
