// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "Commands.h"
#include "JobsSession.h"
#include "StopSignals.h"
#include "jobs/WorkerIdentity.h"
#include "secrets/SecretJob.h"
#include "util/CurrentUser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {
void printJsonDocument(const QJsonDocument &document)
{
    QTextStream(stdout) << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QString weekdayName(int isoWeekday)
{
    static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    return QLatin1String(days[qBound(1, isoWeekday, 7) - 1]);
}
QJsonValue timeOrNull(const QDateTime &dt)
{
    return dt.isValid() ? QJsonValue(CliContext::formatTime(dt)) : QJsonValue(QJsonValue::Null);
}
QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
QJsonValue sizeOrNull(qint64 bytes)
{
    return bytes < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(bytes);
}
} // namespace

CliContext::CliContext()
    : m_settings(std::make_unique<AppSettings>())
    , m_keychain(std::make_unique<KeychainSecretStore>())
    , m_secrets(std::make_unique<EnvironmentSecretStore>(m_keychain.get()))
{ }

CliContext::~CliContext() = default;

QString Cli::tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

std::optional<CatalogLocation> CliContext::resolvedCatalogLocation()
{
    QString text = qEnvironmentVariable("CREODROP_CATALOG");
    if (text.isEmpty())
        text = m_settings->catalogLocation();
    QString error;
    auto location = CatalogLocation::parse(text, &error);
    if (!location) {
        m_lastError = error;
        return std::nullopt;
    }
    if (location->kind != CatalogLocation::Kind::MySql)
        return location;
    const std::optional<QString> password = readSecret(location->secretKey());
    if (!password) {
        m_lastError = Cli::tr("Cannot read the catalog password for %1: %2").arg(location->toString(), m_lastError);
        return std::nullopt;
    }
    location->password = *password;
    return location;
}

Catalog *CliContext::openCatalog()
{
    if (m_catalog)
        return m_catalog.get();
    if (const auto location = resolvedCatalogLocation())
        m_catalog = Catalog::open(*location, &m_clock, &m_lastError);
    if (!m_catalog) {
        fail(m_lastError);
        return nullptr;
    }
    // Every process that opens the catalog fails the backups whose runner is gone before it
    // reads or changes anything, so no command shows or works next to a dead backup.
    JobsSession::recoverIfNeeded(*this);
    return m_catalog.get();
}

std::optional<BackupRecord> CliContext::findBackup(const QString &id)
{
    auto record = m_catalog->backup(id);
    if (!record && !catalogFailed())
        fail(Cli::tr("There is no backup %1 in the catalog.").arg(id));
    return record;
}

OperationContext CliContext::operationContext()
{
    OperationContext context;
    context.catalog = m_catalog.get();
    context.secrets = m_secrets.get();
    context.clock = &m_clock;
    context.actor = actor();
    context.workerId = WorkerIdentity::current();
    context.heartbeatSeconds = WorkerIdentity::heartbeatSeconds();
    return context;
}

int CliContext::report(const OperationResult &result)
{
    if (!result.succeeded())
        return fail(result.message);
    if (!result.message.isEmpty())
        printLine(result.message);
    return Cli::Success;
}

