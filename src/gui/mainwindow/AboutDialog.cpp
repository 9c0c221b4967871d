// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"

#include "AppIcon.h"
#include "util/Version.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace {
const char kLicenseId[] = "GPL-3.0-or-later";
const char kLicenseUrl[] = "https://www.gnu.org/licenses/gpl-3.0.html";
} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("About Creodrop Backups"));

    auto *logo = new QLabel(this);
    logo->setObjectName(QStringLiteral("logoLabel"));
    logo->setPixmap(AppIcon::icon().pixmap(QSize(64, 64)));
    logo->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *text = new QVBoxLayout;
    QLabel *title = addLabel(QStringLiteral("versionLabel"), tr("Creodrop Backups %1").arg(Version::string()));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    text->addWidget(title);
    text->addWidget(addLabel(QStringLiteral("descriptionLabel"),
                             tr("Backups of customer sites' MySQL databases to Cloudflare R2, for Creodrop's "
                                "support engineers.")));
    QLabel *license = addLabel(
        QStringLiteral("licenseLabel"),
        tr("License: <a href=\"%1\">GNU General Public License, version 3 or later</a> (%2). This program comes "
           "with ABSOLUTELY NO WARRANTY.")
            .arg(QLatin1String(kLicenseUrl), QLatin1String(kLicenseId)));
    license->setTextFormat(Qt::RichText);
    license->setOpenExternalLinks(true);
    text->addWidget(license);
    text->addWidget(
        addLabel(QStringLiteral("qtLabel"),
                 tr("Qt %1 (built with Qt %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))));
    text->addWidget(addLabel(QStringLiteral("copyrightLabel"), tr("© 2026 Creodrop")));
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(logo);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyButton"));
    copy->setToolTip(tr("Copy the version, license and Qt version, for a support ticket"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(plainText()); });
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    connect(aboutQt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

QString AboutDialog::plainText() const
{
    // Not translated: it goes into tickets that anyone on the team reads.
    return QStringLiteral("Creodrop Backups %1, %2, Qt %3 (built with %4), %5")
        .arg(Version::string(), QLatin1String(kLicenseId), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), QSysInfo::prettyProductName());
}

QLabel *AboutDialog::addLabel(const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text, this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}
