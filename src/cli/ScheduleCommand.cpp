// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include <QTextStream>

// Placeholder until the catalog issue lands.
int Cli::runSchedule(const QStringList &)
{
    QTextStream(stderr) << "creodrop-backupctl: this command is not available in this build\n";
    return Failure;
}
