// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupServiceConfig.h"

QString StorageKinds::toString(StorageKind kind)
{
    return kind == StorageKind::S3 ? QStringLiteral("s3") : QStringLiteral("local");
}

std::optional<StorageKind> StorageKinds::fromString(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("local"))
        return StorageKind::Local;
    if (text == QLatin1String("s3"))
        return StorageKind::S3;
    return std::nullopt;
}
