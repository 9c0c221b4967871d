// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBanner.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retryButton(new QPushButton(tr("Retry"), this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("MessageBanner"));
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton->setObjectName(QStringLiteral("bannerRetry"));
    m_retryButton->setAccessibleName(tr("Retry"));
    m_closeButton->setObjectName(QStringLiteral("bannerClose"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setToolTip(tr("Dismiss"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retryButton);
    layout->addWidget(m_closeButton);

    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        auto retry = m_retry;
        dismiss();
        if (retry)
            retry();
    });
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBanner::dismiss);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, std::function<void()> retry)
{
    m_kind = kind;
    m_text->setText(text);
    m_retry = std::move(retry);
    m_retryButton->setVisible(static_cast<bool>(m_retry));
    applyKind();
    show();
    QAccessibleEvent event(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

void MessageBanner::dismiss()
{
    m_retry = nullptr;
    hide();
    emit dismissed();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::applyKind()
{
    QColor tint;
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    switch (m_kind) {
    case Kind::Information:
        tint = QColor(0x2f, 0x7d, 0xd1);
        break;
    case Kind::Success:
        tint = QColor(0x2e, 0x9d, 0x5a);
        break;
    case Kind::Warning:
        tint = QColor(0xe0, 0x8a, 0x00);
        pixmap = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        tint = QColor(0xd0, 0x3b, 0x3b);
        pixmap = QStyle::SP_MessageBoxCritical;
        break;
    }
    // A light wash of the kind's colour over the window colour reads well in light and dark.
    QPalette pal = palette();
    const QColor base
        = parentWidget() ? parentWidget()->palette().color(QPalette::Window) : pal.color(QPalette::Window);
    QColor wash = base;
    wash.setRedF(base.redF() * 0.82 + tint.redF() * 0.18);
    wash.setGreenF(base.greenF() * 0.82 + tint.greenF() * 0.18);
    wash.setBlueF(base.blueF() * 0.82 + tint.blueF() * 0.18);
    pal.setColor(QPalette::Window, wash);
    setPalette(pal);
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(side, side));
}
