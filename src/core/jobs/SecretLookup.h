// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QObject;
class SecretStore;

/// Reads one secret and hands it to a callback, as the jobs need it: a missing secret is not
/// an error (an empty password: socket auth or a password-less account), a keychain failure is.
/// The callback runs in @p context's thread and is dropped if @p context dies first.
namespace SecretLookup {
using Callback = std::function<void(bool ok, const QString &secret, const QString &error)>;
void read(SecretStore *store, const QString &key, QObject *context, Callback callback);
} // namespace SecretLookup
