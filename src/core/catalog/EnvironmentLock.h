// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Environment.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

/// A restore or sync that holds an environment (catalog table env_restores, schema v8): from the
/// pre-restore backup to the final check no backup of the environment is claimed (except the
/// pre-restore backup itself) and a second restore or sync of it is refused.
///
/// A lock whose runner stopped heartbeating (process killed) is marked Interrupted by recovery,
/// which every command runs; it then stays until a process that holds the secrets (worker,
/// console) rolls the target back from preBackupId and removes it.
struct EnvironmentLock
{
    enum class State { Running, Interrupted };
    /// How far the restore got: until Replace the target is untouched.
    enum class Phase { PreBackup, Replace, Check, Rollback };

    QString siteId;
    Environment environment = Environment::Prod;
    QString kind; ///< "restore" or "sync"
    State state = State::Running;
    Phase phase = Phase::PreBackup;
    QString source; ///< what is restored, for people: "backup ID", "file PATH", "prod"
    QString preBackupId; ///< empty until the pre-restore backup was created
    QString workerId;
    QString actor;
    QDateTime startedAt;
    QDateTime heartbeatAt;
    int heartbeatSeconds = 0;
    QString reason; ///< why it is Interrupted, for the console and CLI

    bool isValid() const { return !siteId.isEmpty(); }
    /// Whether the target may differ from its state before the restore (rollback needed).
    bool targetTouched() const { return phase != Phase::PreBackup; }

    static QString stateToString(State state);
    static State stateFromString(const QString &text);
    static QString phaseToString(Phase phase);
    static Phase phaseFromString(const QString &text);
};

Q_DECLARE_METATYPE(EnvironmentLock)
