// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StopSignals.h"

#include "CliContext.h"
#include "Commands.h"

#include <QCoreApplication>
#include <QThread>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <semaphore.h>
#include <thread>

namespace {

std::atomic<int> g_signal{ 0 };
/// The semaphore the current StopSignals' deadline thread waits on (sem_post is one of the few
/// calls allowed in a signal handler).
std::atomic<sem_t *> g_wake{ nullptr };

void onSignal(int signal)
{
    int none = 0;
    g_signal.compare_exchange_strong(none, signal);
    if (sem_t *wake = g_wake.load())
        sem_post(wake);
}

} // namespace

struct StopSignals::Deadline
{
    explicit Deadline(int ms)
        : graceMs(ms)
    {
        sem_init(&wake, 0, 0);
    }
    ~Deadline() { sem_destroy(&wake); }

    sem_t wake;
    const int graceMs;
    std::atomic<bool> disarmed{ false };
    std::mutex mutex; ///< guards message
    QString message;

    void run()
    {
        while (sem_wait(&wake) != 0 && errno == EINTR) {
        }
        if (disarmed.load())
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(graceMs));
        const int code = StopSignals::exitCode();
        QString text;
        {
            std::lock_guard<std::mutex> lock(mutex);
            text = message;
        }
        // Saying why can block as well (a stderr whose reader stopped reading, or a thread
        // holding its lock inside such a write): the exit happens a second later whatever
        // became of the message.
        std::thread([code] {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            std::_Exit(code);
        }).detach();
        CliContext::warn(text);
        std::fflush(stdout);
        std::fflush(stderr);
        // No destructors: they would wait for what did not finish, and must not mark rows.
        std::_Exit(code);
    }
};

QString StopSignals::rollbackGraceMessage(const QString &environment)
{
    return Cli::tr("the stop did not finish in time; exiting now: %1 stays locked until 'creodrop-backupctl worker "
                   "--once' or the console rolls it back")
        .arg(environment);
}

StopSignals::StopSignals(int graceMs, QObject *parent)
    : QObject(parent)
    , m_deadline(std::make_shared<Deadline>(graceMs))
{
    m_deadline->message
        = plainGraceMessage() + Cli::tr(" (unfinished backups stay In Progress until recovery removes what they left)");
    m_deadlineThread = std::thread([deadline = m_deadline] { deadline->run(); });
    g_wake.store(&m_deadline->wake);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    // Polled rather than a self-pipe: a fifth of a second is nothing next to stopping a dump.
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!g_signal.load() || m_emitted)
            return;
        m_emitted = true;
        emit stopRequested(g_signal.load());
    });
    m_poll.start();
}

StopSignals::~StopSignals()
{
    std::signal(SIGTERM, m_ignoreAfterwards ? SIG_IGN : SIG_DFL);
    std::signal(SIGINT, m_ignoreAfterwards ? SIG_IGN : SIG_DFL);
    g_wake.store(nullptr);
    if (g_signal.load()) {
        // Stopping: the deadline keeps running until the process has exited.
        m_deadlineThread.detach();
        return;
    }
    m_deadline->disarmed = true;
    sem_post(&m_deadline->wake);
    m_deadlineThread.join();
}

void StopSignals::setGraceMessage(const QString &message)
{
    std::lock_guard<std::mutex> lock(m_deadline->mutex);
    m_deadline->message = message;
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

QString StopSignals::plainGraceMessage()
{
    return Cli::tr("cleaning up took too long; exiting now");
}

QString StopSignals::receivedName()
{
    switch (g_signal.load()) {
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    default:
        return {};
    }
}

int StopSignals::exitCode()
{
    const int s = g_signal.load();
    return s ? 128 + s : 0;
}
