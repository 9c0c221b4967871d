// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class CommandGroup;
class QTextStream;

/// creodrop-backupctl(1) in roff, written from the same command tables that --help prints, so the
/// manual lists every command, alias and option and cannot drift from the program. The build runs
/// the hidden `creodrop-backupctl --help-man DATE` and installs the result (packaging/).
///
///     ManPage man(out, QStringLiteral("2026-12-03"));
///     man.beginCommands();
///     man.addGroup(Cli::siteCommands());
/// ///     man.finish();
class ManPage
{
public:
    ManPage(QTextStream &out, const QString &date);

    /// The title, NAME, SYNOPSIS and DESCRIPTION, then the COMMANDS heading.
    void beginCommands();
    /// One subsection: the group's commands (synopsis, aliases, summary, help) and its notes.
    void addGroup(const CommandGroup &group);
    /// EXIT STATUS, ENVIRONMENT, FILES, SEE ALSO.
    void finish();

    /// @p text with roff's special characters escaped, safe inside a filled paragraph.
    static QString escape(const QString &text);

private:
    void subsection(const QString &name, const QString &summary);
    void paragraph(const QString &text); ///< one filled paragraph, whitespace folded
    void helpText(const QString &text); ///< a command's help: paragraphs and lists of options

    QTextStream &m_out;
    QString m_date;
};
