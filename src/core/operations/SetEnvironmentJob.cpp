// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetEnvironmentJob.h"

#include "secrets/SecretJob.h"
#include "secrets/SecretStore.h"

SetEnvironmentJob::SetEnvironmentJob(const OperationContext &context, const EnvironmentConfig &config,
                                     std::optional<QString> password, QObject *parent)
    : Job(parent)
    , m_context(context)
    , m_config(config)
    , m_password(std::move(password))
{
    m_config.endpoint.password.clear(); // never to the catalog
}

void SetEnvironmentJob::doStart()
{
    const int failedBefore = m_context.catalog->failedStatements();
    const auto site = Slug::isValid(m_config.siteId) ? m_context.catalog->site(m_config.siteId) : std::nullopt;
    if (!site) {
        finish(AuditOutcome::Refused,
               m_context.catalog->absentReason(failedBefore, tr("Site \"%1\" does not exist.").arg(m_config.siteId)));
        return;
    }
    if (const QString missing = site->missingEnvironmentReason(m_config.environment); !missing.isEmpty()) {
        finish(AuditOutcome::Refused, missing);
        return;
    }
    if (!m_context.catalog->setEnvironment(m_config)) {
        finish(AuditOutcome::Failure, m_context.catalog->lastError());
        return;
    }
    m_endpointSaved = true;
    if (!m_password || !m_context.secrets) {
        finish(AuditOutcome::Success, {});
        return;
    }
    SecretJob *job = m_password->isEmpty() ? m_context.secrets->remove(m_config.secretKey())
                                           : m_context.secrets->write(m_config.secretKey(), *m_password);
    m_secretJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job->succeeded())
            finish(AuditOutcome::Success, {});
        else
            finish(AuditOutcome::Failure,
                   tr("Saved the endpoint, but could not store the password: %1").arg(job->errorString()));
    });
    job->start();
}

void SetEnvironmentJob::doAbort()
{
    if (m_secretJob)
        m_secretJob->abort();
}

void SetEnvironmentJob::finish(AuditOutcome outcome, const QString &message)
{
    if (isFinished())
        return;
    m_outcome = outcome;
    QString detail
        = Environments::toString(m_config.environment) + QStringLiteral(" -> ") + m_config.endpoint.describe();
    if (outcome == AuditOutcome::Success && m_password)
        detail += m_password->isEmpty() ? tr(" (password removed)") : tr(" (password in the keychain)");
    if (!message.isEmpty())
        detail += QStringLiteral(": ") + message;
    m_context.audit(QStringLiteral("env.set"), outcome, m_config.siteId, m_config.environment, {}, detail);
    if (outcome == AuditOutcome::Success)
        finishWithSuccess();
    else
        finishWithError(Error::Fatal, message);
}
