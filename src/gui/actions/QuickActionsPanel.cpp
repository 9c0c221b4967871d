// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuickActionsPanel.h"

#include "widgets/Format.h"

#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

QuickActionsPanel::QuickActionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_envMenu(new QMenu(this))
    , m_selection(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("QuickActionsPanel"));
    setAccessibleName(tr("Quick Actions"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *title = new QLabel(tr("Quick Actions"), this);
    QFont titleFont = title->font();
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    layout->addWidget(title);

    m_create = addButton(QStringLiteral("createBackupButton"), tr("&Create Backup"), tr("Create backup"));
    m_create->setDefault(true);
    m_create->setToolTip(tr("Back up the selected environment now (Ctrl+B)"));
    layout->addWidget(m_create);
    m_download = addButton(QStringLiteral("downloadButton"), tr("&Download…"), tr("Download backup"));
    m_download->setToolTip(tr("Download the selected backup and verify its SHA-256 (Ctrl+D)"));
    layout->addWidget(m_download);
    m_link = addButton(QStringLiteral("copyLinkButton"), tr("Copy Download &Link"), tr("Copy download link"));
    m_link->setToolTip(tr("Put a fresh link, valid for 15 minutes, on the clipboard (Ctrl+Shift+C)"));
    layout->addWidget(m_link);
    layout->addSpacing(6);
    m_restore = addButton(QStringLiteral("restoreButton"), tr("&Restore…"), tr("Restore backup"));
    layout->addWidget(m_restore);
    m_restoreFile
        = addButton(QStringLiteral("restoreFileButton"), tr("Restore from &File…"), tr("Restore from an SQL file"));
    m_restoreFile->setToolTip(tr("Load a .sql or .sql.gz file (a customer's own dump) into an environment, after a "
                                 "pre-restore backup"));
    layout->addWidget(m_restoreFile);
    m_sync = addButton(QStringLiteral("syncButton"), tr("S&ync Environments…"), tr("Sync environments"));
    layout->addWidget(m_sync);
    layout->addSpacing(6);
    m_verify = addButton(QStringLiteral("verifyButton"), tr("&Verify"), tr("Verify backup"));
    m_verify->setToolTip(tr("Read the stored backup back and check its SHA-256 and gzip integrity"));
    layout->addWidget(m_verify);
    m_pin = addButton(QStringLiteral("pinButton"), tr("&Pin"), tr("Pin backup"));
    m_pin->setCheckable(true);
    m_pin->setToolTip(tr("A pinned backup is never removed by retention"));
    layout->addWidget(m_pin);
    m_delete = addButton(QStringLiteral("deleteButton"), tr("Dele&te…"), tr("Delete backup"));
    m_delete->setToolTip(tr("Delete the selected backup from storage and the catalog (Del)"));
    layout->addWidget(m_delete);

    m_selection->setObjectName(QStringLiteral("selectionLabel"));
    m_selection->setWordWrap(true);
    m_selection->setEnabled(false);
    layout->addSpacing(8);
    layout->addWidget(m_selection);

    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setAccessibleName(tr("Download progress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status->setObjectName(QStringLiteral("actionStatus"));
    m_status->setWordWrap(true);
    // The buttons set the panel's width; the two labels wrap inside it. Were their texts to
    // count, the backup table beside the panel would change width with every selection.
    QSizePolicy wrapping(QSizePolicy::Ignored, QSizePolicy::Preferred, QSizePolicy::Label);
    wrapping.setHeightForWidth(true);
    for (QLabel *label : { m_selection, m_status })
        label->setSizePolicy(wrapping);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch(1);

    m_envMenu->setObjectName(QStringLiteral("createBackupEnvironmentMenu"));
    m_envMenu->setTitle(tr("Back up which environment?"));
    m_envMenu->setToolTipsVisible(true);

    connect(m_create, &QPushButton::clicked, this, &QuickActionsPanel::onCreateClicked);
    connect(m_download, &QPushButton::clicked, this, [this] { emit downloadRequested(m_record); });
    connect(m_link, &QPushButton::clicked, this, [this] { emit copyLinkRequested(m_record); });
    connect(m_verify, &QPushButton::clicked, this, [this] { emit verifyRequested(m_record); });
    connect(m_pin, &QPushButton::clicked, this, [this](bool checked) { emit pinRequested(m_record, checked); });
    connect(m_delete, &QPushButton::clicked, this, [this] { emit deleteRequested(m_record); });
    connect(m_restore, &QPushButton::clicked, this, [this] { emit restoreRequested(m_record); });
    connect(m_restoreFile, &QPushButton::clicked, this, &QuickActionsPanel::restoreFromFileRequested);
    connect(m_sync, &QPushButton::clicked, this, &QuickActionsPanel::syncRequested);
    updateButtons();
}

QPushButton *QuickActionsPanel::addButton(const QString &objectName, const QString &text, const QString &accessible)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(accessible);
    button->setMinimumWidth(170);
    return button;
}

void QuickActionsPanel::setSite(const Site &site)
{
    m_site = site;
    m_record = {};
    m_status->clear();
    m_progress->hide();
    updateButtons();
}

void QuickActionsPanel::setEnvironment(std::optional<Environment> environment)
{
    m_environment = environment;
    updateButtons();
}

void QuickActionsPanel::setRecord(const BackupRecord &record)
{
    m_record = record;
    updateButtons();
}

void QuickActionsPanel::setLinksAvailable(bool available, const QString &reason)
{
    m_linksAvailable = available;
    m_linksUnavailableReason = reason;
    updateButtons();
}

void QuickActionsPanel::setLockedEnvironments(const QMap<Environment, QString> &reasons)
{
    m_locked = reasons;
    updateButtons();
}

void QuickActionsPanel::updateButtons()
{
    const bool haveSite = !m_site.id.isEmpty();
    const bool completed = m_record.isValid() && m_record.status == BackupStatus::Completed;
    const bool createLocked = m_environment && m_locked.contains(*m_environment);
    m_create->setEnabled(haveSite && !createLocked);
    m_create->setToolTip(createLocked ? m_locked.value(*m_environment)
                                      : tr("Back up the selected environment now (Ctrl+B)"));
    m_create->setText(haveSite && m_environment ? tr("&Create Backup (%1)").arg(Format::environment(*m_environment))
                                                : tr("&Create Backup…"));
    m_download->setEnabled(completed);
    m_link->setEnabled(completed && m_linksAvailable);
    m_link->setToolTip(m_linksAvailable ? tr("Put a fresh link, valid for 15 minutes, on the clipboard (Ctrl+Shift+C)")
                                        : m_linksUnavailableReason);
    m_verify->setEnabled(completed);
    m_pin->setEnabled(completed);
    m_pin->setChecked(m_record.pinned);
    m_pin->setText(m_record.pinned ? tr("Un&pin") : tr("&Pin"));
    m_delete->setEnabled(m_record.isValid() && Backups::isTerminal(m_record.status) && !m_record.pinned);
    m_delete->setToolTip(m_record.pinned ? tr("Unpin the backup before deleting it")
                                         : tr("Delete the selected backup from storage and the catalog (Del)"));
    const bool restoreLocked = completed && m_locked.contains(m_record.environment);
    m_restore->setEnabled(completed && !restoreLocked);
    m_restore->setToolTip(restoreLocked ? m_locked.value(m_record.environment)
                                        : tr("Restore the selected backup into an environment of this site, after a "
                                             "pre-restore backup"));
    m_restoreFile->setEnabled(haveSite);
    const bool developer = haveSite && m_site.tier == Tier::Developer;
    m_sync->setEnabled(developer);
    m_sync->setToolTip(!haveSite       ? QString()
                           : developer ? tr("Copy one environment's database over another's, after a pre-sync backup")
                                       : tr("Environment sync is part of the developer tier; this site is on the basic "
                                            "tier with production only."));

    if (!m_record.isValid())
        m_selection->setText(haveSite ? tr("Select a backup to download, verify or delete it.") : QString());
    else
        m_selection->setText(tr("Selected: %1 backup of %2, %3")
                                 .arg(Format::environment(m_record.environment), Format::localTime(m_record.createdAt),
                                      Format::status(m_record.status)));
}

void QuickActionsPanel::onCreateClicked()
{
    if (m_environment) {
        emit createBackupRequested(*m_environment);
        return;
    }
    m_envMenu->clear();
    for (Environment env : m_site.environments()) {
        QAction *action = m_envMenu->addAction(Format::environmentLong(env), this,
                                               [this, env] { emit createBackupRequested(env); });
        action->setObjectName(QStringLiteral("createIn_") + Environments::toString(env));
        action->setEnabled(!m_locked.contains(env));
        action->setToolTip(m_locked.value(env));
    }
    m_envMenu->popup(m_create->mapToGlobal(QPoint(0, m_create->height())));
}

void QuickActionsPanel::showDownloadProgress(qint64 done, qint64 total)
{
    m_progress->show();
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(done * 1000 / total));
        m_status->setText(tr("Downloading… %1 of %2").arg(Format::size(done), Format::size(total)));
    } else {
        m_progress->setRange(0, 0);
        m_status->setText(tr("Downloading… %1").arg(Format::size(done)));
    }
}

void QuickActionsPanel::showDownloadResult(bool ok, const QString &text)
{
    m_progress->hide();
    m_status->setText(ok ? tr("✔ %1").arg(text) : tr("✘ %1").arg(text));
}

void QuickActionsPanel::showLink(const QDateTime &expiresAtUtc)
{
    m_progress->hide();
    m_status->setText(tr("Download link copied to the clipboard. It expires at %1.")
                          .arg(QLocale().toString(expiresAtUtc.toLocalTime().time(), QLocale::ShortFormat)));
}
