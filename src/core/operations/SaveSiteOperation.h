// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "OperationResult.h"
#include "catalog/Site.h"

/// Adds a site ("site.add") or changes one ("site.edit"). Refused for invalid slugs and, when
/// only adding, for a site that exists.
class SaveSiteOperation
{
public:
    enum class Mode {
        Add, ///< `site add`: an existing site is refused
        AddOrEdit, ///< the console's site editor
    };

    explicit SaveSiteOperation(const OperationContext &context);

    OperationResult run(const Site &site, Mode mode);

private:
    OperationContext m_context;
};
