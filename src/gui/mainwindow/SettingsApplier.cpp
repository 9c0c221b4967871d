// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsApplier.h"

#include "ServiceHost.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

SettingsApplier::SettingsApplier(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

void SettingsApplier::jobStarted(const JobProgress &progress)
{
    m_running.insert(progress.jobId, progress);
}

void SettingsApplier::jobFinished(const QString &jobId)
{
    m_running.remove(jobId);
    if (m_restartWhenIdle && m_running.isEmpty() && m_host)
        QTimer::singleShot(0, this, &SettingsApplier::restart); // not inside the service's own signal
}

void SettingsApplier::apply(bool secretsChanged)
{
    if (!m_host || (!secretsChanged && !m_host->settingsChanged())) {
        emit statusMessage(tr("Settings saved."), 8000);
        return;
    }
    if (m_running.isEmpty()) {
        restart();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Apply Settings"),
                                m_running.size() == 1
                                    ? tr("A job is running. The new storage and catalog settings need it stopped.\n\n"
                                         "Stop it now, or apply the settings when it has finished?")
                                    : tr("%1 jobs are running. The new storage and catalog settings need them "
                                         "stopped.\n\nStop them now, or apply the settings when they have finished?")
                                          .arg(m_running.size()),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("confirmApplySettings"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *later = box->addButton(tr("Apply When Finished"), QMessageBox::AcceptRole);
    later->setObjectName(QStringLiteral("applyWhenFinished"));
    QPushButton *now = box->addButton(tr("Stop Jobs and Apply"), QMessageBox::DestructiveRole);
    now->setObjectName(QStringLiteral("stopAndApply"));
    box->setDefaultButton(later);
    connect(box, &QMessageBox::buttonClicked, this, [this, now](QAbstractButton *button) {
        if (button == now) {
            restart();
            return;
        }
        m_restartWhenIdle = true;
        emit statusMessage(tr("The new settings apply when the running jobs have finished."), 0);
        if (m_running.isEmpty()) // they finished while the question was open
            restart();
    });
    box->open();
}

void SettingsApplier::restart()
{
    if (!m_host)
        return;
    m_restartWhenIdle = false;
    m_restarting = true;
    emit statusMessage(tr("Applying the new settings…"), 0);
    m_host->restart();
}
