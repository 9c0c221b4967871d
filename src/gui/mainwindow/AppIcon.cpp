// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppIcon.h"

// Outside any namespace, as Q_INIT_RESOURCE requires.
static void initResources()
{
    // creodrop_gui is a static library: without this reference the linker drops the resource.
    Q_INIT_RESOURCE(creodrop);
}

QList<int> AppIcon::pngSizes()
{
    return { 16, 22, 24, 32, 48, 64, 128, 256 };
}

QIcon AppIcon::icon()
{
    initResources();
    // The PNGs first: QIcon picks the closest size it has, and the hand-checked small renderings
    // look sharper than the SVG scaled down at run time.
    QIcon icon;
    for (int size : pngSizes())
        icon.addFile(QStringLiteral(":/icons/creodrop-backups-%1.png").arg(size), QSize(size, size));
    icon.addFile(QStringLiteral(":/icons/creodrop-backups.svg"));
    return icon;
}
