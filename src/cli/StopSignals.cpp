// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StopSignals.h"

#include "CliContext.h"
#include "Commands.h"

#include <QCoreApplication>
#include <QThread>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

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
    m_graceMessage = Cli::tr("cleaning up took too long; exiting now (unfinished backups stay In Progress until "
                             "recovery removes what they left)");
    connect(&m_grace, &QTimer::timeout, this, [this] {
        const int code = exitCode();
        // Saying why can block as well (a stderr or stdout whose reader stopped reading, or a
        // thread holding stdout's lock inside such a write): the exit happens a second later
        // whatever became of the message.
        std::thread([code] {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            std::_Exit(code);
        }).detach();
        CliContext::warn(m_graceMessage);
        std::fflush(stdout);
        std::fflush(stderr);
        // No destructors: they would wait for what did not finish, and must not mark rows.
        std::_Exit(code);
    });
}

StopSignals::~StopSignals()
{
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
}

bool StopSignals::runCancellable(const std::function<bool()> &work, std::atomic<bool> *cancel)
{
    const QMetaObject::Connection stop = connect(this, &StopSignals::stopRequested, this, [cancel] { *cancel = true; });
    bool result = false;
    std::unique_ptr<QThread> thread(QThread::create([&] { result = work(); }));
    // Queued: the loop must be running when a thread that ends at once reports it.
    connect(
        thread.get(), &QThread::finished, this, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    thread->start();
    QCoreApplication::exec();
    thread->wait();
    disconnect(stop);
    return result;
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
