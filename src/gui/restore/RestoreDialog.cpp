// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoreDialog.h"

#include "ui_RestoreDialog.h"
#include "widgets/Format.h"

#include <QDir>
#include <QFileInfo>
#include <QPushButton>

RestoreDialog::RestoreDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RestoreDialog>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("RestoreDialog"));
    // The dialog is the confirmation: nothing runs on Enter by accident, Cancel is the default.
    runButton()->setObjectName(QStringLiteral("restoreRunButton"));
    runButton()->setAutoDefault(false);
    runButton()->setDefault(false);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setDefault(true);
    m_ui->summaryLabel->setTextFormat(Qt::PlainText);
    m_ui->steps->setTextFormat(Qt::RichText);
    m_ui->problems->setTextFormat(Qt::PlainText);
    m_ui->problems->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 4px;"));
    m_ui->sanitizeCombo->addItem(tr("None"), QVariant::fromValue(static_cast<int>(SanitizeProfile::None)));
    m_ui->sanitizeCombo->addItem(tr("WordPress"), QVariant::fromValue(static_cast<int>(SanitizeProfile::WordPress)));
    m_ui->sanitizeCombo->addItem(tr("Drupal"), QVariant::fromValue(static_cast<int>(SanitizeProfile::Drupal)));
    m_ui->sanitizeCombo->setToolTip(tr("Replace personal data in the copy (e-mails become user<ID>@example.invalid, "
                                       "password hashes and sessions are cleared). Never applied to prod."));

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->targetCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &RestoreDialog::onChoiceChanged);
    connect(m_ui->fromCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, &RestoreDialog::onChoiceChanged);
    connect(m_ui->sanitizeCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &RestoreDialog::onChoiceChanged);
    connect(m_ui->skipCacheData, &QCheckBox::toggled, this, &RestoreDialog::onChoiceChanged);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateRunButton);
    setModal(true);
}

RestoreDialog::~RestoreDialog() = default;

QPushButton *RestoreDialog::runButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}
QComboBox *RestoreDialog::targetCombo() const
{
    return m_ui->targetCombo;
}
QComboBox *RestoreDialog::sourceCombo() const
{
    return m_ui->fromCombo;
}
QComboBox *RestoreDialog::sanitizeCombo() const
{
    return m_ui->sanitizeCombo;
}
QCheckBox *RestoreDialog::skipCacheDataBox() const
{
    return m_ui->skipCacheData;
}
QLineEdit *RestoreDialog::confirmEdit() const
{
    return m_ui->confirmEdit;
}

void RestoreDialog::setUpEnvironments(QComboBox *combo, Environment selected)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (Environment env : m_site.environments())
        combo->addItem(tr("%1 (%2)").arg(Format::environmentLong(env), Format::environment(env)),
                       QVariant::fromValue(static_cast<int>(env)));
    const int index = combo->findData(QVariant::fromValue(static_cast<int>(selected)));
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void RestoreDialog::setBackup(const Site &site, const BackupRecord &backup)
{
    m_mode = Mode::Backup;
    m_site = site;
    m_backup = backup;
    m_filePath.clear();
    setWindowTitle(tr("Restore Backup"));
    runButton()->setText(tr("&Restore"));
    m_ui->targetLabel->setText(tr("Restore &into:"));
    setUpEnvironments(m_ui->targetCombo, backup.environment);
    onChoiceChanged();
}

void RestoreDialog::setFile(const Site &site, const QString &path, Environment target)
{
    m_mode = Mode::File;
    m_site = site;
    m_backup = {};
    m_filePath = path;
    setWindowTitle(tr("Restore from File"));
    runButton()->setText(tr("&Restore"));
    m_ui->targetLabel->setText(tr("Restore &into:"));
    setUpEnvironments(m_ui->targetCombo, target);
    onChoiceChanged();
}

void RestoreDialog::setSync(const Site &site, Environment from, Environment to)
{
    m_mode = Mode::Sync;
    m_site = site;
    m_backup = {};
    m_filePath.clear();
    setWindowTitle(tr("Sync Environments"));
    runButton()->setText(tr("S&ync"));
    m_ui->targetLabel->setText(tr("&To:"));
    setUpEnvironments(m_ui->fromCombo, from);
    setUpEnvironments(m_ui->targetCombo, to);
    onChoiceChanged();
}

Environment RestoreDialog::target() const
{
    return static_cast<Environment>(m_ui->targetCombo->currentData().toInt());
}

Environment RestoreDialog::source() const
{
    return static_cast<Environment>(m_ui->fromCombo->currentData().toInt());
}

QString RestoreDialog::requiredConfirmation() const
{
    return RestoreRequest::requiredConfirmation(m_site.id, target());
}

void RestoreDialog::setPendingRequest(const QString &requestId)
{
    m_pendingRequest = requestId;
}

