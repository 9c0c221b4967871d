// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAction;

/// The window's actions (menus and shortcuts), typed: code names the action it means instead
/// of looking an objectName up. MainWindow creates and owns them.
struct WindowActions
{
    QAction *settings = nullptr;
    QAction *quit = nullptr;
    QAction *addSite = nullptr;
    QAction *editSite = nullptr;
    QAction *findSite = nullptr;
    QAction *refresh = nullptr;
    QAction *rescanStorage = nullptr;
    QAction *applyRetention = nullptr;
    QAction *createBackup = nullptr;
    QAction *download = nullptr;
    QAction *copyLink = nullptr;
    QAction *verify = nullptr;
    QAction *pin = nullptr;
    QAction *deleteBackup = nullptr;
    QAction *details = nullptr;
    QAction *restore = nullptr;
    QAction *restoreFromFile = nullptr;
    QAction *syncEnvironments = nullptr;
    QAction *showAllEnvironments = nullptr;
    QAction *showProd = nullptr;
    QAction *showStage = nullptr;
    QAction *showDev = nullptr;
    QAction *showJobs = nullptr;
    QAction *about = nullptr;
    QAction *welcome = nullptr;
    QAction *removeSite = nullptr;
};
