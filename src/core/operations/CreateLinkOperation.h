// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

#include <QDateTime>
#include <QUrl>

/// A download link for a completed backup ("backup.link"): a presigned GET URL valid for
/// validitySeconds(), signed now. Refused for backups that are not completed and with the local
/// folder store, which has no URL to sign (the message says to download instead).
class CreateLinkOperation
{
public:
    explicit CreateLinkOperation(const OperationContext &context);

    static constexpr int validitySeconds() { return 900; }

    OperationResult run(const QString &backupId);
    QUrl url() const { return m_url; }
    QDateTime expiresAtUtc() const { return m_expiresAt; }

private:
    OperationContext m_context;
    QUrl m_url;
    QDateTime m_expiresAt;
};
