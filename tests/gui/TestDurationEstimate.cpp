// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/DurationEstimate.h"

#include <QtTest>

namespace {
BackupRecord backup(Environment env, qint64 seconds, BackupStatus status = BackupStatus::Completed)
{
    static int n = 0;
    BackupRecord r;
    r.id = QStringLiteral("b%1").arg(++n);
    r.environment = env;
    r.status = status;
    r.startedAt = QDateTime(QDate(2026, 1, 1), QTime(2, 0), Qt::UTC);
    r.finishedAt = r.startedAt.addSecs(seconds);
    return r;
}
} // namespace

class TestDurationEstimate : public QObject
{
    Q_OBJECT

private slots:
    void medianPerEnvironment()
    {
        const QVector<BackupRecord> backups = {
            backup(Environment::Prod, 30),
            backup(Environment::Dev, 5),
            backup(Environment::Prod, 10),
            backup(Environment::Prod, 20),
            backup(Environment::Prod, 900, BackupStatus::Failed),
        };
        const auto typical = DurationEstimate::typicalSeconds(backups);
        QCOMPARE(typical.size(), size_t(2)); // no stage backups: no estimate
        QCOMPARE(typical.at(Environment::Prod), qint64(20)); // failed runs do not count
        QCOMPARE(typical.at(Environment::Dev), qint64(5));
    }

    void newestSamplesOnly()
    {
        QVector<BackupRecord> backups;
        for (int i = 0; i < DurationEstimate::Samples; ++i)
            backups.append(backup(Environment::Stage, 60));
        for (int i = 0; i < 50; ++i)
            backups.append(backup(Environment::Stage, 3600)); // older, slower: ignored
        QCOMPARE(DurationEstimate::typicalSeconds(backups).at(Environment::Stage), qint64(60));
    }

    void atLeastOneSecond()
    {
        QCOMPARE(DurationEstimate::typicalSeconds({ backup(Environment::Dev, 0) }).at(Environment::Dev), qint64(1));
        QVERIFY(DurationEstimate::typicalSeconds({}).empty());
        BackupRecord unfinished = backup(Environment::Dev, 10);
        unfinished.finishedAt = QDateTime();
        QVERIFY(DurationEstimate::typicalSeconds({ unfinished }).empty());
    }
};

QTEST_MAIN(TestDurationEstimate)
#include "TestDurationEstimate.moc"
