// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Version.h"

#include <QtGlobal>

QString Version::string()
{
    return QStringLiteral(CREODROP_VERSION);
}

QString Version::describe(const QString &program)
{
    return QStringLiteral("%1 %2 (Qt %3)").arg(program, string(), QString::fromLatin1(qVersion()));
}
