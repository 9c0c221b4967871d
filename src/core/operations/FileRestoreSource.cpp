// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileRestoreSource.h"

#include "compress/GzipReader.h"
#include "mysql/SqlStatementReader.h"
#include "util/Sentence.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace {

struct Token
{
    enum Kind { Word, Quoted, Dot, Other };
    Kind kind;
    QByteArray text; ///< upper-cased for Word, unquoted for Quoted
};

// Identifiers, dots and keywords of a statement. Strings are skipped; the bodies of /*!NNNNN
// and /*M! comments count (the server runs them), other comments are gone (the reader dropped
// them, or they are skipped here).
QVector<Token> tokenize(const QByteArray &s)
{
    QVector<Token> tokens;
    const qsizetype n = s.size();
    qsizetype i = 0;
    auto isWordChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
            || static_cast<unsigned char>(c) >= 0x80;
    };
    while (i < n) {
        const char c = s.at(i);
        if (c == '/' && i + 1 < n && s.at(i + 1) == '*') {
            if (i + 2 < n && (s.at(i + 2) == '!' || s.at(i + 2) == 'M')) {
                i += 3;
                if (i < n && s.at(i) == '!')
                    ++i;
                while (i < n && s.at(i) >= '0' && s.at(i) <= '9')
                    ++i;
                continue;
            }
            const qsizetype end = s.indexOf("*/", i + 2);
            i = end < 0 ? n : end + 2;
            continue;
        }
        if (c == '*' && i + 1 < n && s.at(i + 1) == '/') {
            i += 2;
            continue;
        }
        if (c == '\'' || c == '"') {
            ++i;
            while (i < n && s.at(i) != c) {
                if (s.at(i) == '\\')
                    ++i;
                ++i;
            }
            ++i;
            tokens.append(Token{ Token::Other, QByteArray() });
            continue;
        }
        if (c == '`') {
            QByteArray name;
            ++i;
            while (i < n) {
                if (s.at(i) == '`') {
                    if (i + 1 < n && s.at(i + 1) == '`') {
                        name += '`';
                        i += 2;
                        continue;
                    }
                    break;
                }
                name += s.at(i++);
            }
            ++i;
            tokens.append(Token{ Token::Quoted, name });
            continue;
        }
        if (c == '.') {
            tokens.append(Token{ Token::Dot, QByteArray() });
            ++i;
            continue;
        }
        if (isWordChar(c)) {
            const qsizetype start = i;
            while (i < n && isWordChar(s.at(i)))
                ++i;
            tokens.append(Token{ Token::Word, s.mid(start, i - start) });
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            tokens.append(Token{ Token::Other, QByteArray(1, c) });
        ++i;
    }
    return tokens;
}

bool isWord(const Token &t, const char *upper)
{
    return t.kind == Token::Word && t.text.toUpper() == upper;
}

bool isName(const Token &t)
{
    return t.kind == Token::Quoted || t.kind == Token::Word;
}

} // namespace

FileRestoreSource::FileRestoreSource(const QString &path, const QString &targetDatabase, QObject *parent)
    : RestoreSource(parent)
    , m_path(path)
    , m_targetDatabase(targetDatabase)
{
    const QFileInfo info(path);
    m_size = info.exists() ? info.size() : -1;
}

FileRestoreSource::~FileRestoreSource()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QString FileRestoreSource::describe() const
{
    return tr("file %1").arg(QFileInfo(m_path).absoluteFilePath());
}

