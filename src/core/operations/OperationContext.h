// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/AuditEntry.h"

#include <QString>

#include <optional>

class Catalog;
class Clock;
class ObjectStore;
class SecretStore;

/// What every operation (one use case: create a backup, link, pin, restore, ...) works with.
/// The front end builds it once: the console's service in its service thread, a CLI command in
/// main(). Operations never open their own catalog, store or keychain, so the console and the
/// CLI run the same code against the same collaborators. Pointers are borrowed, never owned.
struct OperationContext
{
    Catalog *catalog = nullptr;
    SecretStore *secrets = nullptr;
    /// Null when no storage is configured or the operation needs none.
    ObjectStore *store = nullptr;
    const Clock *clock = nullptr;
    /// Who acts: the OS account or the name set in Settings (console), $USER (CLI). Recorded as
    /// created_by and in every audit entry.
    QString actor;
    /// Unique per process (WorkerIdentity): claims, heartbeats and locks are held under it.
    QString workerId;
    int heartbeatSeconds = 10;

    /// Writes the operation's one audit entry as actor, at the clock's now.
    void audit(const QString &action, AuditOutcome outcome, const QString &siteId, std::optional<Environment> env,
               const QString &backupId = {}, const QString &detail = {}) const;
};
