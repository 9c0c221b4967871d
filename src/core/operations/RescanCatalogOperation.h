// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"

class QObject;
class RescanJob;

/// Rebuilds or repairs catalog rows from the manifests in the bucket ("catalog.rescan"). The
/// RescanJob it hands out, not started, writes the audit entry when it finishes.
class RescanCatalogOperation
{
public:
    explicit RescanCatalogOperation(const OperationContext &context);

    RescanJob *prepare(QObject *parent = nullptr);

    /// What a successful rescan did, in one sentence without a final stop ("3 manifests read, ..."),
    /// as the console, the command line and the audit log say it.
    static QString summary(const RescanJob &job);

private:
    OperationContext m_context;
};
