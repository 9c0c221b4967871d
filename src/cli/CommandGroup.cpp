// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandGroup.h"

#include "CliArgs.h"
#include "Commands.h"

#include <QTextStream>

#include <cstdio>

CommandGroup::CommandGroup(const char *name, const char *summary, QVector<Command> commands, const char *notes)
    : m_name(name)
    , m_summary(summary)
    , m_commands(std::move(commands))
    , m_notes(notes)
{ }

QString CommandGroup::name() const
{
    return QLatin1String(m_name);
}

QString CommandGroup::summary() const
{
    return QString::fromUtf8(m_summary);
}

int CommandGroup::run(const QStringList &args) const
{
    auto runCommand = [](const Command &command, const QStringList &input) {
        CliArgs commandArgs(QLatin1String(command.synopsis), QString::fromUtf8(command.help));
        return command.run(commandArgs, input);
    };
    if (m_commands.size() == 1 && !*m_commands.first().name)
        return runCommand(m_commands.first(), args);

    const QString sub = args.value(0);
    if (CliArgs::isHelp(sub)) {
        QTextStream out(stdout);
        printHelp(out);
        return Cli::Success;
    }
    for (const Command &command : m_commands) {
        if (sub == QLatin1String(command.name) || (command.alias && sub == QLatin1String(command.alias)))
            return runCommand(command, args.mid(1));
    }
    QTextStream err(stderr);
    err << "creodrop-backupctl: "
        << (sub.isEmpty() ? QStringLiteral("missing command")
                          : QStringLiteral("unknown %1 command '%2'").arg(name(), sub))
        << '\n';
    printHelp(err);
    return Cli::UsageError;
}

void CommandGroup::printSynopses(QTextStream &out, int indent, bool withSummaries) const
{
    // Summaries start in one column, after the synopses that fit in kMaxColumn; a longer
    // synopsis gets its summary on the next line.
    constexpr int kMaxColumn = 44;
    int column = 0;
    for (const Command &command : m_commands) {
        const int size = int(qstrlen(command.synopsis));
        if (size <= kMaxColumn)
            column = qMax(column, size);
    }
    const QString margin(indent, u' ');
    for (const Command &command : m_commands) {
        const QLatin1String synopsis(command.synopsis);
        out << margin << synopsis;
        if (withSummaries) {
            if (synopsis.size() > column)
                out << '\n' << margin << QString(column, u' ');
            else
                out << QString(column - synopsis.size(), u' ');
            out << "  " << QString::fromUtf8(command.summary);
        }
        out << '\n';
    }
}

void CommandGroup::printHelp(QTextStream &out) const
{
    out << "Usage: creodrop-backupctl " << m_name << " <command> [arguments]\n\n";
    printSynopses(out, 2, true);
    if (m_notes)
        out << '\n' << QString::fromUtf8(m_notes) << '\n';
    out << "\nRun 'creodrop-backupctl " << m_name << " <command> --help' for the details of a command.\n";
}
