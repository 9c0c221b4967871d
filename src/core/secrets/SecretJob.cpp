// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretJob.h"

#include <QMetaObject>

namespace {
class FunctionSecretJob : public SecretJob
{
public:
    FunctionSecretJob(Operation operation, const QString &key, std::function<void(SecretJob &)> work, QObject *parent)
        : SecretJob(operation, key, parent)
        , m_work(std::move(work))
    { }

protected:
    void doStart() override
    {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!isFinished())
                    m_work(*this);
            },
            Qt::QueuedConnection);
    }

private:
    std::function<void(SecretJob &)> m_work;
};
} // namespace

SecretJob::SecretJob(Operation operation, const QString &key, QObject *parent)
    : Job(parent)
    , m_operation(operation)
    , m_key(key)
{ }

SecretJob *SecretJob::fromFunction(Operation operation, const QString &key, std::function<void(SecretJob &)> work,
                                   QObject *parent)
{
    return new FunctionSecretJob(operation, key, std::move(work), parent);
}

void SecretJob::completeRead(const QString &secret)
{
    m_secret = secret;
    m_notFound = false;
    finishWithSuccess();
}

void SecretJob::completeNotFound()
{
    m_secret.clear();
    m_notFound = true;
    finishWithSuccess();
}

void SecretJob::completeDone()
{
    finishWithSuccess();
}

void SecretJob::completeFailed(Error error, const QString &message)
{
    finishWithError(error, message);
}
