// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/MessageBanner.h"

#include <QPushButton>
#include <QtTest>

class TestMessageBanner : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        MessageBanner banner;
        QCOMPARE(banner.objectName(), QStringLiteral("MessageBanner"));
        QVERIFY(banner.isHidden());
        QVERIFY(!banner.hasRetry());
        QVERIFY(!banner.accessibleName().isEmpty());
    }

    void retryRunsTheActionAndHides()
    {
        QWidget page;
        auto *banner = new MessageBanner(&page);
        page.show();
        int retried = 0;
        banner->showMessage(MessageBanner::Kind::Error, QStringLiteral("Backup failed"), [&] { ++retried; });
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Backup failed"));
        QVERIFY(banner->retryButton()->isVisible());
        QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
        QCOMPARE(retried, 1);
        QVERIFY(banner->isHidden());

        banner->showMessage(MessageBanner::Kind::Information, QStringLiteral("FYI"));
        QVERIFY(!banner->retryButton()->isVisible());
        QSignalSpy dismissed(banner, &MessageBanner::dismissed);
        banner->dismiss();
        QCOMPARE(dismissed.count(), 1);
        QVERIFY(banner->isHidden());
    }
};

QTEST_MAIN(TestMessageBanner)
#include "TestMessageBanner.moc"
