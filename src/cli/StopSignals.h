// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

/// SIGINT and SIGTERM for long-running commands (worker, backup create, schedules run, restore,
/// env sync, dump, load, and every command run through CliContext::runStoppableJob): while an object
/// exists, the signals no longer kill the process; the first one emits stopRequested() from the
/// event loop, so the command can stop its jobs cleanly (dump stopped, upload aborted and the
/// abort awaited). If cleaning up takes longer than @p graceMs after the signal, the process
/// exits at once with 128 + signal: whatever was not confirmed stays In Progress in the catalog
/// for recovery, and the process is gone before a service manager's own deadline. That deadline
/// is kept by a thread of its own, woken from the signal handler, so it holds whatever the main
/// thread is stuck in (a write to a pipe nobody reads, a call to a server that stopped answering).
class StopSignals : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(int graceMs = 14000, QObject *parent = nullptr);
    /// For a restore or sync: a rollback after a stop must not be cut short (if the process is
    /// killed anyway, the next worker or console start finishes it).
    static constexpr int kRollbackGraceMs = 15 * 60 * 1000;
    /// What a restore or sync that still did not finish after kRollbackGraceMs says as it exits.
    static QString rollbackGraceMessage(const QString &environment);
    ~StopSignals() override;

    /// What the process says when it exits at the end of the grace period (by default, that
    /// unfinished backups stay In Progress).
    void setGraceMessage(const QString &message);
    /// The grace message for a command that runs no backup: "cleaning up took too long; exiting now".
    static QString plainGraceMessage();
    /// Once this object is gone, SIGINT and SIGTERM are ignored until the process exits: for a
    /// command whose outcome is settled when its job ends (a restore that replaced its target), a
    /// signal in its last moments must not kill it and make the exit status say it was stopped.
    void ignoreSignalsAfterwards() { m_ignoreAfterwards = true; }

    /// For the blocking engines (`dump`, `load`): runs @p work on a thread of its own while this
    /// thread's event loop serves the signals; the first SIGINT or SIGTERM sets @p cancel, which
    /// the engine polls. Returns what @p work returned. Call from the main thread, outside any
    /// event loop.
    bool runCancellable(const std::function<bool()> &work, std::atomic<bool> *cancel);

    /// The signal received (SIGINT, SIGTERM), 0 if none.
    static int received();
    /// "SIGINT" or "SIGTERM", for messages; empty if none.
    static QString receivedName();
    /// 130 after SIGINT, 143 after SIGTERM (the shell's convention), 0 if none.
    static int exitCode();

signals:
    void stopRequested(int signal);

private:
    struct Deadline;

    QTimer m_poll;
    bool m_emitted = false;
    bool m_ignoreAfterwards = false;
    std::shared_ptr<Deadline> m_deadline; ///< shared with its thread, which may outlive this object
    std::thread m_deadlineThread;
};
