// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every label with a mnemonic focuses its field, and the forms' tab order is the declared one:
// the Designer forms (settings, site editor) against the expected fields and order, and every
// other dialog and page of the window for "has a buddy that can take focus".
#include "backups/BackupDetailsDialog.h"
#include "mainwindow/AboutDialog.h"
#include "mainwindow/MainWindow.h"
#include "settings/FirstRunPage.h"
#include "settings/SettingsDialog.h"
#include "settings/SiteEditorDialog.h"
#include "sites/RemoveSiteDialog.h"
#include "util/AppSettings.h"

#include <QAbstractButton>
#include <QLabel>
#include <QMenuBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {
bool hasMnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return true;
            ++i; // "&&" is a literal ampersand
        }
    }
    return false;
}

/// label objectName -> buddy objectName, for every label with a mnemonic under @p root.
QHash<QString, QString> buddies(QWidget *root, QStringList *problems)
{
    QHash<QString, QString> result;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        const bool rich = label->textFormat() == Qt::RichText
            || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
        if (rich || !hasMnemonic(label->text())) // rich text has no mnemonics ("&amp;" is an entity)
            continue;
        QWidget *buddy = label->buddy();
        if (!buddy) {
            problems->append(QStringLiteral("%1 (\"%2\") has no buddy").arg(label->objectName(), label->text()));
            continue;
        }
        QWidget *target = buddy->focusProxy() ? buddy->focusProxy() : buddy;
        if (!(target->focusPolicy() & Qt::TabFocus) || buddy->window() != label->window())
            problems->append(QStringLiteral("%1's buddy %2 cannot take focus").arg(label->text(), buddy->objectName()));
        result.insert(label->objectName(), buddy->objectName());
    }
    return result;
}

QChar mnemonicOf(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

/// Mnemonics that two labels or buttons visible together in @p root share, for every tab of
/// every tab widget in it (a shared one moves the focus to the first only).
QStringList mnemonicClashes(QWidget *root)
{
    QStringList clashes;
    auto check = [&](const QString &where) {
        QHash<QChar, QString> seen;
        auto visit = [&](QWidget *w, const QString &text) {
            const QChar key = mnemonicOf(text);
            if (key.isNull() || !w->isVisibleTo(root))
                return;
            if (seen.contains(key))
                clashes.append(QStringLiteral("%1: \"%2\" and \"%3\"").arg(where, seen.value(key), text));
            else
                seen.insert(key, text);
        };
        for (QLabel *label : root->findChildren<QLabel *>()) {
            if (label->buddy())
                visit(label, label->text());
        }
        for (QAbstractButton *button : root->findChildren<QAbstractButton *>())
            visit(button, button->text());
        for (QMenuBar *bar : root->findChildren<QMenuBar *>()) {
            for (QAction *menu : bar->actions())
                visit(bar, menu->text());
        }
    };
    const QList<QTabWidget *> tabs = root->findChildren<QTabWidget *>();
    if (tabs.isEmpty())
        check(root->objectName());
    for (QTabWidget *tab : tabs) {
        for (int i = 0; i < tab->count(); ++i) {
            tab->setCurrentIndex(i);
            check(tab->tabText(i));
        }
    }
    return clashes;
}

/// The widgets of @p expected in the order the focus chain of @p root visits them.
QStringList focusOrder(QWidget *root, const QStringList &expected)
{
    QStringList order;
    QWidget *w = root;
    do {
        w = w->nextInFocusChain();
        if (expected.contains(w->objectName()) && !order.contains(w->objectName()))
            order.append(w->objectName());
    } while (w != root);
    return order;
}
} // namespace

