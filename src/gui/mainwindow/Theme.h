// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

/// Light and dark palettes. "System" keeps what the platform gave the application at start
/// (Qt 6.4 has no colour-scheme hint to follow live); Light and Dark use the Fusion style
/// with our palettes so both look the same on every desktop.
class Theme
{
public:
    enum class Mode { System, Light, Dark };

    /// Remembers the platform's style and palette; call once after QApplication exists.
    static void captureSystemDefaults();
    static void apply(Mode mode);
    static Mode current();
    static QString toString(Mode mode);
    static Mode fromString(const QString &name);
    static QPalette darkPalette();
    static QPalette lightPalette();
};