void RestoreDialog::onChoiceChanged()
{
    const bool sync = m_mode == Mode::Sync;
    m_ui->fromLabel->setVisible(sync);
    m_ui->fromCombo->setVisible(sync);
    m_ui->syncGroup->setVisible(sync);
    // Sanitizing replaces data people use: never in prod.
    const bool prodTarget = target() == Environment::Prod;
    if (prodTarget && m_ui->sanitizeCombo->currentIndex() != 0) {
        const QSignalBlocker blocker(m_ui->sanitizeCombo);
        m_ui->sanitizeCombo->setCurrentIndex(0);
    }
    m_ui->sanitizeCombo->setEnabled(!prodTarget);
    m_ui->sanitizeLabel->setEnabled(!prodTarget);

    const QString where = m_site.id + QLatin1Char('/') + Environments::toString(target());
    switch (m_mode) {
    case Mode::Backup:
        m_ui->summaryLabel->setText(tr("Replace the database of %1 with the %2 backup of %3 from %4.")
                                        .arg(where, Format::typeInSentence(m_backup.type),
                                             Format::environment(m_backup.environment),
                                             Format::localTime(m_backup.createdAt)));
        break;
    case Mode::File:
        m_ui->summaryLabel->setText(
            tr("Replace the database of %1 with the SQL of %2.").arg(where, QDir::toNativeSeparators(m_filePath)));
        break;
    case Mode::Sync:
        m_ui->summaryLabel->setText(tr("Replace the database of %1 with a copy of %2/%3.")
                                        .arg(where, m_site.id, Environments::toString(source())));
        break;
    }

    const QString required = requiredConfirmation();
    m_ui->confirmLabel->setVisible(!required.isEmpty());
    m_ui->confirmEdit->setVisible(!required.isEmpty());
    m_ui->confirmLabel->setText(tr("Type %1 to &confirm:").arg(required));
    m_ui->confirmEdit->setAccessibleName(tr("Confirmation"));
    m_ui->confirmEdit->setToolTip(tr("This replaces production data: type %1 exactly to enable %2.")
                                      .arg(required, runButton()->text().remove(QLatin1Char('&'))));

    m_havePreflight = false;
    m_preflight = {};
    m_preflightError.clear();
    showPreflight();
    if (localProblem().isEmpty())
        emit preflightRequested();
}

QString RestoreDialog::localProblem() const
{
    if (m_mode == Mode::Sync && source() == target())
        return tr("Choose two different environments: a sync copies one environment over another.");
    return {};
}

void RestoreDialog::setPreflight(const QString &requestId, const RestorePreflight &preflight, const QString &error)
{
    if (requestId != m_pendingRequest)
        return; // the choice changed since: a newer answer follows
    m_preflight = preflight;
    m_preflightError = error;
    m_havePreflight = true;
    showPreflight();
}

