// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaveSiteOperation.h"

#include "catalog/Catalog.h"

#include <QCoreApplication>

SaveSiteOperation::SaveSiteOperation(const OperationContext &context)
    : m_context(context)
{ }

OperationResult SaveSiteOperation::run(const Site &site, Mode mode)
{
    const bool exists = Slug::isValid(site.id) && m_context.catalog->site(site.id).has_value();
    const QString action = exists && mode == Mode::AddOrEdit ? QStringLiteral("site.edit") : QStringLiteral("site.add");
    const QString detail
        = QStringLiteral("%1 tier, customer %2").arg(Environments::tierToString(site.tier), site.customer);
    auto refuse = [&](const QString &message) {
        m_context.audit(action, AuditOutcome::Refused, site.id, std::nullopt, {}, message);
        return OperationResult::refused(message);
    };
    if (!Slug::isValid(site.id))
        return refuse(Slug::validationError(site.id, QStringLiteral("site")));
    if (!Slug::isValid(site.customer))
        return refuse(Slug::validationError(site.customer, QStringLiteral("customer")));
    if (exists && mode == Mode::Add)
        return refuse(QCoreApplication::translate("SaveSiteOperation", "Site \"%1\" already exists.").arg(site.id));
    const bool ok = exists ? m_context.catalog->updateSite(site) : m_context.catalog->addSite(site);
    if (!ok) {
        const QString message = m_context.catalog->lastError();
        m_context.audit(action, AuditOutcome::Failure, site.id, std::nullopt, {}, message);
        return OperationResult::failure(message);
    }
    m_context.audit(action, AuditOutcome::Success, site.id, std::nullopt, {}, detail);
    return OperationResult::success();
}
