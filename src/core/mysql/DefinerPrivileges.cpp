// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DefinerPrivileges.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {
const char kPrefix[] = "-- Definers: ";
} // namespace

bool DefinerPrivileges::allowsOtherDefiners(const QStringList &grants)
{
    static const QRegularExpression global(QStringLiteral("^GRANT (.*) ON \\*\\.\\* TO"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (const QString &grant : grants) {
        const QRegularExpressionMatch m = global.match(grant);
        if (!m.hasMatch())
            continue;
        const QString privileges = m.captured(1).toUpper();
        if (privileges.contains(QLatin1String("ALL PRIVILEGES")) || privileges.contains(QLatin1String("SUPER"))
            || privileges.contains(QLatin1String("SET USER")))
            return true;
    }
    return false;
}

QString DefinerPrivileges::headerLine(const QStringList &definers)
{
    // JSON: an account name may hold commas, quotes or line breaks, and still reads back whole.
    return QLatin1String(kPrefix)
        + QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(definers)).toJson(QJsonDocument::Compact));
}

std::optional<QStringList> DefinerPrivileges::fromHeader(const QByteArray &head)
{
    // Only among the comment lines our dumps start with: never a line of the data.
    qsizetype at = 0;
    while (at < head.size() && head.mid(at, 3) == "-- ") {
        const qsizetype end = head.indexOf('\n', at);
        if (end < 0)
            return std::nullopt; // cut off: the check cannot tell
        QByteArray line = head.mid(at, end - at);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith(kPrefix)) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line.mid(qsizetype(sizeof(kPrefix)) - 1), &error);
            if (error.error != QJsonParseError::NoError || !doc.isArray())
                return std::nullopt;
            QStringList definers;
            for (const QJsonValue &v : doc.array())
                definers << v.toString();
            return definers;
        }
        at = end + 1;
    }
    return std::nullopt;
}
