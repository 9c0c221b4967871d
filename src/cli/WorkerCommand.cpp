// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include <QTextStream>

// Placeholder until the catalog issue lands.
int Cli::runSchedules(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl: this command is not available in this build\n";
    return Failure;
}

int Cli::runRetention(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl: this command is not available in this build\n";
    return Failure;
}

int Cli::runCatalog(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl: this command is not available in this build\n";
    return Failure;
}

int Cli::runWorker(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl: this command is not available in this build\n";
    return Failure;
}
