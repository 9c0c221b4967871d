// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipeWriterDevice.h"

#include "BoundedPipe.h"

PipeWriterDevice::PipeWriterDevice(BoundedPipe *pipe, QObject *parent)
    : QIODevice(parent)
    , m_pipe(pipe)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

void PipeWriterDevice::close()
{
    if (isOpen())
        m_pipe->closeWrite();
    QIODevice::close();
}

qint64 PipeWriterDevice::writeData(const char *data, qint64 size)
{
    if (!m_pipe->write(data, size)) {
        setErrorString(tr("The upload stopped accepting data."));
        return -1;
    }
    return size;
}
