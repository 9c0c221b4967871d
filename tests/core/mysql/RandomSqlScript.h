// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>

/// Random SQL scripts that stress how a client splits statements: strings of every quote kind
/// holding delimiters, comment markers, escapes, line breaks (LF, CR LF, lone CR) and bytes that
/// are not UTF-8; comments of every form between values; executable comments (also the ones whose
/// "*/" is followed by '*' or '/'); DELIMITER changes (also ended by the old delimiter in the
/// middle of a line), statements ended by \g or \G, and sql_mode switches to
/// NO_BACKSLASH_ESCAPES and ANSI_QUOTES. Mostly SELECTs of literals, so the server runs what the
/// client sends and a script's statements can be read back from the general log. The same seed
/// gives the same scripts.
class RandomSqlScript
{
public:
    explicit RandomSqlScript(quint32 seed)
        : m_random(seed)
    { }

    QByteArray next()
    {
        QByteArray out;
        QByteArray mode;
        QByteArray delimiter = ";";
        const int statements = 3 + pick(13);
        for (int i = 0; i < statements; ++i) {
            const int kind = pick(100);
            if (kind < 10) {
                mode = oneOf({ "", "NO_BACKSLASH_ESCAPES", "ANSI_QUOTES", "NO_BACKSLASH_ESCAPES,ANSI_QUOTES" });
                out += "SET sql_mode='" + mode + "'" + delimiter + oneOf({ "\n", " ", "\r\n" });
                continue;
            }
            if (kind < 18) {
                delimiter = oneOf({ ";", "$$", "//", ";;" });
                if (!out.isEmpty() && !out.endsWith('\n') && pick(5) != 0)
                    out += '\n';
                out += oneOf({ "", "  ", "\t" }) + oneOf({ "DELIMITER ", "delimiter ", "DELIMITER  " }) + delimiter
                    + oneOf({ "\n", "\r\n", " \n" });
                continue;
            }
            if (kind < 22) {
                // A DELIMITER statement that the old delimiter ends after another statement on the
                // line: the new delimiter applies at once, and a tab before the old one is part of it.
                if (out.isEmpty() || out.endsWith('\n'))
                    out += "SELECT 0" + delimiter + " ";
                const QByteArray next = oneOf({ ";", "$$", "//", ";;" }) + oneOf({ "", "", "\t" });
                out += oneOf({ "DELIMITER ", "delimiter " }) + next + delimiter + oneOf({ " ", "", "\n" });
                delimiter = next;
                continue;
            }
            if (pick(10) == 0)
                out += oneOf({ "-- lead\n", "# lead\n", "/* lead */ ", "\n", "--\n" });
            QByteArray s = "SELECT" + oneOf({ " ", "\n", "/* x */", " /*!50000 */ " });
            const int items = 1 + pick(4);
            for (int k = 0; k < items; ++k) {
                if (k > 0)
                    s += "," + separator();
                s += item(mode);
            }
            // \g and \G end a statement as the delimiter does, whatever the delimiter is.
            const QByteArray end = pick(12) == 0 ? oneOf({ "\\g", "\\G" }) : delimiter;
            out += s + separator() + end + oneOf({ "\n", " ", "\r\n", "", "\n\n" });
        }
        if (delimiter != ";")
            out += "\nDELIMITER ;\n";
        return out;
    }

private:
    int pick(int n) { return int(m_random.bounded(quint32(n))); }

    QByteArray oneOf(const QList<QByteArray> &choices) { return choices.at(pick(int(choices.size()))); }

    // Text for inside @p quote: the quote itself is doubled; with @p escapes some backslash
    // escapes, without them some bare backslashes (a string may end in one).
    QByteArray content(char quote, bool escapes)
    {
        static const QList<QByteArray> pieces{ "\\\n",
                                               "\xe9x",
                                               "\xff",
                                               "\xc3",
                                               "\r ",
                                               "a",
                                               "b",
                                               " ",
                                               ";",
                                               "\"",
                                               "`",
                                               "#",
                                               "-",
                                               "--",
                                               "/*",
                                               "*/",
                                               "/",
                                               "*",
                                               "!",
                                               "$",
                                               "$$",
                                               "\xc3\xa9",
                                               "\xe6\x97\xa5",
                                               "\t",
                                               "\n",
                                               "\r\n",
                                               "\\N",
                                               "DELIMITER",
                                               "//",
                                               ";;",
                                               "''",
                                               "x",
                                               "\r",
                                               "\\g",
                                               "\\G" };
        QByteArray out;
        const int count = pick(9);
        for (int i = 0; i < count; ++i) {
            QByteArray piece = oneOf(pieces);
            piece.replace(quote, QByteArray(2, quote));
            out += piece;
            if (escapes && pick(5) == 0)
                out += '\\' + oneOf({ "'", "\"", "\\", "n", "t", "%", "_", ";", "`", "x", "0" });
            if (!escapes && pick(10) == 0)
                out += '\\';
        }
        if (!escapes && pick(5) == 0)
            out += '\\';
        return out;
    }

    QByteArray identifier(char quote)
    {
        QByteArray name = content(quote, false);
        // Names must be valid UTF-8 without CR to run; the odd bytes go into strings instead.
        name = QString::fromUtf8(name).remove(QChar::ReplacementCharacter).remove(QLatin1Char('\r')).toUtf8();
        while (name.endsWith(' '))
            name.chop(1);
        return name.trimmed().isEmpty() ? QByteArray("i") : name;
    }

    QByteArray item(const QByteArray &mode)
    {
        const bool noBackslashEscapes = mode.contains("NO_BACKSLASH_ESCAPES");
        const bool ansiQuotes = mode.contains("ANSI_QUOTES");
        // The executable-comment quirks (the last case) mostly make a statement fail, which ends the
        // script in both clients: kept rare so that most scripts run to their end.
        switch (pick(14)) {
        case 1:
            if (!ansiQuotes)
                return '"' + content('"', !noBackslashEscapes) + '"';
            break;
        case 2:
            return QByteArray::number(pick(100000) - 5);
        case 3:
            return "1 AS `" + identifier('`') + '`';
        case 4:
            if (ansiQuotes)
                return "2 AS \"" + identifier('"') + '"';
            break;
        case 5:
            return "/*!50000 '" + content('\'', !noBackslashEscapes) + "' */";
        case 13:
            return oneOf({ "/*M!100100 3 */", "/*!50000 2 */*3", "/*!50000 2 *//4", "/*!50000 5 */-- x\n", "/*!*/7",
                           "/*!50000 /* inner */ 8 */", "/*!50000 '*/' */" });
        default:
            break;
        }
        return '\'' + content('\'', !noBackslashEscapes) + '\'';
    }

    QByteArray separator()
    {
        if (pick(2) == 0)
            return " ";
        return oneOf({ " ", "\n", "\r\n", "\t", "/* c ; ' \" \\g */", "/**/", " -- com;ment 'x \\G\n", "#hash ; \"\n",
                       "\n\n", "  " });
    }

    QRandomGenerator m_random;
};
