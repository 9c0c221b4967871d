// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupDetailsDialog.h"

#include "jobs/BackupManifest.h"
#include "widgets/Format.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

BackupDetailsDialog::BackupDetailsDialog(QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_manifest(new QPlainTextEdit(this))
    , m_tables(new QTreeWidget(this))
    , m_manifestStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("BackupDetailsDialog"));
    setWindowTitle(tr("Backup Details"));
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight);
    addField(QStringLiteral("idField"), tr("Backup ID:"));
    addField(QStringLiteral("siteField"), tr("Site:"));
    addField(QStringLiteral("environmentField"), tr("Environment:"));
    addField(QStringLiteral("typeField"), tr("Type:"));
    addField(QStringLiteral("statusField"), tr("Status:"));
    addField(QStringLiteral("createdField"), tr("Created:"));
    addField(QStringLiteral("createdByField"), tr("Created by:"));
    addField(QStringLiteral("durationField"), tr("Duration:"));
    addField(QStringLiteral("sizeField"), tr("Size:"));
    addField(QStringLiteral("sha256Field"), tr("SHA-256:"));
    addField(QStringLiteral("keyField"), tr("Object key:"));
    addField(QStringLiteral("workerField"), tr("Worker:"));
    addField(QStringLiteral("errorField"), tr("Error:"));
    addField(QStringLiteral("serverField"), tr("MySQL server:"));
    addField(QStringLiteral("optionsField"), tr("Dump options:"));
    addField(QStringLiteral("tablesField"), tr("Tables:"));

    m_manifest->setObjectName(QStringLiteral("manifestText"));
    m_manifest->setReadOnly(true);
    m_manifest->setAccessibleName(tr("Manifest"));
    m_manifest->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_manifest->setPlaceholderText(tr("The manifest is stored next to the dump as <key>.json once the backup "
                                      "has completed."));

    m_tables->setObjectName(QStringLiteral("manifestTables"));
    m_tables->setAccessibleName(tr("Tables in the backup"));
    m_tables->setColumnCount(2);
    m_tables->setHeaderLabels({ tr("Table"), tr("Rows") });
    m_tables->setRootIsDecorated(false);
    m_tables->setUniformRowHeights(true);
    m_tables->setAlternatingRowColors(true);
    m_tables->setSortingEnabled(true);
    m_tables->sortByColumn(0, Qt::AscendingOrder);
    m_tables->header()->setStretchLastSection(false);
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tables->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    m_manifestStatus->setObjectName(QStringLiteral("manifestStatus"));
    m_manifestStatus->setWordWrap(true);
    m_manifestStatus->setText(tr("The manifest is stored next to the dump once the backup has completed."));

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("manifestTabs"));
    tabs->addTab(m_tables, tr("Tables"));
    tabs->addTab(m_manifest, tr("Manifest JSON"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_manifestStatus);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(680, 640);
}

QLabel *BackupDetailsDialog::addField(const QString &objectName, const QString &label)
{
    auto *field = new QLabel(this);
    field->setObjectName(objectName);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Ids, keys and hashes stay on one line (a wrapped label in a form gets the height of one
    // line and loses the rest); only the error sentence wraps.
    const bool sentence = objectName == QLatin1String("errorField");
    field->setWordWrap(sentence);
    if (sentence)
        field->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    m_form->addRow(label, field);
    return field;
}

QString BackupDetailsDialog::fieldText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

void BackupDetailsDialog::setRecord(const BackupRecord &r)
{
    m_record = r;
    auto set = [this](const char *name, const QString &text) {
        if (auto *label = findChild<QLabel *>(QString::fromLatin1(name)))
            label->setText(text.isEmpty() ? QStringLiteral("—") : text);
    };
    set("idField", r.id);
    set("siteField", r.siteId);
    set("environmentField", Format::environmentLong(r.environment));
    set("typeField", r.pinned ? tr("%1, pinned").arg(Format::type(r.type)) : Format::type(r.type));
    set("statusField", Format::status(r.status));
    set("createdField", Format::exactTime(r.createdAt));
    set("createdByField", r.createdBy);
    QString duration;
    if (r.startedAt.isValid() && r.finishedAt.isValid())
        duration = Format::duration(r.startedAt.secsTo(r.finishedAt));
    else if (r.startedAt.isValid())
        duration = tr("running since %1").arg(Format::localTime(r.startedAt));
    set("durationField", duration);
    set("sizeField",
        r.status == BackupStatus::Completed
            ? tr("%1 compressed (%2 bytes), %3 of SQL")
                  .arg(Format::size(r.sizeBytes), QLocale().toString(r.sizeBytes), Format::size(r.rawSizeBytes))
            : QString());
    set("sha256Field", r.sha256);
    set("keyField", r.objectKey);
    set("workerField", r.workerId);
    set("errorField", r.errorText);
    setWindowTitle(tr("Backup Details — %1").arg(r.id));
}

void BackupDetailsDialog::setManifestLoading()
{
    m_manifestStatus->setText(tr("Loading the manifest from storage…"));
    m_manifestStatus->show();
}

void BackupDetailsDialog::setManifestError(const QString &message)
{
    m_manifestStatus->setText(tr("The manifest could not be loaded: %1").arg(message));
    m_manifestStatus->show();
}

void BackupDetailsDialog::setManifest(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    m_manifest->setPlainText(doc.isNull() ? json : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    auto set = [this](const char *name, const QString &text) {
        if (auto *label = findChild<QLabel *>(QString::fromLatin1(name)))
            label->setText(text.isEmpty() ? QStringLiteral("—") : text);
    };
    QString error;
    const std::optional<BackupManifest> manifest = BackupManifest::fromJson(json.toUtf8(), &error);
    m_tables->clear();
    if (!manifest) {
        setManifestError(tr("it is not a manifest this version understands (%1).").arg(error));
        return;
    }
    m_manifestStatus->hide();
    set("serverField", manifest->serverVersion);
    // "a=1; b=2; ...": one option per line reads better than one long wrapped line.
    set("optionsField", manifest->dumpOptions.split(QStringLiteral("; "), Qt::SkipEmptyParts).join(u'\n'));
    qint64 totalRows = 0;
    QList<QTreeWidgetItem *> items;
    items.reserve(manifest->tables.size());
    for (const auto &table : manifest->tables) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, table.first);
        // Display text for people, the number for sorting.
        item->setData(1, Qt::DisplayRole, table.second);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
        totalRows += table.second;
    }
    m_tables->setSortingEnabled(false);
    m_tables->addTopLevelItems(items);
    m_tables->setSortingEnabled(true);
    set("tablesField",
        Format::count(manifest->tables.size(), Format::Noun::Table) + QStringLiteral(", ")
            + Format::count(totalRows, Format::Noun::Row));
}
