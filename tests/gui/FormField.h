// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

/// A field of a dialog's form, by its object name in the dialog's .ui file; a missing one ends
/// the test run at once (the form changed under the test).
template <typename T>
T *formField(const QDialog &dialog, const char *name)
{
    T *w = dialog.findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("%s has no %s", dialog.metaObject()->className(), name);
    return w;
}