namespace {
QString listHtml(const QStringList &items)
{
    QString html = QStringLiteral("<ol style=\"margin-left: 0px; -qt-list-indent: 1;\">");
    for (const QString &item : items)
        // A step's later lines (a sync's custom sanitizing SQL) stay lines of their own.
        html += QStringLiteral("<li>%1</li>")
                    .arg(item.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    return html + QStringLiteral("</ol>");
}
} // namespace

void RestoreDialog::showPreflight()
{
    const RestorePreflight &p = m_preflight;
    const bool backup = m_mode == Mode::Backup;
    for (QWidget *w :
         { static_cast<QWidget *>(m_ui->sourceEnvironmentLabel), static_cast<QWidget *>(m_ui->sourceEnvironment),
           static_cast<QWidget *>(m_ui->sourceAgeLabel), static_cast<QWidget *>(m_ui->sourceAge),
           static_cast<QWidget *>(m_ui->sourceTypeLabel), static_cast<QWidget *>(m_ui->sourceType),
           static_cast<QWidget *>(m_ui->sourceCreatorLabel), static_cast<QWidget *>(m_ui->sourceCreator) })
        w->setVisible(backup);
    m_ui->sourceSizeLabel->setVisible(m_mode != Mode::Sync);
    m_ui->sourceSize->setVisible(m_mode != Mode::Sync);
    const bool sync = m_mode == Mode::Sync;
    m_ui->collationsLabel->setVisible(!sync);
    m_ui->collations->setVisible(!sync);

    // What the dialog knows without the service.
    if (backup) {
        m_ui->sourceDescription->setText(tr("Backup %1").arg(m_backup.id));
        m_ui->sourceEnvironment->setText(Format::environmentLong(m_backup.environment));
        const qint64 age
            = m_backup.createdAt.isValid() ? m_backup.createdAt.secsTo(QDateTime::currentDateTimeUtc()) : -1;
        m_ui->sourceAge->setText(
            age < 0 ? tr("unknown")
                    : tr("%1 ago (%2)").arg(Format::duration(age), Format::localTime(m_backup.createdAt)));
        m_ui->sourceSize->setText(Format::size(m_backup.sizeBytes));
        m_ui->sourceType->setText(Format::type(m_backup.type));
        m_ui->sourceCreator->setText(m_backup.createdBy.isEmpty() ? tr("unknown") : m_backup.createdBy);
    } else if (m_mode == Mode::File) {
        m_ui->sourceDescription->setText(QDir::toNativeSeparators(m_filePath));
        m_ui->sourceSize->setText(m_havePreflight ? Format::size(p.fileSizeBytes) : tr("…"));
    } else {
        m_ui->sourceDescription->setText(
            m_havePreflight ? p.sourceDescription : tr("%1/%2").arg(m_site.id, Environments::toString(source())));
    }

    const QString pending = m_havePreflight ? QString() : tr("…");
    m_ui->targetDatabase->setText(m_havePreflight ? p.targetEndpoint : pending);
    if (m_havePreflight && !p.targetReachable) {
        m_ui->targetSize->setText(tr("Not reachable: %1").arg(p.targetError));
        m_ui->targetObjects->setText(tr("unknown"));
    } else {
        m_ui->targetSize->setText(m_havePreflight ? Format::size(p.targetSizeBytes) : pending);
        using Noun = Format::Noun;
        m_ui->targetObjects->setText(m_havePreflight ? QStringList{ Format::count(p.targetTables, Noun::Table),
                                                                    Format::count(p.targetViews, Noun::View),
                                                                    Format::count(p.targetRoutines, Noun::Routine),
                                                                    Format::count(p.targetTriggers, Noun::Trigger),
                                                                    Format::count(p.targetEvents, Noun::Event) }
                                                           .join(QStringLiteral(", "))
                                                     : pending);
    }
    if (!m_havePreflight)
        m_ui->collations->setText(pending);
    else if (p.collationsMapped.isEmpty())
        m_ui->collations->setText(tr("None to map"));
    else
        m_ui->collations->setText(tr("Mapped: %1").arg(p.collationsMapped.join(QStringLiteral(", "))));
    m_ui->definers->setText(!m_havePreflight ? pending
                                : p.definersStripped
                                ? tr("Stripped: the target user can set no other definer, so views, routines, triggers "
                                     "and events will belong to it")
                                : tr("Kept as in the source"));
    m_ui->steps->setText(m_havePreflight ? listHtml(p.steps) : pending);

    QStringList problems;
    const QString local = localProblem();
    if (!local.isEmpty())
        problems << local;
    if (m_havePreflight) {
        if (!m_preflightError.isEmpty())
            problems << m_preflightError;
        problems << p.problems;
    }
    m_ui->problems->setText(problems.join(QLatin1Char('\n')));
    m_ui->problems->setVisible(!problems.isEmpty());
    m_ui->status->setText(m_havePreflight || !local.isEmpty() ? QString() : tr("Checking the target…"));
    m_ui->status->setVisible(!m_havePreflight && local.isEmpty());
    updateRunButton();
}

void RestoreDialog::updateRunButton()
{
    const QString required = requiredConfirmation();
    const bool confirmed = required.isEmpty() || m_ui->confirmEdit->text() == required;
    const bool runnable
        = m_havePreflight && m_preflightError.isEmpty() && m_preflight.canRun() && localProblem().isEmpty();
    runButton()->setEnabled(runnable && confirmed);
    if (!runnable)
        runButton()->setToolTip(m_havePreflight ? tr("The restore cannot run: see the problems above.")
                                                : tr("Waiting for the check of the target."));
    else if (!confirmed)
        runButton()->setToolTip(tr("Type %1 above to confirm.").arg(required));
    else
        runButton()->setToolTip(QString());
}

RestoreRequest RestoreDialog::restoreRequest() const
{
    RestoreRequest request;
    request.siteId = m_site.id;
    request.target = target();
    request.sourceBackupId = m_mode == Mode::Backup ? m_backup.id : QString();
    request.confirmation
        = m_ui->confirmEdit->isVisible() || !requiredConfirmation().isEmpty() ? m_ui->confirmEdit->text() : QString();
    return request;
}

SyncRequest RestoreDialog::syncRequest() const
{
    SyncRequest request;
    request.siteId = m_site.id;
    request.from = source();
    request.to = target();
    request.confirmation = requiredConfirmation().isEmpty() ? QString() : m_ui->confirmEdit->text();
    request.sanitize = static_cast<SanitizeProfile>(m_ui->sanitizeCombo->currentData().toInt());
    request.skipCacheData = m_ui->skipCacheData->isChecked();
    return request;
}
