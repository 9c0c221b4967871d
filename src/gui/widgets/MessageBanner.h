// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

/// A non-modal banner atop a page for recoverable problems and notices (cf. KeePassXC's
/// MessageWidget): the message, an optional Retry action and a close button. Only destructive
/// confirmations are modal in this application; everything else lands here.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error, Success };

    explicit MessageBanner(QWidget *parent = nullptr);

    /// Shows @p text; with a @p retry callback a Retry button runs it (and hides the banner).
    void showMessage(Kind kind, const QString &text, std::function<void()> retry = {});
    void dismiss();

    Kind kind() const { return m_kind; }
    QString text() const;
    bool hasRetry() const { return static_cast<bool>(m_retry); }
    QPushButton *retryButton() const { return m_retryButton; }

signals:
    void dismissed();

private:
    void applyKind();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retryButton;
    QToolButton *m_closeButton;
    std::function<void()> m_retry;
};
