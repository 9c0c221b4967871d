// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Site.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class RemoveSiteDialog;
}

/// Asks before a site is removed for good (a customer who leaves): says what goes (the site, its
/// environments, their keychain passwords and, with "Also delete all backups", every backup
/// object, manifest and catalog row) and enables Remove Site only once the site's slug is typed
/// exactly. Cancel is the default button. The form is RemoveSiteDialog.ui. The dialog does no
/// I/O: it emits removeRequested() and stays open, busy, until the caller closes it or shows
/// an error.
class RemoveSiteDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RemoveSiteDialog(QWidget *parent = nullptr);
    ~RemoveSiteDialog() override;

    void setSite(const Site &site);
    const Site &site() const { return m_site; }
    /// How many backups the site has; -1 while unknown.
    void setBackupCount(int count);
    int backupCount() const { return m_backupCount; }

    bool deleteBackups() const;
    QString confirmation() const;
    /// The slug was typed exactly, and the backups (if any) go too.
    bool canRemove() const;
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *cancelButton() const;

    /// While the removal runs: nothing can be changed or asked twice.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// The removal failed or was refused: says why and lets the engineer try again or cancel.
    void showError(const QString &message);

signals:
    void removeRequested(const QString &siteId, bool deleteBackups, const QString &confirmation);

private:
    void updateState();

    std::unique_ptr<Ui::RemoveSiteDialog> m_ui;
    QPushButton *m_remove;
    Site m_site;
    int m_backupCount = -1;
    bool m_busy = false;
};
