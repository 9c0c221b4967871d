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

private:
    OperationContext m_context;
};
