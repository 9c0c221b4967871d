// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CollationCompatibility.h"

#include "SqlStatementReader.h"

#include <algorithm>

namespace {
bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Calls @p onMatch(start, length) for every word that contains "_0900_".
template <typename F>
void forEachCollation(const QByteArray &text, F onMatch)
{
    qsizetype from = 0;
    for (;;) {
        const qsizetype hit = text.indexOf("_0900_", from);
        if (hit < 0)
            return;
        qsizetype a = hit, b = hit + 6;
        while (a > 0 && isWordByte(text.at(a - 1)))
            --a;
        while (b < text.size() && isWordByte(text.at(b)))
            ++b;
        from = b;
        if (a < hit && b > hit + 6)
            onMatch(a, b - a);
    }
}
} // namespace

QSet<QString> CollationCompatibility::collationsIn(const QByteArray &text)
{
    QSet<QString> found;
    forEachCollation(text,
                     [&](qsizetype a, qsizetype n) { found.insert(QString::fromLatin1(text.mid(a, n)).toLower()); });
    return found;
}

bool CollationCompatibility::collationsIn(QIODevice *in, QSet<QString> *found, QString *error)
{
    SqlStatementReader reader(in);
    while (reader.next()) {
        const QByteArray &statement = reader.statement();
        if (mayName(statement) && !insertsRows(statement))
            found->unite(collationsIn(statement));
    }
    if (reader.hasError()) {
        *error = QStringLiteral("cannot read the dump: %1").arg(reader.errorString());
        return false;
    }
    return true;
}

bool CollationCompatibility::insertsRows(const QByteArray &statement)
{
    qsizetype p = 0;
    while (p < statement.size()
           && (statement.at(p) == ' ' || statement.at(p) == '\t' || statement.at(p) == '\n' || statement.at(p) == '\r'))
        ++p;
    for (const char *verb : { "INSERT", "REPLACE" }) {
        const qsizetype n = qsizetype(qstrlen(verb));
        if (statement.size() - p > n && qstrnicmp(statement.constData() + p, verb, size_t(n)) == 0
            && !isWordByte(statement.at(p + n)))
            return true;
    }
    return false;
}

QString CollationCompatibility::mappedName(const QString &collation, const QSet<QString> &targetCollations)
{
    const QString name = collation.toLower();
    if (targetCollations.contains(name))
        return name;
    if (!name.startsWith(QLatin1String("utf8mb4_0900_")))
        return {};
    const QString suffix = name.mid(13);
    if (suffix == QLatin1String("bin"))
        return targetCollations.contains(QStringLiteral("utf8mb4_bin")) ? QStringLiteral("utf8mb4_bin") : QString();
    const QString same = QStringLiteral("utf8mb4_uca1400_") + suffix;
    if (targetCollations.contains(same))
        return same;
    return targetCollations.contains(QStringLiteral("utf8mb4_uca1400_ai_ci")) ? QStringLiteral("utf8mb4_uca1400_ai_ci")
                                                                              : QString();
}

QStringList CollationCompatibility::unsupported(const QSet<QString> &found, const QSet<QString> &targetCollations,
                                                bool mapping)
{
    QStringList result;
    for (const QString &c : found) {
        if (targetCollations.contains(c))
            continue;
        if (!mapping || mappedName(c, targetCollations).isEmpty())
            result << c;
    }
    std::sort(result.begin(), result.end());
    return result;
}

bool CollationCompatibility::map(QByteArray *statement, const QSet<QString> &targetCollations)
{
    if (!mayName(*statement))
        return false;
    QByteArray out;
    qsizetype copied = 0;
    forEachCollation(*statement, [&](qsizetype a, qsizetype n) {
        const QString name = QString::fromLatin1(statement->mid(a, n)).toLower();
        if (targetCollations.contains(name))
            return;
        const QString mapped = mappedName(name, targetCollations);
        if (mapped.isEmpty())
            return;
        out.append(statement->constData() + copied, a - copied);
        out.append(mapped.toLatin1());
        copied = a + n;
    });
    if (copied == 0)
        return false;
    out.append(statement->constData() + copied, statement->size() - copied);
    *statement = out;
    return true;
}
