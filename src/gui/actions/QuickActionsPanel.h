// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/BackupRecord.h"
#include "catalog/Site.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;

/// The actions an engineer takes on the selected site, environment and backup. It enables what
/// makes sense for the selection and emits requests; it never talks to the service itself.
///
/// Create Backup runs in the selected environment; with "All" selected it asks which one
/// (a popup menu, not a modal dialog). Restore and Sync are visible but disabled until the
/// restore issue lands, with a tooltip that says so.
class QuickActionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit QuickActionsPanel(QWidget *parent = nullptr);

    void setSite(const Site &site);
    /// std::nullopt = "All".
    void setEnvironment(std::optional<Environment> environment);
    void setRecord(const BackupRecord &record);
    /// Whether the store can make download links; when not, Copy Download Link stays disabled
    /// with @p reason as its tooltip (what to do instead of an error that can never clear).
    void setLinksAvailable(bool available, const QString &reason = QString());
    BackupRecord record() const { return m_record; }

    void showDownloadProgress(qint64 done, qint64 total);
    void showDownloadResult(bool ok, const QString &text);
    void showLink(const QDateTime &expiresAtUtc);

    QPushButton *createButton() const { return m_create; }
    QPushButton *downloadButton() const { return m_download; }
    QPushButton *linkButton() const { return m_link; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *syncButton() const { return m_sync; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *pinButton() const { return m_pin; }
    QPushButton *deleteButton() const { return m_delete; }
    QMenu *environmentMenu() const { return m_envMenu; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void createBackupRequested(Environment environment);
    void downloadRequested(const BackupRecord &record);
    void copyLinkRequested(const BackupRecord &record);
    void verifyRequested(const BackupRecord &record);
    void pinRequested(const BackupRecord &record, bool pinned);
    void deleteRequested(const BackupRecord &record);

private:
    QPushButton *addButton(const QString &objectName, const QString &text, const QString &accessible);
    void updateButtons();
    void onCreateClicked();

    Site m_site;
    std::optional<Environment> m_environment;
    BackupRecord m_record;
    QPushButton *m_create;
    QPushButton *m_download;
    QPushButton *m_link;
    QPushButton *m_restore;
    QPushButton *m_sync;
    QPushButton *m_verify;
    QPushButton *m_pin;
    QPushButton *m_delete;
    QMenu *m_envMenu;
    bool m_linksAvailable = true;
    QString m_linksUnavailableReason;
    QLabel *m_selection;
    QLabel *m_status;
    QProgressBar *m_progress;
};