bool CliContext::runJob(Job *job)
{
    job->setAutoDelete(false);
    // Queued, so the loop ends after every other slot connected to finished() has run.
    QObject::connect(
        job, &Job::finished, QCoreApplication::instance(), [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    // Started from inside the loop: a job that finishes at once still finds the loop running.
    QTimer::singleShot(0, job, [job] { job->start(); });
    QCoreApplication::exec();
    return job->succeeded();
}

bool CliContext::runStoppableJob(Job *job)
{
    StopSignals stopSignals;
    stopSignals.setGraceMessage(StopSignals::plainGraceMessage());
    QObject::connect(&stopSignals, &StopSignals::stopRequested, job, [job] { job->abort(); });
    return runJob(job);
}

int CliContext::failJob(const Job &job)
{
    if (!StopSignals::received()) {
        fail(job.errorString());
        return Cli::Failure;
    }
    const QString signal = StopSignals::receivedName();
    // A plain abort says only "Cancelled."; an abort that says how far the job got, or any other
    // error (what stopped the job first), is shown.
    const bool plain = job.error() == Job::Error::Aborted && job.errorString() == Job::cancelledMessage();
    fail(plain ? Cli::tr("stopped by %1.").arg(signal) : Cli::tr("stopped by %1: %2").arg(signal, job.errorString()));
    return StopSignals::exitCode();
}

bool CliContext::runSecretJob(SecretJob *job)
{
    if (runJob(job))
        return true;
    m_lastError = job->errorString();
    return false;
}

std::optional<QString> CliContext::readSecret(const QString &key)
{
    std::unique_ptr<SecretJob> job(m_secrets->read(key));
    if (!runSecretJob(job.get()))
        return std::nullopt;
    return job->isNotFound() ? QStringLiteral("") : job->secret();
}

bool CliContext::writeSecret(const QString &key, const QString &secret)
{
    std::unique_ptr<SecretJob> job(m_secrets->write(key, secret));
    return runSecretJob(job.get());
}

bool CliContext::removeSecret(const QString &key)
{
    std::unique_ptr<SecretJob> job(m_secrets->remove(key));
    return runSecretJob(job.get());
}

QString CliContext::actor()
{
    return currentUserName();
}

int CliContext::fail(const QString &message)
{
    // One line: scripts read the first line of stderr.
    QString line = message.trimmed();
    line.replace(u'\n', u' ');
    QTextStream(stderr) << "creodrop-backupctl: " << line << '\n';
    return Cli::Failure;
}

void CliContext::warn(const QString &line)
{
    QTextStream(stderr) << "creodrop-backupctl: warning: " << line << '\n';
}

void CliContext::note(const QString &line)
{
    QTextStream(stderr) << "creodrop-backupctl: " << line << '\n';
}

int CliContext::failNoSite(const QString &siteId)
{
    if (catalogFailed())
        return Cli::Failure;
    return fail(QStringLiteral("no site \"%1\" in the catalog").arg(siteId));
}

bool CliContext::catalogFailed()
{
    const QString failure = m_catalog ? m_catalog->readFailureSince(0) : QString();
    if (failure.isEmpty())
        return false;
    fail(failure);
    return true;
}

void CliContext::printLine(const QString &line)
{
    QTextStream(stdout) << line << '\n';
}

void CliContext::printJson(const QJsonObject &object)
{
    printJsonDocument(QJsonDocument(object));
}

void CliContext::printJson(const QJsonArray &array)
{
    printJsonDocument(QJsonDocument(array));
}

void CliContext::printTable(const QStringList &headers, const QVector<QStringList> &rows)
{
    QVector<int> widths(headers.size());
    for (int c = 0; c < headers.size(); ++c)
        widths[c] = int(headers.at(c).size());
    for (const QStringList &row : rows) {
        for (int c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = qMax(widths[c], int(row.at(c).size()));
    }
    QTextStream out(stdout);
    auto printRow = [&](const QStringList &row) {
        QString line;
        for (int c = 0; c < row.size(); ++c) {
            if (c + 1 < row.size())
                line += row.at(c).leftJustified(widths.at(c)) + QStringLiteral("  ");
            else
                line += row.at(c);
        }
        out << line << '\n';
    };
    printRow(headers);
    for (const QStringList &row : rows)
        printRow(row);
}

QString CliContext::formatTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toUTC().toString(Qt::ISODate) : QString();
}

QString CliContext::formatSize(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("—");
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    const char *units[] = { "KiB", "MiB", "GiB", "TiB" };
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString CliContext::describeSchedule(const Schedule &s)
{
    const QString time = s.timeUtc.toString(QStringLiteral("HH:mm"));
    if (s.frequency == Schedule::Frequency::Daily)
        return QStringLiteral("daily %1").arg(time);
    return QStringLiteral("weekly %1@%2").arg(weekdayName(s.weekday), time);
}

QJsonObject CliContext::backupToJson(const BackupRecord &b)
{
    return QJsonObject{
        { QStringLiteral("id"), b.id },
        { QStringLiteral("site"), b.siteId },
        { QStringLiteral("customer"), b.customer },
        { QStringLiteral("env"), Environments::toString(b.environment) },
        { QStringLiteral("type"), Backups::typeToString(b.type) },
        { QStringLiteral("status"), Backups::statusToString(b.status) },
        { QStringLiteral("created_at"), timeOrNull(b.createdAt) },
        { QStringLiteral("started_at"), timeOrNull(b.startedAt) },
        { QStringLiteral("finished_at"), timeOrNull(b.finishedAt) },
        { QStringLiteral("created_by"), b.createdBy },
        { QStringLiteral("size_bytes"), sizeOrNull(b.sizeBytes) },
        { QStringLiteral("raw_size_bytes"), sizeOrNull(b.rawSizeBytes) },
        { QStringLiteral("sha256"), textOrNull(b.sha256) },
        { QStringLiteral("object_key"), b.objectKey },
        { QStringLiteral("error"), textOrNull(b.errorText) },
        { QStringLiteral("pinned"), b.pinned },
        { QStringLiteral("worker_id"), textOrNull(b.workerId) },
        { QStringLiteral("heartbeat_at"), timeOrNull(b.heartbeatAt) },
        { QStringLiteral("heartbeat_seconds"), b.heartbeatSeconds > 0 ? QJsonValue(b.heartbeatSeconds) : QJsonValue() },
        { QStringLiteral("cancel_requested_at"), timeOrNull(b.cancelRequestedAt) },
        { QStringLiteral("cancel_requested_by"), b.cancelRequestedBy },
    };
}

QJsonObject CliContext::siteToJson(const Site &site)
{
    QJsonArray envs;
    for (Environment e : site.environments())
        envs.append(Environments::toString(e));
    return QJsonObject{
        { QStringLiteral("id"), site.id },
        { QStringLiteral("name"), site.name },
        { QStringLiteral("customer"), site.customer },
        { QStringLiteral("tier"), Environments::tierToString(site.tier) },
        { QStringLiteral("environments"), envs },
        { QStringLiteral("created_at"), timeOrNull(site.createdAt) },
    };
}

QJsonObject CliContext::environmentToJson(const EnvironmentConfig &c)
{
    return QJsonObject{
        { QStringLiteral("env"), Environments::toString(c.environment) },
        { QStringLiteral("host"), c.endpoint.host },
        { QStringLiteral("port"), c.endpoint.port },
        { QStringLiteral("socket"), textOrNull(c.endpoint.socket) },
        { QStringLiteral("database"), c.endpoint.database },
        { QStringLiteral("user"), c.endpoint.user },
        { QStringLiteral("tls"), MySqlTls::toString(c.endpoint.tlsMode) },
        { QStringLiteral("tls_ca"), textOrNull(c.endpoint.tlsCa) },
        { QStringLiteral("password_key"), c.secretKey() },
    };
}

QJsonObject CliContext::scheduleToJson(const Schedule &s, const QDateTime &nowUtc)
{
    QJsonObject o{
        { QStringLiteral("site"), s.siteId },
        { QStringLiteral("env"), Environments::toString(s.environment) },
        { QStringLiteral("frequency"),
          s.frequency == Schedule::Frequency::Daily ? QStringLiteral("daily") : QStringLiteral("weekly") },
        { QStringLiteral("time_utc"), s.timeUtc.toString(QStringLiteral("HH:mm")) },
        { QStringLiteral("weekday"),
          s.frequency == Schedule::Frequency::Weekly ? QJsonValue(weekdayName(s.weekday))
                                                     : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("keep_last"), s.keepLast },
        { QStringLiteral("keep_days"), s.keepDays },
        { QStringLiteral("enabled"), s.enabled },
        { QStringLiteral("last_run_at"), timeOrNull(s.lastRunAt) },
    };
    // As Schedule::isDue sees it: the first due time after the last run (or the creation); a
    // time in the past means "due now".
    const QDateTime since = s.lastRunAt.isValid() ? s.lastRunAt : s.createdAt;
    o.insert(QStringLiteral("next_run_at"), timeOrNull(s.nextRunAfter(since.isValid() ? since : nowUtc)));
    return o;
}
