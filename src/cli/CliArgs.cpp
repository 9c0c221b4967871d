// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliArgs.h"

#include "Commands.h"
#include "catalog/BackupRecord.h"
#include "catalog/Site.h"

#include <QTextStream>

#include <cstdio>

CliArgs::CliArgs(const QString &usage, const QString &help)
    : m_usage(usage)
    , m_help(help)
{ }

void CliArgs::option(const QString &name, QChar shortName)
{
    m_known.insert(name, true);
    if (!shortName.isNull())
        m_short.insert(shortName, name);
}

void CliArgs::flag(const QString &name, QChar shortName)
{
    m_known.insert(name, false);
    if (!shortName.isNull())
        m_short.insert(shortName, name);
}

bool CliArgs::isHelp(const QString &arg)
{
    return arg == QLatin1String("--help") || arg == QLatin1String("-h") || arg == QLatin1String("help");
}

int CliArgs::printHelp() const
{
    QTextStream out(stdout);
    out << "Usage: creodrop-backupctl " << m_usage << '\n';
    if (!m_help.isEmpty())
        out << '\n' << m_help << '\n';
    return Cli::Success;
}

int CliArgs::usageError(const QString &message)
{
    QTextStream(stderr) << "creodrop-backupctl: " << message << '\n' << "Usage: creodrop-backupctl " << m_usage << '\n';
    m_exitCode = Cli::UsageError;
    return m_exitCode;
}

bool CliArgs::parse(const QStringList &args, int minPositional, int maxPositional)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        // "help" is a command word only in place of a command; here it may be a site id.
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            m_exitCode = printHelp();
            return false;
        }
        if (arg == QLatin1String("--")) {
            m_positionals += args.mid(i + 1);
            break;
        }
        QString name;
        QString value;
        bool inlineValue = false;
        if (arg.size() == 2 && arg.at(0) == u'-' && m_short.contains(arg.at(1))) {
            name = m_short.value(arg.at(1));
        } else if (arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            name = arg.mid(2);
            if (const int eq = name.indexOf(u'='); eq >= 0) {
                value = name.mid(eq + 1);
                name.truncate(eq);
                inlineValue = true;
            }
        } else {
            m_positionals << arg;
            continue;
        }
        const auto known = m_known.constFind(name);
        if (known == m_known.constEnd())
            return reject(QStringLiteral("unknown option --%1").arg(name));
        if (*known && !inlineValue) {
            if (i + 1 >= args.size())
                return reject(QStringLiteral("--%1 needs a value").arg(name));
            value = args.at(++i);
        } else if (!*known && inlineValue) {
            return reject(QStringLiteral("--%1 takes no value").arg(name));
        }
        m_values.insert(name, value);
    }
    if (m_positionals.size() < minPositional)
        return reject(QStringLiteral("missing arguments"));
    if (maxPositional >= 0 && m_positionals.size() > maxPositional)
        return reject(QStringLiteral("unexpected argument '%1'").arg(m_positionals.at(maxPositional)));
    return validateNames();
}

bool CliArgs::validateNames()
{
    // The synopsis names what each positional is, so every command that takes a SITE or an ID
    // validates it the same way, before any lookup: a slug or id with a newline, '/' or ".."
    // never reaches the catalog, object keys or messages that echo it.
    const QStringList tokens = m_usage.split(u' ', Qt::SkipEmptyParts);
    int index = 0;
    bool commandWords = true;
    bool optionValueNext = false;
    for (const QString &token : tokens) {
        if (commandWords && token.at(0).isLower())
            continue;
        commandWords = false;
        if (optionValueNext) {
            optionValueNext = false;
            continue;
        }
        if (token.startsWith(u'-') || token.startsWith(QLatin1String("[-"))) {
            optionValueNext = !token.endsWith(u']');
            continue;
        }
        if (token == QLatin1String("|"))
            continue;
        const QString name = token.startsWith(u'[') && token.endsWith(u']') ? token.mid(1, token.size() - 2) : token;
        const QString value = positional(index++);
        if (value.isNull())
            continue;
        if (name == QLatin1String("SITE") && !Slug::isValid(value))
            return reject(Slug::validationError(value, QStringLiteral("site")));
        if (name == QLatin1String("ID") && !Backups::isValidId(value))
            return reject(QStringLiteral("invalid backup id \"%1\": ids are letters, digits and dashes, as "
                                         "'backup list' shows them")
                              .arg(value));
    }
    if (m_known.contains(QStringLiteral("customer")) && isSet(QStringLiteral("customer"))
        && !Slug::isValid(value(QStringLiteral("customer"))))
        return reject(Slug::validationError(value(QStringLiteral("customer")), QStringLiteral("customer")));
    return true;
}

bool CliArgs::reject(const QString &message)
{
    usageError(message);
    return false;
}

bool CliArgs::require(const QString &name)
{
    return (isSet(name) && !value(name).isEmpty()) || reject(QStringLiteral("--%1 is required").arg(name));
}

std::optional<Environment> CliArgs::environment(int i)
{
    const auto env = Environments::fromString(positional(i));
    if (!env)
        usageError(QStringLiteral("unknown environment '%1': use prod, stage or dev").arg(positional(i)));
    return env;
}

std::optional<int> CliArgs::integer(const QString &name, int min, int max, const QString &message)
{
    bool ok = false;
    const int n = value(name).toInt(&ok);
    if (ok && n >= min && n <= max)
        return n;
    usageError(message);
    return std::nullopt;
}
