// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestData.h"
#include "schedules/SchedulesPage.h"

#include <QTableWidget>
#include <QtTest>

using namespace GuiTestData;

class TestSchedulesPage : public QObject
{
    Q_OBJECT

private:
    // The retention cell and its tooltip for a prod schedule keeping @p keepLast and @p keepDays.
    static QPair<QString, QString> retention(int keepLast, int keepDays)
    {
        SchedulesPage page;
        page.setSite(site(QStringLiteral("blog"), QStringLiteral("Blog"), QStringLiteral("acme"), Tier::Basic));
        Schedule s;
        s.siteId = QStringLiteral("blog");
        s.environment = Environment::Prod;
        s.timeUtc = QTime(2, 0);
        s.keepLast = keepLast;
        s.keepDays = keepDays;
        page.setOverview({ s }, {}, t0());
        auto *table = page.findChild<QTableWidget *>();
        if (!table || table->rowCount() != 1 || !table->item(0, SchedulesPage::RetentionColumn))
            return {};
        const QTableWidgetItem *cell = table->item(0, SchedulesPage::RetentionColumn);
        return { cell->text(), cell->toolTip() };
    }

private slots:
    void retentionSpellsItsCounts_data()
    {
        QTest::addColumn<int>("keepLast");
        QTest::addColumn<int>("keepDays");
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("tooltip");
        QTest::newRow("newest only") << 7 << 0 << QStringLiteral("7 newest") << QStringLiteral("Keep the newest 7");
        QTest::newRow("one day") << 7 << 1 << QStringLiteral("7 newest + 1 day")
                                 << QStringLiteral("Keep the newest 7 and those younger than 1 day");
        QTest::newRow("days") << 3 << 14 << QStringLiteral("3 newest + 14 days")
                              << QStringLiteral("Keep the newest 3 and those younger than 14 days");
    }

    void retentionSpellsItsCounts()
    {
        QFETCH(int, keepLast);
        QFETCH(int, keepDays);
        QFETCH(QString, cell);
        QFETCH(QString, tooltip);
        const QPair<QString, QString> shown = retention(keepLast, keepDays);
        QCOMPARE(shown.first, cell);
        QCOMPARE(shown.second, tooltip);
    }
};

QTEST_MAIN(TestSchedulesPage)
#include "TestSchedulesPage.moc"
