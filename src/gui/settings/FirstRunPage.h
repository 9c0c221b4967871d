// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;

/// Shown in place of the site page on the first start: what works right away (a local catalog
/// and a local-folder store under the Creodrop home folder) and how to connect Cloudflare R2.
class FirstRunPage : public QWidget
{
    Q_OBJECT

public:
    FirstRunPage(const QString &homeDir, QWidget *parent = nullptr);

    QPushButton *addSiteButton() const { return m_addSite; }
    QPushButton *settingsButton() const { return m_settings; }
    QPushButton *dismissButton() const { return m_dismiss; }

signals:
    void addSiteRequested();
    void settingsRequested();
    void dismissed();

private:
    QPushButton *m_addSite;
    QPushButton *m_settings;
    QPushButton *m_dismiss;
};
