// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Job.h"

#include <QString>

#include <functional>

/// One read, write or remove of a secret, as a Job (see SecretStore). After finished():
/// - a successful read has secret(), or isNotFound() when nothing is stored under the key
///   (not an error: the caller decides whether a missing secret is one);
/// - a failed job has errorString() saying what to do (e.g. start a Secret Service).
class SecretJob : public Job
{
    Q_OBJECT

public:
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)

    /// A job that runs @p work on start (queued, so finished() never fires inside start()).
    /// @p work ends the job through completeRead / completeNotFound / completeDone / completeFailed.
    static SecretJob *fromFunction(Operation operation, const QString &key, std::function<void(SecretJob &)> work,
                                   QObject *parent = nullptr);

    Operation operation() const { return m_operation; }
    QString key() const { return m_key; }
    QString secret() const { return m_secret; }
    bool isNotFound() const { return m_notFound; }

    // For store implementations: end the job with a result.
    void completeRead(const QString &secret);
    void completeNotFound();
    void completeDone();
    void completeFailed(Error error, const QString &message);

protected:
    SecretJob(Operation operation, const QString &key, QObject *parent = nullptr);

private:
    Operation m_operation;
    QString m_key;
    QString m_secret;
    bool m_notFound = false;
};
