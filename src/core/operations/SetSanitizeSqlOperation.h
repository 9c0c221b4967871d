// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"

/// Stores (or, with empty SQL, clears) a site's custom sanitizing SQL, which an environment sync
/// runs on the target after the load. Audited as "env.sanitize-sql".
class SetSanitizeSqlOperation
{
public:
    explicit SetSanitizeSqlOperation(const OperationContext &context);

    OperationResult run(const QString &siteId, const QString &sql);

private:
    OperationContext m_context;
};
