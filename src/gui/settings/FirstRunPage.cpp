// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FirstRunPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

FirstRunPage::FirstRunPage(const QString &homeDir, QWidget *parent)
    : QWidget(parent)
    , m_addSite(new QPushButton(tr("&Add a Site…"), this))
    , m_settings(new QPushButton(tr("Connect &R2…"), this))
    , m_dismiss(new QPushButton(tr("&Got It"), this))
{
    setObjectName(QStringLiteral("FirstRunPage"));
    auto *title = new QLabel(tr("Welcome to Creodrop Backups"), this);
    title->setObjectName(QStringLiteral("firstRunTitle"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setWeight(QFont::DemiBold);
    title->setFont(font);

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("firstRunText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setText(
        tr("<p>Everything works right away, without an account:</p>"
           "<ul><li>the <b>catalog</b> of sites and backups is a local SQLite file, and</li>"
           "<li>backups are stored in a <b>local folder</b>,</li></ul>"
           "<p>both under <code>%1</code> (set <code>CREODROP_HOME</code> to use another folder).</p>"
           "<p><b>To store backups in Cloudflare R2</b>, create an R2 API token with Object Read &amp; Write "
           "for your bucket, then open <i>Settings ▸ Storage</i> and enter the account endpoint "
           "(<code>https://&lt;account-id&gt;.r2.cloudflarestorage.com</code>), the bucket, the access key ID "
           "and the secret access key. The secret goes into the system keychain, never into the settings "
           "file. Use <i>Test Connection</i> before saving.</p>"
           "<p><b>To share the catalog with your team</b>, point <i>Settings ▸ Catalog</i> at a MySQL or "
           "MariaDB database.</p>")
            .arg(homeDir.toHtmlEscaped()));

    m_addSite->setObjectName(QStringLiteral("firstRunAddSite"));
    m_addSite->setDefault(true);
    m_settings->setObjectName(QStringLiteral("firstRunSettings"));
    m_dismiss->setObjectName(QStringLiteral("firstRunDismiss"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addSite);
    buttons->addWidget(m_settings);
    buttons->addStretch(1);
    buttons->addWidget(m_dismiss);

    auto *inner = new QWidget(this);
    inner->setMaximumWidth(640);
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(title);
    innerLayout->addWidget(text);
    innerLayout->addSpacing(12);
    innerLayout->addLayout(buttons);

    // Centred by stretches, not by an alignment flag: an aligned widget gets its size hint's
    // height instead of its height for the width, which cut the wrapped text off.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(inner, 100);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);

    connect(m_addSite, &QPushButton::clicked, this, &FirstRunPage::addSiteRequested);
    connect(m_settings, &QPushButton::clicked, this, &FirstRunPage::settingsRequested);
    connect(m_dismiss, &QPushButton::clicked, this, &FirstRunPage::dismissed);
}
