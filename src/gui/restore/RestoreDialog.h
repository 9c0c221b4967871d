// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Site.h"
#include "operations/RestorePreflight.h"
#include "operations/RestoreRequest.h"
#include "operations/SyncRequest.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace Ui {
class RestoreDialog;
}

/// The one modal confirmation of a restore (of a backup or of a .sql/.sql.gz file) or of an
/// environment sync: what will be replaced, by what, and how (the preflight the service
/// computes), and for a prod target the typed confirmation "SITE/prod". The run button stays
/// disabled until the preflight for the current choice has arrived, refuses nothing and the
/// confirmation matches exactly.
///
/// It does no I/O: it emits preflightRequested() whenever the choice changes; the owner asks
/// the service and answers with setPreflight() (answers to an older request are dropped).
/// After accept(), restoreRequest() / syncRequest() say what to run.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Backup, File, Sync };
    Q_ENUM(Mode)

    explicit RestoreDialog(QWidget *parent = nullptr);
    ~RestoreDialog() override;

    /// Restore @p backup into an environment of @p site, its own by default.
    void setBackup(const Site &site, const BackupRecord &backup);
    /// Restore the file @p path into @p target of @p site.
    void setFile(const Site &site, const QString &path, Environment target);
    /// Copy @p from over @p to (a developer-tier site).
    void setSync(const Site &site, Environment from, Environment to);

    Mode mode() const { return m_mode; }
    Site site() const { return m_site; }
    BackupRecord backup() const { return m_backup; }
    QString filePath() const { return m_filePath; }
    Environment target() const;
    Environment source() const; ///< sync only

    /// The answer to preflightRequested(@p requestId); @p error when it could not be computed.
    void setPreflight(const QString &requestId, const RestorePreflight &preflight, const QString &error);
    /// The request the next setPreflight() answers (set by the owner on preflightRequested()).
    void setPendingRequest(const QString &requestId);
    bool hasPreflight() const { return m_havePreflight; }
    RestorePreflight preflight() const { return m_preflight; }

    RestoreRequest restoreRequest() const;
    SyncRequest syncRequest() const;

    QPushButton *runButton() const;
    QComboBox *targetCombo() const;
    QComboBox *sourceCombo() const;
    QComboBox *sanitizeCombo() const;
    QCheckBox *skipCacheDataBox() const;
    QLineEdit *confirmEdit() const;

signals:
    /// The choice changed: the owner computes a preflight and answers with setPreflight().
    void preflightRequested();

private:
    void setUpEnvironments(QComboBox *combo, Environment selected);
    void onChoiceChanged();
    void showPreflight();
    void updateRunButton();
    QString requiredConfirmation() const;
    QString localProblem() const;

    std::unique_ptr<Ui::RestoreDialog> m_ui;
    Mode m_mode = Mode::Backup;
    Site m_site;
    BackupRecord m_backup;
    QString m_filePath;
    QString m_pendingRequest;
    RestorePreflight m_preflight;
    QString m_preflightError;
    bool m_havePreflight = false;
};
