// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StopSignals.h"

#include "CliContext.h"
#include "Commands.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace {

std::atomic<int> g_signal{ 0 };

void onSignal(int signal)
{
    // Only an atomic store: everything else happens in the event loop.
    int none = 0;
    g_signal.compare_exchange_strong(none, signal);
}

} // namespace

StopSignals::StopSignals(int graceMs, QObject *parent)
    : QObject(parent)
{
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    // Polled rather than a self-pipe: a fifth of a second is nothing next to stopping a dump.
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!g_signal.load() || m_emitted)
            return;
        m_emitted = true;
        m_grace.start();
        emit stopRequested(g_signal.load());
    });
    m_poll.start();
    m_grace.setSingleShot(true);
    m_grace.setInterval(graceMs);
    connect(&m_grace, &QTimer::timeout, this, [] {
        CliContext::warn(Cli::tr("cleaning up took too long; exiting now (unfinished backups stay In Progress "
                                 "until recovery removes what they left)"));
        std::fflush(stdout);
        std::fflush(stderr);
        // No destructors: they would wait for what did not finish, and must not mark rows.
        std::_Exit(exitCode());
    });
}

StopSignals::~StopSignals()
{
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
}

int StopSignals::received()
{
    return g_signal.load();
}

int StopSignals::exitCode()
{
    const int s = g_signal.load();
    return s ? 128 + s : 0;
}
