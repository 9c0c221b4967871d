// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Format.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {
// Icons are painted rather than shipped so they stay crisp at any device pixel ratio and need
// no icon theme (the offscreen platform and minimal desktops have none).
QIcon paintedIcon(const QColor &color, int glyph)
{
    QIcon icon;
    for (int side : { 16, 24, 32 }) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal m = side * 0.08;
        const QRectF r(m, m, side - 2 * m, side - 2 * m);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(r);
        QPen pen(Qt::white, side * 0.11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        const qreal s = side;
        switch (glyph) {
        case 0: { // check
            QPainterPath path;
            path.moveTo(s * 0.30, s * 0.52);
            path.lineTo(s * 0.44, s * 0.66);
            path.lineTo(s * 0.70, s * 0.36);
            p.drawPath(path);
            break;
        }
        case 1: // cross
            p.drawLine(QPointF(s * 0.35, s * 0.35), QPointF(s * 0.65, s * 0.65));
            p.drawLine(QPointF(s * 0.65, s * 0.35), QPointF(s * 0.35, s * 0.65));
            break;
        case 2: // play / running
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            p.drawPolygon(
                QPolygonF({ QPointF(s * 0.40, s * 0.32), QPointF(s * 0.70, s * 0.50), QPointF(s * 0.40, s * 0.68) }));
            break;
        case 3: // clock
            p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.5, s * 0.30));
            p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.66, s * 0.58));
            break;
        case 4: // dash
            p.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.68, s * 0.5));
            break;
        case 5: // exclamation
            p.drawLine(QPointF(s * 0.5, s * 0.28), QPointF(s * 0.5, s * 0.56));
            p.drawPoint(QPointF(s * 0.5, s * 0.72));
            break;
        case 6: // pushpin: head, plate and needle
            p.drawLine(QPointF(s * 0.5, s * 0.52), QPointF(s * 0.5, s * 0.76));
            p.drawLine(QPointF(s * 0.33, s * 0.52), QPointF(s * 0.67, s * 0.52));
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            p.drawEllipse(QPointF(s * 0.5, s * 0.35), s * 0.12, s * 0.12);
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}
} // namespace

QString Format::count(qint64 n, Noun noun)
{
    // Without a catalog (English) %n has no plural forms: each count of one is a string of its own.
    static const char *const forms[][2] = {
        { QT_TR_NOOP("1 table"), QT_TR_NOOP("%1 tables") },     { QT_TR_NOOP("1 row"), QT_TR_NOOP("%1 rows") },
        { QT_TR_NOOP("1 view"), QT_TR_NOOP("%1 views") },       { QT_TR_NOOP("1 routine"), QT_TR_NOOP("%1 routines") },
        { QT_TR_NOOP("1 trigger"), QT_TR_NOOP("%1 triggers") }, { QT_TR_NOOP("1 event"), QT_TR_NOOP("%1 events") },
    };
    const auto &form = forms[static_cast<int>(noun)]; // in the order of Noun
    return n == 1 ? tr(form[0]) : tr(form[1]).arg(QLocale().toString(n));
}

