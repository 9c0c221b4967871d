// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OperationContext.h"
#include "catalog/Catalog.h"
#include "util/Job.h"

#include <QPointer>

#include <optional>

/// Sets how to reach a site environment's database ("env.set"): the endpoint to the catalog
/// (never its password) and, when given, the password to the secret store (an empty one removes
/// it). Refused for an unknown site or an environment its tier lacks. Asynchronous because the
/// secret store is.
class SetEnvironmentJob : public Job
{
    Q_OBJECT

public:
    /// @p password: nullopt leaves the stored one as it is.
    SetEnvironmentJob(const OperationContext &context, const EnvironmentConfig &config, std::optional<QString> password,
                      QObject *parent = nullptr);

    AuditOutcome outcome() const { return m_outcome; }
    /// The endpoint saved, even when storing the password failed afterwards.
    bool endpointSaved() const { return m_endpointSaved; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void finish(AuditOutcome outcome, const QString &message);

    OperationContext m_context;
    EnvironmentConfig m_config;
    std::optional<QString> m_password;
    QPointer<Job> m_secretJob;
    bool m_endpointSaved = false;
    AuditOutcome m_outcome = AuditOutcome::Success;
};
