// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/Environment.h"

#include <QMap>
#include <QStringList>

#include <optional>

/// The arguments of one creodrop-backupctl command: positionals, "--name value", "--name=value",
/// flags, short aliases ("-o PATH") and "--" ending the options. Every failure is reported the
/// same way: one line and the usage on stderr, exit code 2; --help prints the usage and help
/// text to stdout, exit code 0.
///
///     CliArgs args(QStringLiteral("site show SITE [--json]"));
///     args.flag(QStringLiteral("json"));
///     if (!args.parse(input, 1, 1))
///         return args.exitCode();
///     const auto env = args.environment(1);   // reports the usage error itself
///     if (!env)
///         return args.exitCode();
class CliArgs
{
public:
    /// @p usage is the synopsis after "creodrop-backupctl ", e.g. "site add SITE --name N ...".
    explicit CliArgs(const QString &usage, const QString &help = {});

    /// An option that takes a value; @p shortName adds a "-x VALUE" alias.
    void option(const QString &name, QChar shortName = {});
    /// An option that takes none.
    void flag(const QString &name, QChar shortName = {});

    /// Parses @p args, expecting between @p minPositional and @p maxPositional positionals
    /// (-1 = any). Returns false after --help or a usage error: return exitCode() then.
    bool parse(const QStringList &args, int minPositional, int maxPositional);
    int exitCode() const { return m_exitCode; }

    /// Reports a usage error found after parse() (invalid value, missing option); returns 2.
    int usageError(const QString &message);
    /// Prints the usage and help text to stdout; returns 0.
    int printHelp() const;
    /// "--help", "-h" or "help": what every group accepts in place of a command.
    static bool isHelp(const QString &arg);

    QString positional(int i) const { return m_positionals.value(i); }
    bool isSet(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name) const { return m_values.value(name); }

    // Checked accessors: on a bad or missing value each reports the usage error (exitCode() is 2
    // afterwards) and returns false / nullopt.
    bool require(const QString &name); ///< option @p name is set and not empty
    /// Positional @p i as prod, stage or dev.
    std::optional<Environment> environment(int i);
    /// Option @p name as a number in [@p min, @p max]; @p message is the usage error otherwise.
    std::optional<int> integer(const QString &name, int min, int max, const QString &message);

private:
    bool reject(const QString &message); ///< usageError(), then false
    /// Checks the positionals the synopsis calls SITE (slug) and ID (backup id), and --customer.
    bool validateNames();

    QString m_usage;
    QString m_help;
    QMap<QString, bool> m_known; ///< long name -> takes a value
    QMap<QChar, QString> m_short; ///< short alias -> long name
    QMap<QString, QString> m_values;
    QStringList m_positionals;
    int m_exitCode = 0;
};
