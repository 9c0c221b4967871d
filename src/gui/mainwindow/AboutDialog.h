// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;

/// Help > About: the product version (from the CMake project, the same as --version and the
/// package), the license and the Qt version the console was built with and runs on. "Copy"
/// puts the same facts on the clipboard as plain text, for support tickets.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// "Creodrop Backups 0.1.0, GPL-3.0-or-later, Qt 6.4.2 (built with 6.4.2), <OS>".
    QString plainText() const;

private:
    QLabel *addLabel(const QString &objectName, const QString &text);
};
