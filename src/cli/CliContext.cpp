// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "Commands.h"
#include "secrets/SecretJob.h"
#include "util/CurrentUser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

// --- Args

CliContext::Args::Args(const QString &usage, const QString &help)
    : m_usage(usage)
    , m_help(help)
{ }

void CliContext::Args::option(const QString &name)
{
    m_known.insert(name, true);
}

void CliContext::Args::flag(const QString &name)
{
    m_known.insert(name, false);
}

int CliContext::Args::usageError(const QString &message) const
{
    QTextStream err(stderr);
    err << "creodrop-backupctl: " << message << '\n' << "Usage: creodrop-backupctl " << m_usage << '\n';
    return Cli::UsageError;
}

bool CliContext::Args::parse(const QStringList &args, int minPositional, int maxPositional)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            QTextStream out(stdout);
            out << "Usage: creodrop-backupctl " << m_usage << '\n';
            if (!m_help.isEmpty())
                out << '\n' << m_help << '\n';
            m_exitCode = Cli::Success;
            return false;
        }
        if (arg == QLatin1String("--")) {
            m_positionals += args.mid(i + 1);
            break;
        }
        if (!arg.startsWith(QLatin1String("--")) || arg.size() == 2) {
            m_positionals << arg;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool inlineValue = false;
        if (const int eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            inlineValue = true;
        }
        const auto known = m_known.constFind(name);
        if (known == m_known.constEnd()) {
            m_exitCode = usageError(QStringLiteral("unknown option --%1").arg(name));
            return false;
        }
        if (*known && !inlineValue) {
            if (i + 1 >= args.size()) {
                m_exitCode = usageError(QStringLiteral("--%1 needs a value").arg(name));
                return false;
            }
            value = args.at(++i);
        } else if (!*known && inlineValue) {
            m_exitCode = usageError(QStringLiteral("--%1 takes no value").arg(name));
            return false;
        }
        m_values.insert(name, value);
    }
    if (m_positionals.size() < minPositional) {
        m_exitCode = usageError(QStringLiteral("missing arguments"));
        return false;
    }
    if (maxPositional >= 0 && m_positionals.size() > maxPositional) {
        m_exitCode = usageError(QStringLiteral("unexpected argument '%1'").arg(m_positionals.at(maxPositional)));
        return false;
    }
    return true;
}

bool CliContext::Args::require(const QString &name)
{
    if (isSet(name) && !value(name).isEmpty())
        return true;
    m_exitCode = usageError(QStringLiteral("--%1 is required").arg(name));
    return false;
}

// --- CliContext

CliContext::CliContext()
    : m_settings(std::make_unique<AppSettings>())
    , m_keychain(std::make_unique<KeychainSecretStore>())
    , m_secrets(std::make_unique<EnvironmentSecretStore>(m_keychain.get()))
{ }

CliContext::~CliContext() = default;

std::optional<CatalogLocation> CliContext::catalogLocation()
{
    QString text = qEnvironmentVariable("CREODROP_CATALOG");
    if (text.isEmpty())
        text = m_settings->catalogLocation();
    QString error;
    auto location = CatalogLocation::parse(text, &error);
    if (!location)
        m_lastError = error;
    return location;
}

std::optional<CatalogLocation> CliContext::resolvedCatalogLocation()
{
    auto location = catalogLocation();
    if (!location || location->kind != CatalogLocation::Kind::MySql)
        return location;
    const std::optional<QString> password = readSecret(location->secretKey());
    if (!password) {
        m_lastError = QCoreApplication::translate("Cli", "Cannot read the catalog password for %1: %2")
                          .arg(location->toString(), m_lastError);
        return std::nullopt;
    }
    location->password = *password;
    return location;
}

Catalog *CliContext::catalog()
{
    if (m_catalog)
        return m_catalog.get();
    const auto location = resolvedCatalogLocation();
    if (!location)
        return nullptr;
    QString error;
    m_catalog = Catalog::open(*location, &m_clock, &error);
    if (!m_catalog)
        m_lastError = error;
    return m_catalog.get();
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

std::optional<QString> CliContext::readSecret(const QString &key)
{
    std::unique_ptr<SecretJob> job(m_secrets->read(key));
    if (!runJob(job.get())) {
        m_lastError = job->errorString();
        return std::nullopt;
    }
    return job->isNotFound() ? QStringLiteral("") : job->secret();
}

bool CliContext::writeSecret(const QString &key, const QString &secret)
{
    std::unique_ptr<SecretJob> job(m_secrets->write(key, secret));
    if (!runJob(job.get())) {
        m_lastError = job->errorString();
        return false;
    }
    return true;
}

bool CliContext::removeSecret(const QString &key)
{
    std::unique_ptr<SecretJob> job(m_secrets->remove(key));
    if (!runJob(job.get())) {
        m_lastError = job->errorString();
        return false;
    }
    return true;
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

void CliContext::printLine(const QString &line)
{
    QTextStream(stdout) << line << '\n';
}

void CliContext::printJson(const QJsonObject &object)
{
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void CliContext::printJson(const QJsonArray &array)
{
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
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
    static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    return QStringLiteral("weekly %1@%2").arg(QLatin1String(days[qBound(1, s.weekday, 7) - 1]), time);
}

namespace {
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
        { QStringLiteral("password_key"), c.secretKey() },
    };
}

QJsonObject CliContext::scheduleToJson(const Schedule &s, const QDateTime &nowUtc)
{
    static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    QJsonObject o{
        { QStringLiteral("site"), s.siteId },
        { QStringLiteral("env"), Environments::toString(s.environment) },
        { QStringLiteral("frequency"),
          s.frequency == Schedule::Frequency::Daily ? QStringLiteral("daily") : QStringLiteral("weekly") },
        { QStringLiteral("time_utc"), s.timeUtc.toString(QStringLiteral("HH:mm")) },
        { QStringLiteral("weekday"),
          s.frequency == Schedule::Frequency::Weekly ? QJsonValue(QLatin1String(days[qBound(1, s.weekday, 7) - 1]))
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
