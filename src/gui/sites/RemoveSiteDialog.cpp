// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoveSiteDialog.h"

#include "ui_RemoveSiteDialog.h"
#include "widgets/Format.h"

#include <QPushButton>

RemoveSiteDialog::RemoveSiteDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RemoveSiteDialog>())
{
    m_ui->setupUi(this);
    m_remove = m_ui->buttonBox->addButton(tr("&Remove Site"), QDialogButtonBox::DestructiveRole);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    // An Enter in the slug field must never remove anything: Cancel is the default.
    m_remove->setAutoDefault(false);
    cancelButton()->setDefault(true);
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: #b3261e; "
                                                   "padding: 4px"));
    m_ui->errorLabel->hide();
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &RemoveSiteDialog::updateState);
    connect(m_ui->deleteBackupsCheck, &QCheckBox::toggled, this, &RemoveSiteDialog::updateState);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!canRemove())
            return;
        m_ui->errorLabel->hide();
        emit removeRequested(m_site.id, deleteBackups(), confirmation());
    });
    updateState();
}

RemoveSiteDialog::~RemoveSiteDialog() = default;

QPushButton *RemoveSiteDialog::cancelButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Cancel);
}

void RemoveSiteDialog::setSite(const Site &site)
{
    m_site = site;
    setWindowTitle(tr("Remove Site %1").arg(site.id));
    m_ui->headingLabel->setText(tr("Remove %1 (%2) for good?").arg(site.name.isEmpty() ? site.id : site.name, site.id));
    QStringList envs;
    for (Environment env : site.environments())
        envs << Format::environmentLong(env);
    m_ui->summaryLabel->setText(tr("This removes the site %1, its environments (%2) and their MySQL passwords "
                                   "from the keychain.")
                                    .arg(site.id, envs.join(QStringLiteral(", "))));
    m_ui->confirmEdit->clear();
    m_ui->confirmEdit->setPlaceholderText(site.id);
    m_ui->errorLabel->hide();
    updateState();
}

void RemoveSiteDialog::setBackupCount(int count)
{
    m_backupCount = count;
    updateState();
}

bool RemoveSiteDialog::deleteBackups() const
{
    return m_ui->deleteBackupsCheck->isChecked();
}

QString RemoveSiteDialog::confirmation() const
{
    return m_ui->confirmEdit->text();
}

bool RemoveSiteDialog::canRemove() const
{
    if (m_busy || m_site.id.isEmpty() || confirmation() != m_site.id)
        return false;
    // removeSite() refuses a site that still has backups: only with them.
    return m_backupCount <= 0 || deleteBackups();
}

void RemoveSiteDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->confirmEdit->setReadOnly(busy);
    m_remove->setText(busy ? tr("Removing…") : tr("&Remove Site"));
    updateState();
}

void RemoveSiteDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

void RemoveSiteDialog::updateState()
{
    QCheckBox *check = m_ui->deleteBackupsCheck;
    check->setText(m_backupCount == 1       ? tr("Also &delete its backup")
                       : m_backupCount >= 0 ? tr("Also &delete all %1 backups").arg(m_backupCount)
                                            : tr("Also &delete all backups of this site"));
    if (m_backupCount == 0)
        check->setChecked(false);
    check->setEnabled(!m_busy && m_backupCount != 0);
    QString note;
    if (deleteBackups())
        note = tr("Every backup object, manifest and catalog row of this site is deleted too. This cannot be "
                  "undone.");
    else if (m_backupCount == 1)
        note = tr("The site still has a backup, so it can only be removed together with it: check \"Also "
                  "delete its backup\" to do so.");
    else if (m_backupCount > 0)
        note = tr("The site still has %1 backups, so it can only be removed together with them: check \"Also "
                  "delete all backups\" to do so.")
                   .arg(m_backupCount);
    else if (m_backupCount == 0)
        note = tr("The site has no backups.");
    else
        note = tr("A site that still has backups can only be removed together with them.");
    m_ui->backupsNoteLabel->setText(note);
    m_remove->setEnabled(canRemove());
    m_remove->setToolTip(m_remove->isEnabled() || m_busy
                             ? QString()
                             : tr("Type the site's slug %1 exactly to enable removing it.").arg(m_site.id));
}
