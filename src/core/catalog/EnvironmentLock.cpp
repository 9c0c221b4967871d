// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentLock.h"

QString EnvironmentLock::stateToString(State state)
{
    return state == State::Interrupted ? QStringLiteral("interrupted") : QStringLiteral("running");
}

EnvironmentLock::State EnvironmentLock::stateFromString(const QString &text)
{
    return text == QLatin1String("interrupted") ? State::Interrupted : State::Running;
}

QString EnvironmentLock::phaseToString(Phase phase)
{
    switch (phase) {
    case Phase::PreBackup:
        return QStringLiteral("pre-backup");
    case Phase::Replace:
        return QStringLiteral("replace");
    case Phase::Check:
        return QStringLiteral("check");
    case Phase::Rollback:
        return QStringLiteral("rollback");
    }
    return {};
}

EnvironmentLock::Phase EnvironmentLock::phaseFromString(const QString &text)
{
    for (Phase p : { Phase::PreBackup, Phase::Replace, Phase::Check, Phase::Rollback }) {
        if (text == phaseToString(p))
            return p;
    }
    // Unknown text from a newer version: assume the worst, the target may have changed.
    return Phase::Replace;
}