QString FileRestoreSource::foreignReference(const QByteArray &statement, const QString &allowedDatabase)
{
    const QVector<Token> t = tokenize(statement);
    if (t.isEmpty())
        return {};
    const QByteArray allowed = allowedDatabase.toUtf8();
    if (isWord(t.at(0), "USE"))
        return QStringLiteral("USE");
    auto isSchemaWord = [](const Token &tok) { return isWord(tok, "DATABASE") || isWord(tok, "SCHEMA"); };
    if ((isWord(t.at(0), "CREATE") || isWord(t.at(0), "DROP") || isWord(t.at(0), "ALTER")) && t.size() > 1
        && isSchemaWord(t.at(1)))
        return QStringLiteral("%1 %2").arg(QString::fromLatin1(t.at(0).text.toUpper()),
                                           QString::fromLatin1(t.at(1).text.toUpper()));
    // A qualified name db.object where an object name stands (after FROM, JOIN, INTO, UPDATE,
    // TABLE, REFERENCES, CALL, VIEW, PROCEDURE, FUNCTION, TRIGGER, EVENT, SEQUENCE, LIKE):
    // alias.column elsewhere (a JOIN's ON, a select list) looks the same and is not a database.
    static const char *const objectKeywords[]
        = { "FROM",      "JOIN",     "INTO",    "UPDATE", "TABLE",    "REFERENCES", "CALL",  "VIEW",
            "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT",  "SEQUENCE", "LIKE",       "TABLES" };
    for (int i = 0; i + 3 < t.size(); ++i) {
        bool keyword = false;
        for (const char *k : objectKeywords)
            keyword = keyword || isWord(t.at(i), k);
        if (!keyword)
            continue;
        int j = i + 1;
        // CREATE TABLE IF NOT EXISTS db.t, DROP TABLE IF EXISTS db.t
        if (isWord(t.at(j), "IF")) {
            j += isWord(t.value(j + 1), "NOT") ? 3 : 2;
        }
        // Several names may follow (DROP TABLE a, db.b; FROM a, db.b)
        while (j + 2 < t.size() && isName(t.at(j))) {
            if (t.at(j + 1).kind == Token::Dot && isName(t.at(j + 2))) {
                const QByteArray schema = t.at(j).text;
                if (schema != allowed)
                    return QStringLiteral("a name qualified with the database %1 (%1.%2)")
                        .arg(QString::fromUtf8(schema), QString::fromUtf8(t.at(j + 2).text));
                j += 3;
            } else {
                ++j;
            }
            if (j < t.size() && t.at(j).kind == Token::Other && t.at(j).text == ",")
                ++j;
            else
                break;
        }
    }
    return {};
}

QString FileRestoreSource::scanForeignDatabase(QIODevice *in, const QString &allowedDatabase,
                                               const std::atomic<bool> *cancel, bool *foreign)
{
    if (foreign)
        *foreign = false;
    std::unique_ptr<GzipReader> gzip;
    QString openError;
    QIODevice *text = GzipReader::openText(in, &gzip, &openError);
    if (!text)
        return openError;
    SqlStatementReader reader(text);
    while (reader.next()) {
        if (cancel && *cancel)
            return QObject::tr("Cancelled.");
        // The client's USE (\\u too) comes out with the database it selects.
        const QString what = reader.useDatabase().isEmpty() ? foreignReference(reader.statement(), allowedDatabase)
                                                            : QStringLiteral("USE");
        if (!what.isEmpty()) {
            if (foreign)
                *foreign = true;
            return QObject::tr("statement %1 (line %2) uses another database: %3")
                .arg(reader.statementNumber())
                .arg(reader.line())
                .arg(what);
        }
    }
    if (reader.hasError())
        return reader.errorString();
    if (gzip && !gzip->finishedOk())
        return gzip->errorString().isEmpty() ? QObject::tr("the gzip stream is incomplete") : gzip->errorString();
    // A restore takes only a whole file: what follows the gzip data says the file is not what
    // was written.
    if (gzip && gzip->trailingBytes() > 0)
        return gzip->trailingData()
            + QObject::tr("; check where it came from, or unpack it with gunzip, which ignores them, and restore the "
                          ".sql file");
    return {};
}

void FileRestoreSource::prepare()
{
    QFile probe(m_path);
    if (!probe.open(QIODevice::ReadOnly)) {
        emit prepared(false, tr("Cannot read %1: %2.").arg(m_path, probe.errorString()));
        return;
    }
    probe.close();
    m_thread = QThread::create([this] {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_scanError = file.errorString();
            return;
        }
        m_scanError = scanForeignDatabase(&file, m_targetDatabase, &m_cancel, &m_scanFoundForeign);
    });
    connect(m_thread, &QThread::finished, this, [this] {
        if (m_cancel)
            return;
        if (!m_scanError.isEmpty()) {
            const QString reason = Sentence::unended(m_scanError);
            emit prepared(false,
                          m_scanFoundForeign
                              ? tr("%1 cannot be restored: %2; restore only a dump of a single database without "
                                   "USE, CREATE DATABASE or names of other databases.")
                                    .arg(m_path, reason)
                              : tr("%1 cannot be restored: %2.").arg(m_path, reason));
            return;
        }
        emit prepared(true, {});
    });
    m_thread->start();
}

std::unique_ptr<QIODevice> FileRestoreSource::open(QString *error)
{
    auto file = std::make_unique<QFile>(m_path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(m_path, file->errorString());
        return nullptr;
    }
    return file;
}

void FileRestoreSource::cancel()
{
    m_cancel = true;
}
