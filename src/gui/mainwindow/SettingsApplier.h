// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/JobProgress.h"

#include <QHash>
#include <QObject>

class QWidget;
class ServiceHost;

/// Applies saved settings to the running console. When storage, catalog or actor changed, the
/// service is rebuilt through the ServiceHost: at once when nothing runs; otherwise the
/// engineer chooses between stopping the running jobs now and applying when they have finished
/// (never a silent kill). The window reports the jobs it sees start and finish.
class SettingsApplier : public QObject
{
    Q_OBJECT

public:
    /// The question is a window-modal box over @p window.
    explicit SettingsApplier(QWidget *window);

    /// Null: settings are only saved (widget tests).
    void setHost(ServiceHost *host) { m_host = host; }
    void jobStarted(const JobProgress &progress);
    /// A deferred rebuild happens once the last running job has finished.
    void jobFinished(const QString &jobId);
    QList<JobProgress> runningJobs() const { return m_running.values(); }

    /// The settings were saved and @p secretsChanged are in the keychain: rebuild, ask, or
    /// nothing to do.
    void apply(bool secretsChanged);
    /// From the rebuild until the host has created the new service (then call restarted()).
    bool restarting() const { return m_restarting; }
    void restarted() { m_restarting = false; }

signals:
    void statusMessage(const QString &text, int timeoutMsec);

private:
    void restart();

    QWidget *m_window;
    ServiceHost *m_host = nullptr;
    QHash<QString, JobProgress> m_running; ///< by job id
    bool m_restartWhenIdle = false; ///< the engineer chose "Apply When Finished"
    bool m_restarting = false;
};
