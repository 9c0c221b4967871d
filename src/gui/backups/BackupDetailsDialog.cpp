// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackupDetailsDialog.h"

#include "widgets/Format.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

BackupDetailsDialog::BackupDetailsDialog(QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_manifest(new QPlainTextEdit(this))
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

    m_manifest->setObjectName(QStringLiteral("manifestText"));
    m_manifest->setReadOnly(true);
    m_manifest->setAccessibleName(tr("Manifest"));
    m_manifest->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_manifest->setPlaceholderText(tr("The manifest is stored next to the dump as <key>.json once the backup "
                                      "has completed."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(new QLabel(tr("Manifest:"), this));
    layout->addWidget(m_manifest, 1);
    layout->addWidget(buttons);
    resize(640, 560);
}

QLabel *BackupDetailsDialog::addField(const QString &objectName, const QString &label)
{
    auto *field = new QLabel(this);
    field->setObjectName(objectName);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    field->setWordWrap(true);
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

void BackupDetailsDialog::setManifest(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    m_manifest->setPlainText(doc.isNull() ? json : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}
