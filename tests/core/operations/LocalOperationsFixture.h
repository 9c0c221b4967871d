// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../catalog/FakeClock.h"
#include "../catalog/TestCatalogFile.h"
#include "operations/OperationContext.h"
#include "secrets/InMemorySecretStore.h"
#include "storage/LocalFolderStore.h"

#include <QTemporaryDir>

#include <memory>

/// What the unit tests of operations work on: a fresh SQLite catalog per test function, a local
/// folder store and secrets in memory, on a clock the test moves by hand.
struct LocalOperationsFixture
{
    QTemporaryDir dir;
    FakeClock clock;
    std::unique_ptr<Catalog> catalog;
    std::unique_ptr<LocalFolderStore> store;
    InMemorySecretStore secrets;

    /// Opens the running test function's catalog and the store; false, with the reason in
    /// @p error, when the catalog cannot be opened.
    bool open(QString *error)
    {
        catalog = dir.isValid() ? openTestCatalog(dir, &clock, error) : nullptr;
        store = std::make_unique<LocalFolderStore>(dir.filePath(QStringLiteral("store")));
        return catalog != nullptr;
    }

    /// open(), then the site these tests work on: "shop" of customer "acme", of @p tier.
    bool openWithShop(Tier tier, QString *error)
    {
        if (!open(error))
            return false;
        if (catalog->addSite(Site{ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), tier, {} }))
            return true;
        *error = catalog->lastError();
        return false;
    }

    /// A database for the shop's @p env (to store with Catalog::setEnvironment()).
    static EnvironmentConfig shopEnvironment(Environment env)
    {
        EnvironmentConfig config;
        config.siteId = QStringLiteral("shop");
        config.environment = env;
        config.endpoint.host = QStringLiteral("db");
        config.endpoint.database = QStringLiteral("shop");
        config.endpoint.user = QStringLiteral("u");
        return config;
    }

    /// All of the above for an operation run by @p actor.
    OperationContext context(const QString &actor)
    {
        OperationContext c;
        c.catalog = catalog.get();
        c.secrets = &secrets;
        c.store = store.get();
        c.clock = &clock;
        c.actor = actor;
        return c;
    }
};
