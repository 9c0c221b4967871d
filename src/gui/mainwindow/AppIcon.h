// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

/// The application's icon from resources/creodrop.qrc: the SVG plus the rendered 16-256 px PNGs
/// that the package installs under hicolor, so the window, the tray, the About dialog and the
/// desktop show the same pixels at every size.
class AppIcon
{
public:
    static QIcon icon();
    /// The sizes of the PNGs in the resource, smallest first.
    static QList<int> pngSizes();
};
