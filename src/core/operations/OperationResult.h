// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/AuditEntry.h"

#include <QString>

/// How a synchronous operation ended, with the message a front end shows as is: on success what
/// was done, otherwise what happened and what to do. Refused means nothing was touched.
struct OperationResult
{
    AuditOutcome outcome = AuditOutcome::Success;
    QString message;

    bool succeeded() const { return outcome == AuditOutcome::Success; }
    static OperationResult success(const QString &message = {}) { return { AuditOutcome::Success, message }; }
    static OperationResult failure(const QString &message) { return { AuditOutcome::Failure, message }; }
    static OperationResult refused(const QString &message) { return { AuditOutcome::Refused, message }; }
};
