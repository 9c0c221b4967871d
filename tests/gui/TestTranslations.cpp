// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every .ts file is complete: no unfinished, empty or vanished entries, the same placeholders
// as the source, and an accelerator wherever the source has one. A second check runs lupdate
// over the GUI sources into a copy of each file, so a string added to the code without a
// translation fails here rather than reaching a German or French engineer in English.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {
struct Entry
{
    QString context;
    QString source;
    QString translation;
    QString type;
};

QVector<Entry> parse(const QString &path, QString *error)
{
    QVector<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = Entry();
            current.context = context;
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            entries.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%\\d"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

QStringList tsFiles()
{
    const QDir dir(QStringLiteral(CREODROP_SOURCE_DIR "/translations"));
    QStringList files;
    for (const QString &name : dir.entryList({ QStringLiteral("*.ts") }, QDir::Files))
        files << dir.filePath(name);
    return files;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void filesExist()
    {
        const QStringList files = tsFiles();
        QVERIFY(files.contains(QStringLiteral(CREODROP_SOURCE_DIR "/translations/creodrop_de.ts")));
        QVERIFY(files.contains(QStringLiteral(CREODROP_SOURCE_DIR "/translations/creodrop_fr.ts")));
    }

    void complete_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &file : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }

    void complete()
    {
        QFETCH(QString, path);
        QString error;
        const QVector<Entry> entries = parse(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(entries.size() > 100);
        QStringList problems;
        for (const Entry &e : entries) {
            const QString where = e.context + QStringLiteral(": \"") + e.source.left(60) + QLatin1Char('"');
            if (!e.type.isEmpty())
                problems << QStringLiteral("%1 is %2").arg(where, e.type);
            else if (e.translation.trimmed().isEmpty())
                problems << QStringLiteral("%1 has no translation").arg(where);
            else if (placeholders(e.source) != placeholders(e.translation))
                problems << QStringLiteral("%1 has other placeholders").arg(where);
            else if (e.source.contains(QRegularExpression(QStringLiteral("&[^ &;]")))
                     && !e.source.contains(QLatin1String("<")) && !e.translation.contains(QLatin1Char('&')))
                problems << QStringLiteral("%1 lost its accelerator").arg(where);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void sourcesHaveNoUntranslatedStrings()
    {
        const QString lupdate = QStringLiteral("/usr/lib/qt6/bin/lupdate");
        if (!QFile::exists(lupdate))
            QSKIP("lupdate is not installed (qt6-l10n-tools)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &file : tsFiles()) {
            const QString copy = dir.filePath(QFileInfo(file).fileName());
            QVERIFY(QFile::copy(file, copy));
            QProcess process;
            process.start(lupdate,
                          { QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                            QStringLiteral("none"), QStringLiteral(CREODROP_SOURCE_DIR "/src/gui"),
                            QStringLiteral(CREODROP_SOURCE_DIR "/src/app"), QStringLiteral("-ts"), copy });
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitCode(), 0);
            QString error;
            const QVector<Entry> entries = parse(copy, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QStringList untranslated;
            for (const Entry &e : entries) {
                if (e.type == QLatin1String("unfinished"))
                    untranslated << e.context + QStringLiteral(": ") + e.source;
            }
            QVERIFY2(untranslated.isEmpty(),
                     qPrintable(QFileInfo(file).fileName() + QStringLiteral(" misses:\n")
                                + untranslated.join(QLatin1Char('\n'))));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
