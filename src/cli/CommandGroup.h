// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QVector>

class CliArgs;
class QTextStream;

/// A command group of creodrop-backupctl ("site", "backup", ...): a table of sub-commands that
/// parse their arguments with CliArgs. The table is the single source of each command's
/// synopsis, which the command's own usage line, the group's --help and the top-level --help
/// all print, so no listing can miss a command or an option.
///
///     const CommandGroup &Cli::siteCommands()
///     {
///         static const CommandGroup group("site", "add, list, show and remove customer sites",
///                                         { { "add", nullptr, "site add SITE ...", "add a site", nullptr, siteAdd },
///                                           ... });
///         return group;
///     }
///
/// run() picks the command named by the first argument and gives it a CliArgs built from its
/// synopsis and help; "--help", "-h" and "help" print the group's usage (exit 0), a missing or
/// unknown command is a usage error (exit 2). A group of one command with an empty name (worker)
/// is that command: all arguments go to it.
class CommandGroup
{
public:
    struct Command
    {
        const char *name;
        const char *alias; ///< another accepted name, or nullptr
        const char *synopsis; ///< after "creodrop-backupctl ", e.g. "site show SITE [--json]"
        const char *summary; ///< one line in the group's --help
        const char *help; ///< the command's --help text after the usage line, or nullptr
        int (*run)(CliArgs &args, const QStringList &input);
    };

    CommandGroup(const char *name, const char *summary, QVector<Command> commands, const char *notes = nullptr);

    QString name() const;
    QString summary() const;
    /// The table and the notes under it, for the manual page (ManPage).
    const QVector<Command> &commands() const { return m_commands; }
    QString notes() const { return m_notes ? QString::fromUtf8(m_notes) : QString(); }
    /// Runs the command named by @p args' first element; returns the exit code.
    int run(const QStringList &args) const;
    /// "  SYNOPSIS  summary" lines, one per command, each indented by @p indent.
    void printSynopses(QTextStream &out, int indent, bool withSummaries) const;

private:
    void printHelp(QTextStream &out) const;

    const char *m_name;
    const char *m_summary;
    QVector<Command> m_commands;
    const char *m_notes;
};