QString Format::size(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("—");
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString Format::rate(double bytesPerSecond)
{
    if (bytesPerSecond <= 0)
        return QStringLiteral("—");
    return tr("%1/s").arg(size(static_cast<qint64>(bytesPerSecond)));
}

QString Format::duration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("—");
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString Format::environment(Environment env)
{
    switch (env) {
    case Environment::Prod:
        return tr("prod");
    case Environment::Stage:
        return tr("stage");
    case Environment::Dev:
        return tr("dev");
    }
    return {};
}

QString Format::environmentLong(Environment env)
{
    switch (env) {
    case Environment::Prod:
        return tr("Production");
    case Environment::Stage:
        return tr("Staging");
    case Environment::Dev:
        return tr("Development");
    }
    return {};
}

QString Format::type(BackupType type)
{
    switch (type) {
    case BackupType::Manual:
        return tr("Manual");
    case BackupType::Scheduled:
        return tr("Scheduled");
    case BackupType::PreRestore:
        return tr("Pre-restore");
    case BackupType::PreSync:
        return tr("Pre-sync");
    }
    return {};
}

QString Format::typeInSentence(BackupType type)
{
    switch (type) {
    case BackupType::Manual:
        return tr("manual", "backup type inside a sentence");
    case BackupType::Scheduled:
        return tr("scheduled", "backup type inside a sentence");
    case BackupType::PreRestore:
        return tr("pre-restore", "backup type inside a sentence");
    case BackupType::PreSync:
        return tr("pre-sync", "backup type inside a sentence");
    }
    return {};
}

QString Format::status(BackupStatus status)
{
    switch (status) {
    case BackupStatus::Pending:
        return tr("Pending");
    case BackupStatus::InProgress:
        return tr("In Progress");
    case BackupStatus::Completed:
        return tr("Completed");
    case BackupStatus::Failed:
        return tr("Failed");
    case BackupStatus::Cancelled:
        return tr("Cancelled");
    case BackupStatus::Deleting:
        return tr("Deleting");
    }
    return {};
}

QString Format::tier(Tier tier)
{
    return tier == Tier::Basic ? tr("Basic") : tr("Developer");
}

QString Format::jobKind(JobKind kind)
{
    switch (kind) {
    case JobKind::Backup:
        return tr("Backup");
    case JobKind::Download:
        return tr("Download");
    case JobKind::Verify:
        return tr("Verify");
    case JobKind::Delete:
        return tr("Delete");
    case JobKind::Restore:
        return tr("Restore");
    case JobKind::Sync:
        return tr("Sync");
    }
    return {};
}

QString Format::localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    // Date and minutes: the seconds are in the tooltip (exactTime) and only widen the column.
    const QLocale locale;
    QString format
        = locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return locale.toString(utc.toLocalTime(), format);
}

QString Format::exactTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QString();
    const QDateTime local = utc.toLocalTime();
    return tr("%1 (UTC %2)")
        .arg(local.toString(Qt::ISODateWithMs), utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
}

QColor Format::statusColor(BackupStatus status)
{
    switch (status) {
    case BackupStatus::Pending:
        return QColor(0x8a, 0x8f, 0x98);
    case BackupStatus::InProgress:
        return QColor(0x2f, 0x7d, 0xd1);
    case BackupStatus::Completed:
        return QColor(0x2e, 0x9d, 0x5a);
    case BackupStatus::Failed:
        return QColor(0xd0, 0x3b, 0x3b);
    case BackupStatus::Cancelled:
        return QColor(0xc7, 0x8a, 0x1a);
    case BackupStatus::Deleting:
        return QColor(0x5f, 0x65, 0x6e);
    }
    return {};
}

QIcon Format::statusIcon(BackupStatus status)
{
    static QHash<int, QIcon> cache;
    const int key = static_cast<int>(status);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    int glyph = 0;
    switch (status) {
    case BackupStatus::Pending:
        glyph = 3;
        break;
    case BackupStatus::InProgress:
        glyph = 2;
        break;
    case BackupStatus::Completed:
        glyph = 0;
        break;
    case BackupStatus::Failed:
        glyph = 1;
        break;
    case BackupStatus::Cancelled:
    case BackupStatus::Deleting:
        glyph = 4;
        break;
    }
    const QIcon icon = paintedIcon(statusColor(status), glyph);
    cache.insert(key, icon);
    return icon;
}

QIcon Format::attentionIcon()
{
    static const QIcon icon = paintedIcon(QColor(0xe0, 0x8a, 0x00), 5);
    return icon;
}

QIcon Format::pinIcon()
{
    static const QIcon icon = paintedIcon(QColor(0x3d, 0x6d, 0xb5), 6);
    return icon;
}

QIcon Format::blankIcon()
{
    static const QIcon icon = paintedIcon(Qt::transparent, -1);
    return icon;
}
