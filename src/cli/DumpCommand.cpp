// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include <QTextStream>

// Placeholder until the dump issue lands.
int Cli::runDump(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl dump: not available in this build\n";
    return Failure;
}

int Cli::runLoad(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl load: not available in this build\n";
    return Failure;
}
