// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include <QTextStream>

// Placeholder until the storage issue lands: the command exists but reports that it cannot run.
int Cli::runStorage(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl storage: not available in this build\n";
    return Failure;
}