class TestFormBuddies : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("CREODROP_HOME", m_dir.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void settingsDialog()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        SettingsDialog dialog(&settings);
        QStringList problems;
        const QHash<QString, QString> actual = buddies(&dialog, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
        const QHash<QString, QString> expected = {
            { QStringLiteral("storageKindLabel"), QStringLiteral("storageKind") },
            { QStringLiteral("localStorePathLabel"), QStringLiteral("localStorePath") }, // "&Folder:"
            { QStringLiteral("storageEndpointLabel"), QStringLiteral("storageEndpoint") },
            { QStringLiteral("storageRegionLabel"), QStringLiteral("storageRegion") },
            { QStringLiteral("storageBucketLabel"), QStringLiteral("storageBucket") },
            { QStringLiteral("storageAccessKeyIdLabel"), QStringLiteral("storageAccessKeyId") },
            { QStringLiteral("storageSecretKeyLabel"), QStringLiteral("storageSecretKey") },
            { QStringLiteral("catalogKindLabel"), QStringLiteral("catalogKind") },
            { QStringLiteral("catalogFileLabel"), QStringLiteral("catalogFile") }, // "&File:"
            { QStringLiteral("catalogUrlLabel"), QStringLiteral("catalogUrl") },
            { QStringLiteral("catalogPasswordLabel"), QStringLiteral("catalogPassword") },
            { QStringLiteral("downloadsFolderLabel"), QStringLiteral("downloadsFolder") }, // "&Downloads folder:"
            { QStringLiteral("jobConcurrencyLabel"), QStringLiteral("jobConcurrency") },
            { QStringLiteral("consoleActorLabel"), QStringLiteral("consoleActor") },
        };
        QCOMPARE(actual, expected);

        const QStringList order = {
            QStringLiteral("storageKind"),           QStringLiteral("localStorePath"),
            QStringLiteral("localStorePathBrowse"),  QStringLiteral("storageEndpoint"),
            QStringLiteral("storageRegion"),         QStringLiteral("storageBucket"),
            QStringLiteral("storageAccessKeyId"),    QStringLiteral("storageSecretKey"),
            QStringLiteral("storagePathStyle"),      QStringLiteral("testStorageButton"),
            QStringLiteral("catalogKind"),           QStringLiteral("catalogFile"),
            QStringLiteral("catalogFileBrowse"),     QStringLiteral("catalogUrl"),
            QStringLiteral("catalogPassword"),       QStringLiteral("downloadsFolder"),
            QStringLiteral("downloadsFolderBrowse"), QStringLiteral("jobConcurrency"),
            QStringLiteral("consoleActor"),
        };
        QCOMPARE(focusOrder(&dialog, order), order);
    }

    void siteEditorDialog()
    {
        SiteEditorDialog dialog;
        QStringList problems;
        const QHash<QString, QString> actual = buddies(&dialog, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
        QHash<QString, QString> expected = {
            { QStringLiteral("siteIdLabel"), QStringLiteral("siteId") },
            { QStringLiteral("siteNameLabel"), QStringLiteral("siteNameEdit") },
            { QStringLiteral("siteCustomerLabel"), QStringLiteral("siteCustomer") },
            { QStringLiteral("siteTierLabel"), QStringLiteral("siteTierCombo") },
            { QStringLiteral("environmentTabsLabel"), QStringLiteral("environmentTabs") },
        };
        QStringList order = { QStringLiteral("siteId"), QStringLiteral("siteNameEdit"), QStringLiteral("siteCustomer"),
                              QStringLiteral("siteTierCombo"), QStringLiteral("environmentTabs") };
        for (const char *env : { "prod", "stage", "dev" }) {
            const QString suffix = QLatin1Char('_') + QLatin1String(env);
            for (const char *field : { "host", "port", "socket", "user", "database", "password", "tlsMode", "tlsCa" }) {
                expected.insert(QLatin1String(field) + QStringLiteral("Label") + suffix, QLatin1String(field) + suffix);
                order.append(QLatin1String(field) + suffix);
            }
            order.append(QStringLiteral("testConnection") + suffix);
        }
        QCOMPARE(actual, expected);
        QCOMPARE(focusOrder(&dialog, order), order);
    }

    void noMnemonicIsSharedOnScreen()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        SettingsDialog settingsDialog(&settings);
        SiteEditorDialog siteEditor;
        RemoveSiteDialog removeSite;
        removeSite.setSite(
            { QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} });
        MainWindow window(nullptr, &settings, nullptr);
        QStringList clashes;
        for (QWidget *root : std::initializer_list<QWidget *>{ &settingsDialog, &siteEditor, &removeSite, &window })
            clashes += mnemonicClashes(root);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1String("; "))));
    }

    void removeSiteDialog()
    {
        RemoveSiteDialog dialog;
        dialog.setSite({ QStringLiteral("shop"), QStringLiteral("Shop"), QStringLiteral("acme"), Tier::Developer, {} });
        QStringList problems;
        const QHash<QString, QString> actual = buddies(&dialog, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
        const QHash<QString, QString> expected = { { QStringLiteral("confirmLabel"), QStringLiteral("confirmEdit") } };
        QCOMPARE(actual, expected);
        const QStringList order = { QStringLiteral("deleteBackupsCheck"), QStringLiteral("confirmEdit") };
        QCOMPARE(focusOrder(&dialog, order), order);
    }

    // The dialogs and pages built in code: any label with a mnemonic must focus something.
    void everyOtherLabel()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(nullptr, &settings, nullptr);
        BackupDetailsDialog details;
        AboutDialog about;
        FirstRunPage firstRun(m_dir.path());
        QStringList problems;
        for (QWidget *root : std::initializer_list<QWidget *>{ &window, &details, &about, &firstRun })
            buddies(root, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("; "))));
    }
};

QTEST_MAIN(TestFormBuddies)
#include "TestFormBuddies.moc"
